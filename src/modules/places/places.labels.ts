import type {
  AccessMode,
  AccessibilityFeature,
  EquipmentFeature,
  Fee,
  Itinerance,
  Language,
  NationalScheme,
  Public,
  Service,
  SpecificSupport,
  SupportMode,
  TrainingLabel,
  Typology,
} from './places.enums.ts';

// The national standard's strings, verbatim: they are both what people read and what exports write.

export const serviceLabels = {
  aide_demarches: 'Aide aux démarches administratives',
  outils_quotidien: 'Maîtrise des outils numériques du quotidien',
  insertion_professionnelle: 'Insertion professionnelle via le numérique',
  usage_securise: 'Utilisation sécurisée du numérique',
  parentalite_education: 'Parentalité et éducation avec le numérique',
  loisirs_creations: 'Loisirs et créations numériques',
  comprehension_monde: 'Compréhension du monde numérique',
  acces_internet_materiel: 'Accès internet et matériel informatique',
  materiel_prix_solidaire: 'Acquisition de matériel informatique à prix solidaire',
} as const satisfies Record<Service, string>;

export const publicLabels = {
  jeunes: 'Jeunes',
  etudiants: 'Étudiants',
  familles_enfants: 'Familles et/ou enfants',
  seniors: 'Seniors',
  femmes: 'Femmes',
} as const satisfies Record<Public, string>;

export const specificSupportLabels = {
  surdite: 'Surdité',
  handicaps_moteurs: 'Handicaps moteurs',
  handicaps_mentaux: 'Handicaps mentaux',
  illettrisme: 'Illettrisme',
  langues_anglais: 'Langues étrangères (anglais)',
  langues_autres: 'Langues étrangères (autres)',
  deficience_visuelle: 'Déficience visuelle',
} as const satisfies Record<SpecificSupport, string>;

export const feeLabels = {
  gratuit: 'Gratuit',
  gratuit_sous_condition: 'Gratuit sous condition',
  payant: 'Payant',
} as const satisfies Record<Fee, string>;

export const itineranceLabels = { itinerant: 'Itinérant', fixe: 'Fixe' } as const satisfies Record<Itinerance, string>;

export const accessModeLabels = {
  se_presenter: 'Se présenter',
  telephoner: 'Téléphoner',
  contacter_par_mail: 'Contacter par mail',
  rdv_en_ligne: 'Prendre un RDV en ligne',
  pas_de_public: "Ce lieu n'accueille pas de public",
  mail_prescription: 'Envoyer un mail avec une fiche de prescription',
} as const satisfies Record<AccessMode, string>;

export const supportModeLabels = {
  en_autonomie: 'En autonomie',
  accompagnement_individuel: 'Accompagnement individuel',
  atelier_collectif: 'Dans un atelier collectif',
  a_distance: 'À distance',
} as const satisfies Record<SupportMode, string>;

export const nationalSchemeLabels = {
  aidants_connect: 'Aidants Connect',
  bibliotheques_numerique_reference: 'Bibliothèques numérique de référence',
  certification_pix: 'Certification PIX',
  conseillers_numeriques: 'Conseillers numériques',
  emmaus_connect: 'Emmaüs Connect',
  france_services: 'France Services',
  grande_ecole_numerique: 'Grande école du numérique',
  croix_rouge: 'La Croix Rouge',
  point_acces_caf: "Point d'accès numérique CAF",
  promeneurs_du_net: 'Promeneurs du net',
  relais_numerique_emmaus: 'Relais numérique (Emmaüs Connect)',
} as const satisfies Record<NationalScheme, string>;

export const trainingLabelLabels = {
  mon_espace_sante: 'Formé à « Mon Espace Santé »',
  duplex: 'Formé à « DUPLEX » (illettrisme)',
  arnia_mednum_bfc: 'Arnia/MedNum BFC (Bourgogne-Franche-Comté)',
  collectif_reemploi_normandie: 'Collectif ressources et acteurs réemploi (Normandie)',
  // The standard's schema.json spells it without the space before the parenthesis (a known quirk): exports must
  // write it that way to validate, people read it spelled right.
  etapes_numeriques: 'Étapes numériques (La Poste)',
  fabriques_territoire: 'Fabriques de Territoire',
  eclaireurs_numerique: 'Les Éclaireurs du numérique (Drôme)',
  mes_papiers: 'Mes Papiers (Métropole de Lyon)',
  ordi_3_0: 'ORDI 3.0',
  sud_labs: 'SUD LABS (PACA)',
} as const satisfies Record<TrainingLabel, string>;

/** Export spellings where the standard's schema differs from the correct spelling. */
export const trainingLabelExportOverrides: Partial<Record<TrainingLabel, string>> = {
  etapes_numeriques: 'Étapes numériques(La Poste)',
};

export const typologyLabels = {
  ASSO: 'Association',
  BIB: 'Bibliothèque, médiathèque',
  CCAS: 'Centre communal d’action sociale (CCAS)',
  CCONS: 'Chambre consulaire',
  MQ: 'Maison de quartier, maison commune',
  MUNI: 'Commune (mairie)',
  OF: 'Organisme de formation',
  PIJ_BIJ: 'Point ou bureau information jeunesse',
  TIERS_LIEUX: 'Tiers-lieu',
  DEPT: 'Province',
  LA_POSTE: 'Agence OPT (office des postes)',
  ENTREPRISE: 'Entreprise privée',
  AUTRE: 'Autre',
} as const satisfies Record<Typology, string>;

export const languageLabels = {
  francais: 'Français',
  anglais: 'Anglais',
  drehu: 'Drehu',
  nengone: 'Nengone',
  iaai: 'Iaai',
  paici: 'Paicî',
  ajie: 'Ajië',
  xaracuu: 'Xârâcùù',
  wallisien: 'Wallisien',
  futunien: 'Futunien',
  tahitien: 'Tahitien',
  bichelamar: 'Bichelamar',
  vietnamien: 'Vietnamien',
  indonesien: 'Indonésien (javanais)',
} as const satisfies Record<Language, string>;

export const accessibilityFeatureLabels = {
  entree_plain_pied: 'Entrée de plain-pied ou avec rampe',
  toilettes_accessibles: 'Toilettes accessibles en fauteuil roulant',
  stationnement_reserve: 'Place de stationnement réservée',
  boucle_magnetique: 'Boucle magnétique pour les personnes malentendantes',
  loupe_grand_ecran: 'Loupe ou grand écran',
  lecteur_ecran: 'Lecteur d’écran installé',
  personnel_langue_signes: 'Personnel qui parle la langue des signes',
  documents_falc: 'Documents faciles à lire et à comprendre (FALC)',
} as const satisfies Record<AccessibilityFeature, string>;

export const equipmentFeatureLabels = {
  wifi: 'Wifi',
  impression: 'Impression',
  numerisation: 'Numérisation (scanner)',
} as const satisfies Record<EquipmentFeature, string>;

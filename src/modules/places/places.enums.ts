/**
 * The enumerations of the national standard for places of digital mediation (v1.0.2, schema.json), as code tuples,
 * plus New Caledonia's own. Labels — the exact strings of the standard, used in exports — are in places.labels.ts.
 */

export const services = [
  'aide_demarches',
  'outils_quotidien',
  'insertion_professionnelle',
  'usage_securise',
  'parentalite_education',
  'loisirs_creations',
  'comprehension_monde',
  'acces_internet_materiel',
  'materiel_prix_solidaire',
] as const;
export type Service = (typeof services)[number];

export const publics = ['jeunes', 'etudiants', 'familles_enfants', 'seniors', 'femmes'] as const;
export type Public = (typeof publics)[number];

export const specificSupports = [
  'surdite',
  'handicaps_moteurs',
  'handicaps_mentaux',
  'illettrisme',
  'langues_anglais',
  'langues_autres',
  'deficience_visuelle',
] as const;
export type SpecificSupport = (typeof specificSupports)[number];

export const fees = ['gratuit', 'gratuit_sous_condition', 'payant'] as const;
export type Fee = (typeof fees)[number];

export const itinerances = ['itinerant', 'fixe'] as const;
export type Itinerance = (typeof itinerances)[number];

export const accessModes = ['se_presenter', 'telephoner', 'contacter_par_mail', 'rdv_en_ligne', 'pas_de_public', 'mail_prescription'] as const;
export type AccessMode = (typeof accessModes)[number];

export const supportModes = ['en_autonomie', 'accompagnement_individuel', 'atelier_collectif', 'a_distance'] as const;
export type SupportMode = (typeof supportModes)[number];

export const nationalSchemes = [
  'aidants_connect',
  'bibliotheques_numerique_reference',
  'certification_pix',
  'conseillers_numeriques',
  'emmaus_connect',
  'france_services',
  'grande_ecole_numerique',
  'croix_rouge',
  'point_acces_caf',
  'promeneurs_du_net',
  'relais_numerique_emmaus',
] as const;
export type NationalScheme = (typeof nationalSchemes)[number];

export const trainingLabels = [
  'mon_espace_sante',
  'duplex',
  'arnia_mednum_bfc',
  'collectif_reemploi_normandie',
  'etapes_numeriques',
  'fabriques_territoire',
  'eclaireurs_numerique',
  'mes_papiers',
  'ordi_3_0',
  'sud_labs',
] as const;
export type TrainingLabel = (typeof trainingLabels)[number];

/**
 * Structure types of data·inclusion's vocabulary that the standard refers to for `typologie` (codes are exported
 * as they are). Only those useful in New Caledonia are listed; anything else is kept as unmapped text.
 */
export const typologies = ['ASSO', 'BIB', 'CCAS', 'CCONS', 'MQ', 'MUNI', 'OF', 'PIJ_BIJ', 'TIERS_LIEUX', 'DEPT', 'LA_POSTE', 'ENTREPRISE', 'AUTRE'] as const;
export type Typology = (typeof typologies)[number];

/** New Caledonia: languages spoken at the place (Kanak languages among them). */
export const languages = ['francais', 'anglais', 'drehu', 'nengone', 'iaai', 'paici', 'ajie', 'xaracuu', 'wallisien', 'futunien', 'tahitien', 'bichelamar', 'vietnamien', 'indonesien'] as const;
export type Language = (typeof languages)[number];

/** New Caledonia: what the place offers for accessibility (acceslibre does not cover the territory). */
export const accessibilityFeatures = [
  'entree_plain_pied',
  'toilettes_accessibles',
  'stationnement_reserve',
  'boucle_magnetique',
  'loupe_grand_ecran',
  'lecteur_ecran',
  'personnel_langue_signes',
  'documents_falc',
] as const;
export type AccessibilityFeature = (typeof accessibilityFeatures)[number];

/** New Caledonia: equipment available to the public. Counts are separate columns. */
export const equipmentFeatures = ['wifi', 'impression', 'numerisation'] as const;
export type EquipmentFeature = (typeof equipmentFeatures)[number];

import type { TagColour } from '../../ui/index.ts';
import type { AccessibilityOption, DisabilityAnswer, Pictogram, RegistrationStatus, SessionStatus, TargetKind } from './workshops.schema.ts';

export const targetKindLabels = {
  workshops_held: 'Ateliers réalisés',
  communes_covered: 'Communes couvertes',
  people_reached: 'Personnes touchées',
  people_with_disability_reached: 'Personnes en situation de handicap touchées',
  satisfaction_percent: 'Satisfaction (en %)',
  custom: 'Autre objectif',
} as const satisfies Record<TargetKind, string>;

/** What a session offers, as the public reads it (FALC: plain words). */
export const accessibilityLabels = {
  lsf_interpreter: 'Interprète en langue des signes (LSF)',
  falc_materials: 'Documents faciles à lire et à comprendre (FALC)',
  audio_description: 'Audiodescription',
  hearing_loop: 'Boucle magnétique pour les appareils auditifs',
  step_free_access: 'Accès sans marche (fauteuil roulant)',
  large_print: 'Documents en gros caractères',
  companion_welcome: 'Vous pouvez venir avec une personne qui vous aide',
  other: 'Autre aide',
} as const satisfies Record<AccessibilityOption, string>;

/** The same options as needs: « Qu’est-ce qui vous aiderait à participer ? » */
export const accessNeedLabels = {
  lsf_interpreter: 'Un interprète en langue des signes (LSF)',
  falc_materials: 'Des documents faciles à lire et à comprendre (FALC)',
  audio_description: 'Une audiodescription',
  hearing_loop: 'Une boucle magnétique pour mon appareil auditif',
  step_free_access: 'Un accès sans marche (fauteuil roulant)',
  large_print: 'Des documents en gros caractères',
  companion_welcome: 'Venir avec une personne qui m’aide',
  other: 'Autre chose',
} as const satisfies Record<AccessibilityOption, string>;

export const pictogramLabels = {
  computer: 'Ordinateur',
  phone: 'Téléphone',
  tablet: 'Tablette',
  internet: 'Internet',
  email: 'E-mail',
  security: 'Sécurité',
  money: 'Argent',
  health: 'Santé',
  papers: 'Papiers',
  photo: 'Photos',
  people: 'En groupe',
  help: 'Aide',
} as const satisfies Record<Pictogram, string>;

export const sessionStatusLabels = { scheduled: 'Prévue', cancelled: 'Annulée' } as const satisfies Record<SessionStatus, string>;
export const sessionStatusColours = { scheduled: 'green', cancelled: 'red' } as const satisfies Record<SessionStatus, TagColour>;

export const registrationStatusLabels = {
  confirmed: 'Inscrit',
  waiting: 'Liste d’attente',
  offered: 'Place proposée',
  cancelled: 'Annulé',
} as const satisfies Record<RegistrationStatus, string>;
export const registrationStatusColours = { confirmed: 'green', waiting: 'yellow', offered: 'blue', cancelled: 'grey' } as const satisfies Record<RegistrationStatus, TagColour>;

export const disabilityAnswerLabels = { yes: 'Oui', no: 'Non', prefer_not_to_say: 'Je préfère ne pas répondre' } as const satisfies Record<DisabilityAnswer, string>;

/** Shown beside the disability question and stored with each answer: why Relais asks. */
export const disabilityPurpose =
  'Nous posons cette question pour compter combien de personnes en situation de handicap viennent aux ateliers du programme. ' +
  'Votre réponse sert seulement à faire des totaux. Seuls les formateurs de l’atelier et les coordinateurs du programme peuvent la lire. ' +
  'Elle est effacée après l’atelier.';

/** Pix competences (shared/data/reference/pix-competences.csv). */
export const pixCompetences = [
  { code: '1.1', label: 'Mener une recherche et une veille d’information' },
  { code: '1.2', label: 'Gérer des données' },
  { code: '1.3', label: 'Traiter des données' },
  { code: '2.1', label: 'Interagir' },
  { code: '2.2', label: 'Partager et publier' },
  { code: '2.3', label: 'Collaborer' },
  { code: '2.4', label: 'S’insérer dans le monde numérique' },
  { code: '3.1', label: 'Développer des documents textuels' },
  { code: '3.2', label: 'Développer des documents multimédia' },
  { code: '3.3', label: 'Adapter les documents à leur finalité' },
  { code: '3.4', label: 'Programmer' },
  { code: '4.1', label: 'Sécuriser l’environnement numérique' },
  { code: '4.2', label: 'Protéger les données personnelles et la vie privée' },
  { code: '4.3', label: 'Protéger la santé, le bien-être et l’environnement' },
  { code: '5.1', label: 'Résoudre des problèmes techniques' },
  { code: '5.2', label: 'Construire un environnement numérique' },
] as const;
export const pixCodes: readonly string[] = pixCompetences.map((p) => p.code);

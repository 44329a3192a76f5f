import type {
  ActivityKind,
  AdministrativeSubTheme,
  AutonomyLevel,
  Channel,
  Material,
  OrientationDestination,
  ProcedureOutcome,
  TagScope,
  Theme,
  WorkshopLevel,
} from './activities.schema.ts';

export const activityKindLabels = {
  individual: 'Accompagnement individuel',
  workshop: 'Atelier collectif',
} as const satisfies Record<ActivityKind, string>;

export const channelLabels = {
  at_place: 'Lieu d’activité',
  at_home: 'À domicile',
  remote: 'À distance',
  elsewhere: 'Autre lieu',
} as const satisfies Record<Channel, string>;

export const materialLabels = {
  computer: 'Ordinateur',
  phone: 'Téléphone',
  tablet: 'Tablette',
  other: 'Autre',
  none: 'Pas de matériel',
} as const satisfies Record<Material, string>;

export const themeLabels = {
  diagnostic: 'Diagnostic numérique',
  equipment_handling: 'Prendre en main du matériel',
  equipment_maintenance: 'Maintenance de matériel',
  digital_content: 'Gérer ses contenus numériques',
  web_browsing: 'Navigation sur internet',
  email: 'E-mail',
  office_software: 'Bureautique',
  social_media: 'Réseaux sociaux, communication',
  health: 'Santé',
  banking_shopping: 'Banque et achats en ligne',
  professional_support: 'Accompagner un professionnel (entrepreneuriat)',
  employment: 'Insertion professionnelle',
  security: 'Prévention en sécurité numérique',
  parenting: 'Parentalité',
  schooling: 'Scolarité et numérique',
  creating: 'Créer avec le numérique',
  digital_culture: 'Culture numérique',
  artificial_intelligence: 'Intelligence artificielle (IA)',
  administrative_procedures: 'Aide aux démarches administratives',
} as const satisfies Record<Theme, string>;

export const administrativeSubThemeLabels = {
  papers_elections_citizenship: 'Papiers – Élections – Citoyenneté',
  family_schooling: 'Famille – Scolarité',
  social_health: 'Social – Santé',
  work_training_business: 'Travail – Formation – Entreprise',
  housing: 'Logement',
  transport_mobility: 'Transports – Mobilité',
  money_taxes: 'Argent – Impôts',
  justice: 'Justice',
  foreigners_europe: 'Étrangers – Europe',
  leisure_sports_culture: 'Loisirs – Sports – Culture',
  associations: 'Associations',
} as const satisfies Record<AdministrativeSubTheme, string>;

export const autonomyLabels = {
  fully_assisted: 'Entièrement accompagné',
  partly_autonomous: 'Partiellement autonome (autonome avec guidage en cas de besoin)',
  autonomous: 'Autonome',
} as const satisfies Record<AutonomyLevel, string>;

export const orientationDestinationLabels = {
  administration: 'Administration (mairie, province…)',
  other_mediation: 'Autre structure de médiation numérique',
  procedure_operator: 'Opérateur ou organisme en charge de la démarche',
  social_aid: 'Aide sociale (CCAS, centre social…)',
  employment_support: 'Insertion professionnelle',
  administrative_help_point: 'Aide aux démarches administratives (point conseil, maison de services…)',
  other: 'Autre',
} as const satisfies Record<OrientationDestination, string>;

export const procedureOutcomeLabels = {
  completed: 'Démarche terminée',
  partly_done: 'Démarche en partie faite',
  to_continue: 'À poursuivre',
  redirected_to_partner: 'Réorientée vers le partenaire',
} as const satisfies Record<ProcedureOutcome, string>;

export const workshopLevelLabels = {
  beginner: 'Débutant',
  intermediate: 'Intermédiaire',
  advanced: 'Avancé',
} as const satisfies Record<WorkshopLevel, string>;

export const tagScopeLabels = {
  personal: 'Personnel',
  team: 'Équipe',
  territory: 'Territoire',
} as const satisfies Record<TagScope, string>;

/** The durations offered as one click; anything else is typed in hours and minutes. */
export const presetDurations = [15, 30, 45, 60, 90, 120] as const;

import type { ReportStatus, ReportTopic } from './places.reports.schema.ts';

// Read by anyone on the public form: short, common words (FALC).
export const reportTopicLabels = {
  adresse: 'L’adresse',
  horaires: 'Les horaires',
  contact: 'Le téléphone ou l’e-mail',
  services: 'Ce que le lieu propose',
  accessibilite: 'L’accessibilité',
  ferme: 'Le lieu est fermé pour toujours',
  autre: 'Autre chose',
} as const satisfies Record<ReportTopic, string>;

export const reportStatusLabels = {
  open: 'À traiter',
  answered: 'Répondu',
  closed: 'Clos',
} as const satisfies Record<ReportStatus, string>;

import type { TagColour } from '../../ui/index.ts';
import type { ApplicationStatus, CommentKind } from './case-label.schema.ts';

export const applicationStatusLabels = {
  draft: 'Brouillon',
  submitted: 'Déposée',
  changes_requested: 'À compléter',
  granted: 'Accordée',
  refused: 'Refusée',
} as const satisfies Record<ApplicationStatus, string>;

export const applicationStatusColours = {
  draft: 'grey',
  submitted: 'blue',
  changes_requested: 'yellow',
  granted: 'green',
  refused: 'red',
} as const satisfies Record<ApplicationStatus, TagColour>;

export const commentKindLabels = {
  comment: 'Commentaire',
  changes_requested: 'Compléments demandés',
  granted: 'Label accordé',
  refused: 'Label refusé',
} as const satisfies Record<CommentKind, string>;

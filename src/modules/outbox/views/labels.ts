import type { TagColour } from '../../../ui/index.ts';
import type { OutboxChannel, OutboxStatus } from '../outbox.schema.ts';

export const outboxStatusLabels = {
  queued: 'En attente',
  sent: 'Envoyé',
  failed: 'Échec',
} as const satisfies Record<OutboxStatus, string>;

export const outboxStatusColours = {
  queued: 'yellow',
  sent: 'green',
  failed: 'red',
} as const satisfies Record<OutboxStatus, TagColour>;

export const outboxChannelLabels = {
  email: 'E-mail',
  sms: 'SMS',
} as const satisfies Record<OutboxChannel, string>;

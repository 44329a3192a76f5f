import './outbox.policy.ts';

export { purgeDeliveredMessages, queueMessage, removeMessages, type OutgoingMessage } from './outbox.commands.ts';
export { deliverQueued, transportsFrom, type Transports } from './outbox.delivery.ts';

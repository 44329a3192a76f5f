import './outbox.policy.ts';

export { queueMessage, type OutgoingMessage } from './outbox.commands.ts';
export { deliverQueued, transportsFrom, type Transports } from './outbox.delivery.ts';

import type { Executor } from '../../db/client.ts';
import { newId } from '../../platform/ids.ts';
import { outboxMessages, type OutboxChannel } from './outbox.schema.ts';

export type OutgoingMessage = {
  channel: OutboxChannel;
  recipient: string;
  subject?: string;
  text: string;
  html?: string;
  purpose: string;
  dedupeKey?: string;
};

/**
 * Queues a message in the caller's transaction: it leaves only if the business change commits, and the delivery
 * job sends it later (or it waits on the administrators' "Boîte d'envoi" page when no transport is configured).
 * A message with a dedupe key already queued is ignored.
 * @example await queueMessage(tx, { channel: 'email', recipient: 'a@b.nc', subject: 'Invitation', text, purpose: 'invitation' })
 */
export async function queueMessage(tx: Executor, message: OutgoingMessage): Promise<void> {
  await tx
    .insert(outboxMessages)
    .values({
      id: newId(),
      channel: message.channel,
      recipient: message.recipient,
      subject: message.subject ?? null,
      bodyText: message.text,
      bodyHtml: message.html ?? null,
      purpose: message.purpose,
      dedupeKey: message.dedupeKey ?? null,
    })
    .onConflictDoNothing();
}

import { and, inArray, lt } from 'drizzle-orm';
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

/**
 * Deletes the messages already sent or given up `days` days after they were queued: their recipients and texts
 * (names, appointment times) are personal data with no use once delivered. Queued messages stay until sent.
 * @example await purgeDeliveredMessages(tx, { days: 30 }) // 12
 */
export async function purgeDeliveredMessages(tx: Executor, options: { days: number; now?: Date }): Promise<number> {
  const before = new Date((options.now ?? new Date()).getTime() - options.days * 24 * 3600_000);
  const deleted = await tx
    .delete(outboxMessages)
    .where(and(inArray(outboxMessages.status, ['sent', 'failed']), lt(outboxMessages.createdAt, before)))
    .returning({ id: outboxMessages.id });
  return deleted.length;
}

/**
 * Deletes the messages queued under these dedupe keys, sent or not: when what they speak of is erased (a person's
 * file, a past appointment), their copy in the outbox goes too.
 * @example await removeMessages(tx, [`mandate-consent:${mandateId}`])
 */
export async function removeMessages(tx: Executor, dedupeKeys: string[]): Promise<number> {
  if (dedupeKeys.length === 0) return 0;
  const deleted = await tx.delete(outboxMessages).where(inArray(outboxMessages.dedupeKey, dedupeKeys)).returning({ id: outboxMessages.id });
  return deleted.length;
}

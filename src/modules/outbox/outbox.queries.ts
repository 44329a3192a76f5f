import { and, count, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { outboxMessages, outboxStatuses, type OutboxChannel, type OutboxStatus } from './outbox.schema.ts';

export const outboxPageSize = 20;

export type OutboxFilters = { status?: OutboxStatus | undefined; channel?: OutboxChannel | undefined; page: number };

/**
 * Messages of the outbox, newest first, for the administrators' page.
 * @example await listOutboxMessages(db, { status: 'queued', page: 1 })
 */
export async function listOutboxMessages(db: Executor, filters: OutboxFilters) {
  const where = and(
    filters.status ? eq(outboxMessages.status, filters.status) : undefined,
    filters.channel ? eq(outboxMessages.channel, filters.channel) : undefined,
  );
  const [total] = await db.select({ n: count() }).from(outboxMessages).where(where);
  const n = total?.n ?? 0;
  const rows = await db
    .select({
      id: outboxMessages.id,
      channel: outboxMessages.channel,
      recipient: outboxMessages.recipient,
      subject: outboxMessages.subject,
      purpose: outboxMessages.purpose,
      status: outboxMessages.status,
      attempts: outboxMessages.attempts,
      createdAt: outboxMessages.createdAt,
    })
    .from(outboxMessages)
    .where(where)
    .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
    .limit(outboxPageSize)
    .offset((filters.page - 1) * outboxPageSize);
  return { rows, total: n, pageCount: Math.max(1, Math.ceil(n / outboxPageSize)) };
}

/** How many messages wait, left, or failed: the first thing an administrator wants to know. */
export async function outboxCounts(db: Executor): Promise<Record<OutboxStatus, number>> {
  const rows = await db.select({ status: outboxMessages.status, n: count() }).from(outboxMessages).groupBy(outboxMessages.status);
  const counts: Record<OutboxStatus, number> = { queued: 0, sent: 0, failed: 0 };
  for (const status of outboxStatuses) counts[status] = rows.find((r) => r.status === status)?.n ?? 0;
  return counts;
}

/** One message in full, or null (unknown or malformed id). */
export async function findOutboxMessage(db: Executor, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db.select().from(outboxMessages).where(eq(outboxMessages.id, id));
  return row ?? null;
}

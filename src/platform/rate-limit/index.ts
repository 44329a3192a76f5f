import { and, count, eq, gt, lt } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { newId } from '../ids.ts';
import { rateLimitEvents } from './rate-limit.schema.ts';

export type Limit = { max: number; windowMinutes: number };

/**
 * Has `key` reached its limit within the window? Events older than the window do not count.
 * @example if (await limitReached(tx, `report:ip:${ip}`, { max: 10, windowMinutes: 60 })) return tooMany()
 */
export async function limitReached(db: Executor, key: string, limit: Limit, now = new Date()): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(rateLimitEvents)
    .where(and(eq(rateLimitEvents.key, key), gt(rateLimitEvents.at, new Date(now.getTime() - limit.windowMinutes * 60_000))));
  return (row?.n ?? 0) >= limit.max;
}

/** Counts one event against each key. */
export async function countEvent(db: Executor, ...keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await db.insert(rateLimitEvents).values(keys.map((key) => ({ id: newId(), key })));
}

/** Forgets events older than a day (the longest window in use): run by the daily purge. */
export async function purgeRateLimitEvents(db: Executor, now = new Date()): Promise<void> {
  await db.delete(rateLimitEvents).where(lt(rateLimitEvents.at, new Date(now.getTime() - 24 * 60 * 60_000)));
}

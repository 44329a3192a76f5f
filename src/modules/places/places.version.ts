import { eq } from 'drizzle-orm';
import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import { changesOf, pgliteOf } from '../../db/notify.ts';

/**
 * The version of the public data of places: a token that changes with every write to places, communes or Case
 * numérique label applications (triggers of migrations 0009 and 0016). What the public pages keep in memory (search
 * results, cards, open-data files) is kept per token, so that nothing is served after the data it came from changed.
 *
 * Reading the token costs one query. On PGlite (the database lives in this process: no other process can write to
 * it) the token is read once per change only: the trigger also sends `NOTIFY places_search_version`, which PGlite
 * delivers to this process when the writing transaction commits, before the writer's `commit` returns. A change is
 * therefore seen at once, by the next request, without a query per request. On PostgreSQL, where other processes
 * write too, the token is read on every call (one indexed single-row read): no staleness either.
 * See docs/decisions/0005-places-cache-by-notify.md.
 */

/** The channel the trigger notifies (migration 0016). */
export const placesVersionChannel = 'places_search_version';

/**
 * A token table outside the schema that drizzle-kit reads: the table belongs to migration 0009 alone.
 */
const searchVersion = pgTable('places_search_version', { id: integer('id').primaryKey(), token: text('token').notNull() });

async function readToken(db: Executor): Promise<string | null> {
  const [row] = await db.select({ token: searchVersion.token }).from(searchVersion).where(eq(searchVersion.id, 1));
  return row?.token ?? null;
}

/** The token read for a number of notifications, per PGlite handle, so that versions stay the database's own tokens. */
const known = new WeakMap<object, { generation: number; token: Promise<string | null> }>();

/**
 * The current version token of places' public data, or null when there is none (a restore in progress…: keep
 * nothing then). Cheap on PGlite: no query unless the data changed since the last call.
 * @example const version = await placesVersion(db); if (version !== cache.version) cache = fresh(version)
 */
export async function placesVersion(db: Executor): Promise<string | null> {
  const client = pgliteOf(db);
  if (!client) return readToken(db);
  const generation = await changesOf(client, placesVersionChannel);
  if (generation === null) return readToken(db);
  const last = known.get(client);
  if (last?.generation === generation) return last.token;
  // Read after the notification: the token is that of the last commit, or a newer one (then another notification
  // has already moved the count on, and the next call reads again).
  const reading = { generation, token: readToken(db) };
  reading.token.catch(() => {
    if (known.get(client) === reading) known.delete(client);
  });
  known.set(client, reading);
  return reading.token;
}

/**
 * Memory kept per database handle and per version: `create` runs for each new version, and what it made is dropped
 * with the old version. Keyed by handle because tests open many databases in one process; a transaction is its own
 * handle (its view may hold uncommitted changes).
 * @example const cards = versionedMemory(() => new Map<string, Card>()); const map = await cards.current(db)
 */
export function versionedMemory<T>(create: () => T): { current(db: Executor): Promise<{ version: string; value: T } | null> } {
  const byHandle = new WeakMap<object, { version: string; value: T }>();
  return {
    async current(db) {
      const version = await placesVersion(db);
      if (version === null) return null;
      let held = byHandle.get(db);
      if (!held || held.version !== version) {
        held = { version, value: create() };
        byHandle.set(db, held);
      }
      return held;
    },
  };
}

import { PGlite } from '@electric-sql/pglite';
import type { Executor } from './client.ts';

/**
 * Changes announced by the database itself (`NOTIFY channel` from a trigger), counted per PGlite handle. PGlite runs
 * in this process and delivers the notification of a commit before the writer's `commit` (or single statement)
 * returns: whatever is kept in memory "until the next change" can check a counter instead of asking the database,
 * and sees every committed write, by any module, a migration or a restore, at once. No other process can write to a
 * PGlite data directory. On PostgreSQL other processes write too: callers read the database instead (or keep
 * nothing). See docs/decisions/0005-places-cache-by-notify.md.
 */

type Watch = {
  /** Notifications received since LISTEN. */
  generation: number;
  /** LISTEN not yet acknowledged; null once it is. */
  listening: Promise<unknown> | null;
  failed: boolean;
};

const watches = new WeakMap<PGlite, Map<string, Watch>>();

/** The PGlite behind a root database handle; null for PostgreSQL and for an open transaction (its own view). */
export function pgliteOf(db: Executor): PGlite | null {
  if (!('$client' in db)) return null;
  const client = db.$client;
  return client instanceof PGlite ? client : null;
}

/**
 * How many notifications `channel` has had on this PGlite since this process started listening; null when it cannot
 * listen (then the caller must read the database). The first call starts listening.
 * @example const generation = await changesOf(client, 'places_search_version'); if (generation !== kept.generation) …
 */
export async function changesOf(client: PGlite, channel: string): Promise<number | null> {
  let byChannel = watches.get(client);
  if (!byChannel) {
    byChannel = new Map();
    watches.set(client, byChannel);
  }
  let watch = byChannel.get(channel);
  if (!watch) {
    const created: Watch = { generation: 0, listening: null, failed: false };
    created.listening = client
      .listen(channel, () => {
        created.generation += 1;
      })
      .then(
        () => {
          created.listening = null;
        },
        () => {
          created.failed = true;
          created.listening = null;
        },
      );
    byChannel.set(channel, created);
    watch = created;
  }
  if (watch.listening) await watch.listening;
  return watch.failed ? null : watch.generation;
}

const keptMaps = new WeakMap<PGlite, Map<string, { generation: number; entries: Map<string, unknown> }>>();

/**
 * A map kept in memory for this PGlite until the next notification on `channel`: the first call after a change
 * gets a new, empty map. null on PostgreSQL, inside a transaction, or when LISTEN failed: then the caller reads the
 * database. Take the map before reading what goes in it: an entry read while a change commits lands in the map of
 * the old generation, which nobody gets again. Beyond `max` entries the map is emptied (a bound, not an LRU).
 * `name` keeps apart the maps of different uses of one channel (sessions and memberships both follow relais_sessions).
 * @example const byToken = await keptUntilChange<Lookup>(db, 'relais_sessions', 'sessions'); const known = byToken?.get(token)
 */
export async function keptUntilChange<V>(db: Executor, channel: string, name: string, max = 10_000): Promise<Map<string, V> | null> {
  const client = pgliteOf(db);
  const generation = client ? await changesOf(client, channel) : null;
  if (!client || generation === null) return null;
  let byChannel = keptMaps.get(client);
  if (!byChannel) {
    byChannel = new Map();
    keptMaps.set(client, byChannel);
  }
  const slot = `${channel}\u0000${name}`;
  let kept = byChannel.get(slot);
  if (!kept || kept.generation !== generation) {
    kept = { generation, entries: new Map() };
    byChannel.set(slot, kept);
  }
  if (kept.entries.size >= max) kept.entries.clear();
  return kept.entries as Map<string, V>;
}

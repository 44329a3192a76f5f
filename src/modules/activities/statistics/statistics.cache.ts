import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Executor } from '../../../db/client.ts';
import { changesOf, pgliteOf } from '../../../db/notify.ts';

/** Values of this process, per database handle; the oldest go first past the limit. */
const maxKept = 500;
/** On PostgreSQL a value is not used past this age (the log of commits it is checked against keeps an hour). */
const maxAgeOnPostgresMs = 10 * 60_000;

type KeptOnPglite = { generation: number; values: Map<string, Promise<unknown>> };
type PostgresEntry = { snapshot: string | null; at: number; value: Promise<unknown> };
type KeptOnPostgres = Map<string, PostgresEntry>;
const keptOnPglite = new WeakMap<object, KeptOnPglite>();
const keptOnPostgres = new WeakMap<object, KeptOnPostgres>();

/**
 * `compute()` once per key for each version of the statistics: a dashboard opened again, by the same person or by
 * fifty coordinators, comes from memory until something it shows changes. Concurrent requests for one key wait for
 * one computation; a failed one is forgotten.
 *
 * - PGlite: the database announces every such change (NOTIFY activity_stats, migration 0027: records,
 *   participants, folds and rebuilds, the catalogue, teams) before the writer's commit returns; the generation is
 *   read before computing, so a value can only be newer than the generation it is kept under.
 * - PostgreSQL (other processes write): the same triggers note each such transaction (activity_stat_commits,
 *   migration 0035). A value remembers the snapshot taken before it was computed, and is used only while no noted
 *   transaction is invisible to that snapshot: one small query instead of the report's. Exact across processes.
 * Nothing stale is ever served.
 * @example const report = await keptForStatistics(db, JSON.stringify(['report', scope, filters, today]), () => loadReport(db, scope, filters, today))
 */
export async function keptForStatistics<T>(db: Executor, key: string, compute: () => Promise<T>): Promise<T> {
  const client = pgliteOf(db);
  if (!client) return '$client' in db && db.$client instanceof pg.Pool ? keptOnPostgresFor(db, db.$client, key, compute) : compute();
  const generation = await changesOf(client, 'activity_stats');
  if (generation === null) return compute();
  let kept = keptOnPglite.get(client);
  if (!kept || kept.generation !== generation) {
    kept = { generation, values: new Map() };
    keptOnPglite.set(client, kept);
  }
  const found = kept.values.get(key);
  if (found) {
    kept.values.delete(key);
    kept.values.set(key, found);
    return found as Promise<T>;
  }
  return remember(kept.values, key, compute(), (v) => v);
}

async function keptOnPostgresFor<T>(db: Executor, pool: pg.Pool, key: string, compute: () => Promise<T>): Promise<T> {
  let kept = keptOnPostgres.get(pool);
  if (!kept) {
    kept = new Map();
    keptOnPostgres.set(pool, kept);
  }
  const found = kept.get(key);
  // A value still being computed (its snapshot not yet known) started just now: it is shared as it is.
  if (found && Date.now() - found.at < maxAgeOnPostgresMs && (found.snapshot === null || !(await changedSince(db, found.snapshot)))) {
    kept.delete(key);
    kept.set(key, found);
    return found.value as Promise<T>;
  }
  const entry: PostgresEntry = { snapshot: null, at: Date.now(), value: Promise.resolve() };
  const computing = (async () => {
    const [row] = rowsOf(await db.execute(sql`select pg_current_snapshot()::text as snapshot`));
    if (typeof row?.snapshot !== 'string') throw new Error('PostgreSQL gave no snapshot');
    entry.snapshot = row.snapshot;
    return compute();
  })();
  return remember(kept, key, computing, (value) => Object.assign(entry, { value }));
}

function rowsOf(result: unknown): Record<string, unknown>[] {
  return typeof result === 'object' && result !== null && 'rows' in result && Array.isArray(result.rows) ? result.rows : [];
}

/** Whether a transaction that changed the statistics committed after `snapshot` was taken (or was running then). */
async function changedSince(db: Executor, snapshot: string): Promise<boolean> {
  const [row] = rowsOf(await db.execute(sql`select exists (
      select 1 from activity_stat_commits c
      where c.xid >= pg_snapshot_xmin(${snapshot}::pg_snapshot) and not pg_visible_in_snapshot(c.xid, ${snapshot}::pg_snapshot)
    ) as changed`));
  return row?.changed !== false;
}

/** Keeps a computation under `key` (as `wrap` makes it), drops the oldest past the limit, forgets it if it fails. */
function remember<T, V>(values: Map<string, V>, key: string, computing: Promise<T>, wrap: (value: Promise<T>) => V): Promise<T> {
  const kept = wrap(computing);
  values.set(key, kept);
  if (values.size > maxKept) {
    const oldest = values.keys().next().value;
    if (oldest !== undefined) values.delete(oldest);
  }
  computing.catch(() => {
    if (values.get(key) === kept) values.delete(key);
  });
  return computing;
}

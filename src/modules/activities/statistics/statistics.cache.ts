import type { Executor } from '../../../db/client.ts';
import { changesOf, pgliteOf } from '../../../db/notify.ts';

/** Values of this process, per PGlite handle, for one generation of the statistics; the oldest go first past the limit. */
const maxKept = 500;
type Kept = { generation: number; values: Map<string, Promise<unknown>> };
const keptBy = new WeakMap<object, Kept>();

/**
 * On PGlite, `compute()` once per key for each version of the statistics: a dashboard opened again, by the same
 * person or by fifty coordinators, comes from memory until something it shows changes. The database announces every
 * such change (NOTIFY activity_stats, migration 0027: records, participants, folds and rebuilds, the catalogue), and
 * PGlite delivers the announcement before the writer's commit returns, so nothing stale is ever served. The
 * generation is read before computing, so a value can only be newer than the generation it is kept under. Concurrent
 * requests for one key wait for one computation. On PostgreSQL (other processes write) nothing is kept.
 * @example const report = await keptForStatistics(db, JSON.stringify(['report', scope, filters, today]), () => loadReport(db, scope, filters, today))
 */
export async function keptForStatistics<T>(db: Executor, key: string, compute: () => Promise<T>): Promise<T> {
  const client = pgliteOf(db);
  const generation = client ? await changesOf(client, 'activity_stats') : null;
  if (!client || generation === null) return compute();
  let kept = keptBy.get(client);
  if (!kept || kept.generation !== generation) {
    kept = { generation, values: new Map() };
    keptBy.set(client, kept);
  }
  const found = kept.values.get(key);
  if (found) {
    kept.values.delete(key);
    kept.values.set(key, found);
    return found as Promise<T>;
  }
  const computing = compute();
  const values = kept.values;
  values.set(key, computing);
  if (values.size > maxKept) {
    const oldest = values.keys().next().value;
    if (oldest !== undefined) values.delete(oldest);
  }
  computing.catch(() => {
    if (values.get(key) === computing) values.delete(key);
  });
  return computing;
}

import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { pgliteOf } from '../../../db/notify.ts';
import { loadReport, type Report, type ReportFilters, type ReportScope } from './statistics.queries.ts';

/**
 * The version of the statistics: every change to the records or their participants appends a delta in the same
 * transaction, and folding, rebuilding or emptying the deltas counts one more fold. So (folds, last delta) moves with
 * every change that can move a figure, and a report computed at one version stays true until it moves. The last
 * delta's id is a version only where transactions run one after the other, as on PGlite's single connection: on
 * PostgreSQL ids are handed out before commit, so an open transaction could still commit a smaller one.
 */
async function statisticsVersion(db: Executor): Promise<string> {
  const result: unknown = await db.execute(sql`select (select folds from activity_stat_state)::text || ':' || coalesce((select max(id) from activity_stat_deltas), 0)::text as version`);
  const rows: unknown[] = typeof result === 'object' && result !== null && 'rows' in result && Array.isArray(result.rows) ? result.rows : [];
  const [row] = rows;
  return typeof row === 'object' && row !== null && 'version' in row ? String(row.version) : '';
}

/** Reports of this process for one version of the statistics, per database handle; the oldest go first past the limit. */
const maxReports = 500;
type Kept = { version: string; reports: Map<string, Promise<Report>> };
const keptBy = new WeakMap<Executor, Kept>();

/**
 * On PGlite, `loadReport` computed once per scope, filters and day for each version of the statistics: a dashboard opened
 * again, by the same person or by fifty coordinators, is read from memory until a record changes. Concurrent requests
 * for the same report wait for one computation. The version is read before the report, so that a report can only be
 * newer than the version it is kept under, never older.
 * @example const report = await cachedReport(db, { kind: 'network' }, filters, today)
 */
export async function cachedReport(db: Executor, scope: ReportScope, filters: ReportFilters, today: string): Promise<Report> {
  // PostgreSQL answers from its aggregates, with several connections and processes: nothing is kept there.
  if (!pgliteOf(db)) return loadReport(db, scope, filters, today);
  const version = await statisticsVersion(db);
  let kept = keptBy.get(db);
  if (!kept) {
    kept = { version, reports: new Map() };
    keptBy.set(db, kept);
  } else if (version !== kept.version) {
    kept.version = version;
    kept.reports.clear();
  }
  const key = JSON.stringify([scope, filters, today]);
  const found = kept.reports.get(key);
  if (found) {
    kept.reports.delete(key);
    kept.reports.set(key, found);
    return found;
  }
  const computing = loadReport(db, scope, filters, today);
  kept.reports.set(key, computing);
  if (kept.reports.size > maxReports) {
    const oldest = kept.reports.keys().next().value;
    if (oldest !== undefined) kept.reports.delete(oldest);
  }
  const reports = kept.reports;
  computing.catch(() => {
    if (reports.get(key) === computing) reports.delete(key);
  });
  return computing;
}

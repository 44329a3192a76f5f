import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import type { ActivityKind, Theme } from '../activities.schema.ts';
import { dimensions, type Dimension, type StatRow } from './statistics.dimensions.ts';
import { mergeRanges, splitByMonths, type DayRange } from './statistics.period.ts';
import { networkScopeId, themeScopeId } from './statistics.schema.ts';

/** Whose records a report counts. */
export type ReportScope =
  | { kind: 'helper'; userId: string }
  /** A team: each helper's records while they were a member (periods from the teams module). */
  | { kind: 'team'; periods: { userId: string; startsOn: string; endsOn: string | null }[] }
  /** A partner: the records of its procedures only. */
  | { kind: 'partner'; procedureIds: string[] }
  | { kind: 'network' };

/** The filters of /activites; the period is always set on the statistics. */
export type ReportFilters = {
  from: string;
  to: string;
  kind?: ActivityKind | undefined;
  theme?: Theme | undefined;
  partnerId?: string | undefined;
  placeId?: string | undefined;
  communeCode?: string | undefined;
};

export type MonthRow = { month: string; records: number; accompaniments: number };

export type Report = {
  /** Every dimension's values over the period. */
  rows: StatRow[];
  /** Records and accompaniments per month, every month of the period (0 when nothing). */
  months: MonthRow[];
  /** Distinct followed people, and those among them whose first record in Relais falls in the period. */
  people: { followed: number; new: number };
  /** Where the figures came from: the monthly aggregates, the records, or both (a team's partial months). */
  source: 'aggregates' | 'records' | 'mixed';
};

function rowsOf(result: unknown): Record<string, unknown>[] {
  if (typeof result === 'object' && result !== null && 'rows' in result && Array.isArray(result.rows)) return result.rows;
  return [];
}

const isDimension = (v: unknown): v is Dimension => dimensions.some((d) => d === v);
const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A part of a scope: aggregate rows (scope, ids, months) or raw records (condition). */
type AggregatePart = { scope: 'helper' | 'procedure' | 'network' | 'theme'; ids: string[]; months: DayRange };
type RecordPart = { helperUserId?: string; procedureIds?: string[]; days: DayRange };

/** `(a) or (b) or …` in parentheses, so that a condition joined after it with `and` applies to every part. */
const orFalse = (parts: SQL[]) => (parts.length === 0 ? sql`false` : sql`(${sql.join(parts.map((p) => sql`(${p})`), sql` or `)})`);
const uuidList = (ids: string[]) => sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);

function aggregateCondition(parts: AggregatePart[], kind: ActivityKind | undefined): SQL {
  const each = parts
    .filter((p) => p.ids.length > 0)
    .map((p) => sql`s.scope = ${p.scope} and s.scope_id in (${uuidList(p.ids)}) and s.month between ${p.months.from}::date and ${p.months.to}::date`);
  return kind ? sql`(${orFalse(each)}) and s.kind = ${kind}` : orFalse(each);
}

function recordCondition(parts: RecordPart[], filters: ReportFilters): SQL {
  const each = parts.map((p) => {
    const who = p.helperUserId ? sql`a.helper_user_id = ${p.helperUserId}::uuid` : p.procedureIds ? (p.procedureIds.length ? sql`a.procedure_id in (${uuidList(p.procedureIds)})` : sql`false`) : sql`true`;
    return sql`${who} and a.date between ${p.days.from}::date and ${p.days.to}::date`;
  });
  const conditions = [orFalse(each)];
  if (filters.kind) conditions.push(sql`a.kind = ${filters.kind}`);
  if (filters.theme) conditions.push(sql`a.themes @> array[${filters.theme}]::activity_theme[]`);
  if (filters.partnerId) conditions.push(sql`a.procedure_id in (select p.id from procedures p where p.partner_organisation_id = ${filters.partnerId}::uuid)`);
  if (filters.placeId) conditions.push(sql`a.place_id = ${filters.placeId}::uuid`);
  if (filters.communeCode) conditions.push(sql`a.commune_code = ${filters.communeCode}`);
  return sql.join(conditions, sql` and `);
}

/** Filters the aggregates cannot answer: they send the whole report to the records. */
function needsRecords(filters: ReportFilters): boolean {
  return Boolean(filters.theme || filters.partnerId || filters.placeId || filters.communeCode);
}

/**
 * Plans a report: which parts come from the monthly aggregates and which from the records.
 * Exported for tests.
 */
export function planReport(scope: ReportScope, filters: ReportFilters, today: string, forceRecords = false): { aggregates: AggregatePart[]; records: RecordPart[] } {
  const range = { from: filters.from, to: filters.to };
  // The network filtered by a theme alone has aggregates of its own (the theme's scope).
  const theme = scope.kind === 'network' && filters.theme && !filters.partnerId && !filters.placeId && !filters.communeCode ? filters.theme : undefined;
  const raw = forceRecords || (needsRecords(filters) && theme === undefined);
  const aggregates: AggregatePart[] = [];
  const records: RecordPart[] = [];
  const plan = (days: DayRange, aggregate: (months: DayRange) => AggregatePart, record: (days: DayRange) => RecordPart) => {
    if (raw) {
      records.push(record(days));
      return;
    }
    const split = splitByMonths(days, today);
    if (split.months) aggregates.push(aggregate(split.months));
    for (const edge of split.edges) records.push(record(edge));
  };
  if (scope.kind === 'helper') {
    plan(range, (months) => ({ scope: 'helper', ids: [scope.userId], months }), (days) => ({ helperUserId: scope.userId, days }));
  } else if (scope.kind === 'network') {
    plan(range, (months) => (theme ? { scope: 'theme', ids: [themeScopeId(theme)], months } : { scope: 'network', ids: [networkScopeId], months }), (days) => ({ days }));
  } else if (scope.kind === 'partner') {
    plan(range, (months) => ({ scope: 'procedure', ids: scope.procedureIds, months }), (days) => ({ procedureIds: scope.procedureIds, days }));
  } else {
    const byUser = new Map<string, DayRange[]>();
    for (const p of scope.periods) {
      const from = p.startsOn > range.from ? p.startsOn : range.from;
      const to = p.endsOn !== null && p.endsOn < range.to ? p.endsOn : range.to;
      if (from <= to) byUser.set(p.userId, [...(byUser.get(p.userId) ?? []), { from, to }]);
    }
    for (const [userId, ranges] of byUser) {
      for (const days of mergeRanges(ranges)) plan(days, (months) => ({ scope: 'helper', ids: [userId], months }), (d) => ({ helperUserId: userId, days: d }));
    }
  }
  return { aggregates, records };
}

function addRow(into: Map<string, StatRow>, dimension: Dimension, value: string, records: number, accompaniments: number) {
  const key = `${dimension}\u0000${value}`;
  const row = into.get(key);
  if (row) {
    row.records += records;
    row.accompaniments += accompaniments;
  } else into.set(key, { dimension, value, records, accompaniments });
}

/**
 * The statistics of a scope over a period with the filters of /activites. Whole months without the theme, partner,
 * place or commune filters come from the monthly aggregates (a few hundred rows); the rest from the records
 * (`forceRecords` reads everything from the records: tests compare the two).
 * @example await loadReport(db, { kind: 'helper', userId }, { from: '2026-01-01', to: '2026-12-31' }, '2026-06-30')
 */
export async function loadReport(db: Executor, scope: ReportScope, filters: ReportFilters, today: string, options: { forceRecords?: boolean } = {}): Promise<Report> {
  for (const id of [filters.partnerId, filters.placeId].filter((v) => v !== undefined)) if (!uuidShape.test(id)) return emptyReport(filters, today);
  const plan = planReport(scope, filters, today, options.forceRecords);
  const rows = new Map<string, StatRow>();
  const byMonth = new Map<string, MonthRow>();
  const addMonth = (month: string, records: number, accompaniments: number) => {
    const m = byMonth.get(month) ?? { month, records: 0, accompaniments: 0 };
    m.records += records;
    m.accompaniments += accompaniments;
    byMonth.set(month, m);
  };
  const hasAggregates = plan.aggregates.some((p) => p.ids.length > 0);
  if (hasAggregates) await foldWhenMany(db);
  const aggregateWhere = aggregateCondition(plan.aggregates, filters.kind);
  const recordWhere = recordCondition(plan.records, filters);
  // One statement per source: the dimension rows over the period, and the totals per month. The days left at the
  // ends of whole months are few records: activity_stat_rows_one keeps its plan; a scan of many records lets the
  // planner inline activity_stat_rows instead (planned once per query, then fast per record).
  const [aggregated, counted] = await Promise.all([
    hasAggregates
      ? db.execute(sql`select s.month::text as month, s.kind::text as kind, s.counts::text as counts
          from (select scope, scope_id, month, kind, counts from activity_stat_months union all select scope, scope_id, month, kind, counts from activity_stat_deltas) s
          where ${aggregateWhere}`)
      : null,
    plan.records.length > 0
      ? db.execute(sql`select r.dimension, r.value, case when r.dimension = 'total' then date_trunc('month', a.date)::date::text end as month, case when r.dimension = 'total' then a.kind::text end as kind,
            sum(r.records)::int as records, sum(r.accompaniments)::int as accompaniments
          from activities a cross join lateral ${hasAggregates ? sql.raw('activity_stat_rows_one') : sql.raw('activity_stat_rows')}(a) r where ${recordWhere} group by 1, 2, 3, 4`)
      : null,
  ]);
  const add = (dimension: unknown, value: string, month: unknown, kind: unknown, records: number, accompaniments: number) => {
    if (!isDimension(dimension)) return;
    addRow(rows, dimension, value, records, accompaniments);
    if (dimension === 'total' && typeof month === 'string') addMonth(month, records, accompaniments);
    if (dimension === 'total' && typeof kind === 'string') addRow(rows, 'kind', kind, records, accompaniments);
  };
  // A month's document, or a delta not yet folded into it: "dimension|value" → [records, accompaniments].
  for (const r of rowsOf(aggregated)) {
    const counts = typeof r.counts === 'string' ? JSON.parse(r.counts) : r.counts;
    if (typeof counts !== 'object' || counts === null) continue;
    for (const [key, pair] of Object.entries(counts)) {
      const bar = key.indexOf('|');
      if (bar === -1 || !Array.isArray(pair)) continue;
      add(key.slice(0, bar), key.slice(bar + 1), r.month, r.kind, Number(pair[0]), Number(pair[1]));
    }
  }
  for (const r of rowsOf(counted)) add(r.dimension, String(r.value), r.month, r.kind, Number(r.records), Number(r.accompaniments));
  const people = await countPeople(db, plan, filters, hasAggregates, aggregateWhere, recordWhere);
  const months = monthsOf(filters, today).map((month) => byMonth.get(month) ?? { month, records: 0, accompaniments: 0 });
  return { rows: [...rows.values()], months, people, source: plan.records.length === 0 ? 'aggregates' : hasAggregates ? 'mixed' : 'records' };
}

async function countPeople(db: Executor, plan: ReturnType<typeof planReport>, filters: ReportFilters, hasAggregates: boolean, aggregateWhere: SQL, recordWhere: SQL): Promise<Report['people']> {
  const sources: SQL[] = [];
  if (hasAggregates) sources.push(sql`select s.beneficiary_id from activity_stats_people s where ${aggregateWhere}`);
  if (plan.records.length > 0) {
    sources.push(sql`select a.beneficiary_id from activities a where ${recordWhere} and a.beneficiary_id is not null`);
    sources.push(sql`select ap.beneficiary_id from activity_participants ap join activities a on a.id = ap.activity_id where ${recordWhere}`);
  }
  if (sources.length === 0) return { followed: 0, new: 0 };
  // Each person once, whichever months, helpers and sources they come from. "New": the person's first month in
  // Relais (any helper, any structure) is in the period.
  const result = await db.execute(sql`
    with seen as (select distinct x.beneficiary_id from (${sql.join(sources, sql` union all `)}) as x)
    select count(*)::int as followed,
           count(*) filter (where (select min(f.month) from activity_stats_people f where f.scope = 'network' and f.beneficiary_id = seen.beneficiary_id) >= date_trunc('month', ${filters.from}::date))::int as new
    from seen`);
  const [row] = rowsOf(result);
  return { followed: Number(row?.followed ?? 0), new: Number(row?.new ?? 0) };
}

function monthsOf(filters: ReportFilters, today: string): string[] {
  const to = filters.to < today ? filters.to : today;
  const months: string[] = [];
  for (let m = `${filters.from.slice(0, 7)}-01`; m <= to && months.length < 240; ) {
    months.push(m);
    const [y = 1970, mo = 1] = m.split('-').map(Number);
    m = new Date(Date.UTC(y, mo, 1)).toISOString().slice(0, 10);
  }
  return months;
}

function emptyReport(filters: ReportFilters, today: string): Report {
  return { rows: [], months: monthsOf(filters, today).map((month) => ({ month, records: 0, accompaniments: 0 })), people: { followed: 0, new: 0 }, source: 'records' };
}

/**
 * Moves the records written since the last fold (activity_stat_changes) into the month documents (a job, every
 * minute): reports stay exact without it, only slower as records wait. Returns how many it moved.
 * @example await foldStatistics(db)
 */
export async function foldStatistics(db: Executor, maxRows = 20_000): Promise<number> {
  const [row] = rowsOf(await db.execute(sql`select activity_stats_fold(${maxRows}::int) as folded`));
  // The log the reports kept on PostgreSQL are checked against keeps an hour (statistics.cache.ts keeps 10 minutes).
  await db.execute(sql`delete from activity_stat_commits where at < now() - interval '1 hour'`);
  return Number(row?.folded ?? 0);
}

/**
 * Beyond this many records written since the last fold, a report folds them before reading: the view of pending
 * records works each one out at every read (≈ 0,1 ms each), which is nothing for the minute between two folds but
 * would grow without bound if the fold job stopped (or is off: JOBS=false).
 */
const pendingBeforeFold = 500;

async function foldWhenMany(db: Executor): Promise<void> {
  const [row] = rowsOf(await db.execute(sql`select exists (select 1 from activity_stat_changes offset ${pendingBeforeFold}) as many`));
  if (row?.many === true) while ((await foldStatistics(db)) > 0);
}

/**
 * Recomputes every aggregate from the records: after a bulk load made with the triggers off, or to repair.
 * @example await rebuildStatistics(db)
 */
export async function rebuildStatistics(db: Executor): Promise<void> {
  await db.execute(sql`select activity_stats_rebuild()`);
}

/**
 * Runs a bulk load of records with the statistics triggers off, then rebuilds the aggregates once (a generator
 * writing 100 000 records would otherwise update them 100 000 times). Needs the rights to alter the tables.
 * @example await withStatisticsDeferred(db, () => insertManyActivities(db))
 */
export async function withStatisticsDeferred<T>(db: Executor, load: () => Promise<T>): Promise<T> {
  await db.execute(sql`alter table activities disable trigger activity_stats_write`);
  await db.execute(sql`alter table activities disable trigger activity_stats_delete`);
  await db.execute(sql`alter table activity_participants disable trigger activity_stats_participants`);
  try {
    return await load();
  } finally {
    await db.execute(sql`alter table activities enable trigger activity_stats_write`);
    await db.execute(sql`alter table activities enable trigger activity_stats_delete`);
    await db.execute(sql`alter table activity_participants enable trigger activity_stats_participants`);
    await rebuildStatistics(db);
  }
}

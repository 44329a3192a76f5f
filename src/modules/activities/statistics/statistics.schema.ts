import { createHash } from 'node:crypto';
import { bigint, bigserial, boolean, customType, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { activityKindEnum } from '../activities.schema.ts';

/**
 * Whose counts a row holds: one helper's records, one procedure's records, or the whole network's.
 * `scope_id` is the helper's user id, the procedure's id, the nil UUID for the network, or a theme's (themeScopeId).
 */
export const statisticsScopes = ['helper', 'procedure', 'network'] as const;
export type StatisticsScope = (typeof statisticsScopes)[number];
export const networkScopeId = '00000000-0000-0000-0000-000000000000';

/** The scope id of a theme's aggregates (migration 0034): md5('theme|' || theme) read as a UUID, as SQL does. */
export function themeScopeId(theme: string): string {
  const hex = createHash('md5').update(`theme|${theme}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** What one month holds: "dimension|value" → [records, accompaniments]. */
export type MonthCounts = Record<string, [number, number]>;

/**
 * Monthly counts maintained on write by SQL triggers on `activities` and `activity_participants`
 * (drizzle/0017_statistics-aggregates.sql): one row per scope, month and kind of record, whose `counts` document maps
 * "dimension|value" to [records, accompaniments] — `records` counts activity records, `accompaniments` the
 * people-times (participant_count, or the part of it a value stands for). A year of the whole network is 24 rows to
 * read. Rebuilt from the raw tables by `rebuildStatistics` and checked against a raw recount in tests.
 */
export const activityStatMonths = pgTable(
  'activity_stat_months',
  {
    scope: text('scope').notNull(),
    scopeId: uuid('scope_id').notNull(),
    /** First day of the month. */
    month: date('month', { mode: 'string' }).notNull(),
    kind: activityKindEnum('kind').notNull(),
    counts: jsonb('counts').$type<MonthCounts>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.scopeId, t.month, t.kind] })],
);

/** Followed people per scope and month (distinct counts cannot be summed, so each person has a row). */
export const activityStatsPeople = pgTable(
  'activity_stats_people',
  {
    scope: text('scope').notNull(),
    scopeId: uuid('scope_id').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    kind: activityKindEnum('kind').notNull(),
    beneficiaryId: uuid('beneficiary_id').notNull(),
    /** How many records (or workshop participations) of this person fall here; the row goes at 0. */
    records: integer('records').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.scopeId, t.month, t.kind, t.beneficiaryId] }), index('activity_stats_people_first_idx').on(t.beneficiaryId, t.month)],
);

/**
 * Records written since the last fold, as they were (the whole row, `sign` 1 for what a write adds, -1 for what it
 * takes away): appending one small row is all a write pays. `activity_stats_fold()` (a job every minute) turns them
 * into counts and adds those to the month documents; until then the view `activity_stat_deltas` (migration 0031)
 * gives their counts, so that reports, which read months and deltas, are exact at any moment.
 */
export const activityStatChanges = pgTable('activity_stat_changes', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  sign: smallint('sign').notNull(),
  record: jsonb('record').notNull(),
});

const xid8 = customType<{ data: string }>({ dataType: () => 'xid8' });

/**
 * PostgreSQL only: the transactions that changed something a statistics page shows (the triggers of migration
 * 0027, migration 0035), so that a report kept in memory is used only while no such transaction has committed since
 * the snapshot it was computed after (statistics.cache.ts): exact across processes. Pruned after an hour by the fold.
 * PGlite (one process, NOTIFY delivered before the commit returns) does not write it.
 */
export const activityStatCommits = pgTable('activity_stat_commits', {
  xid: xid8('xid').primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
});

/** How many times the written records were folded or the aggregates rebuilt: each change of it is announced (NOTIFY activity_stats). */
export const activityStatState = pgTable('activity_stat_state', {
  singleton: boolean('singleton').primaryKey().default(true),
  folds: bigint('folds', { mode: 'number' }).notNull().default(0),
});

import { date, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { activityKindEnum } from '../activities.schema.ts';

/**
 * Whose counts a row holds: one helper's records, one procedure's records, or the whole network's.
 * `scope_id` is the helper's user id, the procedure's id, or the nil UUID for the network.
 */
export const statisticsScopes = ['helper', 'procedure', 'network'] as const;
export type StatisticsScope = (typeof statisticsScopes)[number];
export const networkScopeId = '00000000-0000-0000-0000-000000000000';

/**
 * Monthly counts maintained on write by SQL triggers on `activities` and `activity_participants`
 * (drizzle/0015_statistics-aggregates.sql). One row per scope, month, kind of record, dimension and value:
 * `records` counts activity records, `accompaniments` sums the people-times (participant_count, or the part of it a
 * value stands for). Rebuilt from the raw tables by `rebuildStatistics` and checked against a raw recount in tests.
 */
export const activityStats = pgTable(
  'activity_stats',
  {
    scope: text('scope').notNull(),
    scopeId: uuid('scope_id').notNull(),
    /** First day of the month. */
    month: date('month', { mode: 'string' }).notNull(),
    kind: activityKindEnum('kind').notNull(),
    dimension: text('dimension').notNull(),
    value: text('value').notNull(),
    records: integer('records').notNull(),
    accompaniments: integer('accompaniments').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.scopeId, t.month, t.kind, t.dimension, t.value] })],
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

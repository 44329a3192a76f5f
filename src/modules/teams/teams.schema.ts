import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.schema.ts';

/** A team of helpers that a coordinator follows together (statistics, team tags). */
export const teams = pgTable('teams', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  createdByUserId: uuid('created_by_user_id').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A helper's time in a team, from `startsOn` to `endsOn` (both local days, inclusive; null = still a member).
 * Memberships end rather than disappear: a record counts for the team when its helper was a member on its date.
 */
export const teamMemberships = pgTable(
  'team_memberships',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id').notNull().references(() => teams.id),
    userId: uuid('user_id').notNull().references(() => users.id),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    addedByUserId: uuid('added_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('team_memberships_team_idx').on(t.teamId, t.startsOn),
    index('team_memberships_user_idx').on(t.userId),
    check('team_memberships_period', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
  ],
);

import { sql } from 'drizzle-orm';
import { boolean, check, date, index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../accounts/accounts.schema.ts';
import { workshopDebriefs } from '../day/day.schema.ts';
import { workshopFeedback } from '../feedback/feedback.schema.ts';
import { programmes, workshopSeries, workshopSessions } from '../workshops.schema.ts';

// Co-construction: what the coordinators change in the workshops because of what participants and trainers said.

export const adjustmentStatuses = ['planned', 'done'] as const;
export type AdjustmentStatus = (typeof adjustmentStatuses)[number];
export const adjustmentStatusEnum = pgEnum('workshop_adjustment_status', adjustmentStatuses);

/**
 * One adjustment of a programme's workshops (optionally of one series or one session). `youSaid` and `weDid` are the
 * public, easy-to-read wording shown under "Vous avez dit, nous avons fait" once the adjustment is done and public;
 * they must hold no personal data (the form says so).
 */
export const workshopAdjustments = pgTable(
  'workshop_adjustments',
  {
    id: uuid('id').primaryKey(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    seriesId: uuid('series_id').references(() => workshopSeries.id),
    sessionId: uuid('session_id').references(() => workshopSessions.id),
    /** What changes. */
    change: text('change').notNull(),
    /** Why: what was heard, in the coordinators' words. */
    reason: text('reason').notNull(),
    status: adjustmentStatusEnum('status').notNull().default('planned'),
    doneOn: date('done_on', { mode: 'string' }),
    isPublic: boolean('is_public').notNull().default(false),
    youSaid: text('you_said').notNull().default(''),
    weDid: text('we_did').notNull().default(''),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('workshop_adjustments_programme_idx').on(t.programmeId, t.createdAt),
    check('workshop_adjustments_done_on', sql`${t.status} = 'done' or ${t.doneOn} is null`),
    check('workshop_adjustments_public_wording', sql`not ${t.isPublic} or (${t.youSaid} <> '' and ${t.weDid} <> '')`),
  ],
);

/** The feedback answers and debriefs that prompted an adjustment. */
export const workshopAdjustmentSources = pgTable(
  'workshop_adjustment_sources',
  {
    id: uuid('id').primaryKey(),
    adjustmentId: uuid('adjustment_id')
      .notNull()
      .references(() => workshopAdjustments.id, { onDelete: 'cascade' }),
    feedbackId: uuid('feedback_id').references(() => workshopFeedback.id),
    debriefId: uuid('debrief_id').references(() => workshopDebriefs.id),
  },
  (t) => [
    index('workshop_adjustment_sources_adjustment_idx').on(t.adjustmentId),
    check('workshop_adjustment_sources_one', sql`(${t.feedbackId} is null) <> (${t.debriefId} is null)`),
  ],
);

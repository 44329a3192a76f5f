import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { communesTable } from '../../../territory/territory.schema.ts';
import { users } from '../../accounts/accounts.schema.ts';
import { activities, type ParticipantBreakdown } from '../../activities/activities.schema.ts';
import { accessibilityOptionEnum, workshopRegistrations, workshopSessions } from '../workshops.schema.ts';

// On the day of a session: the roster (who came), its closing into one collective activity record, and the
// trainers' debrief. Codes here, French labels in day.labels.ts.

/** What the trainer marks for each person on the roster. */
export const attendanceStatuses = ['present', 'late', 'absent'] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];
export const attendanceStatusEnum = pgEnum('workshop_attendance_status', attendanceStatuses);

/** Statuses that count a person as reached by the workshop. */
export const attendedStatuses: readonly AttendanceStatus[] = ['present', 'late'];

/**
 * One line of a session's roster: a registrant (registrationId) or a walk-in (name, commune, optional access needs).
 * A walk-in's access needs are as sensitive as a registrant's: read by the session's trainers and coordinators,
 * purged with the registrants' answers.
 */
export const workshopAttendance = pgTable(
  'workshop_attendance',
  {
    id: uuid('id').primaryKey(),
    sessionId: uuid('session_id').notNull().references(() => workshopSessions.id),
    registrationId: uuid('registration_id').references(() => workshopRegistrations.id),
    /** Walk-ins only: registrants' names stay on their registration. Emptied by the purge. */
    name: text('name'),
    communeCode: text('commune_code').references(() => communesTable.code),
    accessNeeds: accessibilityOptionEnum('access_needs').array().notNull().default(sql`'{}'`),
    accessNeedsText: text('access_needs_text'),
    status: attendanceStatusEnum('status').notNull(),
    /** When the walk-in's name and access needs were erased (with the registrants' sensitive answers). */
    purgedAt: timestamp('purged_at', { withTimezone: true }),
    markedByUserId: uuid('marked_by_user_id').references(() => users.id),
    markedAt: timestamp('marked_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('workshop_attendance_session_idx').on(t.sessionId, t.createdAt),
    uniqueIndex('workshop_attendance_registration_unique').on(t.registrationId).where(sql`${t.registrationId} is not null`),
    check('workshop_attendance_who', sql`${t.registrationId} is not null or ${t.name} is not null or ${t.purgedAt} is not null`),
  ],
);

/** What the roster counted when it was closed: kept so that results survive the purge of personal answers. */
export type RosterTally = {
  /** People marked present or late (registrants and walk-ins). */
  attended: number;
  walkIns: number;
  absent: number;
  /** Attending registrants who answered "oui" to "Vivez-vous avec un handicap ?" (consented answers only). */
  withDisability: number;
};

/**
 * The roster of a session, once the trainer starts it. Closing it records the collective activity (activityId,
 * unique: attendance is never entered twice); reopening it for a correction keeps the same activity, which the next
 * closing updates.
 */
export const workshopRosters = pgTable(
  'workshop_rosters',
  {
    sessionId: uuid('session_id')
      .primaryKey()
      .references(() => workshopSessions.id),
    activityId: uuid('activity_id').references(() => activities.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedByUserId: uuid('closed_by_user_id').references(() => users.id),
    /** The helper the activity record is in the name of (a trainer of the session holding the helper role). */
    recorderUserId: uuid('recorder_user_id').references(() => users.id),
    reopenedAt: timestamp('reopened_at', { withTimezone: true }),
    tally: jsonb('tally').$type<RosterTally>(),
    /** The optional counts by gender, age band and situation given at closing, kept for the next closing. */
    breakdown: jsonb('breakdown').$type<ParticipantBreakdown>(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('workshop_rosters_activity_unique').on(t.activityId).where(sql`${t.activityId} is not null`),
    check('workshop_rosters_closed_has_activity', sql`${t.closedAt} is null or (${t.activityId} is not null and ${t.tally} is not null)`),
  ],
);

/** The trainers' debrief of a session: one per session, written by its trainers. */
export const workshopDebriefs = pgTable(
  'workshop_debriefs',
  {
    id: uuid('id').primaryKey(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => workshopSessions.id),
    whatWorked: text('what_worked').notNull().default(''),
    difficulties: text('difficulties').notNull().default(''),
    adaptations: text('adaptations').notNull().default(''),
    /** For which needs adaptations are needed. */
    adaptationNeeds: accessibilityOptionEnum('adaptation_needs').array().notNull().default(sql`'{}'`),
    authorUserId: uuid('author_user_id').references(() => users.id),
    authorName: text('author_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('workshop_debriefs_session_unique').on(t.sessionId)],
);

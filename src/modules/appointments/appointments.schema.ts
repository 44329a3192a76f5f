import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../organisations/organisations.schema.ts';
import { places } from '../places/places.schema.ts';
import { users } from '../accounts/accounts.schema.ts';
import { activities } from '../activities/activities.schema.ts';

/** How a reason is handled: at the counter, or the agent calls the person back. */
export const motifModes = ['in_person', 'phone'] as const;
export type MotifMode = (typeof motifModes)[number];
export const motifModeEnum = pgEnum('appointment_motif_mode', motifModes);

/** booked → cancelled (by the person) | seen | absent | excused (marked by the agency). */
export const appointmentStatuses = ['booked', 'cancelled', 'seen', 'absent', 'excused'] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];
export const appointmentStatusEnum = pgEnum('appointment_status', appointmentStatuses);

/** Where the confirmation, the reminder and the cancellation go. */
export const notifyChannels = ['sms', 'email'] as const;
export type NotifyChannel = (typeof notifyChannels)[number];
export const notifyChannelEnum = pgEnum('appointment_notify_channel', notifyChannels);

/**
 * An organisation that takes appointments (an OPT agency's Point Conseil Numérique). Its row is also what a booking
 * locks (`select … for update`), so that two people cannot take the last counter of a slot at the same moment.
 */
export const appointmentAgencies = pgTable('appointment_agencies', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id),
  /** The place where people come (its commune and address are shown); null until the agency chooses it. */
  placeId: uuid('place_id').references(() => places.id),
  /** Shown on /rendez-vous only when published. */
  published: boolean('published').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A reason for an appointment ("motif"), with its duration. Retired, never deleted: old appointments keep it. */
export const appointmentMotifs = pgTable(
  'appointment_motifs',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => appointmentAgencies.organisationId),
    label: text('label').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    mode: motifModeEnum('mode').notNull().default('in_person'),
    active: boolean('active').notNull().default(true),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('appointment_motifs_agency_idx').on(t.organisationId, t.position), check('appointment_motifs_duration', sql`${t.durationMinutes} between 5 and 240`)],
);

/**
 * The weekly pattern: on this weekday (1 = lundi … 7 = dimanche), from start to end (minutes after local midnight),
 * this many counters receive people at the same time.
 */
export const appointmentOpenings = pgTable(
  'appointment_openings',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => appointmentAgencies.organisationId),
    weekday: smallint('weekday').notNull(),
    startMinute: integer('start_minute').notNull(),
    endMinute: integer('end_minute').notNull(),
    counters: integer('counters').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('appointment_openings_agency_idx').on(t.organisationId, t.weekday),
    check('appointment_openings_weekday', sql`${t.weekday} between 1 and 7`),
    check('appointment_openings_range', sql`${t.startMinute} >= 0 and ${t.endMinute} <= 1440 and ${t.startMinute} < ${t.endMinute}`),
    check('appointment_openings_counters', sql`${t.counters} between 1 and 20`),
  ],
);

/** A day the agency takes no appointment (besides New Caledonia's public holidays, always closed). */
export const appointmentClosures = pgTable(
  'appointment_closures',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => appointmentAgencies.organisationId),
    day: date('day', { mode: 'string' }).notNull(),
    reason: text('reason').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('appointment_closures_agency_day').on(t.organisationId, t.day)],
);

/**
 * One appointment. The motif's duration and mode are copied so that changing a motif does not move booked
 * appointments. The cancellation links carry secrets whose SHA-256 only is kept (one from the confirmation, one
 * from the reminder).
 */
export const appointments = pgTable(
  'appointments',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => appointmentAgencies.organisationId),
    motifId: uuid('motif_id')
      .notNull()
      .references(() => appointmentMotifs.id),
    placeId: uuid('place_id').references(() => places.id),
    /** The local day in the territory, for the day view. */
    day: date('day', { mode: 'string' }).notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    mode: motifModeEnum('mode').notNull(),
    personName: text('person_name').notNull(),
    /** E.164. */
    phone: text('phone'),
    email: text('email'),
    notifyBy: notifyChannelEnum('notify_by').notNull(),
    status: appointmentStatusEnum('status').notNull().default('booked'),
    cancelTokenHash: text('cancel_token_hash').notNull(),
    reminderTokenHash: text('reminder_token_hash'),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    markedAt: timestamp('marked_at', { withTimezone: true }),
    markedByUserId: uuid('marked_by_user_id').references(() => users.id),
    /**
     * The activity record made from this appointment: unique, so that it is made once. Deleting the record (a
     * mistake) unlinks it, and the appointment can be recorded again.
     */
    activityId: uuid('activity_id').references(() => activities.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('appointments_agency_day_idx').on(t.organisationId, t.day, t.startsAt),
    index('appointments_reminder_idx').on(t.startsAt).where(sql`${t.status} = 'booked' and ${t.remindedAt} is null`),
    uniqueIndex('appointments_cancel_token_unique').on(t.cancelTokenHash),
    uniqueIndex('appointments_reminder_token_unique').on(t.reminderTokenHash),
    uniqueIndex('appointments_activity_unique').on(t.activityId),
    check('appointments_contact', sql`${t.phone} is not null or ${t.email} is not null`),
    check('appointments_notify_has_address', sql`(${t.notifyBy} = 'sms' and ${t.phone} is not null) or (${t.notifyBy} = 'email' and ${t.email} is not null)`),
    check('appointments_activity_when_seen', sql`${t.activityId} is null or ${t.status} = 'seen'`),
    check('appointments_range', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

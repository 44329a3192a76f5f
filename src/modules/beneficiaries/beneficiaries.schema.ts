import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { communesTable } from '../../territory/territory.schema.ts';
import { organisations } from '../organisations/organisations.schema.ts';
import { users } from '../accounts/accounts.schema.ts';

/** The national tool's three answers; "non communiqué" is the default everywhere: every field about a person is optional. */
export const genders = ['female', 'male', 'not_communicated'] as const;
export type Gender = (typeof genders)[number];
export const genderEnum = pgEnum('person_gender', genders);

export const ageBands = ['under_12', 'from_12_to_17', 'from_18_to_24', 'from_25_to_39', 'from_40_to_59', 'from_60_to_69', 'from_70', 'not_communicated'] as const;
export type AgeBand = (typeof ageBands)[number];
export const ageBandEnum = pgEnum('person_age_band', ageBands);

export const personStatuses = ['in_school', 'unemployed', 'employed', 'retired', 'not_communicated'] as const;
export type PersonStatus = (typeof personStatuses)[number];
export const personStatusEnum = pgEnum('person_status', personStatuses);

/**
 * A person followed by a structure, only with their consent. Anonymous help needs no row here: the activity keeps
 * the anonymous traits (commune, age band, gender, status) itself.
 */
export const beneficiaries = pgTable(
  'beneficiaries',
  {
    id: uuid('id').primaryKey(),
    /** The structure that follows the person: only its members see the file. */
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    /** E.164; null with noPhone true when the person has none, null with noPhone false when not given. */
    phone: text('phone'),
    noPhone: boolean('no_phone').notNull().default(false),
    birthYear: integer('birth_year'),
    communeCode: text('commune_code').references(() => communesTable.code),
    gender: genderEnum('gender').notNull().default('not_communicated'),
    status: personStatusEnum('status').notNull().default('not_communicated'),
    /** The consent as it was shown, when, and who took it. */
    consentText: text('consent_text').notNull(),
    consentGivenAt: timestamp('consent_given_at', { withTimezone: true }).notNull(),
    consentTakenByUserId: uuid('consent_taken_by_user_id').references(() => users.id),
    /** The last help received: the purge job deletes files inactive for longer than the configured period. */
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('beneficiaries_organisation_idx').on(t.organisationId, t.lastName),
    index('beneficiaries_phone_idx').on(t.phone).where(sql`${t.phone} is not null`),
    index('beneficiaries_last_activity_idx').on(t.lastActivityAt),
  ],
);

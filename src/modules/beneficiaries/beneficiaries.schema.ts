import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
    /** First and last names folded (lower case, no accents): searched and compared for duplicates with trigrams. */
    searchName: text('search_name').notNull().default(''),
    /** The consent as it was shown (its version and its exact text), when, and who took it. */
    consentVersion: text('consent_version').notNull().default(''),
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
    // The trigram index on search_name (gin_trgm_ops) is in the custom migration 'beneficiaries-mandate-journal'.
  ],
);

/**
 * Pairs of files of one structure that may be one person, found when a file is created or corrected (same phone,
 * same or similar folded name) and kept here, so that the "Doublons possibles" page reads a short list instead of
 * comparing every file with every other. `dismissedAt`: a helper said they are two different people.
 */
export const beneficiaryDuplicates = pgTable(
  'beneficiary_duplicates',
  {
    /** The smaller id of the pair first: one row per pair. */
    firstId: uuid('first_id').notNull().references(() => beneficiaries.id, { onDelete: 'cascade' }),
    secondId: uuid('second_id').notNull().references(() => beneficiaries.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    samePhone: boolean('same_phone').notNull().default(false),
    /** pg_trgm similarity of the folded names (1 for the same name, or names swapped). */
    similarity: real('similarity').notNull(),
    dismissedAt: timestamp('dismissed_at', { withTimezone: true }),
    dismissedByUserId: uuid('dismissed_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.firstId, t.secondId] }),
    index('beneficiary_duplicates_second_idx').on(t.secondId),
    index('beneficiary_duplicates_open_idx').on(t.organisationId).where(sql`${t.dismissedAt} is null`),
    check('beneficiary_duplicates_ordered', sql`${t.firstId} < ${t.secondId}`),
  ],
);

// ——— Mandates ———

/** The categories of procedures a person may let the aidants of a structure do for them. */
export const mandateCategories = ['papers', 'family', 'social', 'work', 'housing', 'transport', 'money', 'justice', 'foreigners', 'leisure'] as const;
export type MandateCategory = (typeof mandateCategories)[number];
export const mandateCategoryEnum = pgEnum('mandate_category', mandateCategories);

export const mandateDurations = ['one_day', 'one_month', 'six_months', 'one_year'] as const;
export type MandateDuration = (typeof mandateDurations)[number];
export const mandateDurationEnum = pgEnum('mandate_duration', mandateDurations);

/** How the person gave (or is asked for) their consent. */
export const consentMethods = ['signed_paper', 'sms_reply', 'in_person'] as const;
export type ConsentMethod = (typeof consentMethods)[number];
export const consentMethodEnum = pgEnum('mandate_consent_method', consentMethods);

/**
 * A person lets the aidants of a structure act on their behalf for some categories, for a while. Its state
 * (waiting for consent, refused, active, expired, revoked, partly revoked) is derived from the dates by
 * `mandateState` (mandates.states.ts), never stored. Relais keeps evidence of consent, never passwords or codes.
 */
export const mandates = pgTable(
  'mandates',
  {
    id: uuid('id').primaryKey(),
    beneficiaryId: uuid('beneficiary_id').notNull().references(() => beneficiaries.id, { onDelete: 'cascade' }),
    /** The structure whose aidants may act: the one that follows the person. */
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    categories: mandateCategoryEnum('categories').array().notNull(),
    duration: mandateDurationEnum('duration').notNull(),
    consentMethod: consentMethodEnum('consent_method').notNull(),
    /** The version of the mandate text shown or sent, and the text itself. */
    consentVersion: text('consent_version').notNull(),
    consentText: text('consent_text').notNull(),
    /** The signed paper, stored by platform/files (area 'mandats'). */
    consentFileKey: text('consent_file_key'),
    consentFileName: text('consent_file_name'),
    consentFileType: text('consent_file_type'),
    /** Null while waiting for the person's answer (SMS). */
    consentGivenAt: timestamp('consent_given_at', { withTimezone: true }),
    refusedAt: timestamp('refused_at', { withTimezone: true }),
    /** The end: consent + duration. */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    /** Revocation of the whole mandate. */
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /** Revocation of some categories only: category → ISO instant. */
    categoryRevocations: jsonb('category_revocations').$type<Partial<Record<MandateCategory, string>>>().notNull().default({}),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mandates_beneficiary_idx').on(t.beneficiaryId, t.createdAt)],
);

/**
 * The journal of every use of a mandate. Append-only: a trigger (custom migration) refuses UPDATE and DELETE.
 * No foreign key and no name: the journal outlives the person's file when it is erased (the use stays provable,
 * the person is no longer named).
 */
export const mandateUses = pgTable(
  'mandate_uses',
  {
    id: uuid('id').primaryKey(),
    mandateId: uuid('mandate_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    category: mandateCategoryEnum('category').notNull(),
    /** What was done ("déclaration de ressources CAFAT"), without any code or password. */
    procedure: text('procedure').notNull(),
    /** The local day the mandate was used. */
    usedOn: date('used_on', { mode: 'string' }).notNull(),
    userId: uuid('user_id'),
    userLabel: text('user_label').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mandate_uses_mandate_idx').on(t.mandateId, t.recordedAt)],
);

import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { communesTable } from '../../territory/territory.schema.ts';
import { organisations } from '../organisations/organisations.schema.ts';
import { users } from '../accounts/accounts.schema.ts';
import { places } from '../places/places.schema.ts';
import { themeEnum, workshopLevelEnum } from '../activities/activities.schema.ts';

// Programmes (Numé-Raï…), their workshop series, the dated sessions and the registrations to them.
// Codes here, French labels in workshops.labels.ts.

/** What a programme counts. 'custom' targets carry their own label (anything a coordinator adds). */
export const targetKinds = [
  'workshops_held',
  'communes_covered',
  'people_reached',
  'people_with_disability_reached',
  'satisfaction_percent',
  'custom',
] as const;
export type TargetKind = (typeof targetKinds)[number];
export const targetKindEnum = pgEnum('workshop_target_kind', targetKinds);

/** What a session offers so that everybody can take part; also what a registrant says would help them. */
export const accessibilityOptions = [
  'lsf_interpreter',
  'falc_materials',
  'audio_description',
  'hearing_loop',
  'step_free_access',
  'large_print',
  'companion_welcome',
  'other',
] as const;
export type AccessibilityOption = (typeof accessibilityOptions)[number];
export const accessibilityOptionEnum = pgEnum('workshop_accessibility', accessibilityOptions);

/** Simple pictograms shown beside a FALC description (inline SVG with a text label, see views/pictograms.tsx). */
export const pictograms = [
  'computer',
  'phone',
  'tablet',
  'internet',
  'email',
  'security',
  'money',
  'health',
  'papers',
  'photo',
  'people',
  'help',
] as const;
export type Pictogram = (typeof pictograms)[number];
export const pictogramEnum = pgEnum('workshop_pictogram', pictograms);

export const sessionStatuses = ['scheduled', 'cancelled'] as const;
export type SessionStatus = (typeof sessionStatuses)[number];
export const sessionStatusEnum = pgEnum('workshop_session_status', sessionStatuses);

/** confirmed holds a seat; waiting is in line; offered holds a seat until offerExpiresAt; cancelled holds nothing. */
export const registrationStatuses = ['confirmed', 'waiting', 'offered', 'cancelled'] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];
export const registrationStatusEnum = pgEnum('workshop_registration_status', registrationStatuses);

export const disabilityAnswers = ['yes', 'no', 'prefer_not_to_say'] as const;
export type DisabilityAnswer = (typeof disabilityAnswers)[number];
export const disabilityAnswerEnum = pgEnum('workshop_disability_answer', disabilityAnswers);

/** A programme: a consortium of organisations running workshops for funders over a period, with targets. */
export const programmes = pgTable(
  'programmes',
  {
    id: uuid('id').primaryKey(),
    /** In the public address: /programmes/:slug. */
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** Funders as named in the agreement (they need not be organisations in Relais). */
    funders: text('funders').array().notNull().default(sql`'{}'`),
    /** First and last local day of the programme (inclusive). */
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('programmes_slug_unique').on(t.slug), check('programmes_period', sql`${t.endsOn} >= ${t.startsOn}`)],
);

/** The consortium: organisations whose members coordinate the programme. */
export const programmeOrganisations = pgTable(
  'programme_organisations',
  {
    programmeId: uuid('programme_id').notNull().references(() => programmes.id),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.organisationId] }), index('programme_organisations_org_idx').on(t.organisationId)],
);

/** A target of a programme: a kind and a value (a percentage for satisfaction_percent). */
export const programmeTargets = pgTable(
  'programme_targets',
  {
    id: uuid('id').primaryKey(),
    programmeId: uuid('programme_id').notNull().references(() => programmes.id),
    kind: targetKindEnum('kind').notNull(),
    /** Required for 'custom'; optional wording for the others. */
    label: text('label'),
    targetValue: integer('target_value').notNull(),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('programme_targets_programme_idx').on(t.programmeId, t.position),
    check('programme_targets_custom_label', sql`${t.kind} <> 'custom' or ${t.label} is not null`),
    check('programme_targets_value', sql`${t.targetValue} >= 0`),
  ],
);

/** A workshop series in a programme: the same workshop given in several sessions (communes, dates). */
export const workshopSeries = pgTable(
  'workshop_series',
  {
    id: uuid('id').primaryKey(),
    programmeId: uuid('programme_id').notNull().references(() => programmes.id),
    title: text('title').notNull(),
    themes: themeEnum('themes').array().notNull().default(sql`'{}'`),
    level: workshopLevelEnum('level').notNull(),
    /** Pix competence codes aimed at, e.g. '1.1', '3.1' (shared/data/reference/pix-competences.csv). */
    pixCompetences: text('pix_competences').array().notNull().default(sql`'{}'`),
    /** Public description written in FALC (easy to read and understand). */
    descriptionFalc: text('description_falc').notNull().default(''),
    pictograms: pictogramEnum('pictograms').array().notNull().default(sql`'{}'`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('workshop_series_programme_idx').on(t.programmeId)],
);

/**
 * One dated session of a series, at a place of the directory or at a named spot (a tribe hall…). communeCode is
 * always set (copied from the place when there is one) so that the agenda filters by commune without a join.
 */
export const workshopSessions = pgTable(
  'workshop_sessions',
  {
    id: uuid('id').primaryKey(),
    seriesId: uuid('series_id').notNull().references(() => workshopSeries.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    placeId: uuid('place_id').references(() => places.id),
    /** A spot outside the directory, e.g. « Salle de la tribu de Hnathalo ». */
    spotName: text('spot_name'),
    spotAddress: text('spot_address'),
    communeCode: text('commune_code').notNull().references(() => communesTable.code),
    /** Seats; accompanying persons do not take one. */
    capacity: integer('capacity').notNull(),
    accessibility: accessibilityOptionEnum('accessibility').array().notNull().default(sql`'{}'`),
    /** What 'other' means for this session. */
    accessibilityOther: text('accessibility_other'),
    status: sessionStatusEnum('status').notNull().default('scheduled'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancellationReason: text('cancellation_reason'),
    /** When the registrants' sensitive answers were purged (the daily job sets it once). */
    sensitivePurgedAt: timestamp('sensitive_purged_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('workshop_sessions_series_idx').on(t.seriesId, t.startsAt),
    index('workshop_sessions_starts_idx').on(t.startsAt),
    index('workshop_sessions_commune_idx').on(t.communeCode, t.startsAt),
    check('workshop_sessions_where', sql`${t.placeId} is not null or ${t.spotName} is not null`),
    check('workshop_sessions_times', sql`${t.endsAt} > ${t.startsAt}`),
    check('workshop_sessions_capacity', sql`${t.capacity} >= 1`),
  ],
);

/** The trainers of a session: they see its registrants and its sensitive answers. */
export const workshopSessionTrainers = pgTable(
  'workshop_session_trainers',
  {
    sessionId: uuid('session_id').notNull().references(() => workshopSessions.id),
    userId: uuid('user_id').notNull().references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.userId] }), index('workshop_session_trainers_user_idx').on(t.userId)],
);

/**
 * A registration to a session, made by the person (no account) or on their behalf by a helper or trainer
 * (registeredByUserId). Sensitive answers are in workshopRegistrationSensitive.
 */
export const workshopRegistrations = pgTable(
  'workshop_registrations',
  {
    id: uuid('id').primaryKey(),
    sessionId: uuid('session_id').notNull().references(() => workshopSessions.id),
    name: text('name').notNull(),
    /** E.164 (platform/phone.ts). */
    phone: text('phone'),
    email: text('email'),
    communeCode: text('commune_code').references(() => communesTable.code),
    /** An accompanying person comes too; they do not take a seat. */
    companion: boolean('companion').notNull().default(false),
    status: registrationStatusEnum('status').notNull(),
    offeredAt: timestamp('offered_at', { withTimezone: true }),
    offerExpiresAt: timestamp('offer_expires_at', { withTimezone: true }),
    /** The helper or trainer who registered the person, when it was not the person themself. */
    registeredByUserId: uuid('registered_by_user_id').references(() => users.id),
    /** SHA-256 of the secret in the cancellation and offer links (platform/ids.ts). */
    tokenHash: text('token_hash').notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /** Set once when the reminder two days before is queued. */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('workshop_registrations_session_idx').on(t.sessionId, t.status, t.createdAt),
    uniqueIndex('workshop_registrations_token_unique').on(t.tokenHash),
    index('workshop_registrations_offer_idx').on(t.offerExpiresAt).where(sql`status = 'offered'`),
    check('workshop_registrations_contact', sql`${t.phone} is not null or ${t.email} is not null`),
    check('workshop_registrations_offer', sql`${t.status} <> 'offered' or ${t.offerExpiresAt} is not null`),
  ],
);

/**
 * The sensitive answers of a registration, kept apart: read only by the session's trainers and the programme's
 * coordinators (each read audited), deleted WORKSHOP_SENSITIVE_RETENTION_DAYS after the session. The disability
 * answer is stored only with consent: disabilityConsentAt and the purpose text shown are kept with it.
 */
export const workshopRegistrationSensitive = pgTable(
  'workshop_registration_sensitive',
  {
    registrationId: uuid('registration_id')
      .primaryKey()
      .references(() => workshopRegistrations.id),
    accessNeeds: accessibilityOptionEnum('access_needs').array().notNull().default(sql`'{}'`),
    accessNeedsText: text('access_needs_text'),
    disability: disabilityAnswerEnum('disability'),
    disabilityConsentAt: timestamp('disability_consent_at', { withTimezone: true }),
    disabilityPurpose: text('disability_purpose'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('workshop_registration_sensitive_consent', sql`${t.disability} is null or ${t.disabilityConsentAt} is not null`)],
);

/** Per-session counts kept when the sensitive answers are purged, so that the programme's reach survives the purge. */
export type SensitiveTally = {
  /** Registrations that held a seat (confirmed) when purged. */
  registrations: number;
  disability: Partial<Record<DisabilityAnswer, number>>;
  accessNeeds: Partial<Record<AccessibilityOption, number>>;
};

export const workshopSensitiveTallies = pgTable('workshop_sensitive_tallies', {
  sessionId: uuid('session_id')
    .primaryKey()
    .references(() => workshopSessions.id),
  tally: jsonb('tally').$type<SensitiveTally>().notNull(),
  purgedAt: timestamp('purged_at', { withTimezone: true }).notNull().defaultNow(),
});

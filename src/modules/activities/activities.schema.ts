import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { communesTable } from '../../territory/territory.schema.ts';
import { organisations } from '../organisations/organisations.schema.ts';
import { users } from '../accounts/accounts.schema.ts';
import { apiTokens } from '../api-tokens/api-tokens.schema.ts';
import { places } from '../places/places.schema.ts';
import { ageBandEnum, beneficiaries, genderEnum, personStatusEnum, type AgeBand, type Gender, type PersonStatus } from '../beneficiaries/beneficiaries.schema.ts';

// The vocabularies of the national tool for mediators (shared/data/reference/activity-taxonomy.md): codes here,
// French labels in activities.labels.ts. Statistics columns and form options derive from these tuples.

export const activityKinds = ['individual', 'workshop'] as const;
export type ActivityKind = (typeof activityKinds)[number];
export const activityKindEnum = pgEnum('activity_kind', activityKinds);

export const channels = ['at_place', 'at_home', 'remote', 'elsewhere'] as const;
export type Channel = (typeof channels)[number];
export const channelEnum = pgEnum('activity_channel', channels);

export const materials = ['computer', 'phone', 'tablet', 'other', 'none'] as const;
export type Material = (typeof materials)[number];
export const materialEnum = pgEnum('activity_material', materials);

/** The 19 themes; 'administrative_procedures' opens the 11 sub-themes below. */
export const themes = [
  'diagnostic',
  'equipment_handling',
  'equipment_maintenance',
  'digital_content',
  'web_browsing',
  'email',
  'office_software',
  'social_media',
  'health',
  'banking_shopping',
  'professional_support',
  'employment',
  'security',
  'parenting',
  'schooling',
  'creating',
  'digital_culture',
  'artificial_intelligence',
  'administrative_procedures',
] as const;
export type Theme = (typeof themes)[number];
export const themeEnum = pgEnum('activity_theme', themes);

export const administrativeSubThemes = [
  'papers_elections_citizenship',
  'family_schooling',
  'social_health',
  'work_training_business',
  'housing',
  'transport_mobility',
  'money_taxes',
  'justice',
  'foreigners_europe',
  'leisure_sports_culture',
  'associations',
] as const;
export type AdministrativeSubTheme = (typeof administrativeSubThemes)[number];
export const administrativeSubThemeEnum = pgEnum('activity_administrative_sub_theme', administrativeSubThemes);

/** From least to most autonomous. */
export const autonomyLevels = ['fully_assisted', 'partly_autonomous', 'autonomous'] as const;
export type AutonomyLevel = (typeof autonomyLevels)[number];
export const autonomyEnum = pgEnum('activity_autonomy', autonomyLevels);

export const orientationDestinations = [
  'administration',
  'other_mediation',
  'procedure_operator',
  'social_aid',
  'employment_support',
  'administrative_help_point',
  'other',
] as const;
export type OrientationDestination = (typeof orientationDestinations)[number];
export const orientationDestinationEnum = pgEnum('activity_orientation_destination', orientationDestinations);

export const procedureOutcomes = ['completed', 'partly_done', 'to_continue', 'redirected_to_partner'] as const;
export type ProcedureOutcome = (typeof procedureOutcomes)[number];
export const procedureOutcomeEnum = pgEnum('activity_procedure_outcome', procedureOutcomes);

export const workshopLevels = ['beginner', 'intermediate', 'advanced'] as const;
export type WorkshopLevel = (typeof workshopLevels)[number];
export const workshopLevelEnum = pgEnum('activity_workshop_level', workshopLevels);

export const tagScopes = ['personal', 'team', 'territory'] as const;
export type TagScope = (typeof tagScopes)[number];
export const tagScopeEnum = pgEnum('activity_tag_scope', tagScopes);

/** Anonymous workshop participants counted by trait; each breakdown's counts add up to at most the anonymous total. */
export type ParticipantBreakdown = {
  gender: Partial<Record<Gender, number>>;
  ageBand: Partial<Record<AgeBand, number>>;
  status: Partial<Record<PersonStatus, number>>;
};

/** The partners' catalogue of administrative procedures (CAFAT, Enercal, DFP…), kept by their référents. */
export const procedures = pgTable(
  'procedures',
  {
    id: uuid('id').primaryKey(),
    /** An organisation of kind 'partner'. */
    partnerOrganisationId: uuid('partner_organisation_id').notNull().references(() => organisations.id),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** Retired procedures stay on old records and leave the choice list. */
    active: boolean('active').notNull().default(true),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('procedures_partner_name_unique').on(t.partnerOrganisationId, sql`lower(${t.name})`)],
);

/** Tags: personal (one helper's), team (a team's) or territory (kept by coordinators). */
export const activityTags = pgTable(
  'activity_tags',
  {
    id: uuid('id').primaryKey(),
    scope: tagScopeEnum('scope').notNull(),
    label: text('label').notNull(),
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    teamId: uuid('team_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('activity_tags_owner_idx').on(t.scope, t.ownerUserId)],
);

/**
 * One activity record: an individual accompaniment or a collective workshop. One table with per-kind columns
 * whose rules are also checked here, in SQL, so that no path (form, API, appointment, workshop roster) can store a
 * record the statistics would miscount.
 */
export const activities = pgTable(
  'activities',
  {
    id: uuid('id').primaryKey(),
    kind: activityKindEnum('kind').notNull(),
    /** The structure the helper worked for: statistics and access follow it. */
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    placeId: uuid('place_id').references(() => places.id),
    helperUserId: uuid('helper_user_id').notNull().references(() => users.id),
    /** The local day in the territory's calendar, never in the future (checked by the form and the command). */
    date: date('date', { mode: 'string' }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    channel: channelEnum('channel').notNull(),
    themes: themeEnum('themes').array().notNull().default(sql`'{}'`),
    administrativeSubThemes: administrativeSubThemeEnum('administrative_sub_themes').array().notNull().default(sql`'{}'`),
    materials: materialEnum('materials').array().notNull().default(sql`'{}'`),
    notes: text('notes').notNull().default(''),
    tagIds: uuid('tag_ids').array().notNull().default(sql`'{}'`),

    // Individual accompaniment.
    autonomy: autonomyEnum('autonomy'),
    oriented: boolean('oriented').notNull().default(false),
    orientationDestination: orientationDestinationEnum('orientation_destination'),
    procedureId: uuid('procedure_id').references(() => procedures.id),
    procedureOutcome: procedureOutcomeEnum('procedure_outcome'),
    /** A followed person, when they consented; otherwise the anonymous traits below are all there is. */
    beneficiaryId: uuid('beneficiary_id').references(() => beneficiaries.id),
    // The person's traits as they were on the day; kept when a followed person's file is erased.
    communeCode: text('commune_code').references(() => communesTable.code),
    ageBand: ageBandEnum('age_band').notNull().default('not_communicated'),
    gender: genderEnum('gender').notNull().default('not_communicated'),
    status: personStatusEnum('status').notNull().default('not_communicated'),

    // Collective workshop.
    title: text('title'),
    level: workshopLevelEnum('level'),
    anonymousParticipants: integer('anonymous_participants').notNull().default(0),
    participantBreakdown: jsonb('participant_breakdown').$type<ParticipantBreakdown>(),

    /** How many accompaniments the record counts for: 1 for an individual one, every participant for a workshop. */
    participantCount: integer('participant_count').notNull(),

    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    /** The API token that wrote the record in the helper's name, if one did (instead of an audit event per record). */
    createdByTokenId: uuid('created_by_token_id').references(() => apiTokens.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('activities_organisation_date_idx').on(t.organisationId, t.date),
    index('activities_helper_date_idx').on(t.helperUserId, t.date),
    index('activities_place_date_idx').on(t.placeId, t.date),
    // Date then creation: the lists' order (newest first), so that a page of 20 reads 20 rows, not the whole day.
    index('activities_date_created_idx').on(t.date, t.createdAt),
    index('activities_beneficiary_idx').on(t.beneficiaryId).where(sql`${t.beneficiaryId} is not null`),
    index('activities_procedure_idx').on(t.procedureId, t.date).where(sql`${t.procedureId} is not null`),
    check('activities_duration_range', sql`${t.durationMinutes} between 1 and 720`),
    check('activities_participant_count_positive', sql`${t.participantCount} >= 1`),
    check('activities_individual_counts_one', sql`${t.kind} <> 'individual' or ${t.participantCount} = 1`),
    check('activities_orientation_needs_oriented', sql`${t.orientationDestination} is null or ${t.oriented}`),
    check('activities_outcome_needs_procedure', sql`${t.procedureOutcome} is null or ${t.procedureId} is not null`),
    check('activities_workshop_has_title', sql`${t.kind} <> 'workshop' or ${t.title} is not null`),
  ],
);

/** Named (followed) participants of a workshop record. */
export const activityParticipants = pgTable(
  'activity_participants',
  {
    activityId: uuid('activity_id').notNull().references(() => activities.id, { onDelete: 'cascade' }),
    beneficiaryId: uuid('beneficiary_id').notNull().references(() => beneficiaries.id),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.beneficiaryId] }), index('activity_participants_beneficiary_idx').on(t.beneficiaryId)],
);

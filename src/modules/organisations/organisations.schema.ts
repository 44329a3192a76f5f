import { index, pgEnum, pgTable, text, timestamp, uuid, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { roleEnum } from '../../platform/authz/roles.schema.ts';
import { communesTable, provinceEnum } from '../../territory/territory.schema.ts';
import { users } from '../accounts/accounts.schema.ts';

export const organisationKinds = [
  'government_unit',
  'opt_agency',
  'place_operator',
  'partner',
  'association',
  'donor_company',
  'refurbisher',
  'consortium',
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const organisationKindEnum = pgEnum('organisation_kind', organisationKinds);

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    kind: organisationKindEnum('kind').notNull(),
    /** RIDET as written in New Caledonia: 7 digits, a dot, a 3-digit establishment rank. */
    ridet: text('ridet'),
    province: provinceEnum('province').notNull(),
    communeCode: text('commune_code').notNull().references(() => communesTable.code),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('organisations_ridet_unique').on(t.ridet),
    uniqueIndex('organisations_name_unique').on(sql`lower(${t.name})`),
  ],
);

export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id').notNull().references(() => users.id),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    role: roleEnum('role').notNull(),
    /** Coordinators only: the province they coordinate; null is the whole territory. */
    scopeProvince: provinceEnum('scope_province'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Memberships end rather than disappear: past statistics keep who did what. */
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    index('memberships_user_idx').on(t.userId),
    index('memberships_organisation_idx').on(t.organisationId),
    uniqueIndex('memberships_active_unique').on(t.userId, t.organisationId, t.role).where(sql`${t.endedAt} is null`),
  ],
);

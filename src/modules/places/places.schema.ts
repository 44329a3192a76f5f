import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { communesTable, provinceEnum } from '../../territory/territory.schema.ts';
import { organisations } from '../organisations/organisations.schema.ts';
import {
  accessModes,
  accessibilityFeatures,
  equipmentFeatures,
  fees,
  itinerances,
  languages,
  nationalSchemes,
  publics,
  services,
  specificSupports,
  supportModes,
  trainingLabels,
  typologies,
} from './places.enums.ts';

export const serviceEnum = pgEnum('place_service', services);
export const publicEnum = pgEnum('place_public', publics);
export const specificSupportEnum = pgEnum('place_specific_support', specificSupports);
export const feeEnum = pgEnum('place_fee', fees);
export const itineranceEnum = pgEnum('place_itinerance', itinerances);
export const accessModeEnum = pgEnum('place_access_mode', accessModes);
export const supportModeEnum = pgEnum('place_support_mode', supportModes);
export const nationalSchemeEnum = pgEnum('place_national_scheme', nationalSchemes);
export const trainingLabelEnum = pgEnum('place_training_label', trainingLabels);
export const typologyEnum = pgEnum('place_typology', typologies);
export const languageEnum = pgEnum('place_language', languages);
export const accessibilityFeatureEnum = pgEnum('place_accessibility_feature', accessibilityFeatures);
export const equipmentFeatureEnum = pgEnum('place_equipment_feature', equipmentFeatures);

/** What an import could not map to an enumeration, kept word for word so that nobody's data is lost. */
export type Unmapped = Partial<Record<'typologie' | 'services' | 'publics' | 'horaires' | 'autres', string[]>>;

/**
 * A place of digital inclusion: the national standard's fields (v1.0.2) plus what New Caledonia needs.
 * Multi-valued fields are arrays of codes; their labels and export spellings are in places.labels.ts.
 */
export const places = pgTable(
  'places',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    /** RIDET with its dot (`1234567.001`); exported as `pivot` without the dot. */
    ridet: text('ridet'),
    communeCode: text('commune_code').notNull().references(() => communesTable.code),
    province: provinceEnum('province').notNull(),
    postcode: text('postcode').notNull(),
    /** Street and number; may be empty where there is none (tribes, lieux-dits). */
    address: text('address').notNull().default(''),
    addressComplement: text('address_complement'),
    /** Tribu or lieu-dit, for addresses without a street number. */
    locality: text('locality'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    typologies: typologyEnum('typologies').array().notNull().default(sql`'{}'`),
    phone: text('phone'),
    emails: text('emails').array().notNull().default(sql`'{}'`),
    websites: text('websites').array().notNull().default(sql`'{}'`),
    /** OSM opening_hours syntax, when known and valid. */
    openingHours: text('opening_hours'),
    /** Hours as free text when they could not be turned into `openingHours` (kept from imports). */
    openingHoursText: text('opening_hours_text'),
    summary: text('summary'),
    description: text('description'),
    source: text('source'),
    itinerance: itineranceEnum('itinerance').array().notNull().default(sql`'{}'`),
    parentStructure: text('parent_structure'),
    services: serviceEnum('services').array().notNull().default(sql`'{}'`),
    publics: publicEnum('publics').array().notNull().default(sql`'{}'`),
    specificSupports: specificSupportEnum('specific_supports').array().notNull().default(sql`'{}'`),
    fees: feeEnum('fees').array().notNull().default(sql`'{}'`),
    nationalSchemes: nationalSchemeEnum('national_schemes').array().notNull().default(sql`'{}'`),
    trainingLabels: trainingLabelEnum('training_labels').array().notNull().default(sql`'{}'`),
    otherLabels: text('other_labels').array().notNull().default(sql`'{}'`),
    accessModes: accessModeEnum('access_modes').array().notNull().default(sql`'{}'`),
    supportModes: supportModeEnum('support_modes').array().notNull().default(sql`'{}'`),
    acceslibreUrl: text('acceslibre_url'),
    appointmentUrl: text('appointment_url'),
    // New Caledonia
    isAdviceCounter: boolean('is_advice_counter').notNull().default(false),
    fixedComputers: integer('fixed_computers'),
    laptops: integer('laptops'),
    tablets: integer('tablets'),
    equipment: equipmentFeatureEnum('equipment').array().notNull().default(sql`'{}'`),
    capacity: integer('capacity'),
    transportLines: text('transport_lines'),
    languages: languageEnum('languages').array().notNull().default(sql`'{}'`),
    accessibility: accessibilityFeatureEnum('accessibility').array().notNull().default(sql`'{}'`),
    /** The organisation whose place managers keep this page right. */
    managedBy: uuid('managed_by').references(() => organisations.id),
    unmapped: jsonb('unmapped').$type<Unmapped>().notNull().default({}),
    /** Identifies an imported record so that importing the same file again updates rather than duplicates. */
    importKey: text('import_key'),
    /** Accent-free, lower-case name + commune + services, for word search (maintained on write). */
    searchText: text('search_text').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** The real last change of the place's data: exported as `date_maj`. */
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set when the place was merged into another (duplicates); such places are hidden everywhere. */
    mergedInto: uuid('merged_into'),
  },
  (t) => [
    uniqueIndex('places_import_key_unique').on(t.importKey),
    index('places_commune_idx').on(t.communeCode),
    index('places_province_idx').on(t.province),
    index('places_managed_by_idx').on(t.managedBy),
  ],
);

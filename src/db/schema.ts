// Every table, for drizzle-kit and for the typed client. Modules own their tables; this file only gathers them.
export * from '../territory/territory.schema.ts';
export * from '../platform/authz/roles.schema.ts';
export * from '../platform/rate-limit/rate-limit.schema.ts';
export * from '../modules/organisations/organisations.schema.ts';
export * from '../modules/accounts/accounts.schema.ts';
export * from '../modules/audit/audit.schema.ts';
export * from '../modules/outbox/outbox.schema.ts';
export * from '../modules/api-tokens/api-tokens.schema.ts';
export * from '../modules/places/places.schema.ts';
export * from '../modules/places/places.reports.schema.ts';
export * from '../modules/case-label/case-label.schema.ts';
export * from '../modules/beneficiaries/beneficiaries.schema.ts';
export * from '../modules/activities/activities.schema.ts';

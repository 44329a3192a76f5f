import { and, asc, count, desc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { keptUntilChange } from '../../db/notify.ts';
import { partnersWithProcedures } from './catalogue/catalogue.queries.ts';
import { can, type Actor } from '../../platform/authz/index.ts';
import { localDay } from '../../platform/format.ts';
import { users } from '../accounts/accounts.schema.ts';
import { organisations } from '../organisations/organisations.schema.ts';
import { places } from '../places/places.schema.ts';
import { beneficiaries } from '../beneficiaries/beneficiaries.schema.ts';
import { activities, activityParticipants, activityTags, procedures, themes, type ActivityKind, type Theme } from './activities.schema.ts';
import { addDays } from './activities.dates.ts';

/**
 * The records an actor may read, as one SQL condition: administrators and territory-wide coordinators everything,
 * a province's coordinator the records of that province's structures, a helper their own and their structures'.
 * API tokens with `activites:lire` read everything. Nobody else reads anything.
 */
export function readableBy(actor: Actor | null): SQL {
  if (!actor) return sql`false`;
  if (actor.kind === 'token') return can(actor, 'activity.list') ? sql`true` : sql`false`;
  const conditions: SQL[] = [];
  const helperOrgs = new Set<string>();
  const provinces = new Set<string>();
  for (const m of actor.memberships) {
    if (m.role === 'administrator') return sql`true`;
    if (m.role === 'coordinator') {
      if (m.scopeProvince === null) return sql`true`;
      provinces.add(m.scopeProvince);
    }
    if (m.role === 'helper') helperOrgs.add(m.organisationId);
  }
  if (helperOrgs.size > 0) {
    conditions.push(inArray(activities.organisationId, [...helperOrgs]));
    conditions.push(eq(activities.helperUserId, actor.userId));
  }
  if (provinces.size > 0) {
    conditions.push(sql`${activities.organisationId} in (select ${organisations.id} from ${organisations} where ${organisations.province} in (${sql.join([...provinces].map((p) => sql`${p}`), sql`, `)}))`);
  }
  return conditions.length === 0 ? sql`false` : (or(...conditions) ?? sql`false`);
}

export type ActivityFilters = {
  from?: string | undefined;
  to?: string | undefined;
  kind?: ActivityKind | undefined;
  theme?: Theme | undefined;
  /** The partner organisation whose procedure it was. */
  partnerId?: string | undefined;
  placeId?: string | undefined;
  /** The person's commune. */
  communeCode?: string | undefined;
  helperUserId?: string | undefined;
  organisationId?: string | undefined;
};

function filterConditions(f: ActivityFilters): SQL[] {
  const where: SQL[] = [];
  if (f.from) where.push(gte(activities.date, f.from));
  if (f.to) where.push(lte(activities.date, f.to));
  if (f.kind) where.push(eq(activities.kind, f.kind));
  if (f.theme) where.push(sql`${activities.themes} @> array[${f.theme}]::activity_theme[]`);
  if (f.partnerId) where.push(sql`${activities.procedureId} in (select ${procedures.id} from ${procedures} where ${procedures.partnerOrganisationId} = ${f.partnerId})`);
  if (f.placeId) where.push(eq(activities.placeId, f.placeId));
  if (f.communeCode) where.push(eq(activities.communeCode, f.communeCode));
  if (f.helperUserId) where.push(eq(activities.helperUserId, f.helperUserId));
  if (f.organisationId) where.push(eq(activities.organisationId, f.organisationId));
  return where;
}

const rowColumns = {
  id: activities.id,
  kind: activities.kind,
  date: activities.date,
  durationMinutes: activities.durationMinutes,
  channel: activities.channel,
  themes: activities.themes,
  participantCount: activities.participantCount,
  title: activities.title,
  organisationId: activities.organisationId,
  organisationName: organisations.name,
  province: organisations.province,
  helperUserId: activities.helperUserId,
  helperName: users.name,
  placeId: activities.placeId,
  placeName: places.name,
  procedureId: activities.procedureId,
  procedureName: procedures.name,
  procedureOutcome: activities.procedureOutcome,
  communeCode: activities.communeCode,
  beneficiaryId: activities.beneficiaryId,
  createdAt: activities.createdAt,
};

export type ActivityRow = {
  id: string;
  kind: ActivityKind;
  date: string;
  durationMinutes: number;
  channel: (typeof activities.$inferSelect)['channel'];
  themes: Theme[];
  participantCount: number;
  title: string | null;
  organisationId: string;
  organisationName: string;
  province: (typeof organisations.$inferSelect)['province'];
  helperUserId: string;
  helperName: string;
  placeId: string | null;
  placeName: string | null;
  procedureId: string | null;
  procedureName: string | null;
  procedureOutcome: (typeof activities.$inferSelect)['procedureOutcome'];
  communeCode: string | null;
  beneficiaryId: string | null;
  createdAt: Date;
};

function baseSelect(db: Executor) {
  return db
    .select(rowColumns)
    .from(activities)
    .innerJoin(organisations, eq(organisations.id, activities.organisationId))
    .innerJoin(users, eq(users.id, activities.helperUserId))
    .leftJoin(places, eq(places.id, activities.placeId))
    .leftJoin(procedures, eq(procedures.id, activities.procedureId));
}

/**
 * One page of the records the actor may read, newest first, with the filters of /activites.
 * @example const { rows, total } = await listActivities(db, actor, { theme: 'email' }, { page: 1, perPage: 20 })
 */
export async function listActivities(
  db: Executor,
  actor: Actor,
  filters: ActivityFilters,
  paging: { page: number; perPage: number; countUpTo?: number },
): Promise<{ rows: ActivityRow[]; total: number; totalIsAtLeast: boolean; pageCount: number }> {
  const where = and(readableBy(actor), ...filterConditions(filters));
  // Counting every record of a busy structure costs more than the page itself: the list counts up to a bound.
  const bound = paging.countUpTo;
  const [totalRow] =
    bound === undefined
      ? await db.select({ n: count() }).from(activities).where(where)
      : await db.select({ n: count() }).from(db.select({ id: activities.id }).from(activities).where(where).limit(bound).as('counted'));
  const total = totalRow?.n ?? 0;
  const totalIsAtLeast = bound !== undefined && total >= bound;
  const pageCount = Math.max(1, Math.ceil(total / paging.perPage));
  const rows = await baseSelect(db)
    .where(where)
    .orderBy(desc(activities.date), desc(activities.createdAt))
    .limit(paging.perPage)
    .offset((Math.min(paging.page, pageCount) - 1) * paging.perPage);
  return { rows, total, totalIsAtLeast, pageCount };
}

export type ActivityDetail = typeof activities.$inferSelect & {
  organisationName: string;
  province: (typeof organisations.$inferSelect)['province'];
  helperName: string;
  placeName: string | null;
  procedureName: string | null;
  partnerId: string | null;
  partnerName: string | null;
  beneficiaryName: string | null;
  /** The name of the API token that wrote the record in the helper's name, if one did. */
  tokenName: string | null;
  participants: { id: string; name: string }[];
  tags: { id: string; label: string }[];
};

/** One record with everything its page shows, or null. The caller checks the actor may see it. */
export async function activityDetail(db: Executor, id: string): Promise<ActivityDetail | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const partners = sql.raw('partner');
  const [row] = await db
    .select({
      activity: activities,
      organisationName: organisations.name,
      province: organisations.province,
      helperName: users.name,
      placeName: places.name,
      procedureName: procedures.name,
      partnerId: procedures.partnerOrganisationId,
      partnerName: sql<string | null>`(select ${partners}.name from organisations ${partners} where ${partners}.id = ${procedures.partnerOrganisationId})`,
      beneficiaryName: sql<string | null>`(select b.first_name || ' ' || b.last_name from beneficiaries b where b.id = ${activities.beneficiaryId})`,
      tokenName: sql<string | null>`(select t.name from api_tokens t where t.id = ${activities.createdByTokenId})`,
    })
    .from(activities)
    .innerJoin(organisations, eq(organisations.id, activities.organisationId))
    .innerJoin(users, eq(users.id, activities.helperUserId))
    .leftJoin(places, eq(places.id, activities.placeId))
    .leftJoin(procedures, eq(procedures.id, activities.procedureId))
    .where(eq(activities.id, id));
  if (!row) return null;
  const participants = await db
    .select({ id: beneficiaries.id, firstName: beneficiaries.firstName, lastName: beneficiaries.lastName })
    .from(activityParticipants)
    .innerJoin(beneficiaries, eq(beneficiaries.id, activityParticipants.beneficiaryId))
    .where(eq(activityParticipants.activityId, id))
    .orderBy(asc(beneficiaries.lastName));
  const tags = row.activity.tagIds.length > 0 ? await db.select({ id: activityTags.id, label: activityTags.label }).from(activityTags).where(inArray(activityTags.id, row.activity.tagIds)) : [];
  return {
    ...row.activity,
    organisationName: row.organisationName,
    province: row.province,
    helperName: row.helperName,
    placeName: row.placeName,
    procedureName: row.procedureName,
    partnerId: row.partnerId,
    partnerName: row.partnerName,
    beneficiaryName: row.beneficiaryName,
    tokenName: row.tokenName,
    participants: participants.map((p) => ({ id: p.id, name: `${p.firstName} ${p.lastName}` })),
    tags,
  };
}

/**
 * The help a followed person received, newest first, among the records the actor may read: individual records
 * naming them and workshops they took part in.
 * @example const history = await activitiesOfBeneficiary(db, helper, beneficiaryId)
 */
export async function activitiesOfBeneficiary(db: Executor, actor: Actor, beneficiaryId: string): Promise<ActivityRow[]> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(beneficiaryId)) return [];
  const named = or(
    eq(activities.beneficiaryId, beneficiaryId),
    sql`exists (select 1 from ${activityParticipants} where ${activityParticipants.activityId} = ${activities.id} and ${activityParticipants.beneficiaryId} = ${beneficiaryId})`,
  );
  return baseSelect(db)
    .where(and(readableBy(actor), named))
    .orderBy(desc(activities.date), desc(activities.createdAt))
    .limit(500);
}

/** The themes a helper chose most in the last 180 days, most used first; the others follow in the national order. */
export async function themesByUse(db: Executor, helperUserId: string): Promise<{ themes: Theme[]; used: number }> {
  const since = addDays(localDay(new Date()), -180);
  const rows = await db.execute<{ theme: Theme; n: number }>(
    sql`select t.theme, count(*)::int as n from ${activities}, unnest(${activities.themes}) as t(theme)
        where ${activities.helperUserId} = ${helperUserId} and ${activities.date} >= ${since}
        group by t.theme order by n desc`,
  );
  const used = rowsOf<{ theme: string }>(rows).map((r) => r.theme).filter((t): t is Theme => themes.some((k) => k === t));
  return { themes: [...used, ...themes.filter((t) => !used.includes(t))], used: used.length };
}

/** drizzle's execute answers `{ rows }` on both drivers. */
function rowsOf<T>(result: unknown): T[] {
  if (typeof result === 'object' && result !== null && 'rows' in result && Array.isArray(result.rows)) return result.rows;
  return [];
}

/** The place a helper used last, if any: the default place of the next record. */
export async function lastPlaceOf(db: Executor, helperUserId: string): Promise<string | null> {
  const [row] = await db
    .select({ placeId: activities.placeId })
    .from(activities)
    .where(and(eq(activities.helperUserId, helperUserId), sql`${activities.placeId} is not null`))
    .orderBy(desc(activities.createdAt))
    .limit(1);
  return row?.placeId ?? null;
}

/** Places to choose from: those the helper used lately, then those of the structure's commune. */
export async function placeChoices(db: Executor, helperUserId: string, organisationIds: string[], extraIds: string[] = []): Promise<{ id: string; name: string }[]> {
  const recent = await db
    .selectDistinct({ placeId: activities.placeId })
    .from(activities)
    .where(and(eq(activities.helperUserId, helperUserId), sql`${activities.placeId} is not null`, gte(activities.date, addDays(localDay(new Date()), -365))))
    .limit(30);
  const ids = [...new Set([...extraIds, ...recent.map((r) => r.placeId).filter((v): v is string => v !== null)])];
  const communeOf = organisationIds.length > 0 ? sql`${places.communeCode} in (select ${organisations.communeCode} from ${organisations} where ${inArray(organisations.id, organisationIds)})` : sql`false`;
  const managed = organisationIds.length > 0 ? inArray(places.managedBy, organisationIds) : sql`false`;
  return db
    .select({ id: places.id, name: places.name })
    .from(places)
    .where(and(isNull(places.mergedInto), or(ids.length > 0 ? inArray(places.id, ids) : sql`false`, managed, communeOf)))
    .orderBy(asc(places.name))
    .limit(200);
}

export type ProcedureChoice = { id: string; name: string; partnerId: string; partnerName: string };

/** The partners' procedures still offered, by partner then order: the choice list of the form. */
export async function activeProcedures(db: Executor): Promise<ProcedureChoice[]> {
  return db
    .select({ id: procedures.id, name: procedures.name, partnerId: procedures.partnerOrganisationId, partnerName: organisations.name })
    .from(procedures)
    .innerJoin(organisations, eq(organisations.id, procedures.partnerOrganisationId))
    .where(eq(procedures.active, true))
    .orderBy(asc(organisations.name), asc(procedures.position), asc(procedures.name));
}

/** Tags a helper may use: their personal ones, the territory's, their teams'. */
export function tagsUsableBy(userId: string, teamIds: string[]): SQL {
  return (
    or(
      and(eq(activityTags.scope, 'personal'), eq(activityTags.ownerUserId, userId)),
      eq(activityTags.scope, 'territory'),
      teamIds.length > 0 ? and(eq(activityTags.scope, 'team'), inArray(activityTags.teamId, teamIds)) : sql`false`,
    ) ?? sql`false`
  );
}

/** The tags a helper may put on a record: their personal ones, then the territory's and teams'. */
export async function usableTags(db: Executor, userId: string, teamIds: string[]): Promise<{ id: string; label: string; scope: 'personal' | 'team' | 'territory' }[]> {
  return db
    .select({ id: activityTags.id, label: activityTags.label, scope: activityTags.scope })
    .from(activityTags)
    .where(tagsUsableBy(userId, teamIds))
    .orderBy(asc(activityTags.scope), asc(activityTags.label))
    .limit(200);
}

/** A followed person of one of these structures, for the "person followed" part of the form; null otherwise. */
export async function followedPerson(db: Executor, beneficiaryId: string, organisationIds: string[]): Promise<{ id: string; name: string; organisationId: string } | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(beneficiaryId) || organisationIds.length === 0) return null;
  const [row] = await db
    .select({ id: beneficiaries.id, firstName: beneficiaries.firstName, lastName: beneficiaries.lastName, organisationId: beneficiaries.organisationId })
    .from(beneficiaries)
    .where(and(eq(beneficiaries.id, beneficiaryId), inArray(beneficiaries.organisationId, organisationIds)));
  return row ? { id: row.id, name: `${row.firstName} ${row.lastName}`, organisationId: row.organisationId } : null;
}

/** Places named in the filters of a list (for their labels). */
export async function placeNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: places.id, name: places.name }).from(places).where(inArray(places.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The people a structure follows, by name, for naming workshop participants (the first 200). */
export async function followedPeopleOf(db: Executor, organisationIds: string[]): Promise<{ id: string; name: string }[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .select({ id: beneficiaries.id, firstName: beneficiaries.firstName, lastName: beneficiaries.lastName })
    .from(beneficiaries)
    .where(inArray(beneficiaries.organisationId, organisationIds))
    .orderBy(asc(beneficiaries.lastName), asc(beneficiaries.firstName))
    .limit(200);
  return rows.map((r) => ({ id: r.id, name: `${r.lastName.toUpperCase()} ${r.firstName}` }));
}

/** The places named by the records the actor may read in the last year: the place filter of the list. */
async function placesInRecords(db: Executor, actor: Actor): Promise<string[]> {
  const since = addDays(localDay(new Date()), -365);
  const rows = await db
    .selectDistinct({ placeId: activities.placeId })
    .from(activities)
    .where(and(readableBy(actor), gte(activities.date, since), sql`${activities.placeId} is not null`))
    .limit(300);
  return rows.map((r) => r.placeId).filter((id): id is string => id !== null);
}

/**
 * What the list's filters offer: the partners with procedures in the catalogue, and the places of the actor's
 * records of the last year. On PGlite kept until a record, the catalogue or a partner's name changes (NOTIFY
 * activity_stats, migration 0027), per actor and day: two scans of the actor's records a page otherwise.
 */
export async function listFilterChoices(db: Executor, actor: Actor): Promise<{ partners: { id: string; name: string }[]; placeIds: string[] }> {
  const kept = await keptUntilChange<{ partners: { id: string; name: string }[]; placeIds: string[] }>(db, 'activity_stats', 'activity list filters', 2_000);
  const key = JSON.stringify([localDay(new Date()), actor.kind === 'person' ? [actor.userId, actor.memberships] : [actor.tokenId, actor.scopes]]);
  const known = kept?.get(key);
  if (known) return known;
  const [partners, placeIds] = await Promise.all([partnersWithProcedures(db), placesInRecords(db, actor)]);
  const choices = { partners, placeIds };
  kept?.set(key, choices);
  return choices;
}

import { and, asc, count, desc, eq, gte, inArray, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { can, type Actor } from '../../platform/authz/index.ts';
import { localDay, startOfLocalDay } from '../../platform/format.ts';
import { users } from '../accounts/accounts.schema.ts';
import { memberships, organisations } from '../organisations/organisations.schema.ts';
import { places } from '../places/places.schema.ts';
import type { AgendaFilters } from './workshops.forms.ts';
import type { ProgrammeSubject, SessionSubject } from './workshops.policy.ts';
import './workshops.policy.ts';
import {
  programmeOrganisations,
  programmes,
  programmeTargets,
  workshopRegistrations,
  workshopSeries,
  workshopSessions,
  workshopSessionTrainers,
  type AccessibilityOption,
  type RegistrationStatus,
} from './workshops.schema.ts';

export type Programme = typeof programmes.$inferSelect;
export type ProgrammeTarget = typeof programmeTargets.$inferSelect;
export type Series = typeof workshopSeries.$inferSelect;
export type Session = typeof workshopSessions.$inferSelect;
export type Registration = typeof workshopRegistrations.$inferSelect;

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: string) => uuidShape.test(v);

/** Registrations that hold a seat: confirmed, or offered and not yet answered. */
export const seatHolding: RegistrationStatus[] = ['confirmed', 'offered'];

// ——— Programmes ———

export type ProgrammeWithConsortium = Programme & { consortium: { id: string; name: string }[] };

async function withConsortium(db: Executor, rows: Programme[]): Promise<ProgrammeWithConsortium[]> {
  if (rows.length === 0) return [];
  const links = await db
    .select({ programmeId: programmeOrganisations.programmeId, id: organisations.id, name: organisations.name })
    .from(programmeOrganisations)
    .innerJoin(organisations, eq(organisations.id, programmeOrganisations.organisationId))
    .where(inArray(programmeOrganisations.programmeId, rows.map((r) => r.id)))
    .orderBy(asc(organisations.name));
  return rows.map((r) => ({ ...r, consortium: links.filter((l) => l.programmeId === r.id).map(({ id, name }) => ({ id, name })) }));
}

export function programmeSubject(p: { consortium: { id: string }[] }): ProgrammeSubject {
  return { consortium: p.consortium.map((o) => o.id) };
}

export async function findProgramme(db: Executor, id: string): Promise<ProgrammeWithConsortium | null> {
  if (!isUuid(id)) return null;
  const rows = await db.select().from(programmes).where(eq(programmes.id, id));
  return (await withConsortium(db, rows))[0] ?? null;
}

export async function programmeBySlug(db: Executor, slug: string): Promise<ProgrammeWithConsortium | null> {
  const rows = await db.select().from(programmes).where(eq(programmes.slug, slug));
  return (await withConsortium(db, rows))[0] ?? null;
}

/** Every programme, newest period first (few of them: no pagination needed beyond a hundred). */
export async function listProgrammes(db: Executor): Promise<ProgrammeWithConsortium[]> {
  return withConsortium(db, await db.select().from(programmes).orderBy(desc(programmes.startsOn), asc(programmes.name)).limit(200));
}

/** The programmes an actor manages (programme.manage on each). */
export async function programmesManagedBy(db: Executor, actor: Actor): Promise<ProgrammeWithConsortium[]> {
  return (await listProgrammes(db)).filter((p) => can(actor, 'programme.manage', programmeSubject(p)));
}

export async function targetsOf(db: Executor, programmeId: string): Promise<ProgrammeTarget[]> {
  return db.select().from(programmeTargets).where(eq(programmeTargets.programmeId, programmeId)).orderBy(asc(programmeTargets.position), asc(programmeTargets.createdAt));
}

export async function seriesOf(db: Executor, programmeId: string): Promise<Series[]> {
  return db.select().from(workshopSeries).where(eq(workshopSeries.programmeId, programmeId)).orderBy(asc(workshopSeries.title));
}

export async function findSeries(db: Executor, id: string): Promise<(Series & { programme: ProgrammeWithConsortium }) | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select().from(workshopSeries).where(eq(workshopSeries.id, id));
  if (!row) return null;
  const programme = await findProgramme(db, row.programmeId);
  return programme ? { ...row, programme } : null;
}

/** Active members of the consortium's organisations: who may be chosen as trainers. */
export async function eligibleTrainers(db: Executor, organisationIds: readonly string[]): Promise<{ id: string; name: string; organisationName: string }[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .selectDistinctOn([users.id], { id: users.id, name: users.name, organisationName: organisations.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(inArray(memberships.organisationId, [...organisationIds]), isNull(memberships.endedAt), isNull(users.disabledAt)))
    .orderBy(asc(users.id));
  return rows.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

// ——— Sessions ———

/** A session with what every page shows about it. */
export type SessionView = Session & {
  series: Series;
  programme: ProgrammeWithConsortium;
  place: { id: string; name: string; address: string; locality: string | null } | null;
  trainers: { id: string; name: string }[];
  /** Seats held (confirmed + offered), and people waiting. */
  taken: number;
  waiting: number;
};

export function sessionSubject(s: { programme: { consortium: { id: string }[] }; trainers: { id: string }[] }): SessionSubject {
  return { consortium: s.programme.consortium.map((o) => o.id), trainers: s.trainers.map((t) => t.id) };
}

export function seatsLeft(s: { capacity: number; taken: number }): number {
  return Math.max(0, s.capacity - s.taken);
}

export async function seatCounts(db: Executor, sessionIds: readonly string[]): Promise<Map<string, { taken: number; waiting: number }>> {
  const result = new Map<string, { taken: number; waiting: number }>();
  if (sessionIds.length === 0) return result;
  const rows = await db
    .select({ sessionId: workshopRegistrations.sessionId, status: workshopRegistrations.status, n: count() })
    .from(workshopRegistrations)
    .where(and(inArray(workshopRegistrations.sessionId, [...sessionIds]), ne(workshopRegistrations.status, 'cancelled')))
    .groupBy(workshopRegistrations.sessionId, workshopRegistrations.status);
  for (const id of sessionIds) result.set(id, { taken: 0, waiting: 0 });
  for (const r of rows) {
    const entry = result.get(r.sessionId) ?? { taken: 0, waiting: 0 };
    if (r.status === 'waiting') entry.waiting += r.n;
    else entry.taken += r.n;
    result.set(r.sessionId, entry);
  }
  return result;
}

async function trainersOf(db: Executor, sessionIds: readonly string[]): Promise<Map<string, { id: string; name: string }[]>> {
  const result = new Map<string, { id: string; name: string }[]>();
  if (sessionIds.length === 0) return result;
  const rows = await db
    .select({ sessionId: workshopSessionTrainers.sessionId, id: users.id, name: users.name })
    .from(workshopSessionTrainers)
    .innerJoin(users, eq(users.id, workshopSessionTrainers.userId))
    .where(inArray(workshopSessionTrainers.sessionId, [...sessionIds]))
    .orderBy(asc(users.name));
  for (const r of rows) result.set(r.sessionId, [...(result.get(r.sessionId) ?? []), { id: r.id, name: r.name }]);
  return result;
}

/** Loads the series, programme, place, trainers and seat counts of sessions, in the order given. */
export async function viewSessions(db: Executor, rows: Session[]): Promise<SessionView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const seriesRows = await db.select().from(workshopSeries).where(inArray(workshopSeries.id, [...new Set(rows.map((r) => r.seriesId))]));
  const programmeRows = await withConsortium(db, await db.select().from(programmes).where(inArray(programmes.id, [...new Set(seriesRows.map((s) => s.programmeId))])));
  const placeIds = [...new Set(rows.flatMap((r) => (r.placeId ? [r.placeId] : [])))];
  const placeRows = placeIds.length
    ? await db.select({ id: places.id, name: places.name, address: places.address, locality: places.locality }).from(places).where(inArray(places.id, placeIds))
    : [];
  const [counts, trainers] = await Promise.all([seatCounts(db, ids), trainersOf(db, ids)]);
  return rows.flatMap((r) => {
    const series = seriesRows.find((s) => s.id === r.seriesId);
    const programme = series && programmeRows.find((p) => p.id === series.programmeId);
    if (!series || !programme) return [];
    const c = counts.get(r.id) ?? { taken: 0, waiting: 0 };
    return [{ ...r, series, programme, place: placeRows.find((p) => p.id === r.placeId) ?? null, trainers: trainers.get(r.id) ?? [], taken: c.taken, waiting: c.waiting }];
  });
}

export async function findSession(db: Executor, id: string): Promise<SessionView | null> {
  if (!isUuid(id)) return null;
  const rows = await db.select().from(workshopSessions).where(eq(workshopSessions.id, id));
  return (await viewSessions(db, rows))[0] ?? null;
}

export async function sessionsOfSeries(db: Executor, seriesId: string): Promise<SessionView[]> {
  return viewSessions(db, await db.select().from(workshopSessions).where(eq(workshopSessions.seriesId, seriesId)).orderBy(asc(workshopSessions.startsAt)));
}

/** The sessions of a programme, in time order (the public page and the funder report use them). */
export async function sessionsOfProgramme(db: Executor, programmeId: string): Promise<SessionView[]> {
  const rows = await db
    .select({ session: workshopSessions })
    .from(workshopSessions)
    .innerJoin(workshopSeries, eq(workshopSeries.id, workshopSessions.seriesId))
    .where(eq(workshopSeries.programmeId, programmeId))
    .orderBy(asc(workshopSessions.startsAt));
  return viewSessions(db, rows.map((r) => r.session));
}

/**
 * The sessions an actor works on: every session for administrators and coordinators, the sessions of the
 * programmes whose consortium they belong to, and those they train. Upcoming first unless `past`.
 */
export async function sessionsForWorkspace(db: Executor, actor: Actor, options: { past: boolean; page: number; mineOnly?: boolean; perPage?: number; now?: Date }) {
  const perPage = options.perPage ?? 20;
  const now = options.now ?? new Date();
  if (actor.kind !== 'person') return { rows: [], total: 0, pageCount: 1 };
  const everything = actor.memberships.some((m) => m.role === 'administrator' || m.role === 'coordinator');
  const organisationIds = actor.memberships.map((m) => m.organisationId);
  const trains = sql`${workshopSessions.id} in (select session_id from workshop_session_trainers where user_id = ${actor.userId})`;
  const scope: SQL | undefined = options.mineOnly
    ? trains
    : everything
    ? undefined
    : or(
        trains,
        organisationIds.length
          ? sql`${workshopSeries.programmeId} in (select programme_id from programme_organisations where organisation_id in (${sql.join(
              organisationIds.map((id) => sql`${id}`),
              sql`, `,
            )}))`
          : sql`false`,
      );
  const when = options.past ? lt(workshopSessions.endsAt, now) : gte(workshopSessions.endsAt, now);
  const where = and(when, scope);
  const [total] = await db.select({ n: count() }).from(workshopSessions).innerJoin(workshopSeries, eq(workshopSeries.id, workshopSessions.seriesId)).where(where);
  const rows = await db
    .select({ session: workshopSessions })
    .from(workshopSessions)
    .innerJoin(workshopSeries, eq(workshopSeries.id, workshopSessions.seriesId))
    .where(where)
    .orderBy(options.past ? desc(workshopSessions.startsAt) : asc(workshopSessions.startsAt))
    .limit(perPage)
    .offset((options.page - 1) * perPage);
  const n = total?.n ?? 0;
  return { rows: await viewSessions(db, rows.map((r) => r.session)), total: n, pageCount: Math.max(1, Math.ceil(n / perPage)) };
}

// ——— The public agenda ———

/** The local month `YYYY-MM` → [start, end) instants in the territory's zone. */
export function monthRange(month: string): [Date, Date] {
  const [y = 1970, m = 1] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return [startOfLocalDay(`${month}-01`), startOfLocalDay(next)];
}

/** The agenda's `where`: upcoming scheduled sessions (of a month when asked), filtered. */
function agendaWhere(filters: AgendaFilters, now: Date): SQL | undefined {
  const parts: (SQL | undefined)[] = [eq(workshopSessions.status, 'scheduled')];
  if (filters.mois) {
    const [from, to] = monthRange(filters.mois);
    parts.push(gte(workshopSessions.startsAt, from), lt(workshopSessions.startsAt, to), gte(workshopSessions.endsAt, now));
  } else {
    parts.push(gte(workshopSessions.endsAt, now));
  }
  if (filters.commune) parts.push(eq(workshopSessions.communeCode, filters.commune));
  if (filters.theme) parts.push(sql`${filters.theme} = any(${workshopSeries.themes})`);
  if (filters.accessibilite.length) parts.push(sql`${workshopSessions.accessibility} @> array[${sql.join(filters.accessibilite.map((a) => sql`${a}`), sql`, `)}]::workshop_accessibility[]`);
  if (filters.programme) parts.push(eq(programmes.slug, filters.programme));
  return and(...parts);
}

/** Upcoming public sessions matching the filters, a page at a time. */
export async function searchAgenda(db: Executor, filters: AgendaFilters, options: { page: number; perPage: number; now?: Date }) {
  const where = agendaWhere(filters, options.now ?? new Date());
  const base = () =>
    db
      .select({ session: workshopSessions })
      .from(workshopSessions)
      .innerJoin(workshopSeries, eq(workshopSeries.id, workshopSessions.seriesId))
      .innerJoin(programmes, eq(programmes.id, workshopSeries.programmeId))
      .where(where);
  const [total] = await db
    .select({ n: count() })
    .from(workshopSessions)
    .innerJoin(workshopSeries, eq(workshopSeries.id, workshopSessions.seriesId))
    .innerJoin(programmes, eq(programmes.id, workshopSeries.programmeId))
    .where(where);
  const n = total?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(n / options.perPage));
  const page = Math.min(options.page, pageCount);
  const rows = await base().orderBy(asc(workshopSessions.startsAt), asc(workshopSessions.id)).limit(options.perPage).offset((page - 1) * options.perPage);
  return { rows: await viewSessions(db, rows.map((r) => r.session)), total: n, page, pageCount };
}

/** The communes and months that have upcoming sessions: the agenda's filter choices. */
export async function agendaChoices(db: Executor, now = new Date()): Promise<{ communes: string[]; months: string[] }> {
  const rows = await db
    .select({ communeCode: workshopSessions.communeCode, startsAt: workshopSessions.startsAt })
    .from(workshopSessions)
    .where(and(eq(workshopSessions.status, 'scheduled'), gte(workshopSessions.endsAt, now)));
  return { communes: [...new Set(rows.map((r) => r.communeCode))], months: [...new Set(rows.map((r) => localDay(r.startsAt).slice(0, 7)))].sort() };
}

/** Sessions for an iCalendar feed: scheduled and cancelled ones from 30 days ago on (cancelled show as such). */
export async function sessionsForFeed(db: Executor, options: { programmeId?: string; now?: Date }): Promise<SessionView[]> {
  const since = new Date((options.now ?? new Date()).getTime() - 30 * 24 * 3600_000);
  const rows = await db
    .select({ session: workshopSessions })
    .from(workshopSessions)
    .innerJoin(workshopSeries, eq(workshopSeries.id, workshopSessions.seriesId))
    .where(and(gte(workshopSessions.startsAt, since), options.programmeId ? eq(workshopSeries.programmeId, options.programmeId) : undefined))
    .orderBy(asc(workshopSessions.startsAt))
    .limit(2000);
  return viewSessions(db, rows.map((r) => r.session));
}

// ——— Registrations ———

/** The registrations of a session, waiting list in order; no sensitive answer here. */
export async function registrationsOf(db: Executor, sessionId: string): Promise<Registration[]> {
  return db
    .select()
    .from(workshopRegistrations)
    .where(eq(workshopRegistrations.sessionId, sessionId))
    .orderBy(sql`case ${workshopRegistrations.status} when 'confirmed' then 0 when 'offered' then 1 when 'waiting' then 2 else 3 end`, asc(workshopRegistrations.createdAt));
}

export async function registrationByTokenHash(db: Executor, tokenHash: string): Promise<Registration | null> {
  const [row] = await db.select().from(workshopRegistrations).where(eq(workshopRegistrations.tokenHash, tokenHash));
  return row ?? null;
}

export type { AccessibilityOption };

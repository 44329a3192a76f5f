import { and, asc, count, eq, ilike, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { keptUntilChange } from '../../db/notify.ts';
import type { Actor } from '../../platform/authz/index.ts';
import type { Province } from '../../territory/index.ts';
import { users } from '../accounts/accounts.schema.ts';
import { memberships, organisations, type OrganisationKind } from './organisations.schema.ts';

export const pageSize = 20;

/**
 * Which organisations an actor may see: all for administrators and territory-wide coordinators, a province for
 * provincial coordinators, otherwise only their own. Applied in the same `where` as the search.
 */
function visibleTo(actor: Actor): SQL | undefined {
  if (actor.kind === 'token') return undefined;
  const ms = actor.memberships;
  if (ms.some((m) => m.role === 'administrator' || (m.role === 'coordinator' && m.scopeProvince === null))) return undefined;
  const provincesCoordinated = ms.filter((m) => m.role === 'coordinator').flatMap((m) => (m.scopeProvince ? [m.scopeProvince] : []));
  const own = ms.map((m) => m.organisationId);
  const parts: SQL[] = [];
  if (provincesCoordinated.length) parts.push(inArray(organisations.province, provincesCoordinated));
  if (own.length) parts.push(inArray(organisations.id, own));
  return parts.length ? or(...parts) : eq(organisations.id, '00000000-0000-0000-0000-000000000000');
}

export type OrganisationFilters = {
  q?: string | undefined;
  kind?: OrganisationKind | undefined;
  province?: Province | undefined;
  page: number;
  /** Pages show 20; the API lets clients choose up to 100. */
  perPage?: number;
};

export async function listOrganisations(db: Executor, actor: Actor, filters: OrganisationFilters) {
  const perPage = filters.perPage ?? pageSize;
  const where = and(
    visibleTo(actor),
    filters.q ? ilike(organisations.name, `%${filters.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`) : undefined,
    filters.kind ? eq(organisations.kind, filters.kind) : undefined,
    filters.province ? eq(organisations.province, filters.province) : undefined,
  );
  const [total] = await db.select({ n: count() }).from(organisations).where(where);
  const rows = await db
    .select()
    .from(organisations)
    .where(where)
    .orderBy(asc(organisations.name))
    .limit(perPage)
    .offset((filters.page - 1) * perPage);
  return { rows, total: total?.n ?? 0, pageCount: Math.max(1, Math.ceil((total?.n ?? 0) / perPage)) };
}

/** One organisation if the actor may know it exists; otherwise null (the route answers 404). */
export async function findOrganisation(db: Executor, actor: Actor, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db.select().from(organisations).where(and(eq(organisations.id, id), visibleTo(actor)));
  return row ?? null;
}

export async function activeMembersOf(db: Executor, organisationId: string) {
  return db
    .select({ membershipId: memberships.id, userId: users.id, name: users.name, email: users.email, role: memberships.role, scopeProvince: memberships.scopeProvince, since: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, organisationId), isNull(memberships.endedAt)))
    .orderBy(asc(users.name));
}

export async function organisationByName(db: Executor, name: string) {
  const [row] = await db.select().from(organisations).where(eq(organisations.name, name));
  return row ?? null;
}

/**
 * One active membership of an organisation, with the person's name; null when it does not exist, has ended, or
 * belongs to another organisation (the route answers 404).
 * @example const member = await activeMembership(db, organisation.id, c.req.param('membershipId'))
 */
export async function activeMembership(db: Executor, organisationId: string, membershipId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(membershipId)) return null;
  const [row] = await db
    .select({ membershipId: memberships.id, userId: users.id, name: users.name, email: users.email, role: memberships.role, scopeProvince: memberships.scopeProvince, since: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.id, membershipId), eq(memberships.organisationId, organisationId), isNull(memberships.endedAt)));
  return row ?? null;
}

/**
 * The answers of holdsRole kept in memory on PGlite until any membership changes (memberships announce every change
 * on the sessions' channel, migration 0022); null on PostgreSQL. Take it before opening a transaction: the first
 * call starts listening, which needs the embedded database free.
 */
export function keptRoles(db: Executor): Promise<Map<string, boolean> | null> {
  return keptUntilChange<boolean>(db, 'relais_sessions', 'roles');
}

/**
 * Whether a person currently holds `role` in an organisation (a token recording for a helper asks it at every
 * write), from `kept` (keptRoles) when it knows, else from the database, the answer then kept.
 */
export async function holdsRole(db: Executor, userId: string, organisationId: string, role: (typeof memberships.$inferSelect)['role'], kept: Map<string, boolean> | null = null): Promise<boolean> {
  const key = `${userId}|${organisationId}|${role}`;
  const known = kept?.get(key);
  if (known !== undefined) return known;
  const [held] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId), eq(memberships.role, role), isNull(memberships.endedAt)));
  kept?.set(key, held !== undefined);
  return held !== undefined;
}

import { and, asc, count, desc, eq, ilike, isNull, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../platform/authz/index.ts';
import { foldName } from '../../territory/index.ts';
import { auditEventsOf } from '../audit/index.ts';
import { managedScope, type Place } from './places.queries.ts';
import { placeReports, type ReportStatus } from './places.reports.schema.ts';
import { places } from './places.schema.ts';

export const managePageSize = 20;

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function escapeLike(text: string): string {
  return text.replace(/[%_\\]/g, (m) => `\\${m}`);
}

function pageCountOf(total: number): number {
  return Math.max(1, Math.ceil(total / managePageSize));
}

/**
 * The places an actor may manage, searched by words (name, commune, services: the folded `searchText`, or the name
 * as typed), 20 a page. Merged places are left out.
 * @example await listManageablePlaces(db, actor, { q: 'bourail', page: 1 })
 */
export async function listManageablePlaces(db: Executor, actor: Actor, filters: { q: string; page: number }) {
  const scope = managedScope(actor);
  if (scope === null) return { rows: [], total: 0, pageCount: 1 };
  const folded = foldName(filters.q);
  const words: (SQL | undefined)[] = folded
    .split(' ')
    .filter((w) => w !== '')
    .map((w) => or(ilike(places.searchText, `%${escapeLike(w)}%`), ilike(places.name, `%${escapeLike(w)}%`)));
  const where = and(isNull(places.mergedInto), scope, ...words);
  const [total] = await db.select({ n: count() }).from(places).where(where);
  const rows = await db
    .select({ id: places.id, name: places.name, communeCode: places.communeCode, province: places.province, updatedAt: places.updatedAt, managedBy: places.managedBy })
    .from(places)
    .where(where)
    .orderBy(asc(places.name), asc(places.id))
    .limit(managePageSize)
    .offset((filters.page - 1) * managePageSize);
  const n = total?.n ?? 0;
  return { rows, total: n, pageCount: pageCountOf(n) };
}

/**
 * One place the actor may manage, or null: unknown, merged, or outside the actor's places (the route answers 404).
 * @example const place = await findManageablePlace(db, actor, c.req.param('id'))
 */
export async function findManageablePlace(db: Executor, actor: Actor, id: string): Promise<Place | null> {
  const scope = managedScope(actor);
  if (scope === null || !uuidShape.test(id)) return null;
  const [row] = await db.select().from(places).where(and(eq(places.id, id), isNull(places.mergedInto), scope));
  return row ?? null;
}

/**
 * The reports on the places an actor may manage, newest first, filtered by status.
 * @example await listReports(db, actor, { status: 'open', page: 1 })
 */
export async function listReports(db: Executor, actor: Actor, filters: { status: ReportStatus | undefined; page: number }) {
  const scope = managedScope(actor);
  if (scope === null) return { rows: [], total: 0, pageCount: 1 };
  const where = and(scope, filters.status ? eq(placeReports.status, filters.status) : undefined);
  const [total] = await db.select({ n: count() }).from(placeReports).innerJoin(places, eq(places.id, placeReports.placeId)).where(where);
  const rows = await db
    .select({
      id: placeReports.id,
      topics: placeReports.topics,
      message: placeReports.message,
      status: placeReports.status,
      createdAt: placeReports.createdAt,
      placeId: places.id,
      placeName: places.name,
      communeCode: places.communeCode,
    })
    .from(placeReports)
    .innerJoin(places, eq(places.id, placeReports.placeId))
    .where(where)
    .orderBy(desc(placeReports.createdAt), desc(placeReports.id))
    .limit(managePageSize)
    .offset((filters.page - 1) * managePageSize);
  const n = total?.n ?? 0;
  return { rows, total: n, pageCount: pageCountOf(n) };
}

/** One report on a place the actor may manage, with its place; null otherwise (the route answers 404). */
export async function findReport(db: Executor, actor: Actor, id: string) {
  const scope = managedScope(actor);
  if (scope === null || !uuidShape.test(id)) return null;
  const [row] = await db
    .select({ report: placeReports, place: { id: places.id, name: places.name, province: places.province, managedBy: places.managedBy } })
    .from(placeReports)
    .innerJoin(places, eq(places.id, placeReports.placeId))
    .where(and(eq(placeReports.id, id), scope));
  return row ?? null;
}

/**
 * The audit events of one place, newest first, 20 a page.
 * The audit module offers no read by subject yet: this reads its table, for the place's own events only.
 */
export async function placeHistory(db: Executor, placeId: string, page: number) {
  const { rows, total } = await auditEventsOf(db, { subjectType: 'place', subjectId: placeId }, { page, perPage: managePageSize });
  return { rows, total, pageCount: pageCountOf(total) };
}

/** Every place the actor may merge, for the two pickers of the merge screen (name and commune only). */
export async function mergeCandidates(db: Executor, actor: Actor) {
  const scope = managedScope(actor);
  if (scope === null) return [];
  return db
    .select({ id: places.id, name: places.name, communeCode: places.communeCode })
    .from(places)
    .where(and(isNull(places.mergedInto), scope))
    .orderBy(asc(places.name), asc(places.id));
}

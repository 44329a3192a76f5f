import { and, asc, count, desc, eq, gte, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../platform/authz/index.ts';
import { localDay } from '../../platform/format.ts';
// A cross-module read, allowed by the places brief: lists of applications are scoped by the place's province and
// sorted by its name in the same query, which the places index cannot do for us.
import { places } from '../places/places.schema.ts';
import { labelApplications, labelComments, labelCriteria, labelEvidence, labelFiles, type ApplicationStatus } from './case-label.schema.ts';

export type Criterion = typeof labelCriteria.$inferSelect;
export type Application = typeof labelApplications.$inferSelect;
export type EvidenceFile = typeof labelFiles.$inferSelect;
export type Comment = typeof labelComments.$inferSelect;

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const pageSize = 20;

/** The checklist in its order; retired criteria only when asked. */
export async function listCriteria(db: Executor, options: { includeRetired: boolean }): Promise<Criterion[]> {
  return db
    .select()
    .from(labelCriteria)
    .where(options.includeRetired ? undefined : eq(labelCriteria.active, true))
    .orderBy(asc(labelCriteria.position), asc(labelCriteria.title));
}

export async function findCriterion(db: Executor, id: string): Promise<Criterion | null> {
  if (!uuidShape.test(id)) return null;
  const [row] = await db.select().from(labelCriteria).where(eq(labelCriteria.id, id));
  return row ?? null;
}

export async function findApplication(db: Executor, id: string): Promise<Application | null> {
  if (!uuidShape.test(id)) return null;
  const [row] = await db.select().from(labelApplications).where(eq(labelApplications.id, id));
  return row ?? null;
}

/** Everything the application page shows: evidence per criterion, files, comments. */
export async function applicationDetail(db: Executor, applicationId: string) {
  const [evidence, files, comments] = await Promise.all([
    db.select().from(labelEvidence).where(eq(labelEvidence.applicationId, applicationId)),
    db.select().from(labelFiles).where(eq(labelFiles.applicationId, applicationId)).orderBy(asc(labelFiles.uploadedAt)),
    db.select().from(labelComments).where(eq(labelComments.applicationId, applicationId)).orderBy(asc(labelComments.createdAt), asc(labelComments.id)),
  ]);
  return { evidence, files, comments };
}

export async function findEvidenceFile(db: Executor, applicationId: string, fileId: string): Promise<EvidenceFile | null> {
  if (!uuidShape.test(fileId)) return null;
  const [row] = await db.select().from(labelFiles).where(and(eq(labelFiles.id, fileId), eq(labelFiles.applicationId, applicationId)));
  return row ?? null;
}

/**
 * Which applications a reviewer may see, in the same `where`: all for administrators and territory-wide
 * coordinators, a province's for provincial coordinators. Null means none.
 */
function reviewScope(actor: Actor): SQL | undefined | null {
  if (actor.kind === 'token') return null;
  const ms = actor.memberships;
  if (ms.some((m) => m.role === 'administrator' || (m.role === 'coordinator' && m.scopeProvince === null))) return undefined;
  const provinces = ms.filter((m) => m.role === 'coordinator').flatMap((m) => (m.scopeProvince ? [m.scopeProvince] : []));
  return provinces.length ? inArray(places.province, provinces) : null;
}

export type ApplicationRow = { id: string; status: ApplicationStatus; placeId: string; placeName: string; communeCode: string; applicantName: string; updatedAt: Date; expiresOn: string | null };

/**
 * Applications a reviewer may see, most recently changed first, filtered by status, 20 per page.
 * @example await applicationsToReview(db, actor, { status: 'submitted', page: 1 })
 */
export async function applicationsToReview(db: Executor, actor: Actor, filters: { status: ApplicationStatus | undefined; page: number }): Promise<{ rows: ApplicationRow[]; total: number; pageCount: number }> {
  const scope = reviewScope(actor);
  if (scope === null) return { rows: [], total: 0, pageCount: 1 };
  const where = and(scope, filters.status ? eq(labelApplications.status, filters.status) : undefined);
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        id: labelApplications.id,
        status: labelApplications.status,
        placeId: places.id,
        placeName: places.name,
        communeCode: places.communeCode,
        applicantName: labelApplications.applicantName,
        updatedAt: labelApplications.updatedAt,
        expiresOn: labelApplications.expiresOn,
      })
      .from(labelApplications)
      .innerJoin(places, eq(places.id, labelApplications.placeId))
      .where(where)
      .orderBy(desc(labelApplications.updatedAt), desc(labelApplications.id))
      .limit(pageSize)
      .offset((filters.page - 1) * pageSize),
    db.select({ n: count() }).from(labelApplications).innerJoin(places, eq(places.id, labelApplications.placeId)).where(where),
  ]);
  const total = counted?.n ?? 0;
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** The latest application of each of these places (to show a place manager where each of their places stands). */
export async function latestApplicationsOf(db: Executor, placeIds: readonly string[]): Promise<Map<string, Application>> {
  const latest = new Map<string, Application>();
  if (placeIds.length === 0) return latest;
  const rows = await db.select().from(labelApplications).where(inArray(labelApplications.placeId, [...placeIds])).orderBy(asc(labelApplications.createdAt), asc(labelApplications.id));
  for (const row of rows) latest.set(row.placeId, row);
  return latest;
}

/** The open application of a place (draft, submitted or waiting for changes), if any. */
export async function openApplicationOf(db: Executor, placeId: string): Promise<Application | null> {
  const [row] = await db
    .select()
    .from(labelApplications)
    .where(and(eq(labelApplications.placeId, placeId), inArray(labelApplications.status, ['draft', 'submitted', 'changes_requested'])));
  return row ?? null;
}

/** A place's Case numérique label: granted on, valid until (inclusive), and whether that day has passed. */
export type CaseLabel = { applicationId: string; grantedOn: string; expiresOn: string; expired: boolean };

/**
 * The place's most recent label, expired or not; null when it never had one. `today` is the territory's local day.
 * @example const label = await caseLabelOf(db, place.id); if (label && !label.expired) …badge…
 */
export async function caseLabelOf(db: Executor, placeId: string, today: string = localDay(new Date())): Promise<CaseLabel | null> {
  if (!uuidShape.test(placeId)) return null;
  const [row] = await db
    .select({ applicationId: labelApplications.id, grantedOn: labelApplications.grantedOn, expiresOn: labelApplications.expiresOn })
    .from(labelApplications)
    .where(and(eq(labelApplications.placeId, placeId), eq(labelApplications.status, 'granted')))
    .orderBy(desc(labelApplications.expiresOn), desc(labelApplications.decidedAt))
    .limit(1);
  if (!row || !row.grantedOn || !row.expiresOn) return null;
  return { applicationId: row.applicationId, grantedOn: row.grantedOn, expiresOn: row.expiresOn, expired: row.expiresOn < today };
}

/**
 * The ids of the places whose label is valid today (for badges and filters).
 * @example const labelled = new Set(await labelledPlaceIds(db))
 */
export async function labelledPlaceIds(db: Executor, today: string = localDay(new Date())): Promise<string[]> {
  const rows = await db
    .selectDistinct({ placeId: labelApplications.placeId })
    .from(labelApplications)
    .where(and(eq(labelApplications.status, 'granted'), gte(labelApplications.expiresOn, today)));
  return rows.map((r) => r.placeId);
}

export type LabelledPlace = { placeId: string; name: string; communeCode: string; address: string; locality: string | null; grantedOn: string; expiresOn: string };

/** Places labelled today, by commune then name, 20 per page: the public list. */
export async function labelledPlaces(db: Executor, page: number, today: string = localDay(new Date())): Promise<{ rows: LabelledPlace[]; total: number; pageCount: number }> {
  // One row per place: its label that ends last.
  const valid = db
    .selectDistinctOn([labelApplications.placeId], {
      placeId: labelApplications.placeId,
      grantedOn: sql<string>`${labelApplications.grantedOn}`.as('granted_on'),
      expiresOn: sql<string>`${labelApplications.expiresOn}`.as('expires_on'),
    })
    .from(labelApplications)
    .where(and(eq(labelApplications.status, 'granted'), gte(labelApplications.expiresOn, today)))
    .orderBy(labelApplications.placeId, desc(labelApplications.expiresOn))
    .as('valid');
  const where = isNull(places.mergedInto);
  const [rows, [counted]] = await Promise.all([
    db
      .select({ placeId: places.id, name: places.name, communeCode: places.communeCode, address: places.address, locality: places.locality, grantedOn: valid.grantedOn, expiresOn: valid.expiresOn })
      .from(valid)
      .innerJoin(places, eq(places.id, valid.placeId))
      .where(where)
      .orderBy(asc(places.communeCode), asc(places.name), asc(places.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(valid).innerJoin(places, eq(places.id, valid.placeId)).where(where),
  ]);
  const total = counted?.n ?? 0;
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

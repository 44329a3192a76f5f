import { and, asc, count, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../platform/authz/index.ts';
import { places } from './places.schema.ts';

export type Place = typeof places.$inferSelect;

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One place by id, unless it was merged into another (then it is gone for everyone). Reading places is public.
 * @example const place = await findPlace(db, c.req.param('id')); if (!place) return c.notFound();
 */
export async function findPlace(db: Executor, id: string): Promise<Place | null> {
  if (!uuidShape.test(id)) return null;
  const [row] = await db.select().from(places).where(and(eq(places.id, id), isNull(places.mergedInto)));
  return row ?? null;
}

/** Several places by id (merged ones left out), in no particular order. */
export async function findPlaces(db: Executor, ids: readonly string[]): Promise<Place[]> {
  const valid = ids.filter((id) => uuidShape.test(id));
  if (valid.length === 0) return [];
  return db.select().from(places).where(and(inArray(places.id, valid), isNull(places.mergedInto)));
}

/** What a line of results shows of a place (places.public.ts): the columns of the card, not the whole row. */
export const cardColumns = {
  id: places.id,
  name: places.name,
  communeCode: places.communeCode,
  address: places.address,
  addressComplement: places.addressComplement,
  locality: places.locality,
  postcode: places.postcode,
  services: places.services,
  accessibility: places.accessibility,
  fees: places.fees,
  phone: places.phone,
  openingHours: places.openingHours,
  openingHoursText: places.openingHoursText,
  latitude: places.latitude,
  longitude: places.longitude,
} as const;

export type CardPlace = Pick<Place, keyof typeof cardColumns>;

/** Several places by id, only the columns of their card (merged places left out), in no particular order. */
export async function findPlaceCards(db: Executor, ids: readonly string[]): Promise<CardPlace[]> {
  const valid = ids.filter((id) => uuidShape.test(id));
  if (valid.length === 0) return [];
  return db.select(cardColumns).from(places).where(and(inArray(places.id, valid), isNull(places.mergedInto)));
}

/**
 * Which places an actor may manage, in the same `where`: all for administrators and territory-wide coordinators,
 * a province's for provincial coordinators, those of their organisations for place managers. Null means none.
 */
export function managedScope(actor: Actor): SQL | undefined | null {
  if (actor.kind === 'token') return null;
  const ms = actor.memberships;
  if (ms.some((m) => m.role === 'administrator' || (m.role === 'coordinator' && m.scopeProvince === null))) return undefined;
  const provinces = ms.filter((m) => m.role === 'coordinator').flatMap((m) => (m.scopeProvince ? [m.scopeProvince] : []));
  const organisationIds = ms.filter((m) => m.role === 'place_manager').map((m) => m.organisationId);
  const parts: SQL[] = [];
  if (provinces.length) parts.push(inArray(places.province, provinces));
  if (organisationIds.length) parts.push(inArray(places.managedBy, organisationIds));
  return parts.length ? or(...parts) : null;
}

/**
 * The places an actor may manage, by name (merged places left out).
 * @example const mine = await placesManagedBy(db, actor)
 */
export async function placesManagedBy(db: Executor, actor: Actor): Promise<Place[]> {
  const scope = managedScope(actor);
  if (scope === null) return [];
  return db
    .select()
    .from(places)
    .where(and(isNull(places.mergedInto), scope))
    .orderBy(asc(places.name));
}

/** The places of one organisation (e.g. to show on its page). */
export async function placesOfOrganisation(db: Executor, organisationId: string): Promise<Place[]> {
  if (!uuidShape.test(organisationId)) return [];
  return db
    .select()
    .from(places)
    .where(and(eq(places.managedBy, organisationId), isNull(places.mergedInto)))
    .orderBy(asc(places.name));
}

/** The place an import created from a given record, merged or not (a merged one is not recreated). */
export async function placeByImportKey(db: Executor, importKey: string): Promise<Place | null> {
  const [row] = await db.select().from(places).where(eq(places.importKey, importKey));
  return row ?? null;
}

/** The places imported from these records, by import key (merged ones included), in one query per 500 keys. */
export async function placesByImportKeys(db: Executor, importKeys: readonly string[]): Promise<Map<string, Place>> {
  const found = new Map<string, Place>();
  for (let i = 0; i < importKeys.length; i += 500) {
    const slice = importKeys.slice(i, i + 500);
    if (slice.length === 0) continue;
    for (const place of await db.select().from(places).where(inArray(places.importKey, slice))) if (place.importKey) found.set(place.importKey, place);
  }
  return found;
}

/** Every visible place, by commune then name: what the open-data export writes. */
export async function allPlaces(db: Executor): Promise<Place[]> {
  return db.select().from(places).where(isNull(places.mergedInto)).orderBy(asc(places.communeCode), asc(places.name), asc(places.id));
}

/** How many places are visible (merged ones left out). */
export async function countVisiblePlaces(db: Executor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(places).where(isNull(places.mergedInto));
  return row?.n ?? 0;
}

/**
 * Where a merged place now lives (following merges of merges), or null for a place that was never merged.
 * Old links to a duplicate keep working.
 */
export async function mergedPlaceTarget(db: Executor, id: string): Promise<string | null> {
  let current = id;
  for (let hops = 0; hops < 10 && uuidShape.test(current); hops++) {
    const [row] = await db.select({ mergedInto: places.mergedInto }).from(places).where(eq(places.id, current));
    if (!row?.mergedInto) return hops === 0 ? null : current;
    current = row.mergedInto;
  }
  return null;
}

import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { communeByCode, foldName, provinces, type Commune, type Province } from '../../territory/index.ts';
import { communesTable } from '../../territory/territory.schema.ts';
import { accessibilityFeatures, publics, services, type AccessibilityFeature, type Public, type Service } from './places.enums.ts';
import { places } from './places.schema.ts';
import { versionedMemory } from './places.version.ts';

/**
 * Public search of places: the filters of /lieux, /integration, /orientation and GET /api/v1/lieux, read from and
 * written to the query string (so that a search can be shared), and the query behind them.
 */

/** How far from the chosen commune: only in it, or within so many kilometres. */
export const distanceChoices = ['commune', '10', '30', '60', '100'] as const;
export type DistanceChoice = (typeof distanceChoices)[number];

export type PlaceFilters = {
  /** Words as typed; matched without accents and with typos tolerated. */
  words: string;
  /** The commune results are sorted by distance from (COG code). */
  communeCode: string | null;
  /** Only in the commune, or within a radius of it; null: anywhere. Needs `communeCode`. */
  distance: DistanceChoice | null;
  province: Province | null;
  /** The place offers every one of these. */
  services: Service[];
  /** The place welcomes one of these publics (or everyone: a place that lists none). */
  publics: Public[];
  /** The place has every one of these. */
  accessibility: AccessibilityFeature[];
  free: boolean;
  openNow: boolean;
  openAtWeekend: boolean;
};

export const noFilters: PlaceFilters = {
  words: '',
  communeCode: null,
  distance: null,
  province: null,
  services: [],
  publics: [],
  accessibility: [],
  free: false,
  openNow: false,
  openAtWeekend: false,
};

/** Query-string names, in French, shared by the pages and the API. */
export const filterParams = {
  words: 'q',
  communeCode: 'commune',
  distance: 'distance',
  province: 'province',
  services: 'service',
  publics: 'public',
  accessibility: 'accessibilite',
  free: 'gratuit',
  openNow: 'ouvert',
  openAtWeekend: 'weekend',
  /** The form's checkboxes for the three above: `quand=maintenant`, `quand=weekend`, `quand=gratuit`. */
  when: 'quand',
  page: 'page',
} as const;

export type FilterErrors = Partial<Record<keyof PlaceFilters | 'page', string>>;

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

function codes<T extends string>(list: readonly T[], values: string[]): { ok: T[]; bad: boolean } {
  const ok: T[] = [];
  let bad = false;
  for (const v of values) {
    if (v === '') continue;
    if (isOneOf(list, v)) {
      if (!ok.includes(v)) ok.push(v);
    } else bad = true;
  }
  return { ok, bad };
}

const yes = (v: string | undefined) => v === '1' || v === 'oui' || v === 'true' || v === 'on';

/**
 * Reads the filters from a query string. Unknown values are left out and reported (French message per filter),
 * so that a page can still show results and say what it did not understand.
 * @example readFilters(new URLSearchParams('q=mediatheque&commune=98811&service=aide_demarches'))
 */
export function readFilters(params: URLSearchParams): { filters: PlaceFilters; page: number; errors: FilterErrors } {
  const errors: FilterErrors = {};
  const one = (name: string) => (params.get(name) ?? '').trim();
  const words = one(filterParams.words).slice(0, 200);

  let communeCode: string | null = one(filterParams.communeCode) || null;
  if (communeCode && !communeByCode(communeCode)) {
    errors.communeCode = 'Choisissez une commune de Nouvelle-Calédonie dans la liste';
    communeCode = null;
  }
  const distanceText = one(filterParams.distance);
  let distance: DistanceChoice | null = null;
  if (distanceText !== '') {
    if (isOneOf(distanceChoices, distanceText)) distance = distanceText;
    else errors.distance = 'Choisissez une distance dans la liste';
  }
  if (distance && !communeCode && !errors.communeCode) errors.communeCode = 'Choisissez la commune d’où compter la distance';
  const provinceText = one(filterParams.province);
  let province: Province | null = null;
  if (provinceText !== '') {
    if (isOneOf(provinces, provinceText)) province = provinceText;
    else errors.province = 'Choisissez une province dans la liste';
  }
  const chosenServices = codes(services, params.getAll(filterParams.services));
  if (chosenServices.bad) errors.services = 'Choisissez des services dans la liste';
  const chosenPublics = codes(publics, params.getAll(filterParams.publics));
  if (chosenPublics.bad) errors.publics = 'Choisissez des publics dans la liste';
  const chosenNeeds = codes(accessibilityFeatures, params.getAll(filterParams.accessibility));
  if (chosenNeeds.bad) errors.accessibility = 'Choisissez des besoins d’accessibilité dans la liste';
  const openText = one(filterParams.openNow);
  const when = params.getAll(filterParams.when);
  const pageText = one(filterParams.page);
  let page = 1;
  if (pageText !== '') {
    if (/^\d{1,5}$/.test(pageText) && Number(pageText) >= 1) page = Number(pageText);
    else errors.page = 'Le numéro de page doit être un nombre entier à partir de 1';
  }
  return {
    filters: {
      words,
      communeCode,
      distance: communeCode ? distance : null,
      province,
      services: chosenServices.ok,
      publics: chosenPublics.ok,
      accessibility: chosenNeeds.ok,
      free: yes(one(filterParams.free)) || when.includes('gratuit'),
      openNow: openText === 'maintenant' || yes(openText) || when.includes('maintenant'),
      openAtWeekend: yes(one(filterParams.openAtWeekend)) || when.includes('weekend'),
    },
    page,
    errors,
  };
}

/**
 * The query string of a search (filters left empty are left out), for links: pagination, "share", the map.
 * The form's spelling is kept (`quand=…` for open now, at the weekend, free), so that links match what it sends.
 * @example searchQuery({ ...noFilters, words: 'cyber' }, 2) // 'q=cyber&page=2'
 */
export function searchQuery(filters: PlaceFilters, page = 1): string {
  const params = new URLSearchParams();
  if (filters.words) params.set(filterParams.words, filters.words);
  if (filters.communeCode) params.set(filterParams.communeCode, filters.communeCode);
  if (filters.distance) params.set(filterParams.distance, filters.distance);
  if (filters.province) params.set(filterParams.province, filters.province);
  for (const s of filters.services) params.append(filterParams.services, s);
  for (const p of filters.publics) params.append(filterParams.publics, p);
  for (const a of filters.accessibility) params.append(filterParams.accessibility, a);
  if (filters.openNow) params.append(filterParams.when, 'maintenant');
  if (filters.openAtWeekend) params.append(filterParams.when, 'weekend');
  if (filters.free) params.append(filterParams.when, 'gratuit');
  if (page > 1) params.set(filterParams.page, String(page));
  return params.toString();
}

/** Words of a search, folded like `places.search_text`; at most 8 (a sentence pasted by mistake stays cheap). */
export function searchWords(text: string): string[] {
  return [...new Set(foldName(text).split(' ').filter(Boolean))].slice(0, 8);
}

function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

/**
 * One word matches when it is in the place's search text, or close to one of its words (trigram word similarity
 * ≥ 0.6, pg_trgm's default: « mediateque » finds « médiathèque »). Words of one or two letters must match as typed.
 */
function wordMatches(word: string): SQL {
  const contains = sql`${places.searchText} like ${likePattern(word)}`;
  return word.length < 3 ? contains : sql`(${contains} or ${word} <% ${places.searchText})`;
}

/** Distance in km (haversine) from a point to the place, or to its commune's centre when it has no coordinates. */
function distanceFrom(origin: Commune): SQL<number> {
  const lat = sql`coalesce(${places.latitude}, ${communesTable.latitude})`;
  const lon = sql`coalesce(${places.longitude}, ${communesTable.longitude})`;
  return sql<number>`(6371 * 2 * asin(least(1, sqrt(
    power(sin(radians(${lat} - ${origin.latitude}::float8) / 2), 2)
    + cos(radians(${origin.latitude}::float8)) * cos(radians(${lat})) * power(sin(radians(${lon} - ${origin.longitude}::float8) / 2), 2)
  ))))`;
}

/** What hours-based filters need; places.hours.ts provides it (passed in, so that tests can fix the clock). */
export type HoursCheck = {
  // Implementations should remember answers per hours string: many places share the same hours.
  isOpenNow(openingHours: string): boolean;
  opensAtWeekend(openingHours: string): boolean;
};

export type SearchHit = {
  id: string;
  /** Kilometres from the chosen commune (rounded to 0.1), when one was chosen. */
  distanceKm: number | null;
};

export type SearchResult = { hits: SearchHit[]; total: number; page: number; pages: number; origin: Commune | null };

/** One matching place before the hours filters and the page cut: what the cache keeps. */
type Match = { id: string; openingHours: string | null; distanceKm: number | null };

/**
 * Places matching the filters, one page of them: nearest first when a commune is chosen, otherwise the closest
 * matches of the words first, otherwise by name. Merged places never show. Hours filters are checked in code
 * (the opening_hours syntax is not SQL), on the few columns needed, before the page is cut.
 *
 * Every match of a search (ids, hours and distances, in order) is kept in memory for the current version of the
 * places (places.version.ts), so that the next page, the same search by someone else, or the same search with
 * « open now » costs no query on PGlite (one read of the version token on PostgreSQL): word similarity and distances over thousands of places are computed once per change of the
 * data, not once per request. The total stays exact.
 * @example const result = await searchPlaces(db, filters, { page: 1, perPage: 20, hours })
 */
export async function searchPlaces(
  db: Executor,
  filters: PlaceFilters,
  options: { page: number; perPage: number; hours: HoursCheck },
): Promise<SearchResult> {
  const origin = filters.communeCode ? (communeByCode(filters.communeCode) ?? null) : null;
  const hoursFiltered = filters.openNow || filters.openAtWeekend;
  const matches = await cachedMatches(db, filters, origin, hoursFiltered);
  const kept = hoursFiltered
    ? matches.filter((row) => {
        const hours = row.openingHours;
        if (!hours) return false;
        if (filters.openNow && !options.hours.isOpenNow(hours)) return false;
        if (filters.openAtWeekend && !options.hours.opensAtWeekend(hours)) return false;
        return true;
      })
    : matches;
  const { page, perPage } = options;
  const hits = kept.slice((page - 1) * perPage, page * perPage).map((row) => ({ id: row.id, distanceKm: row.distanceKm }));
  return { hits, total: kept.length, page, pages: Math.max(1, Math.ceil(kept.length / perPage)), origin };
}

/** Every place matching the SQL filters (all but the hours), in the order of the results. */
async function queryMatches(db: Executor, filters: PlaceFilters, origin: Commune | null, hoursFiltered: boolean): Promise<Match[]> {
  const conditions: SQL[] = [sql`${places.mergedInto} is null`];
  // Enumeration codes below are checked against their tuples by readFilters: writing them into the SQL is safe.
  const words = searchWords(filters.words);
  for (const word of words) conditions.push(wordMatches(word));
  if (filters.province) conditions.push(eq(places.province, filters.province));
  if (filters.services.length > 0) conditions.push(sql`${places.services} @> ${sql.raw(`array[${filters.services.map((s) => `'${s}'`).join(',')}]`)}::place_service[]`);
  if (filters.publics.length > 0) {
    conditions.push(sql`(${places.publics} && ${sql.raw(`array[${filters.publics.map((p) => `'${p}'`).join(',')}]`)}::place_public[] or cardinality(${places.publics}) = 0)`);
  }
  if (filters.accessibility.length > 0) {
    conditions.push(sql`${places.accessibility} @> ${sql.raw(`array[${filters.accessibility.map((a) => `'${a}'`).join(',')}]`)}::place_accessibility_feature[]`);
  }
  if (filters.free) conditions.push(sql`'gratuit' = any(${places.fees})`);
  const distance = origin ? distanceFrom(origin) : null;
  if (origin && filters.distance === 'commune') conditions.push(eq(places.communeCode, origin.code));
  else if (origin && distance && filters.distance) {
    const km = Number(filters.distance);
    const box = boundingBox(origin, km);
    // A cheap necessary condition first (a box around the circle), then the exact distance.
    if (box) conditions.push(sql`${pointLatitude} between ${box.south}::float8 and ${box.north}::float8 and ${pointLongitude} between ${box.west}::float8 and ${box.east}::float8`);
    conditions.push(sql`${distance} <= ${km}::float8`);
  }
  if (hoursFiltered) conditions.push(sql`${places.openingHours} is not null`);

  const order: SQL[] = [];
  if (distance) order.push(sql`${distance} asc`);
  else if (words.length > 0) order.push(sql`word_similarity(${words.join(' ')}, ${places.searchText}) desc`);
  order.push(asc(places.searchText), asc(places.id));

  const columns = {
    id: places.id,
    openingHours: places.openingHours,
    distanceKm: distance ? sql<number>`round((${distance})::numeric, 1)::float8` : sql<null>`null::float8`,
  };
  const where = and(...conditions);
  // The communes are joined only for distances (a place without coordinates is placed at its commune's centre).
  const run = (on: Executor) =>
    (distance ? on.select(columns).from(places).innerJoin(communesTable, eq(communesTable.code, places.communeCode)) : on.select(columns).from(places))
      .where(where)
      .orderBy(...order);
  if (words.length === 0) return run(db);
  // With words, the planner prefers reading every place (it prices the similarity of a word as cheap), then computes
  // that similarity for each of them (≈ 50 µs a place on PGlite). The trigram index gives a few candidates instead,
  // and a place containing the word is kept without computing it: 16 ms instead of 450 for 10 000 places.
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    return run(tx);
  });
}

const pointLatitude = sql`coalesce(${places.latitude}, ${communesTable.latitude})`;
const pointLongitude = sql`coalesce(${places.longitude}, ${communesTable.longitude})`;

/**
 * Latitudes and longitudes within `km` of the origin, a little wider than the circle (every point within the
 * distance is inside); null near the poles or the antimeridian, where the box would not be a simple range.
 */
export function boundingBox(origin: Pick<Commune, 'latitude' | 'longitude'>, km: number): { south: number; north: number; west: number; east: number } | null {
  const margin = 1.01;
  const dLat = ((km * margin) / 6371) * (180 / Math.PI) + 0.001;
  const south = origin.latitude - dLat;
  const north = origin.latitude + dLat;
  if (south <= -85 || north >= 85) return null;
  const widest = Math.max(Math.abs(south), Math.abs(north));
  const dLon = dLat / Math.cos((widest * Math.PI) / 180) + 0.001;
  const west = origin.longitude - dLon;
  const east = origin.longitude + dLon;
  if (west <= -180 || east >= 180) return null;
  return { south, north, west, east };
}

type Cache = { entries: Map<string, { rows: Promise<Match[]>; size: number }>; size: number };
/** Per database handle and version of the places (places.version.ts). */
const caches = versionedMemory((): Cache => ({ entries: new Map(), size: 0 }));
const maxEntries = 200;
/** About 100 bytes a match: some 20 MB at most per database handle. */
const maxCachedMatches = 200_000;

async function cachedMatches(db: Executor, filters: PlaceFilters, origin: Commune | null, hoursFiltered: boolean): Promise<Match[]> {
  const held = await caches.current(db);
  // Without the token (a restore in progress…), nothing is kept: every search asks the database.
  if (!held) return queryMatches(db, filters, origin, hoursFiltered);
  const cache = held.value;
  const key = JSON.stringify([
    searchWords(filters.words),
    origin?.code ?? null,
    filters.distance,
    filters.province,
    filters.services,
    filters.publics,
    filters.accessibility,
    filters.free,
    hoursFiltered,
  ]);
  const found = cache.entries.get(key);
  if (found) {
    // Most recently used last: eviction takes the first.
    cache.entries.delete(key);
    cache.entries.set(key, found);
    return found.rows;
  }
  const current = cache;
  const entry = { rows: queryMatches(db, filters, origin, hoursFiltered), size: 0 };
  // Concurrent requests for the same search wait for the same query.
  current.entries.set(key, entry);
  try {
    const rows = await entry.rows;
    if (current.entries.get(key) === entry) {
      entry.size = rows.length;
      current.size += rows.length;
      for (const [oldKey, old] of current.entries) {
        if (current.entries.size <= maxEntries && current.size <= maxCachedMatches) break;
        if (old === entry) continue;
        current.entries.delete(oldKey);
        current.size -= old.size;
      }
    }
    return rows;
  } catch (error) {
    if (current.entries.get(key) === entry) current.entries.delete(key);
    throw error;
  }
}

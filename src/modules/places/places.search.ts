import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { communeByCode, foldName, provinces, type Commune, type Province } from '../../territory/index.ts';
import { communesTable } from '../../territory/territory.schema.ts';
import { accessibilityFeatures, publics, services, type AccessibilityFeature, type Public, type Service } from './places.enums.ts';
import { places } from './places.schema.ts';

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

/**
 * Places matching the filters, one page of them: nearest first when a commune is chosen, otherwise the closest
 * matches of the words first, otherwise by name. Merged places never show. Hours filters are checked in code
 * (the opening_hours syntax is not SQL), on the few columns needed, before the page is cut.
 * @example const result = await searchPlaces(db, filters, { page: 1, perPage: 20, hours })
 */
export async function searchPlaces(
  db: Executor,
  filters: PlaceFilters,
  options: { page: number; perPage: number; hours: HoursCheck },
): Promise<SearchResult> {
  const origin = filters.communeCode ? (communeByCode(filters.communeCode) ?? null) : null;
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
  else if (distance && filters.distance) conditions.push(sql`${distance} <= ${Number(filters.distance)}::float8`);
  if (filters.openNow || filters.openAtWeekend) conditions.push(sql`${places.openingHours} is not null`);

  const order: SQL[] = [];
  if (distance) order.push(sql`${distance} asc`);
  else if (words.length > 0) order.push(sql`word_similarity(${words.join(' ')}, ${places.searchText}) desc`);
  order.push(asc(places.searchText), asc(places.id));

  const where = and(...conditions);
  const hoursFiltered = filters.openNow || filters.openAtWeekend;
  const { page, perPage } = options;
  const columns = {
    id: places.id,
    openingHours: places.openingHours,
    distanceKm: distance ? sql<number>`round((${distance})::numeric, 1)::float8` : sql<null>`null::float8`,
  };
  const base = db.select(columns).from(places).innerJoin(communesTable, eq(communesTable.code, places.communeCode)).where(where).orderBy(...order);

  let hits: SearchHit[];
  let total: number;
  if (hoursFiltered) {
    const candidates = await base;
    const kept = candidates.filter((row) => {
      const hours = row.openingHours;
      if (!hours) return false;
      if (filters.openNow && !options.hours.isOpenNow(hours)) return false;
      if (filters.openAtWeekend && !options.hours.opensAtWeekend(hours)) return false;
      return true;
    });
    total = kept.length;
    hits = kept.slice((page - 1) * perPage, page * perPage).map(toHit);
  } else {
    // Two cheap queries beat one window count: the page stops sorting after `perPage` rows (top-N heapsort).
    const [rows, count] = await Promise.all([base.limit(perPage).offset((page - 1) * perPage), countMatches(db, where, distance !== null)]);
    total = count;
    hits = rows.map(toHit);
  }
  return { hits, total, page, pages: Math.max(1, Math.ceil(total / perPage)), origin };
}

function toHit(row: { id: string; distanceKm: number | null }): SearchHit {
  return { id: row.id, distanceKm: row.distanceKm };
}

/** How many places match in all, for the heading and the pagination. */
async function countMatches(db: Executor, where: SQL | undefined, needsCommunes: boolean): Promise<number> {
  const count = db.select({ n: sql<number>`count(*)::int` }).from(places);
  // The communes are joined only for distances (a place without coordinates is placed at its commune's centre).
  const [row] = needsCommunes ? await count.innerJoin(communesTable, eq(communesTable.code, places.communeCode)).where(where) : await count.where(where);
  return row?.n ?? 0;
}

import { communeByCode } from '../../territory/index.ts';
import type { AccessibilityFeature } from './places.enums.ts';
import { accessibilityFeatureLabels, serviceLabels } from './places.labels.ts';
import type { Executor } from '../../db/client.ts';
import { labelledPlaceIds } from '../case-label/index.ts';
import { hoursStatus, openAtWeekend, openNow, type HoursStatus } from './places.hours.ts';
import type { HoursCheck } from './places.search.ts';
import { localDay } from '../../platform/format.ts';
import { findPlaceCards, findPlaces, type CardPlace, type Place } from './places.queries.ts';
import { versionedMemory } from './places.version.ts';

/**
 * What the public pages show of a place, presented once for the list, the integration and the orientation sheet.
 * Views receive only this (and the place itself on its own page).
 */

/** Whether a place is open, as places.hours.ts computes it in the territory's zone (its `hoursStatus`). */
export type OpenState = Pick<HoursStatus, 'state' | 'sentence'>;

export type PlaceStatus = { tone: 'open' | 'closed' | 'unknown'; label: string; detail: string | null };

export type PlaceCard = {
  id: string;
  name: string;
  communeName: string;
  /** Street, tribu or lieu-dit, commune: one line. */
  addressLine: string;
  distanceKm: number | null;
  status: PlaceStatus;
  services: string[];
  accessibility: { code: AccessibilityFeature; label: string }[];
  free: boolean;
  labelled: boolean;
  phone: string | null;
  hoursText: string | null;
  latitude: number | null;
  longitude: number | null;
};

/**
 * Open or closed, in words: a short tag ("Ouvert maintenant", "Fermé maintenant", "Horaires non connus") and the
 * detail from places.hours.ts ("Jusqu’à 16 h", "Ouvre mardi à 7 h 30").
 * @example placeStatus({ state: 'closed', sentence: 'Fermé — ouvre mardi à 7 h 30' }) // { tone: 'closed', label: 'Fermé maintenant', detail: 'Ouvre mardi à 7 h 30' }
 */
export function placeStatus(open: OpenState): PlaceStatus {
  const rest = (text: string) => {
    const trimmed = text.trim();
    return trimmed === '' ? null : trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  };
  if (open.state === 'open') return { tone: 'open', label: 'Ouvert maintenant', detail: rest(open.sentence.replace(/^Ouvert\s*/, '')) };
  if (open.state === 'closed') {
    const [closed = '', next = ''] = open.sentence.split(' — ');
    const holiday = closed.includes('jour férié') ? 'C’est un jour férié. ' : '';
    return { tone: 'closed', label: 'Fermé maintenant', detail: rest(`${holiday}${next}`) };
  }
  return { tone: 'unknown', label: open.sentence === 'Horaires à vérifier' ? 'Horaires à vérifier' : 'Horaires non connus', detail: null };
}

/** The address as one line: street, tribu or lieu-dit, postcode and commune. */
export function addressLine(place: Pick<Place, 'address' | 'addressComplement' | 'locality' | 'postcode' | 'communeCode'>): string {
  const commune = communeByCode(place.communeCode)?.name ?? place.communeCode;
  return [place.address, place.addressComplement, place.locality, `${place.postcode} ${commune}`].filter((part) => part && part.trim() !== '').join(', ');
}

/** What a card shows that does not depend on the moment or on the search: kept in memory per version of the places. */
type CardBase = Omit<PlaceCard, 'distanceKm' | 'status' | 'labelled'> & { openingHours: string | null };

function cardBase(place: CardPlace): CardBase {
  return {
    id: place.id,
    name: place.name,
    communeName: communeByCode(place.communeCode)?.name ?? place.communeCode,
    addressLine: addressLine(place),
    services: place.services.map((s) => serviceLabels[s]),
    accessibility: place.accessibility.map((code) => ({ code, label: accessibilityFeatureLabels[code] })),
    free: place.fees.includes('gratuit'),
    phone: place.phone,
    hoursText: place.openingHoursText,
    openingHours: place.openingHours,
    latitude: place.latitude,
    longitude: place.longitude,
  };
}

function completeCard(base: CardBase, extra: { distanceKm: number | null; open: OpenState; labelled: boolean }): PlaceCard {
  return {
    id: base.id,
    name: base.name,
    communeName: base.communeName,
    addressLine: base.addressLine,
    distanceKm: extra.distanceKm,
    status: placeStatus(extra.open),
    services: base.services,
    accessibility: base.accessibility,
    free: base.free,
    labelled: extra.labelled,
    phone: base.phone,
    hoursText: base.hoursText,
    latitude: base.latitude,
    longitude: base.longitude,
  };
}

/**
 * A place as a line of results.
 * @example presentCard(place, { distanceKm: 2.5, open, labelled: false })
 */
export function presentCard(place: CardPlace, extra: { distanceKm: number | null; open: OpenState; labelled: boolean }): PlaceCard {
  return completeCard(cardBase(place), extra);
}

/** "à 2,5 km", "à moins de 1 km". */
export function distanceText(km: number): string {
  if (km < 1) return 'à moins de 1 km';
  return `à ${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: km < 10 ? 1 : 0 }).format(km)} km`;
}

/** A phone number in E.164 (+687…) written the local way: "+687 27 12 34". */
export function phoneText(e164: string): string {
  const local = /^\+687(\d{2})(\d{2})(\d{2})$/.exec(e164);
  return local ? `${local[1]} ${local[2]} ${local[3]}` : e164;
}

/** A directions link from the place's coordinates (OpenStreetMap: works without an account, on any device). */
export function directionsUrl(latitude: number, longitude: number): string {
  return `https://www.openstreetmap.org/directions?to=${latitude.toFixed(6)}%2C${longitude.toFixed(6)}`;
}

const osmDays: Record<string, string> = { Mo: 'lundi', Tu: 'mardi', We: 'mercredi', Th: 'jeudi', Fr: 'vendredi', Sa: 'samedi', Su: 'dimanche', PH: 'les jours fériés' };

function timeWords(hhmm: string): string {
  const [h = '0', m = '00'] = hhmm.split(':');
  const hour = Number(h);
  if (hour === 24 || (hour === 0 && m === '00')) return 'minuit';
  return m === '00' ? `${hour} h` : `${hour} h ${m}`;
}

/**
 * The usual OSM rules in words, one line per rule: "Du lundi au vendredi : de 7 h 30 à 11 h 30 et de 13 h à 16 h".
 * Rules it does not understand are left out (the status line still uses the full syntax); empty when none is read.
 * @example hoursInWords('Mo-Fr 07:30-16:00; Sa 08:00-12:00') // ['Du lundi au vendredi : de 7 h 30 à 16 h', 'Le samedi : de 8 h à 12 h']
 */
export function hoursInWords(openingHours: string | null): string[] {
  if (!openingHours) return [];
  if (openingHours.trim() === '24/7') return ['Tous les jours, jour et nuit'];
  const lines: string[] = [];
  for (const rule of openingHours.split(';').map((r) => r.trim()).filter(Boolean)) {
    const match = /^((?:(?:Mo|Tu|We|Th|Fr|Sa|Su|PH)(?:-(?:Mo|Tu|We|Th|Fr|Sa|Su))?,?)+)\s+(off|closed|(?:\d{2}:\d{2}-\d{2}:\d{2},?)+)$/.exec(rule);
    if (!match) continue;
    const [, dayPart = '', timePart = ''] = match;
    const days = dayPart
      .split(',')
      .filter(Boolean)
      .map((d) => {
        const [from = '', to] = d.split('-');
        return to ? `du ${osmDays[from] ?? from} au ${osmDays[to] ?? to}` : from === 'PH' ? (osmDays.PH ?? '') : `le ${osmDays[from] ?? from}`;
      })
      .join(', ');
    const times =
      timePart === 'off' || timePart === 'closed'
        ? 'fermé'
        : timePart
            .split(',')
            .filter(Boolean)
            .map((range) => {
              const [open = '', close = ''] = range.split('-');
              return `de ${timeWords(open)} à ${timeWords(close)}`;
            })
            .join(' et ');
    lines.push(`${days.charAt(0).toUpperCase()}${days.slice(1)} : ${times}`);
  }
  return lines;
}

/**
 * Open or closed, remembered per hours string for the current minute: opening hours are written to the minute, so
 * every instant of one minute gets the same answer, and many places share the same hours.
 */
const statusMemory = { minute: Number.NaN, byHours: new Map<string, OpenState>() };

function openStateAt(hours: string | null, now: Date): OpenState {
  const minute = Math.floor(now.getTime() / 60_000);
  if (statusMemory.minute !== minute || statusMemory.byHours.size > 5_000) {
    statusMemory.minute = minute;
    statusMemory.byHours = new Map();
  }
  const key = hours ?? '';
  let found = statusMemory.byHours.get(key);
  if (found === undefined) {
    const status = hoursStatus(hours, new Date(minute * 60_000));
    found = { state: status.state, sentence: status.sentence };
    statusMemory.byHours.set(key, found);
  }
  return found;
}

/** At most this many cards in memory per database handle (some 10 MB); beyond, they are read again. */
const maxCachedCards = 20_000;

/**
 * Cards already presented, and the labelled places of each day, per version of the places (places.version.ts:
 * the version changes with every write to places and to label applications, and is seen at once in this process).
 */
const cardMemory = versionedMemory(() => ({ cards: new Map<string, CardBase>(), labelled: new Map<string, Promise<ReadonlySet<string>>>() }));

async function labelledOn(db: Executor, day: string, memory: Map<string, Promise<ReadonlySet<string>>> | null): Promise<ReadonlySet<string>> {
  if (!memory) return new Set(await labelledPlaceIds(db, day));
  let found = memory.get(day);
  if (!found) {
    const reading = labelledPlaceIds(db, day).then((ids): ReadonlySet<string> => new Set(ids));
    // A failed read is not remembered.
    reading.catch(() => {
      if (memory.get(day) === reading) memory.delete(day);
    });
    memory.set(day, reading);
    found = reading;
  }
  return found;
}

/**
 * The places labelled Case numérique on the day of `now`, from memory until the places or the labels change.
 * @example const labelled = (await labelledToday(db, new Date())).has(place.id)
 */
export async function labelledToday(db: Executor, now: Date): Promise<ReadonlySet<string>> {
  const held = await cardMemory.current(db);
  return labelledOn(db, localDay(now), held?.value.labelled ?? null);
}

/** Whole places by id (and ids known not to be visible), per version of the places. */
const rowMemory = versionedMemory(() => new Map<string, Place | null>());
/** At most this many rows in memory per database handle (some 10 MB); beyond, they are read again. */
const maxCachedRows = 5_000;

/**
 * Several visible places by id (merged ones left out), whole, from memory until the places change: the place page
 * and the API read them on every request.
 * @example const place = (await visiblePlaces(db, [id])).get(id)
 */
export async function visiblePlaces(db: Executor, ids: readonly string[]): Promise<Map<string, Place>> {
  const held = await rowMemory.current(db);
  const known = held?.value ?? new Map<string, Place | null>();
  const missing = ids.filter((id) => !known.has(id));
  const found = new Map((missing.length > 0 ? await findPlaces(db, missing) : []).map((p) => [p.id, p]));
  const result = new Map<string, Place>();
  for (const id of ids) {
    const place = known.get(id) ?? found.get(id);
    if (place) result.set(id, place);
  }
  if (held) {
    if (known.size + missing.length > maxCachedRows) known.clear();
    for (const id of missing) known.set(id, found.get(id) ?? null);
  }
  return result;
}

/**
 * Cards for search hits, in the hits' order: the places, their open state at `now`, and the Case numérique badge.
 * What does not depend on `now` is kept in memory until the places change: a page of results already seen costs
 * no query on PGlite.
 * @example const cards = await loadCards(db, result.hits, new Date())
 */
export async function loadCards(db: Executor, hits: readonly { id: string; distanceKm: number | null }[], now: Date): Promise<PlaceCard[]> {
  if (hits.length === 0) return [];
  const held = await cardMemory.current(db);
  const known = held?.value.cards ?? new Map<string, CardBase>();
  const missing = hits.filter((hit) => !known.has(hit.id)).map((hit) => hit.id);
  const [rows, labelled] = await Promise.all([missing.length > 0 ? findPlaceCards(db, missing) : [], labelledOn(db, localDay(now), held?.value.labelled ?? null)]);
  const byId = new Map<string, CardBase>();
  for (const hit of hits) {
    const base = known.get(hit.id);
    if (base) byId.set(hit.id, base);
  }
  if (held && known.size + rows.length > maxCachedCards) known.clear();
  for (const row of rows) {
    const base = cardBase(row);
    byId.set(row.id, base);
    if (held) known.set(row.id, base);
  }
  return hits.flatMap((hit) => {
    const base = byId.get(hit.id);
    if (!base) return [];
    return [completeCard(base, { distanceKm: hit.distanceKm, open: openStateAt(base.openingHours, now), labelled: labelled.has(base.id) })];
  });
}

/** Open now / at the weekend at one instant, remembered per hours string (places often share the same hours). */
export function hoursAt(now: Date): HoursCheck {
  const open = new Map<string, boolean>();
  const weekend = new Map<string, boolean>();
  const remember = (cache: Map<string, boolean>, hours: string, compute: () => boolean) => {
    let answer = cache.get(hours);
    if (answer === undefined) {
      answer = compute();
      cache.set(hours, answer);
    }
    return answer;
  };
  return {
    isOpenNow: (h) => remember(open, h, () => openNow(h, now)),
    opensAtWeekend: (h) => remember(weekend, h, () => openAtWeekend(h, now)),
  };
}


import { communeByCode } from '../../territory/index.ts';
import type { AccessibilityFeature } from './places.enums.ts';
import { accessibilityFeatureLabels, serviceLabels } from './places.labels.ts';
import type { Executor } from '../../db/client.ts';
import { labelledPlaceIds } from '../case-label/index.ts';
import { hoursStatus, openAtWeekend, openNow, type HoursStatus } from './places.hours.ts';
import type { HoursCheck } from './places.search.ts';
import { findPlaces, type Place } from './places.queries.ts';

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

/**
 * A place as a line of results.
 * @example presentCard(place, { distanceKm: 2.5, open, labelled: false })
 */
export function presentCard(place: Place, extra: { distanceKm: number | null; open: OpenState; labelled: boolean }): PlaceCard {
  return {
    id: place.id,
    name: place.name,
    communeName: communeByCode(place.communeCode)?.name ?? place.communeCode,
    addressLine: addressLine(place),
    distanceKm: extra.distanceKm,
    status: placeStatus(extra.open),
    services: place.services.map((s) => serviceLabels[s]),
    accessibility: place.accessibility.map((code) => ({ code, label: accessibilityFeatureLabels[code] })),
    free: place.fees.includes('gratuit'),
    labelled: extra.labelled,
    phone: place.phone,
    hoursText: place.openingHoursText,
    latitude: place.latitude,
    longitude: place.longitude,
  };
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
 * Cards for search hits, in the hits' order: the places, their open state at `now`, and the Case numérique badge.
 * @example const cards = await loadCards(db, result.hits, new Date())
 */
export async function loadCards(db: Executor, hits: readonly { id: string; distanceKm: number | null }[], now: Date): Promise<PlaceCard[]> {
  if (hits.length === 0) return [];
  const [rows, labelled] = await Promise.all([findPlaces(db, hits.map((h) => h.id)), labelledPlaceIds(db)]);
  const byId = new Map(rows.map((p) => [p.id, p]));
  const labelledIds = new Set(labelled);
  return hits.flatMap((hit) => {
    const place = byId.get(hit.id);
    if (!place) return [];
    return [presentCard(place, { distanceKm: hit.distanceKm, open: hoursStatus(place.openingHours, now), labelled: labelledIds.has(place.id) })];
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


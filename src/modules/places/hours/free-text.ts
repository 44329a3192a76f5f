/** Per-day free-text hours of the 2023–2024 collection → one OSM opening_hours string. */
import { DAYS, rangesToOsm, rulesFromBodies, toMinutes, type Day, type MinuteRange } from './days.ts';

type DaySpec =
  | { kind: 'closed'; comment?: string }
  | { kind: 'open'; ranges: MinuteRange[]; nth?: number };

/** One time, as written by hand: '07:30', '7:30', '7 : 30', '8:', '9h', '8h30', '13:'. */
const TIME = String.raw`(\d{1,2})\s*(?:[:hH]\s*(\d{2})?)`;
const RANGE = new RegExp(String.raw`^${TIME}\s*(?:-|–|—|à|a|\s)\s*${TIME}$`);

function parseRange(text: string): MinuteRange | null {
  const match = RANGE.exec(text.trim());
  if (!match) return null;
  const [, h1, m1, h2, m2] = match;
  if (h1 === undefined || h2 === undefined) return null;
  const start = toMinutes(h1, m1);
  const end = toMinutes(h2, m2);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

/** Annotations that add nothing to the times they follow. */
const HARMLESS = [/\(\s*en continu\s*\)/g, /\bet pas d['’]accueil (?:l['’]|en )?apr[eè]s[- ]?midi\b/g];
/** Annotations meaning "only the n-th such weekday of the month". */
const NTH = /\(\s*(?:les |le )?(premiers?|deuxièmes?|troisièmes?|quatrièmes?|derniers?)\s+\w+\s+de chaque mois\s*\)/;
const NTH_VALUES: Record<string, number> = { premier: 1, deuxième: 2, troisième: 3, quatrième: 4, dernier: -1 };
/** Whole-day texts meaning the place does not receive the public that day. */
const CLOSED = /^(?:fermée?s?|ferm[ée]|closed?|aucun accueil|pas d['’]accueil)\.?$/;
const CLOSED_WITH_COMMENT = /^réservée? aux scolaires\.?$/;

function parseDayText(raw: string): DaySpec | null {
  let text = raw.trim().toLowerCase().normalize('NFC');
  if (text === '') return null;
  if (CLOSED.test(text)) return { kind: 'closed' };
  if (CLOSED_WITH_COMMENT.test(text)) return { kind: 'closed', comment: raw.trim().replace(/["]/g, '') };
  for (const pattern of HARMLESS) text = text.replace(pattern, ' ');
  let nth: number | undefined;
  const nthMatch = NTH.exec(text);
  if (nthMatch?.[1] !== undefined) {
    nth = NTH_VALUES[nthMatch[1].replace(/s$/, '')];
    text = text.replace(NTH, ' ');
  }
  // '10:00-11-00' — a dash typed for the colon of the closing time.
  text = text.replace(/(\d{1,2}\s*:\s*\d{2})\s*-\s*(\d{1,2})-(\d{2})\b/g, '$1-$2:$3');
  const parts = text
    .split(/\s*(?:,|;|\/|\bet\b)\s*/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length === 0) return null;
  const ranges: MinuteRange[] = [];
  for (const part of parts) {
    const range = parseRange(part);
    if (range === null) return null;
    ranges.push(range);
  }
  ranges.sort((a, b) => a.start - b.start);
  for (let i = 1; i < ranges.length; i += 1) {
    const previous = ranges[i - 1];
    const current = ranges[i];
    if (previous !== undefined && current !== undefined && current.start < previous.end) return null;
  }
  return nth === undefined ? { kind: 'open', ranges } : { kind: 'open', ranges, nth };
}

export interface FreeTextHours {
  /** The OSM string, or null when no day was given or when a day could not be read. */
  openingHours: string | null;
  /** 'lundi : 13:16:59.999998' for each day whose text could not be read. */
  unparsed: string[];
}

/**
 * Reads the per-day free-text hours of the 2023–2024 collection ('07:30-11:30, 12:15-16:00', '7:30 - 11:30 ; 12:15 - 16:',
 * '10h à 17h', 'Fermé', '08:00-11:30 (les premiers samedis de chaque mois)'…) into one OSM `opening_hours` string.
 *
 * A missing or empty day means "closed that day" as soon as another day has hours. When any day cannot be read, no
 * string is produced (a partial one would claim that day is closed): `openingHours` is null and `unparsed` names
 * the days, so that the importer keeps the text.
 *
 * @example
 * hoursFromFreeText({ lundi: '07:30-11:30, 12:15-16:00', mardi: '07:30-11:30, 12:15-16:00', samedi: 'Fermé' })
 * // → { openingHours: 'Mo,Tu 07:30-11:30,12:15-16:00', unparsed: [] }
 */
export function hoursFromFreeText(
  perDay: Partial<Record<Day, string | null>>,
  options: { closedOnPublicHolidays?: boolean } = {},
): FreeTextHours {
  const unparsed: string[] = [];
  const specs: (DaySpec | null)[] = DAYS.map((day) => {
    const text = perDay[day];
    if (text === undefined || text === null || text.trim() === '') return null;
    const spec = parseDayText(text);
    if (spec === null) unparsed.push(`${day} : ${text.trim()}`);
    return spec;
  });
  if (unparsed.length > 0 || specs.every((spec) => spec === null)) return { openingHours: null, unparsed };
  const bodies = specs.map((spec): string | null => {
    if (spec === null) return null;
    if (spec.kind === 'closed') return spec.comment === undefined ? null : `off "${spec.comment}"`;
    return spec.nth === undefined ? rangesToOsm(spec.ranges) : `[${spec.nth}] ${rangesToOsm(spec.ranges)}`;
  });
  const rules = rulesFromBodies(bodies);
  if (rules.length === 0) rules.push('off');
  if (options.closedOnPublicHolidays === true) rules.push('PH off');
  return { openingHours: rules.join('; '), unparsed: [] };
}

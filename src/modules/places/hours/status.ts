/** Open now, next opening, open at the weekend — in the territory's zone — and the French sentences. */
import { DAYS, two } from './days.ts';
import { fromLibraryDate, shiftDay, territoryDay, territoryWeekday, toLibraryDate, wallOf } from './clock.ts';
import { publicHolidayOn, publicHolidaysBetween } from './holidays.ts';
import { libraryFor, unsupportedHolidayUse } from './osm.ts';
import { simpleClosesAt, simpleHours, simpleIsOpen, simpleNextOpening, simpleOpensAtWeekend } from './fast.ts';

/** How far ahead a next opening or a closing is looked for: a fortnight first, then a year. */
const WINDOWS = [14, 366] as const;
/** Five weeks, so that "the first Saturday of the month" counts as opening at the weekend. */
const WEEKEND_DAYS = 35;

/** What the pages need from a value, answered by the fast reader or by the library. */
export interface HoursEngine {
  state(at: Date): 'open' | 'closed' | 'unknown';
  comment(at: Date): string | null;
  nextOpening(at: Date): Date | null;
  closesAt(at: Date): Date | null;
  opensAtWeekend(at: Date): boolean;
}

function fastEngine(value: string): HoursEngine | null {
  const hours = simpleHours(value);
  if (hours === null) return null;
  const last = WINDOWS[WINDOWS.length - 1] ?? 366;
  return {
    state: (at) => (simpleIsOpen(hours, at) ? 'open' : 'closed'),
    comment: () => null,
    nextOpening: (at) => simpleNextOpening(hours, at, last),
    closesAt: (at) => simpleClosesAt(hours, at, last),
    opensAtWeekend: (at) => simpleOpensAtWeekend(hours, at, WEEKEND_DAYS),
  };
}

/** The library, given only the holidays from the day before `at` to `days` days after (see osm.ts). */
function libraryEngine(value: string): HoursEngine {
  const around = (at: Date, days: number) => {
    const day = territoryDay(at);
    return libraryFor(value, publicHolidaysBetween(shiftDay(day, -1), shiftDay(day, days + 1)));
  };
  const nextChange = (at: Date, wanted: (open: boolean) => boolean): Date | null => {
    for (const days of WINDOWS) {
      const oh = around(at, days);
      const start = toLibraryDate(at);
      const limit = new Date(start.getTime() + days * 86_400_000);
      let cursor = start;
      for (let i = 0; i < 2000; i += 1) {
        const change = oh.getNextChange(cursor, limit);
        if (change === undefined) break;
        if (wanted(oh.getState(change))) return fromLibraryDate(change);
        cursor = change;
      }
    }
    return null;
  };
  return {
    state: (at) => {
      const state = around(at, 0).getStateString(toLibraryDate(at), true);
      return state === 'closed' ? 'closed' : state;
    },
    comment: (at) => around(at, 0).getComment(toLibraryDate(at)) ?? null,
    nextOpening: (at) => (around(at, 0).getState(toLibraryDate(at)) ? at : nextChange(at, (open) => open)),
    closesAt: (at) => (around(at, 0).getState(toLibraryDate(at)) ? nextChange(at, (open) => !open) : null),
    opensAtWeekend: (at) => {
      const from = toLibraryDate(at);
      const intervals = around(at, WEEKEND_DAYS).getOpenIntervals(from, new Date(from.getTime() + WEEKEND_DAYS * 86_400_000));
      return intervals.some(([start, end]) => {
        for (let t = start.getTime(); t < end.getTime(); t += 3_600_000) {
          const day = new Date(t).getDay();
          if (day === 0 || day === 6) return true;
        }
        const last = new Date(end.getTime() - 1).getDay();
        return last === 0 || last === 6;
      });
    },
  };
}

/**
 * The engine for a stored value: the fast reader for the form's simple strings, the library otherwise; null when
 * there are no hours or they cannot be evaluated. `library: true` forces the library (tests compare both).
 */
export function hoursEngine(hours: string | null | undefined, options: { library?: boolean } = {}): HoursEngine | null {
  if (hours === null || hours === undefined) return null;
  const key = options.library === true ? `library\u0000${hours}` : hours;
  const cached = engines.get(key);
  if (cached !== undefined) return cached;
  const engine = buildEngine(hours.trim(), options.library === true);
  if (engines.size >= 50_000) engines.clear();
  engines.set(key, engine);
  return engine;
}

const engines = new Map<string, HoursEngine | null>();

function buildEngine(value: string, libraryOnly: boolean): HoursEngine | null {
  if (value === '') return null;
  if (unsupportedHolidayUse(value) !== null) return null;
  if (!libraryOnly) {
    const fast = fastEngine(value);
    if (fast !== null) return fast;
  }
  try {
    libraryFor(value, []);
  } catch {
    return null;
  }
  return libraryEngine(value);
}

function safely<T>(fallback: T, run: () => T): T {
  try {
    return run();
  } catch {
    return fallback;
  }
}

/** Whether the place is open at that instant (false when hours are unknown or invalid). */
export function openNow(hours: string | null | undefined, at: Date = new Date()): boolean {
  const engine = hoursEngine(hours);
  return engine === null ? false : safely(false, () => engine.state(at) === 'open');
}

/**
 * The next instant the place is open, from `at` on: `at` itself when it is open then; null when it does not open
 * in the coming year or the hours are unknown.
 */
export function nextOpening(hours: string | null | undefined, at: Date = new Date()): Date | null {
  const engine = hoursEngine(hours);
  return engine === null ? null : safely(null, () => engine.nextOpening(at));
}

/**
 * Whether the place opens on a Saturday or a Sunday in the five weeks from `at` (five, so that "the first Saturday
 * of the month" counts). Public holidays and exceptional closings are taken into account.
 */
export function openAtWeekend(hours: string | null | undefined, at: Date = new Date()): boolean {
  const engine = hoursEngine(hours);
  return engine === null ? false : safely(false, () => engine.opensAtWeekend(at));
}

/** '7 h 30', '16 h', 'minuit'. */
export function frenchTime(instant: Date): string {
  const w = wallOf(instant);
  if (w.hour === 0 && w.minute === 0) return 'minuit';
  return w.minute === 0 ? `${w.hour} h` : `${w.hour} h ${two(w.minute)}`;
}

const MONTH_NAMES = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** How a later instant is named from `at`: '' (same day), 'demain', 'mardi', 'le mardi 6 octobre'. */
function dayWords(at: Date, later: Date): string {
  const gap = daysBetween(territoryDay(at), territoryDay(later));
  if (gap <= 0) return '';
  if (gap === 1) return 'demain';
  const weekday = DAYS[territoryWeekday(later)] ?? 'lundi';
  if (gap < 7) return weekday;
  const w = wallOf(later);
  return `le ${weekday} ${w.day === 1 ? '1er' : w.day} ${MONTH_NAMES[w.month - 1] ?? ''}`;
}

/** 'à 16 h', 'demain à 2 h', 'à minuit' (midnight ending the day is said "à minuit", not "demain à minuit"). */
function whenWords(at: Date, later: Date): string {
  const time = frenchTime(later);
  const days = time === 'minuit' ? dayWords(at, new Date(later.getTime() - 60_000)) : dayWords(at, later);
  return days === '' ? `à ${time}` : `${days} à ${time}`;
}

/** 'jusqu’à 16 h', 'jusqu’à demain 2 h', 'jusqu’à mardi 16 h', 'jusqu’au mardi 6 octobre à 16 h'. */
function untilWords(at: Date, later: Date): string {
  const time = frenchTime(later);
  const days = time === 'minuit' ? dayWords(at, new Date(later.getTime() - 60_000)) : dayWords(at, later);
  if (days === '') return `jusqu’à ${time}`;
  if (days.startsWith('le ')) return `jusqu’au ${days.slice(3)} à ${time}`;
  return `jusqu’à ${days} ${time}`;
}

export type HoursState = 'open' | 'closed' | 'unknown';

export interface HoursStatus {
  state: HoursState;
  /** When the current open period ends (state 'open'). */
  closesAt: Date | null;
  /** The next opening (state 'closed'), null when none within a year. */
  opensAt: Date | null;
  /** Today's public holiday in the territory, if any. */
  holiday: string | null;
  /** The comment of the rule that applies ('réservé aux scolaires'…), if any. */
  comment: string | null;
  /** 'Ouvert jusqu’à 16 h', 'Fermé — ouvre mardi à 7 h 30', 'Horaires non renseignés'. */
  sentence: string;
}

/**
 * Everything a page says about hours at an instant, with a short French sentence.
 *
 * @example hoursStatus('Mo-Fr 07:30-16:00', new Date('2026-10-05T00:00:00Z')).sentence // 'Ouvert jusqu’à 16 h' (lundi 11 h à Nouméa)
 */
export function hoursStatus(hours: string | null | undefined, at: Date = new Date()): HoursStatus {
  const holiday = publicHolidayOn(territoryDay(at));
  const engine = hoursEngine(hours);
  const unknown = (sentence: string): HoursStatus => ({ state: 'unknown', closesAt: null, opensAt: null, holiday, comment: null, sentence });
  if (engine === null) {
    return unknown(hours === null || hours === undefined || hours.trim() === '' ? 'Horaires non renseignés' : 'Horaires à vérifier');
  }
  return safely(unknown('Horaires à vérifier'), (): HoursStatus => {
    const state = engine.state(at);
    const comment = engine.comment(at);
    if (state === 'open') {
      const closesAt = engine.closesAt(at);
      const sentence = closesAt === null ? 'Ouvert' : `Ouvert ${untilWords(at, closesAt)}`;
      return { state, closesAt, opensAt: null, holiday, comment, sentence };
    }
    if (state === 'unknown') {
      return { state, closesAt: null, opensAt: null, holiday, comment, sentence: comment === null ? 'Horaires à vérifier' : `À vérifier : ${comment}` };
    }
    const opensAt = engine.nextOpening(at);
    const closedWords = holiday === null ? 'Fermé' : 'Fermé (jour férié)';
    const sentence = opensAt === null ? closedWords : `${closedWords} — ouvre ${whenWords(at, opensAt)}`;
    return { state: 'closed', closesAt: null, opensAt, holiday, comment, sentence };
  });
}

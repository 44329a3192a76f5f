/**
 * A fast reading of the simple strings the per-day form writes ('Mo-Fr 07:30-11:30,12:15-16:00; PH off;
 * 2026 Dec 24 off'), without the library: a search over thousands of places asks "open now?" for each. Anything
 * beyond that shape returns null and goes to the library. Tests check that both give the same answers.
 */
import { CLOSURE_RULE, isoFromOsm, parseOsmDaySelector, type MinuteRange } from './days.ts';
import { instantOn, shiftDay, wallMinutes, weekdayOf } from './clock.ts';
import { publicHolidayOn } from './holidays.ts';
import { splitRules } from './osm.ts';

export interface SimpleHours {
  /** Merged, sorted ranges per weekday (0 = lundi), none crossing midnight. */
  week: MinuteRange[][];
  closedOnPublicHolidays: boolean;
  closures: { from: string; to: string }[];
}

const RANGES = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/;

function parseRanges(text: string): MinuteRange[] | null {
  if (text === 'off' || text === 'closed') return [];
  const ranges: MinuteRange[] = [];
  for (const part of text.split(',')) {
    const match = RANGES.exec(part);
    if (!match) return null;
    const start = Number(match[1]) * 60 + Number(match[2]);
    const end = Number(match[3]) * 60 + Number(match[4]);
    if (Number(match[2]) > 59 || Number(match[4]) > 59 || end > 1440 || end <= start) return null;
    ranges.push({ start, end });
  }
  ranges.sort((a, b) => a.start - b.start);
  const merged: MinuteRange[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last !== undefined && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

const cache = new Map<string, SimpleHours | null>();

/** The simple reading of a value, or null when it needs the library. */
export function simpleHours(value: string): SimpleHours | null {
  const cached = cache.get(value);
  if (cached !== undefined) return cached;
  const result = compile(value);
  if (cache.size >= 50_000) cache.clear();
  cache.set(value, result);
  return result;
}

function compile(value: string): SimpleHours | null {
  const hours: SimpleHours = { week: [[], [], [], [], [], [], []], closedOnPublicHolidays: false, closures: [] };
  let overridden = false;
  let sawDays = false;
  for (const rule of splitRules(value)) {
    if (rule === 'PH off' || rule === 'PH closed') {
      hours.closedOnPublicHolidays = true;
      overridden = true;
      continue;
    }
    const closure = CLOSURE_RULE.exec(rule);
    if (closure) {
      const from = isoFromOsm(closure[1], closure[2], closure[3]);
      const to = closure[4] === undefined ? from : isoFromOsm(closure[4], closure[5], closure[6]);
      if (from === null || to === null || to < from) return null;
      hours.closures.push({ from, to });
      overridden = true;
      continue;
    }
    // A weekday rule after an exception would win over it: leave that to the library.
    const dayRule = /^([A-Za-z,-]+) ([0-9:,-]+|off|closed)$/.exec(rule);
    if (overridden || !dayRule?.[1] || dayRule[2] === undefined) return null;
    const days = parseOsmDaySelector(dayRule[1]);
    const ranges = parseRanges(dayRule[2]);
    if (days === null || ranges === null) return null;
    for (const day of days) hours.week[day] = ranges.map((r) => ({ ...r }));
    sawDays = true;
  }
  return sawDays ? hours : null;
}

/** The ranges of a territory day, after public holidays and exceptional closings. */
export function rangesOn(hours: SimpleHours, day: string): MinuteRange[] {
  if (hours.closures.some((c) => c.from <= day && day <= c.to)) return [];
  if (hours.closedOnPublicHolidays && publicHolidayOn(day) !== null) return [];
  return hours.week[weekdayOf(day)] ?? [];
}

export function simpleIsOpen(hours: SimpleHours, at: Date): boolean {
  const { day, minutes } = wallMinutes(at);
  return rangesOn(hours, day).some((r) => r.start <= minutes && minutes < r.end);
}

/** The next opening from `at` (`at` itself when open), within `days` days. */
export function simpleNextOpening(hours: SimpleHours, at: Date, days: number): Date | null {
  const { day, minutes } = wallMinutes(at);
  for (let k = 0; k <= days; k += 1) {
    const current = shiftDay(day, k);
    for (const range of rangesOn(hours, current)) {
      if (k === 0 && range.end <= minutes) continue;
      if (k === 0 && range.start <= minutes) return at;
      return instantOn(current, range.start);
    }
  }
  return null;
}

/** When the open period around `at` ends (following ranges that meet at midnight), or null when closed or endless. */
export function simpleClosesAt(hours: SimpleHours, at: Date, days: number): Date | null {
  const { day, minutes } = wallMinutes(at);
  let range = rangesOn(hours, day).find((r) => r.start <= minutes && minutes < r.end);
  if (range === undefined) return null;
  let current = day;
  for (let k = 0; k <= days; k += 1) {
    if (range.end < 1440) return instantOn(current, range.end);
    const next = shiftDay(current, 1);
    const following = rangesOn(hours, next)[0];
    if (following === undefined || following.start > 0) return instantOn(current, 1440);
    range = following;
    current = next;
  }
  return null;
}

/** Whether a Saturday or Sunday opening remains in the `days` days from `at`. */
export function simpleOpensAtWeekend(hours: SimpleHours, at: Date, days: number): boolean {
  const { day, minutes } = wallMinutes(at);
  for (let k = 0; k < days; k += 1) {
    const current = shiftDay(day, k);
    const weekday = weekdayOf(current);
    if (weekday < 5) continue;
    if (rangesOn(hours, current).some((r) => k > 0 || r.end > minutes)) return true;
  }
  return false;
}

/**
 * The territory's clock. The opening_hours library reads dates with the process's local clock, so it is given
 * "fake local" dates whose local fields show Nouméa's wall clock, and its answers are turned back into instants.
 */
import { defaultTimeZone } from '../../../territory/index.ts';
import { isoDate } from './days.ts';

/** The zone in which hours are read: a place in Koné opens at 7:30 in Koné, whatever the server's clock. */
export const HOURS_TIME_ZONE = defaultTimeZone;

const zoneParts = new Intl.DateTimeFormat('en-US', {
  timeZone: HOURS_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The territory's wall clock at an instant. */
export function wallOf(instant: Date): Wall {
  // A search asks the same instant for every place: the last few answers are kept.
  const second = Math.floor(instant.getTime() / 1000);
  const known = recent.get(second);
  if (known) return { ...known };
  const wall: Wall = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of zoneParts.formatToParts(instant)) {
    if (part.type === 'year' || part.type === 'month' || part.type === 'day' || part.type === 'hour' || part.type === 'minute' || part.type === 'second') {
      wall[part.type] = Number(part.value);
    }
  }
  if (recent.size >= 64) recent.clear();
  recent.set(second, wall);
  return { ...wall };
}

const recent = new Map<number, Wall>();

function zoneOffsetMs(instant: Date): number {
  const w = wallOf(instant);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - (instant.getTime() - instant.getUTCMilliseconds());
}

/**
 * The opening_hours library reads dates with the process's local clock; it is given "fake local" dates whose local
 * fields are the territory's wall clock, and its answers are turned back into instants.
 */
export function toLibraryDate(instant: Date): Date {
  const w = wallOf(instant);
  return new Date(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, instant.getUTCMilliseconds());
}

export function fromLibraryDate(local: Date): Date {
  return instantFromWall(
    Date.UTC(local.getFullYear(), local.getMonth(), local.getDate(), local.getHours(), local.getMinutes(), local.getSeconds(), local.getMilliseconds()),
  );
}

/** The instant at which the territory's wall clock shows the given fields (passed as if they were UTC). */
export function instantFromWall(wallAsUtc: number): Date {
  const guess = new Date(wallAsUtc - zoneOffsetMs(new Date(wallAsUtc)));
  return new Date(wallAsUtc - zoneOffsetMs(guess));
}

/** The territory's wall clock at an instant: calendar day and minutes since midnight (with seconds as a fraction). */
export function wallMinutes(instant: Date): { day: string; minutes: number } {
  const w = wallOf(instant);
  return { day: isoDate(w.year, w.month, w.day), minutes: w.hour * 60 + w.minute + (w.second + instant.getUTCMilliseconds() / 1000) / 60 };
}

/** 'YYYY-MM-DD' + n days. */
export function shiftDay(day: string, days: number): string {
  const d = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)) + days));
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** 0 = lundi … 6 = dimanche, of a calendar day 'YYYY-MM-DD'. */
export function weekdayOf(day: string): number {
  return (new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)))).getUTCDay() + 6) % 7;
}

/** The instant of a wall-clock time on a territory day ('YYYY-MM-DD', minutes since midnight, 1440 = next midnight). */
export function instantOn(day: string, minutes: number): Date {
  return instantFromWall(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), 0, minutes));
}

/** The territory's calendar day of an instant, 'YYYY-MM-DD'. */
export function territoryDay(instant: Date): string {
  const w = wallOf(instant);
  return isoDate(w.year, w.month, w.day);
}

/** 0 = lundi … 6 = dimanche, in the territory. */
export function territoryWeekday(instant: Date): number {
  const w = wallOf(instant);
  return (new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay() + 6) % 7;
}

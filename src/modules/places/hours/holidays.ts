/** New Caledonia's 12 public holidays (the opening_hours library has none for the territory). */
import { isoDate } from './days.ts';

export interface PublicHoliday {
  /** 'YYYY-MM-DD', a calendar day in the territory. */
  date: string;
  name: string;
}

/** Easter Sunday (Gregorian calendar, anonymous algorithm), as [month 1–12, day]. */
function easter(year: number): [number, number] {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return [month, day];
}

function addDays(year: number, month: number, day: number, days: number): string {
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * The 12 public holidays of New Caledonia in a year, in date order: the French ones (no Saint-Étienne, no Vendredi
 * saint, no 5 mai) plus the Fête de la citoyenneté on 24 septembre.
 *
 * @example publicHolidays(2026).find((h) => h.date === '2026-09-24')?.name // 'Fête de la citoyenneté'
 */
export function publicHolidays(year: number): PublicHoliday[] {
  const [em, ed] = easter(year);
  const list: PublicHoliday[] = [
    { date: isoDate(year, 1, 1), name: 'Jour de l’an' },
    { date: addDays(year, em, ed, 1), name: 'Lundi de Pâques' },
    { date: isoDate(year, 5, 1), name: 'Fête du travail' },
    { date: isoDate(year, 5, 8), name: 'Victoire 1945' },
    { date: addDays(year, em, ed, 39), name: 'Ascension' },
    { date: addDays(year, em, ed, 50), name: 'Lundi de Pentecôte' },
    { date: isoDate(year, 7, 14), name: 'Fête nationale' },
    { date: isoDate(year, 8, 15), name: 'Assomption' },
    { date: isoDate(year, 9, 24), name: 'Fête de la citoyenneté' },
    { date: isoDate(year, 11, 1), name: 'Toussaint' },
    { date: isoDate(year, 11, 11), name: 'Armistice 1918' },
    { date: isoDate(year, 12, 25), name: 'Noël' },
  ];
  return list.sort((x, y) => x.date.localeCompare(y.date));
}

/** The name of the public holiday on that day ('YYYY-MM-DD'), or null. */
export function publicHolidayOn(day: string): string | null {
  const year = Number(day.slice(0, 4));
  if (!Number.isInteger(year)) return null;
  let names = byYear.get(year);
  if (names === undefined) {
    names = new Map(publicHolidays(year).map((h) => [h.date, h.name]));
    byYear.set(year, names);
  }
  return names.get(day) ?? null;
}

const byYear = new Map<number, Map<string, string>>();

/** The holidays from one day to another, both included ('YYYY-MM-DD'). */
export function publicHolidaysBetween(from: string, to: string): string[] {
  const years: number[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1) years.push(year);
  return years.flatMap((year) => publicHolidays(year).map((h) => h.date)).filter((date) => date >= from && date <= to);
}

import { defaultTimeZone } from '../territory/index.ts';

// The zone is the territory's, whatever the server's clock says: a server in Sydney or Paris shows Nouméa's time.
let zone = defaultTimeZone;

/** Called once at start with the configured zone. */
export function setDisplayTimeZone(timeZone: string): void {
  zone = timeZone;
  dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: zone });
  dateLong = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: zone });
  isoDay = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: zone });
}

let dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: zone });
let dateLong = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: zone });
let isoDay = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: zone });
const integer = new Intl.NumberFormat('fr-FR');

/** @example formatDateTime(new Date('2026-03-03T00:30:00Z')) // '3 mars 2026 à 11:30' */
export function formatDateTime(d: Date): string {
  return dateTime.format(d);
}

/** Dates in full, as FALC asks. @example formatDateLong(d) // 'mardi 3 mars 2026' */
export function formatDateLong(d: Date): string {
  return dateLong.format(d);
}

/** The local calendar day in the territory. @example localDay(new Date('2026-03-02T14:00:00Z')) // '2026-03-03' */
export function localDay(d: Date): string {
  return isoDay.format(d);
}

/** @example formatNumber(12345) // '12 345' (with a narrow no-break space) */
export function formatNumber(n: number): string {
  return integer.format(n);
}

/** @example plural(2, 'session', 'sessions') // '2 sessions' */
export function plural(n: number, one: string, many: string): string {
  return `${formatNumber(n)} ${Math.abs(n) >= 2 ? many : one}`;
}

/**
 * The instant a local calendar day (`YYYY-MM-DD`) starts in a time zone, whatever the server's own zone.
 * @example startOfLocalDay('2026-03-03', 'Pacific/Noumea') // 2026-03-02T13:00:00.000Z
 */
export function startOfLocalDay(day: string, timeZone: string = zone): Date {
  const [y = 1970, m = 1, d = 1] = day.split('-').map(Number);
  const utcMidnight = Date.UTC(y, m - 1, d);
  // The zone's offset at that moment, read back from Intl; a second pass settles days where the offset changes.
  let guess = utcMidnight - offsetMinutes(new Date(utcMidnight), timeZone) * 60_000;
  guess = utcMidnight - offsetMinutes(new Date(guess), timeZone) * 60_000;
  return new Date(guess);
}

function offsetMinutes(at: Date, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

/** The calendar day after `YYYY-MM-DD`. @example nextDay('2026-12-31') // '2027-01-01' */
export function nextDay(day: string): string {
  const [y = 1970, m = 1, d = 1] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

import { startOfLocalDay } from '../../platform/format.ts';
import { publicHolidayOn } from '../places/index.ts';

/** One period of the weekly pattern (1 = lundi … 7 = dimanche; minutes after local midnight). */
export type Opening = { weekday: number; startMinute: number; endMinute: number; counters: number };
/** An appointment that holds a counter. */
export type Busy = { startsAt: Date; endsAt: Date };
/** A start time offered for a motif: `key` is what forms carry (`2026-11-24T08:30`, the territory's local time). */
export type Slot = { key: string; day: string; minute: number; startsAt: Date; endsAt: Date; free: boolean };
export type SlotDay = { day: string; weekday: number; closedBecause: string | null; slots: Slot[] };

/** How many weeks ahead people can book, and how soon before a slot it stops being offered. */
export const bookingWeeks = 3;
export const leadMinutes = 60;

/** ISO weekday of a local day. @example isoWeekday('2026-11-23') // 1 (lundi) */
export function isoWeekday(day: string): number {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** A local day moved by some days. @example addDays('2026-12-31', 1) // '2027-01-01' */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** `HH:MM` from minutes after midnight. @example hhmm(510) // '08:30' */
export function hhmm(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** Minutes after midnight from `HH:MM` (or `8h30`), or null. @example minuteOf('08:30') // 510 */
export function minuteOf(text: string): number | null {
  const match = /^(\d{1,2})\s*[:hH]\s*(\d{2})?$/.exec(text.trim());
  if (!match) return null;
  const h = Number(match[1]);
  const m = Number(match[2] ?? '0');
  if (h > 24 || m > 59 || (h === 24 && m > 0)) return null;
  return h * 60 + m;
}

/** Reads a slot key back, or null when it is not one. @example parseSlotKey('2026-11-24T08:30') // { day: '2026-11-24', minute: 510 } */
export function parseSlotKey(key: string): { day: string; minute: number } | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(key);
  if (!match?.[1]) return null;
  const day = match[1];
  if (Number.isNaN(Date.parse(`${day}T00:00:00Z`)) || !new Date(`${day}T00:00:00Z`).toISOString().startsWith(day)) return null;
  const minute = Number(match[2]) * 60 + Number(match[3]);
  return Number(match[3]) < 60 && minute < 1440 ? { day, minute } : null;
}

/** The instant a local minute of a local day happens in the zone (no daylight saving in New Caledonia). */
export function instantOf(day: string, minute: number, zone: string): Date {
  return new Date(startOfLocalDay(day, zone).getTime() + minute * 60_000);
}

/** The most appointments held at the same moment within [from, to). */
export function peakWithin(busy: readonly Busy[], from: Date, to: Date): number {
  const edges: [number, number][] = [];
  for (const b of busy) {
    const s = Math.max(b.startsAt.getTime(), from.getTime());
    const e = Math.min(b.endsAt.getTime(), to.getTime());
    if (s < e) edges.push([s, 1], [e, -1]);
  }
  // Ends before starts at the same instant: back-to-back appointments share a counter.
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let peak = 0;
  for (const [, delta] of edges) {
    now += delta;
    peak = Math.max(peak, now);
  }
  return peak;
}

/**
 * The start times of one day for a motif of this duration: each opening period is cut into back-to-back slots of the
 * motif's length; a slot is free while fewer appointments than the period's counters overlap it at any moment.
 * Public holidays of New Caledonia and the agency's closed days have no slot; slots starting before `now` plus the
 * lead time are left out.
 * @example daySlots({ day: '2026-11-24', openings, closures: new Map(), durationMinutes: 30, busy: [], now: new Date(), zone: 'Pacific/Noumea' })
 */
export function daySlots(input: {
  day: string;
  openings: readonly Opening[];
  closures: ReadonlyMap<string, string>;
  durationMinutes: number;
  busy: readonly Busy[];
  now: Date;
  zone: string;
}): SlotDay {
  const weekday = isoWeekday(input.day);
  const holiday = publicHolidayOn(input.day);
  if (holiday) return { day: input.day, weekday, closedBecause: `jour férié : ${holiday}`, slots: [] };
  const closure = input.closures.get(input.day);
  if (closure !== undefined) return { day: input.day, weekday, closedBecause: closure === '' ? 'agence fermée' : closure, slots: [] };
  const earliest = input.now.getTime() + leadMinutes * 60_000;
  const slots: Slot[] = [];
  const periods = input.openings.filter((o) => o.weekday === weekday).sort((a, b) => a.startMinute - b.startMinute);
  for (const period of periods) {
    for (let minute = period.startMinute; minute + input.durationMinutes <= period.endMinute; minute += input.durationMinutes) {
      const startsAt = instantOf(input.day, minute, input.zone);
      if (startsAt.getTime() < earliest) continue;
      const endsAt = new Date(startsAt.getTime() + input.durationMinutes * 60_000);
      slots.push({ key: `${input.day}T${hhmm(minute)}`, day: input.day, minute, startsAt, endsAt, free: peakWithin(input.busy, startsAt, endsAt) < period.counters });
    }
  }
  return { day: input.day, weekday, closedBecause: periods.length === 0 ? 'pas de rendez-vous ce jour-là' : null, slots };
}

const clocks = new Map<string, Intl.DateTimeFormat>();
/** Minutes after local midnight of an instant in the zone. @example localMinute(new Date('2026-11-23T21:30:00Z'), 'Pacific/Noumea') // 510 */
export function localMinute(at: Date, zone: string): number {
  let clock = clocks.get(zone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone });
    clocks.set(zone, clock);
  }
  const parts = clock.formatToParts(at);
  return Number(parts.find((p) => p.type === 'hour')?.value ?? 0) * 60 + Number(parts.find((p) => p.type === 'minute')?.value ?? 0);
}

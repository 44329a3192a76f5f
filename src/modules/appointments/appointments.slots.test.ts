import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { daySlots, instantOf, isoWeekday, localMinute, minuteOf, parseSlotKey, peakWithin, type Opening } from './appointments.slots.ts';

const zone = 'Pacific/Noumea';
/** Tuesdays and Fridays 8:00–10:00 with one counter; Thursdays 8:00–9:00 with two. */
const openings: Opening[] = [
  { weekday: 2, startMinute: 480, endMinute: 600, counters: 1 },
  { weekday: 5, startMinute: 480, endMinute: 600, counters: 1 },
  { weekday: 4, startMinute: 480, endMinute: 540, counters: 2 },
];
const longAgo = new Date('2026-01-01T00:00:00Z');
const slots = (day: string, options: { duration?: number; busy?: { startsAt: Date; endsAt: Date }[]; now?: Date; closures?: Map<string, string>; zone?: string } = {}) =>
  daySlots({ day, openings, closures: options.closures ?? new Map(), durationMinutes: options.duration ?? 30, busy: options.busy ?? [], now: options.now ?? longAgo, zone: options.zone ?? zone });

describe('appointment slots', () => {
  it('cuts each opening period into back-to-back slots of the motif’s length', () => {
    assert.equal(isoWeekday('2026-11-24'), 2);
    assert.deepEqual(slots('2026-11-24').slots.map((s) => s.key), ['2026-11-24T08:00', '2026-11-24T08:30', '2026-11-24T09:00', '2026-11-24T09:30']);
    // A 45-minute motif fits twice in two hours; the last 30 minutes are too short.
    assert.deepEqual(slots('2026-11-24', { duration: 45 }).slots.map((s) => s.key), ['2026-11-24T08:00', '2026-11-24T08:45']);
  });

  it('places slots in the territory’s zone, whatever the server’s clock', () => {
    const first = slots('2026-11-24').slots[0];
    assert.equal(first?.startsAt.toISOString(), '2026-11-23T21:00:00.000Z');
    assert.equal(first?.endsAt.toISOString(), '2026-11-23T21:30:00.000Z');
    assert.equal(localMinute(new Date('2026-11-23T21:00:00Z'), zone), 480);
    // The same local hour in another zone is another instant.
    assert.equal(slots('2026-11-24', { zone: 'Europe/Paris' }).slots[0]?.startsAt.toISOString(), '2026-11-24T07:00:00.000Z');
  });

  it('offers nothing on New Caledonia’s public holidays', () => {
    const christmas = slots('2026-12-25');
    assert.equal(christmas.slots.length, 0);
    assert.equal(christmas.closedBecause, 'jour férié : Noël');
    // The Fête de la citoyenneté (24 septembre) is a holiday here, not in France.
    assert.equal(slots('2026-09-24').closedBecause, 'jour férié : Fête de la citoyenneté');
    assert.equal(slots('2026-12-18').slots.length, 4, 'the Friday before is open');
  });

  it('offers nothing on the agency’s closed days, and says why', () => {
    const closed = slots('2026-11-24', { closures: new Map([['2026-11-24', 'Formation des aidants']]) });
    assert.equal(closed.slots.length, 0);
    assert.equal(closed.closedBecause, 'Formation des aidants');
    assert.equal(slots('2026-11-23').closedBecause, 'pas de rendez-vous ce jour-là');
  });

  it('leaves out slots that start in the past or within the next hour', () => {
    // 8:20 in Nouméa: 8:00 and 8:30 are past, 9:00 is less than an hour away; 9:30 is the first one left.
    const now = instantOf('2026-11-24', 8 * 60 + 20, zone);
    assert.deepEqual(slots('2026-11-24', { now }).slots.map((s) => s.key), ['2026-11-24T09:30']);
    assert.equal(slots('2026-11-24', { now: instantOf('2026-11-25', 0, zone) }).slots.length, 0);
  });

  it('marks a slot full when its counters are taken, even by appointments of another length', () => {
    const at = (minute: number, length: number) => ({ startsAt: instantOf('2026-11-24', minute, zone), endsAt: instantOf('2026-11-24', minute + length, zone) });
    // A 45-minute appointment at 8:00 overlaps the 8:30 slot of a 30-minute motif.
    const day = slots('2026-11-24', { busy: [at(480, 45)] });
    assert.deepEqual(day.slots.map((s) => [s.key.slice(11), s.free]), [['08:00', false], ['08:30', false], ['09:00', true], ['09:30', true]]);
    // Two counters on Thursdays: one appointment leaves the slot free, two fill it.
    const thursday = (busy: { startsAt: Date; endsAt: Date }[]) => daySlots({ day: '2026-11-26', openings, closures: new Map(), durationMinutes: 30, busy, now: longAgo, zone }).slots[0]?.free;
    const t = (minute: number) => ({ startsAt: instantOf('2026-11-26', minute, zone), endsAt: instantOf('2026-11-26', minute + 30, zone) });
    assert.equal(thursday([t(480)]), true);
    assert.equal(thursday([t(480), t(480)]), false);
  });

  it('counts the appointments held at the same moment, not all those that touch the slot', () => {
    const d = (h: number, m = 0) => new Date(Date.UTC(2026, 0, 1, h, m));
    // 8:00–8:30 and 8:30–9:00 never overlap: one counter is enough for both within 8:00–9:00.
    assert.equal(peakWithin([{ startsAt: d(8), endsAt: d(8, 30) }, { startsAt: d(8, 30), endsAt: d(9) }], d(8), d(9)), 1);
    assert.equal(peakWithin([{ startsAt: d(8), endsAt: d(9) }, { startsAt: d(8, 30), endsAt: d(9) }], d(8), d(9)), 2);
    assert.equal(peakWithin([{ startsAt: d(7), endsAt: d(8) }], d(8), d(9)), 0);
  });

  it('reads slot keys and times strictly', () => {
    assert.deepEqual(parseSlotKey('2026-11-24T08:30'), { day: '2026-11-24', minute: 510 });
    for (const bad of ['2026-02-30T08:00', '2026-11-24T25:00', '2026-11-24 08:30', 'demain', '2026-11-24T08:75']) assert.equal(parseSlotKey(bad), null, bad);
    assert.equal(minuteOf('8h30'), 510);
    assert.equal(minuteOf('08:00'), 480);
    assert.equal(minuteOf('14h'), 840);
    assert.equal(minuteOf('25:00'), null);
    assert.equal(minuteOf('midi'), null);
  });
});

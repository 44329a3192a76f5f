import { ICalCalendar, ICalEventStatus } from 'ical-generator';
import { communeByCode } from '../../territory/index.ts';
import { accessibilityLabels } from './workshops.labels.ts';
import type { SessionView } from './workshops.queries.ts';

export const feedTimeZone = 'Pacific/Noumea';

/**
 * An iCalendar feed of sessions that phone calendars accept: the calendar's zone is Pacific/Noumea
 * (X-WR-TIMEZONE), event times are written in UTC (`…Z`), which every calendar converts to the phone's zone — with
 * a calendar time zone, ical-generator would write native dates in the server process's own zone, wrong on a
 * server set to UTC. A UID that stays the same for a session (a change updates the event instead of adding one),
 * the public page as URL, and cancelled sessions marked CANCELLED.
 * @example c.body(sessionsCalendar(rows, { name: 'Ateliers Relais', baseUrl }), 200, { 'content-type': 'text/calendar; charset=utf-8' })
 */
export function sessionsCalendar(sessions: readonly SessionView[], options: { name: string; baseUrl: string }): string {
  const host = new URL(options.baseUrl).hostname;
  const calendar = new ICalCalendar({ name: options.name, prodId: { company: 'Relais', product: 'ateliers', language: 'FR' } });
  calendar.x([{ key: 'X-WR-TIMEZONE', value: feedTimeZone }]);
  for (const s of sessions) {
    const commune = communeByCode(s.communeCode)?.name ?? s.communeCode;
    const where = s.place ? [s.place.name, s.place.address, s.place.locality, commune] : [s.spotName, s.spotAddress, commune];
    const url = `${options.baseUrl}/ateliers/${s.id}`;
    const offered = s.accessibility.map((a) => (a === 'other' && s.accessibilityOther ? s.accessibilityOther : accessibilityLabels[a]));
    calendar.createEvent({
      id: `atelier-${s.id}@${host}`,
      start: s.startsAt,
      end: s.endsAt,
      stamp: s.updatedAt,
      summary: s.status === 'cancelled' ? `Annulé : ${s.series.title}` : s.series.title,
      description: [s.series.descriptionFalc, offered.length ? `Accessibilité : ${offered.join(', ')}.` : '', `Inscription : ${url}`].filter(Boolean).join('\n\n'),
      location: where.filter(Boolean).join(', '),
      url,
      status: s.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

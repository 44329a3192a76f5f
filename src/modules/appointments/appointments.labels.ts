import type { TagColour } from '../../ui/index.ts';
import type { AppointmentStatus, MotifMode, NotifyChannel } from './appointments.schema.ts';

export const motifModeLabels = {
  in_person: 'À l’agence',
  phone: 'Par téléphone',
} as const satisfies Record<MotifMode, string>;

export const appointmentStatusLabels = {
  booked: 'Prévu',
  cancelled: 'Annulé',
  seen: 'Vu',
  absent: 'Absent',
  excused: 'Excusé',
} as const satisfies Record<AppointmentStatus, string>;

export const appointmentStatusColours = {
  booked: 'blue',
  cancelled: 'grey',
  seen: 'green',
  absent: 'red',
  excused: 'yellow',
} as const satisfies Record<AppointmentStatus, TagColour>;

export const notifyChannelLabels = {
  sms: 'SMS',
  email: 'e-mail',
} as const satisfies Record<NotifyChannel, string>;

/** Weekdays, ISO order (1 = lundi). */
export const weekdayLabels = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as const;

/** The word in forms and URLs for each mark an aidant can give. */
export const markSlugs = { vu: 'seen', absent: 'absent', excuse: 'excused' } as const satisfies Record<string, AppointmentStatus>;

/**
 * A time as people say it. @example formatClock(510) // '8 h 30' ; formatClock(840) // '14 h'
 */
export function formatClock(minute: number): string {
  const h = Math.floor(minute / 60);
  const m = minute % 60;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')}`;
}

/** @example formatDuration(90) // '1 h 30' ; formatDuration(30) // '30 minutes' */
export function formatDuration(minutes: number): string {
  if (minutes < 60) return `${minutes} minutes`;
  return formatClock(minutes);
}

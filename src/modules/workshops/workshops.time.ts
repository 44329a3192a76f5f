import { formatDateLong, localDay, startOfLocalDay } from '../../platform/format.ts';

/** `HH:MM` of an instant in the territory's zone. @example localTime(new Date('2026-03-02T22:30:00Z')) // '09:30' */
export function localTime(d: Date): string {
  const minutes = Math.round((d.getTime() - startOfLocalDay(localDay(d)).getTime()) / 60_000);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The instant of a local day and minutes after midnight, in the territory's zone. */
export function localInstant(day: string, minutes: number): Date {
  return new Date(startOfLocalDay(day).getTime() + minutes * 60_000);
}

/** `9 h 30` (FALC: hours written as spoken). */
export function spokenTime(d: Date): string {
  const [h = '0', m = '00'] = localTime(d).split(':');
  return `${Number(h)} h ${m}`;
}

/** @example whenText(start, end) // 'mardi 3 mars 2026, de 9 h 00 à 11 h 30' */
export function whenText(startsAt: Date, endsAt: Date): string {
  return `${formatDateLong(startsAt)}, de ${spokenTime(startsAt)} à ${spokenTime(endsAt)}`;
}

const monthFormat = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** @example monthLabel('2026-03') // 'mars 2026' */
export function monthLabel(month: string): string {
  return monthFormat.format(new Date(`${month}-15T00:00:00Z`));
}

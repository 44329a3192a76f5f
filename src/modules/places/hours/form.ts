/** The per-day form (closed, or one or two ranges; public holidays; exceptional closings) ↔ OSM string. */
import { z } from 'zod';
import {
  CLOSURE_RULE,
  DAYS,
  isoFromOsm,
  minutesToHHMM,
  normaliseDate,
  osmDate,
  parseOsmDaySelector,
  rulesFromBodies,
  toMinutes,
  type Day,
} from './days.ts';
import { splitRules, validateOpeningHours } from './osm.ts';

/** 'HH:MM' (24:00 allowed as an end). */
export interface TimeRange {
  start: string;
  end: string;
}

/** A day is closed (no range) or open with one range, or two around a lunch break. */
export type DayHours = { closed: true } | { closed: false; ranges: [TimeRange] | [TimeRange, TimeRange] };

/** An exceptional closing: one day, or several days in a row. Dates are 'YYYY-MM-DD'. */
export interface Closure {
  from: string;
  to: string;
}

export interface HoursForm {
  days: Record<Day, DayHours>;
  closedOnPublicHolidays: boolean;
  closures: Closure[];
}

/** A week with every day closed: the start of a form. */
export function allClosed(): Record<Day, DayHours> {
  return {
    lundi: { closed: true },
    mardi: { closed: true },
    mercredi: { closed: true },
    jeudi: { closed: true },
    vendredi: { closed: true },
    samedi: { closed: true },
    dimanche: { closed: true },
  };
}

/** The form's field names (also their ids), in page order: for `errorLinks(errors, hoursFieldOrder)`. */
export const hoursFieldNames = {
  start1: (day: Day) => `horaires-${day}-debut-1`,
  end1: (day: Day) => `horaires-${day}-fin-1`,
  start2: (day: Day) => `horaires-${day}-debut-2`,
  end2: (day: Day) => `horaires-${day}-fin-2`,
  publicHolidays: 'horaires-feries',
  closures: 'horaires-fermetures',
  osm: 'horaires-osm',
} as const;

export const hoursFieldOrder: readonly string[] = [
  ...DAYS.flatMap((day) => [
    hoursFieldNames.start1(day),
    hoursFieldNames.end1(day),
    hoursFieldNames.start2(day),
    hoursFieldNames.end2(day),
  ]),
  hoursFieldNames.publicHolidays,
  hoursFieldNames.closures,
  hoursFieldNames.osm,
];

/** '7:30', '7h30', '07 h 30', '0730', '7h', '7' → '07:30' / '07:00'; null when it is not a time. */
export function normaliseTime(text: string): string | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, '');
  const match = /^(\d{1,2})(?:[:h.]?(\d{2})|h|:)?$/.exec(t) ?? /^(\d{2})(\d{2})$/.exec(t);
  if (!match?.[1]) return null;
  const minutes = toMinutes(match[1], match[2]);
  return minutes === null ? null : minutesToHHMM(minutes);
}

function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

function frenchDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** One closing per line: '24/12/2026' or '20/12/2026 au 05/01/2027'. */
function parseClosureLines(text: string): { closures: Closure[]; error: string | null } {
  const closures: Closure[] = [];
  const lines = text.split(/\r?\n|;/).map((line) => line.trim()).filter((line) => line !== '');
  for (const line of lines) {
    const parts = line.split(/\s*(?:\bau\b|→|–|—|\s-\s)\s*/i).filter((part) => part !== '');
    const from = parts[0] === undefined ? null : normaliseDate(parts[0]);
    const to = parts.length === 2 && parts[1] !== undefined ? normaliseDate(parts[1]) : parts.length === 1 ? from : null;
    if (from === null || to === null) {
      return { closures, error: `La fermeture « ${line} » n’est pas une date. Écrivez une date par ligne, par exemple 24/12/2026, ou une période : 20/12/2026 au 05/01/2027` };
    }
    if (to < from) return { closures, error: `La période « ${line} » finit avant de commencer` };
    closures.push({ from, to });
  }
  return { closures, error: null };
}

const optionalInput = z.preprocess((value) => (Array.isArray(value) ? value[0] : value), z.string().optional());

/**
 * The zod schema of the hours fields of a form (flat: one key per input, as `readForm` gives them), with French
 * messages on the field concerned. Output: `{ form, openingHours }` — `openingHours` is the OSM string to store
 * (null when no day is open and nothing else is said), taken from the expert field `horaires-osm` when it is
 * filled, otherwise written from the days.
 */
export const hoursFormSchema = z
  .object(Object.fromEntries(hoursFieldOrder.map((name) => [name, optionalInput])))
  .transform((input, ctx): { form: HoursForm | null; openingHours: string | null } => {
    const text = (name: string): string => {
      const value = input[name];
      return typeof value === 'string' ? value.trim() : '';
    };
    const osm = text(hoursFieldNames.osm);
    if (osm !== '') {
      const checked = validateOpeningHours(osm);
      if (!checked.ok) {
        ctx.addIssue({ code: 'custom', path: [hoursFieldNames.osm], message: checked.message });
        return z.NEVER;
      }
      return { form: formFromOsm(checked.value), openingHours: checked.value };
    }
    const days = allClosed();
    let failed = false;
    const fail = (path: string, message: string): void => {
      failed = true;
      ctx.addIssue({ code: 'custom', path: [path], message });
    };
    for (const day of DAYS) {
      const names = [hoursFieldNames.start1(day), hoursFieldNames.end1(day), hoursFieldNames.start2(day), hoursFieldNames.end2(day)];
      const raw = names.map(text);
      const times = raw.map((value) => (value === '' ? null : normaliseTime(value)));
      let dayFailed = false;
      raw.forEach((value, index) => {
        const name = names[index] ?? '';
        if (value !== '' && times[index] === null) {
          fail(name, `L’heure « ${value} » du ${day} n’est pas valide : écrivez-la sous la forme HH:MM, par exemple 07:30`);
          dayFailed = true;
        }
      });
      if (dayFailed) continue;
      const [s1, e1, s2, e2] = times;
      if (s1 === null && e1 === null && s2 === null && e2 === null) {
        days[day] = { closed: true };
        continue;
      }
      const checkPair = (start: string | null | undefined, end: string | null | undefined, startName: string, endName: string, which: string): TimeRange | null => {
        if (!start) {
          fail(startName, `Entrez l’heure d’ouverture ${which} du ${day}`);
          return null;
        }
        if (!end) {
          fail(endName, `Entrez l’heure de fermeture ${which} du ${day}`);
          return null;
        }
        if (start === '24:00') {
          fail(startName, `L’heure d’ouverture du ${day} doit être avant 24:00`);
          return null;
        }
        if (minutesOf(end) <= minutesOf(start)) {
          fail(endName, `L’heure de fermeture du ${day} (${end}) doit être après l’heure d’ouverture (${start})`);
          return null;
        }
        return { start, end };
      };
      const first = checkPair(s1, e1, names[0] ?? '', names[1] ?? '', s2 || e2 ? 'du matin' : '');
      if (first === null) continue;
      if (!s2 && !e2) {
        days[day] = { closed: false, ranges: [first] };
        continue;
      }
      const second = checkPair(s2, e2, names[2] ?? '', names[3] ?? '', 'de l’après-midi');
      if (second === null) continue;
      if (minutesOf(second.start) < minutesOf(first.end)) {
        fail(names[2] ?? '', `Le ${day}, la deuxième plage doit commencer après la fin de la première (${first.end})`);
        continue;
      }
      days[day] = { closed: false, ranges: [first, second] };
    }
    const closureText = text(hoursFieldNames.closures);
    const { closures, error } = parseClosureLines(closureText);
    if (error !== null) fail(hoursFieldNames.closures, error);
    if (failed) return z.NEVER;
    const form: HoursForm = { days, closedOnPublicHolidays: text(hoursFieldNames.publicHolidays) !== '', closures };
    return { form, openingHours: osmFromForm(form) };
  });

export type HoursFormOutput = z.output<typeof hoursFormSchema>;

/**
 * Writes the OSM string of a form: the days (grouped: 'Mo-Fr 07:30-11:30,12:15-16:00'), then 'PH off', then each
 * exceptional closing ('2026 Dec 24 off'). Null when no day is open (hours unknown).
 */
export function osmFromForm(form: HoursForm): string | null {
  const bodies = DAYS.map((day) => {
    const hours = form.days[day];
    return hours.closed ? null : hours.ranges.map((r) => `${r.start}-${r.end}`).join(',');
  });
  if (bodies.every((body) => body === null)) return null;
  const rules = rulesFromBodies(bodies);
  if (form.closedOnPublicHolidays) rules.push('PH off');
  for (const closure of [...form.closures].sort((a, b) => a.from.localeCompare(b.from))) {
    rules.push(closure.from === closure.to ? `${osmDate(closure.from)} off` : `${osmDate(closure.from)}-${osmDate(closure.to)} off`);
  }
  return rules.join('; ');
}

/**
 * Reads an OSM string back into the per-day form, or null when it uses more than the form can show (months,
 * weeks, comments, 'Sa[1]', several lunch breaks, hours past midnight…): the expert field then keeps it.
 */
export function formFromOsm(hours: string | null | undefined): HoursForm | null {
  const form: HoursForm = { days: allClosed(), closedOnPublicHolidays: false, closures: [] };
  if (hours === null || hours === undefined || hours.trim() === '') return form;
  const checked = validateOpeningHours(hours);
  if (!checked.ok) return null;
  let sawDayRule = false;
  for (const rule of splitRules(checked.value)) {
    if (rule === 'PH off' || rule === 'PH closed') {
      form.closedOnPublicHolidays = true;
      continue;
    }
    const closure = CLOSURE_RULE.exec(rule);
    if (closure) {
      const from = isoFromOsm(closure[1], closure[2], closure[3]);
      const to = closure[4] === undefined ? from : isoFromOsm(closure[4], closure[5], closure[6]);
      if (from === null || to === null) return null;
      form.closures.push({ from, to });
      continue;
    }
    const dayRule = /^([A-Za-z,-]+) (\d{2}:\d{2}-\d{2}:\d{2}(?:,\d{2}:\d{2}-\d{2}:\d{2})?)$/.exec(rule);
    if (!dayRule?.[1] || !dayRule[2] || form.closures.length > 0 || form.closedOnPublicHolidays) return null;
    const indices = parseOsmDaySelector(dayRule[1]);
    if (indices === null) return null;
    const ranges: TimeRange[] = dayRule[2].split(',').map((r) => ({ start: r.slice(0, 5), end: r.slice(6, 11) }));
    const [first, second] = ranges;
    if (first === undefined || ranges.some((r) => minutesOf(r.end) <= minutesOf(r.start))) return null;
    if (second !== undefined && minutesOf(second.start) < minutesOf(first.end)) return null;
    for (const index of indices) {
      const day = DAYS[index];
      if (day === undefined) return null;
      // A later rule for the same day replaces the earlier one, as in OSM.
      form.days[day] = { closed: false, ranges: second === undefined ? [first] : [first, second] };
    }
    sawDayRule = true;
  }
  return sawDayRule ? form : null;
}

/** The form's input values (for the fieldset) from a stored OSM string: the days, or the expert field. */
export function hoursFormValues(hours: string | null | undefined): Record<string, string> {
  const form = formFromOsm(hours);
  const values: Record<string, string> = {};
  if (form === null) {
    values[hoursFieldNames.osm] = hours ?? '';
    return values;
  }
  for (const day of DAYS) {
    const dayHours = form.days[day];
    if (dayHours.closed) continue;
    const [first, second] = dayHours.ranges;
    values[hoursFieldNames.start1(day)] = first.start;
    values[hoursFieldNames.end1(day)] = first.end;
    if (second !== undefined) {
      values[hoursFieldNames.start2(day)] = second.start;
      values[hoursFieldNames.end2(day)] = second.end;
    }
  }
  if (form.closedOnPublicHolidays) values[hoursFieldNames.publicHolidays] = 'oui';
  values[hoursFieldNames.closures] = form.closures
    .map((c) => (c.from === c.to ? frenchDate(c.from) : `${frenchDate(c.from)} au ${frenchDate(c.to)}`))
    .join('\n');
  return values;
}


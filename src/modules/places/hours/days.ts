/** Days of the week and the small helpers that write OSM time ranges and dates. */

export const DAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as const;
export type Day = (typeof DAYS)[number];

/** OSM abbreviations, in the order of DAYS (Monday first). */
export const OSM_DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;

/** A time range in minutes since midnight: start < end, end ≤ 1440. */
export interface MinuteRange {
  start: number;
  end: number;
}

export function osmDay(index: number): string {
  return OSM_DAYS[index] ?? 'Mo';
}

export function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** 450 → '07:30'; 1440 → '24:00'. */
export function minutesToHHMM(minutes: number): string {
  return `${two(Math.floor(minutes / 60))}:${two(minutes % 60)}`;
}

export function toMinutes(hours: string, minutes: string | undefined): number | null {
  const h = Number(hours);
  const m = minutes === undefined ? 0 : Number(minutes);
  if (!Number.isInteger(h) || !Number.isInteger(m) || m > 59 || h > 24 || (h === 24 && m > 0)) return null;
  return h * 60 + m;
}

export function rangesToOsm(ranges: readonly MinuteRange[]): string {
  return ranges.map((r) => `${minutesToHHMM(r.start)}-${minutesToHHMM(r.end)}`).join(',');
}

/** Consecutive days with the same selector body are written once: 'Mo-Fr 08:00-16:00'. */
export function dayGroups(indices: readonly number[]): string {
  const groups: string[] = [];
  let i = 0;
  while (i < indices.length) {
    let j = i;
    while (j + 1 < indices.length && indices[j + 1] === (indices[j] ?? 0) + 1) j += 1;
    const first = osmDay(indices[i] ?? 0);
    const last = osmDay(indices[j] ?? 0);
    if (j === i) groups.push(first);
    else if (j === i + 1) groups.push(`${first},${last}`);
    else groups.push(`${first}-${last}`);
    i = j + 1;
  }
  return groups.join(',');
}

/** Rules from a body per day index (null = nothing said about that day, i.e. closed). */
export function rulesFromBodies(bodies: readonly (string | null)[]): string[] {
  const order: string[] = [];
  const daysOf = new Map<string, number[]>();
  bodies.forEach((body, index) => {
    if (body === null) return;
    const days = daysOf.get(body);
    if (days) days.push(index);
    else {
      daysOf.set(body, [index]);
      order.push(body);
    }
  });
  return order.map((body) => {
    const days = daysOf.get(body) ?? [];
    return body.startsWith('[') ? days.map((d) => `${osmDay(d)}${body}`).join('; ') : `${dayGroups(days)} ${body}`;
  });
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}`;
}

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

export function osmDate(iso: string): string {
  return `${iso.slice(0, 4)} ${MONTHS[Number(iso.slice(5, 7)) - 1] ?? 'Jan'} ${iso.slice(8, 10)}`;
}

/** 'JJ/MM/AAAA' or 'AAAA-MM-JJ' → 'AAAA-MM-JJ', or null when it is not a real date. */
export function normaliseDate(text: string): string | null {
  const t = text.trim();
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const [year, month, day] = fr ? [fr[3], fr[2], fr[1]] : iso ? [iso[1], iso[2], iso[3]] : [undefined, undefined, undefined];
  if (year === undefined || month === undefined || day === undefined) return null;
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return isoDate(y, m, d);
}

const OSM_DAY_INDEX = new Map<string, number>(OSM_DAYS.map((d, i) => [d, i]));

export function parseOsmDaySelector(selector: string): number[] | null {
  const days: number[] = [];
  for (const part of selector.split(',')) {
    const range = /^([A-Z][a-z])(?:-([A-Z][a-z]))?$/.exec(part);
    if (!range?.[1]) return null;
    const from = OSM_DAY_INDEX.get(range[1]);
    const to = range[2] === undefined ? from : OSM_DAY_INDEX.get(range[2]);
    if (from === undefined || to === undefined || to < from) return null;
    for (let d = from; d <= to; d += 1) days.push(d);
  }
  return days;
}

const OSM_DATE = String.raw`(\d{4}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{2})`;
export const CLOSURE_RULE = new RegExp(String.raw`^${OSM_DATE}(?:-${OSM_DATE})? (?:off|closed)$`);

export function isoFromOsm(year: string | undefined, month: string | undefined, day: string | undefined): string | null {
  const m = MONTHS.findIndex((name) => name === month);
  if (year === undefined || day === undefined || m < 0) return null;
  return normaliseDate(`${year}-${two(m + 1)}-${day}`);
}

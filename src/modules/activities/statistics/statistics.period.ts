/** Local days (`YYYY-MM-DD`) and months for the statistics; pure functions, no time zone (days are local already). */

/** @example lastDayOfMonth('2026-02-10') // '2026-02-28' */
export function lastDayOfMonth(day: string): string {
  const [y = 1970, m = 1] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** @example addMonths('2026-01-01', -11) // '2025-02-01' */
export function addMonths(firstOfMonth: string, months: number): string {
  const [y = 1970, m = 1] = firstOfMonth.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + months, 1)).toISOString().slice(0, 10);
}

/** @example addDays('2026-03-01', -1) // '2026-02-28' */
export function addDays(day: string, days: number): string {
  const [y = 1970, m = 1, d = 1] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** @example firstOfMonth('2026-03-17') // '2026-03-01' */
export function firstOfMonth(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** The months from `from`'s to `to`'s, as first days. @example monthsBetween('2026-01-15', '2026-03-02') // ['2026-01-01', '2026-02-01', '2026-03-01'] */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = firstOfMonth(from); m <= to && months.length < 1200; m = addMonths(m, 1)) months.push(m);
  return months;
}

export type DayRange = { from: string; to: string };

/**
 * Splits a range of days into whole months (answered from the monthly aggregates) and the days left at either end
 * (answered from the records). Days after `today` hold no record (a record is never in the future), so a range that
 * reaches today counts its current month as whole.
 * @example splitByMonths({ from: '2026-01-15', to: '2026-04-30' }, '2026-06-01') // { months: { from: '2026-02-01', to: '2026-04-01' }, edges: [{ from: '2026-01-15', to: '2026-01-31' }] }
 */
export function splitByMonths(range: DayRange, today: string): { months: DayRange | null; edges: DayRange[] } {
  if (range.from > range.to) return { months: null, edges: [] };
  const coveredTo = range.to >= today ? lastDayOfMonth(today) : range.to;
  const start = range.from.endsWith('-01') ? range.from : addMonths(firstOfMonth(range.from), 1);
  const endMonth = coveredTo === lastDayOfMonth(coveredTo) ? firstOfMonth(coveredTo) : addMonths(firstOfMonth(coveredTo), -1);
  if (start > endMonth) return { months: null, edges: [{ from: range.from, to: range.to }] };
  const edges: DayRange[] = [];
  if (range.from < start) edges.push({ from: range.from, to: addDays(start, -1) });
  const afterMonths = addMonths(endMonth, 1);
  if (afterMonths <= coveredTo) edges.push({ from: afterMonths, to: range.to });
  return { months: { from: start, to: endMonth }, edges };
}

/**
 * Merges overlapping or touching day ranges (a helper who left a team and came back has two).
 * @example mergeRanges([{ from: '2026-01-01', to: '2026-01-31' }, { from: '2026-02-01', to: '2026-03-01' }]) // [{ from: '2026-01-01', to: '2026-03-01' }]
 */
export function mergeRanges(ranges: DayRange[]): DayRange[] {
  const sorted = [...ranges].filter((r) => r.from <= r.to).sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const merged: DayRange[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r.from <= addDays(last.to, 1)) last.to = r.to > last.to ? r.to : last.to;
    else merged.push({ ...r });
  }
  return merged;
}

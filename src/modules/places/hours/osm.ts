/** Reading and checking OSM opening_hours strings, with New Caledonia's holidays put in place of `PH`. */
import OpeningHoursLib from 'opening_hours';
import { z } from 'zod';
import { osmDate } from './days.ts';
import { toLibraryDate } from './clock.ts';

/** Splits on `;` outside double quotes. */
export function splitRules(value: string): string[] {
  const rules: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of value) {
    if (char === '"') quoted = !quoted;
    if (char === ';' && !quoted) {
      rules.push(current.trim());
      current = '';
    } else current += char;
  }
  rules.push(current.trim());
  return rules.filter((rule) => rule !== '');
}

export function withoutComments(rule: string): string {
  return rule.replace(/"[^"]*"/g, '""');
}

/** A rule whose only selector is PH: 'PH off', 'PH 09:00-12:00', 'PH closed "Fermé les jours fériés"'. */
export const PH_RULE = /^PH(?=$|\s)/;

/** Where the value uses PH or SH in a way this module cannot evaluate, the French message to show. */
export function unsupportedHolidayUse(value: string): string | null {
  for (const rule of splitRules(value)) {
    const bare = withoutComments(rule);
    if (/\bSH\b/.test(bare)) return 'Les vacances scolaires (SH) ne sont pas prises en charge : écrivez les dates à la place.';
    if (/\bPH\b/.test(bare) && !PH_RULE.test(bare)) {
      return 'Écrivez les jours fériés dans une règle à part, par exemple « PH off » à la fin.';
    }
  }
  return null;
}

/**
 * Puts New Caledonia's holidays (OSM dates) in place of the PH selector. Only the holidays of the window being
 * evaluated are given: the library then has little to read, and a PH rule with no holiday in the window is dropped.
 */
function expandPublicHolidays(value: string, holidays: readonly string[]): string {
  const rules = splitRules(value);
  if (!rules.some((rule) => PH_RULE.test(rule))) return value;
  const dates = holidays.map(osmDate).join(',');
  const kept = rules.flatMap((rule) => (PH_RULE.test(rule) ? (dates === '' ? [] : [rule.replace(PH_RULE, dates)]) : [rule]));
  return kept.length === 0 ? 'off' : kept.join('; ');
}

const LIBRARY_CONF = { mode: 0, tag_key: 'opening_hours', map_value: false, warnings_severity: 4, locale: 'fr' } as const;

const cache = new Map<string, OpeningHoursLib>();

/** The library's object for a value, with the public holidays of the window being evaluated ('YYYY-MM-DD'). */
export function libraryFor(value: string, holidays: readonly string[]): OpeningHoursLib {
  const key = `${holidays.join(',')}\u0000${value}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const oh = new OpeningHoursLib(expandPublicHolidays(value, holidays), null, LIBRARY_CONF);
  if (cache.size >= 20_000) cache.clear();
  cache.set(key, oh);
  return oh;
}

export type HoursValidation = { ok: true; value: string; warnings: string[] } | { ok: false; message: string };

const EXAMPLE = 'Mo-Fr 07:30-11:30,12:15-16:00; Sa 08:00-12:00; PH off';

/** The first explanation of the library's error, without the repetition of the value. */
function libraryDetail(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const match = /<---\s*\(([^]*?)\)(?:;|$)/.exec(text);
  return (match?.[1] ?? text).trim();
}

/**
 * Checks an OSM opening_hours string. Returns the normalised value (the library's own spelling: '8:00' → '08:00')
 * or a French message that can be shown beside the field.
 *
 * @example validateOpeningHours('Lundi 8h-12h') // { ok: false, message: 'Les horaires « Lundi 8h-12h » ne sont pas au format OpenStreetMap…' }
 */
export function validateOpeningHours(value: string): HoursValidation {
  const trimmed = value.trim();
  if (trimmed === '') return { ok: false, message: 'Entrez les horaires, par exemple « Mo-Fr 08:00-16:00 »' };
  const unsupported = unsupportedHolidayUse(trimmed);
  if (unsupported !== null) return { ok: false, message: unsupported };
  let oh: OpeningHoursLib;
  try {
    oh = new OpeningHoursLib(trimmed, null, LIBRARY_CONF);
    // Evaluating once, with a holiday in place of PH, catches what only shows at evaluation time.
    libraryFor(trimmed, ['2026-09-24']).getState(toLibraryDate(new Date()));
  } catch (error) {
    return {
      ok: false,
      message: `Les horaires « ${trimmed} » ne sont pas au format OpenStreetMap (${libraryDetail(error)}). Exemple : « ${EXAMPLE} ».`,
    };
  }
  const warnings = oh
    .getStructuredWarnings()
    .filter((w) => w.type !== 'public_holiday' && w.type !== 'date_past' && w.type !== 'date_range_past' && w.type !== 'year_past')
    .map((w) => w.message);
  return { ok: true, value: oh.prettifyValue(), warnings };
}

/** A zod schema for an optional OSM opening_hours field: '' → null, otherwise normalised or a French error. */
export const openingHoursField = z
  .string()
  .trim()
  .max(1000, 'Entrez des horaires de 1 000 caractères au plus')
  .transform((value, ctx): string | null => {
    if (value === '') return null;
    const checked = validateOpeningHours(value);
    if (!checked.ok) {
      ctx.addIssue({ code: 'custom', message: checked.message });
      return z.NEVER;
    }
    return checked.value;
  });

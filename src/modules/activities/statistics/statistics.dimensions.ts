import type { ActivityKind } from '../activities.schema.ts';

/** Duration bands of the statistics, from the durations offered on the form (15, 30, 45, 60, 90, 120 min or other). */
export const durationBands = ['under_30', 'from_30_to_59', 'from_60_to_119', 'from_120'] as const;
export type DurationBand = (typeof durationBands)[number];

export const durationBandLabels = {
  under_30: 'Moins de 30 minutes',
  from_30_to_59: '30 à 59 minutes',
  from_60_to_119: '1 heure à moins de 2 heures',
  from_120: '2 heures et plus',
} as const satisfies Record<DurationBand, string>;

/**
 * The band of a duration; the SQL twin is in drizzle/0017_statistics-aggregates.sql.
 * @example durationBand(45) // 'from_30_to_59'
 */
export function durationBand(minutes: number): DurationBand {
  if (minutes < 30) return 'under_30';
  if (minutes < 60) return 'from_30_to_59';
  if (minutes < 120) return 'from_60_to_119';
  return 'from_120';
}

/** The dimensions the aggregates hold, each a column of the statistics page and a sheet of the export. */
export const dimensions = [
  'total',
  'people',
  'theme',
  'sub_theme',
  'material',
  'channel',
  'duration',
  'commune',
  'procedure_outcome',
  'autonomy',
  'orientation',
  'age_band',
  'gender',
  'status',
  /** Derived when reading: the total split by kind of record. */
  'kind',
] as const;
export type Dimension = (typeof dimensions)[number];

/** One aggregate row: what a set of records counts for one value of one dimension. */
export type StatRow = { dimension: Dimension; value: string; records: number; accompaniments: number };

/** URL codes of the record kinds, as in the /activites filters. */
export const kindSlugs = { individual: 'individuel', workshop: 'atelier' } as const satisfies Record<ActivityKind, string>;

/** Counts from 1 to 4 are shown as "< 5" where a person could be recognised. */
export const smallCountThreshold = 5;

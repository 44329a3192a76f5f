import type { ActivityKind, ParticipantBreakdown } from '../activities.schema.ts';
import { durationBand, type Dimension, type StatRow } from './statistics.dimensions.ts';

/** The fields of a record the statistics read. */
export type CountedRecord = {
  kind: ActivityKind;
  date: string;
  helperUserId: string;
  procedureId: string | null;
  procedureOutcome: string | null;
  beneficiaryId: string | null;
  durationMinutes: number;
  channel: string;
  themes: readonly string[];
  administrativeSubThemes: readonly string[];
  materials: readonly string[];
  communeCode: string | null;
  autonomy: string | null;
  oriented: boolean;
  orientationDestination: string | null;
  ageBand: string;
  gender: string;
  status: string;
  anonymousParticipants: number;
  participantBreakdown: ParticipantBreakdown | null;
  participantCount: number;
};

const traitFields = [
  ['age_band', 'ageBand'],
  ['gender', 'gender'],
  ['status', 'status'],
] as const;

/**
 * What one record counts for, dimension by dimension: the TypeScript statement of the rules that the SQL function
 * `activity_stat_rows` applies on write. Tests recount the raw records with it and compare with the aggregates.
 * @example contributions(record).find((r) => r.dimension === 'total') // { value: '', records: 1, accompaniments: 10 }
 */
export function contributions(a: CountedRecord): StatRow[] {
  const sums = new Map<string, StatRow>();
  const add = (dimension: Dimension, value: string, n: number) => {
    const key = `${dimension}\u0000${value}`;
    const row = sums.get(key) ?? { dimension, value, records: 1, accompaniments: 0 };
    row.accompaniments += n;
    sums.set(key, row);
  };
  const pc = a.participantCount;
  const individual = a.kind === 'individual';
  add('total', '', pc);
  add('people', 'anonymous', individual ? (a.beneficiaryId === null ? 1 : 0) : a.anonymousParticipants);
  add('people', 'followed', individual ? (a.beneficiaryId === null ? 0 : 1) : pc - a.anonymousParticipants);
  for (const t of new Set(a.themes)) add('theme', t, pc);
  for (const t of new Set(a.administrativeSubThemes)) add('sub_theme', t, pc);
  for (const m of new Set(a.materials)) add('material', m, pc);
  add('channel', a.channel, pc);
  add('duration', durationBand(a.durationMinutes), pc);
  add('commune', a.communeCode ?? 'unknown', pc);
  if (a.procedureId !== null) add('procedure_outcome', `${a.procedureId}:${a.procedureOutcome ?? 'unknown'}`, pc);
  if (individual) {
    if (a.autonomy !== null) add('autonomy', a.autonomy, 1);
    add('orientation', a.oriented ? (a.orientationDestination ?? 'unspecified') : 'none', 1);
    add('age_band', a.ageBand, 1);
    add('gender', a.gender, 1);
    add('status', a.status, 1);
  } else {
    for (const [dimension, field] of traitFields) {
      const breakdown: Partial<Record<string, number>> = a.participantBreakdown?.[field] ?? {};
      let rest = pc;
      for (const [value, n] of Object.entries(breakdown)) {
        if (value === 'not_communicated' || n === undefined) continue;
        add(dimension, value, n);
        rest -= n;
      }
      add(dimension, 'not_communicated', rest);
    }
  }
  return [...sums.values()].filter((r) => r.accompaniments > 0);
}

/** The first day of a record's month. @example monthOf('2026-03-17') // '2026-03-01' */
export function monthOf(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

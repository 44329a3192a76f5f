import { formatNumber } from '../../../platform/format.ts';
import { communeByCode } from '../../../territory/index.ts';
import { targetKindLabels } from '../workshops.labels.ts';
import type { ProgrammeTarget } from '../workshops.queries.ts';
import { monthLabel } from '../workshops.time.ts';
import { achievedFor, progressPercent, type Measures, type ProgrammeResults } from './reporting.results.ts';
import { hiddenSmall, type ResultRow, type TargetRow } from './views/results.tsx';

const communeName = (code: string) => communeByCode(code)?.name ?? code;
const monthShort = new Intl.DateTimeFormat('fr-FR', { month: 'short', timeZone: 'UTC' });

export function targetLabel(t: ProgrammeTarget): string {
  return t.kind === 'custom' ? (t.label ?? '') : (t.label ?? targetKindLabels[t.kind]);
}

/** A measured value as shown: a percentage, a count, "moins de 5" when hidden, "non mesuré" for custom targets. */
export function achievedText(t: ProgrammeTarget, totals: Measures): string {
  const achieved = achievedFor(t.kind, totals);
  if (achieved === null) {
    if (t.kind === 'people_with_disability_reached') return hiddenSmall;
    if (t.kind === 'satisfaction_percent') return 'pas encore d’avis';
    return 'non mesuré';
  }
  return t.kind === 'satisfaction_percent' ? `${achieved} %` : formatNumber(achieved);
}

export function targetRows(targets: ProgrammeTarget[], totals: Measures): TargetRow[] {
  return targets.map((t) => {
    const progress = progressPercent(achievedFor(t.kind, totals), t.targetValue);
    return { label: targetLabel(t), target: t.kind === 'satisfaction_percent' ? `${t.targetValue} %` : formatNumber(t.targetValue), achieved: achievedText(t, totals), progress: progress === null ? '—' : `${progress} %` };
  });
}

function row(label: string, m: Measures, shortLabel?: string): ResultRow {
  return {
    label,
    shortLabel,
    planned: m.planned,
    held: m.held,
    reached: m.reached,
    withDisability: m.withDisability === null ? hiddenSmall : formatNumber(m.withDisability),
    withDisabilityValue: m.withDisability ?? 0,
    satisfaction: m.satisfaction === null ? '—' : `${m.satisfaction} %`,
  };
}

export function communeRows(results: ProgrammeResults): ResultRow[] {
  return results.byCommune.map((c) => row(communeName(c.communeCode), c)).sort((a, b) => a.label.localeCompare(b.label, 'fr'));
}

export function monthRows(results: ProgrammeResults): ResultRow[] {
  return results.byMonth.map((m) => row(monthLabel(m.month), m, `${monthShort.format(new Date(`${m.month}-15T00:00:00Z`))} ${m.month.slice(2, 4)}`));
}

export const countingNote =
  'Un atelier est compté comme réalisé quand sa liste d’émargement est clôturée. Les personnes touchées sont les présents et les retardataires. ' +
  'Les personnes en situation de handicap sont celles qui l’ont dit à l’inscription, avec leur accord ; les nombres de 1 à 4 sont cachés. ' +
  'La satisfaction est la part des réponses « content » aux questions des participants.';

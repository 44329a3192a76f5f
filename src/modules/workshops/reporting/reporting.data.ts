import type { Executor } from '../../../db/client.ts';
import { formatDateLong, formatNumber, startOfLocalDay } from '../../../platform/format.ts';
import { communeByCode } from '../../../territory/index.ts';
import { targetsOf, type ProgrammeWithConsortium, type ProgrammeTarget } from '../workshops.queries.ts';
import { monthLabel } from '../workshops.time.ts';
import { feedbackAnswerLabels, feedbackQuestionLabels, feedbackScaleLabels } from '../feedback/feedback.labels.ts';
import { feedbackAnswers, feedbackQuestions } from '../feedback/feedback.schema.ts';
import { communeRows, countingNote, monthRows, targetRows } from './reporting.presenters.ts';
import { adjustmentsOf, programmeSessionFacts, type Adjustment } from './reporting.queries.ts';
import { computeResults, type ProgrammeResults } from './reporting.results.ts';
import type { ResultRow, TargetRow } from './views/results.tsx';

export type FunderReport = {
  programme: ProgrammeWithConsortium;
  period: { du: string; au: string; text: string };
  targets: ProgrammeTarget[];
  results: ProgrammeResults;
  targetRows: TargetRow[];
  byCommune: ResultRow[];
  byMonth: ResultRow[];
  adjustments: (Adjustment & { seriesTitle: string })[];
  note: string;
};

export const dayText = (day: string) => formatDateLong(startOfLocalDay(day));

/**
 * Everything the funder report says for a period (sessions whose local day is inside it; adjustments recorded or
 * done inside it). The page and the XLSX file are two presentations of this one object.
 */
export async function funderReport(db: Executor, programme: ProgrammeWithConsortium, du: string, au: string): Promise<FunderReport> {
  const [targets, facts, adjustments] = await Promise.all([targetsOf(db, programme.id), programmeSessionFacts(db, programme.id), adjustmentsOf(db, programme.id)]);
  const inside = facts.filter((f) => f.day >= du && f.day <= au);
  const results = computeResults(inside);
  const seriesTitles = new Map(facts.map((f) => [f.session.seriesId, f.session.series.title]));
  const adjusted = adjustments
    .filter((a) => {
      const day = a.doneOn ?? a.createdAt.toISOString().slice(0, 10);
      return day >= du && day <= au;
    })
    .map((a) => ({ ...a, seriesTitle: a.seriesId ? (seriesTitles.get(a.seriesId) ?? '') : 'Tout le programme' }));
  return {
    programme,
    period: { du, au, text: `du ${dayText(du)} au ${dayText(au)}` },
    targets,
    results,
    targetRows: targetRows(targets, results.totals),
    byCommune: communeRows(results),
    byMonth: monthRows(results),
    adjustments: adjusted,
    note: countingNote,
  };
}

/** Satisfaction per question: question, then the count of each answer, then the share of happy faces. */
export function satisfactionTable(results: ProgrammeResults): { head: string[]; rows: (string | number)[][] } {
  const f = results.totals.feedback;
  if (f.responses === 0) return { head: [], rows: [] };
  return {
    head: [...feedbackAnswers.map((a) => `${feedbackScaleLabels[a]} (${feedbackAnswerLabels.liked[a].toLowerCase()})`), 'Part « content »'],
    rows: feedbackQuestions.map((q) => {
      const counts = feedbackAnswers.map((a) => f.byQuestion[q][a]);
      const total = counts.reduce((x, y) => x + y, 0);
      return [feedbackQuestionLabels[q], ...counts, total === 0 ? '—' : `${Math.round((f.byQuestion[q].good * 100) / total)} %`];
    }),
  };
}

export const communeLabel = (code: string) => communeByCode(code)?.name ?? code;
export { formatNumber, monthLabel };

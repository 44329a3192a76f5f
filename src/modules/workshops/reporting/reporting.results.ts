import type { TargetKind } from '../workshops.schema.ts';
import { hideSmall } from '../workshops.sensitive.ts';
import { addToSummary, emptySummary, satisfactionPercent, type FeedbackSummary } from '../feedback/feedback.queries.ts';
import { feedbackAnswers, feedbackQuestions } from '../feedback/feedback.schema.ts';

/** What the results need to know about one session (built by reporting.queries.ts). */
export type SessionFacts = {
  id: string;
  communeCode: string;
  /** `YYYY-MM` of its start, in the territory's calendar. */
  month: string;
  cancelled: boolean;
  /** Its roster is closed: the workshop was held and recorded. */
  held: boolean;
  attended: number;
  withDisability: number;
  feedback: FeedbackSummary | null;
};

/** The measures of a group of sessions. People with a disability are null when between 1 and 4 (hidden). */
export type Measures = {
  planned: number;
  held: number;
  communes: number;
  reached: number;
  withDisability: number | null;
  responses: number;
  satisfaction: number | null;
  feedback: FeedbackSummary;
};

export type ProgrammeResults = {
  totals: Measures;
  byCommune: (Measures & { communeCode: string })[];
  byMonth: (Measures & { month: string })[];
};

function merge(into: FeedbackSummary, from: FeedbackSummary): void {
  into.responses += from.responses;
  into.answers += from.answers;
  into.positive += from.positive;
  for (const m of ['self', 'assisted', 'paper'] as const) into.byMode[m] += from.byMode[m];
  for (const q of feedbackQuestions) for (const a of feedbackAnswers) into.byQuestion[q][a] += from.byQuestion[q][a];
}

function measure(sessions: readonly SessionFacts[]): Measures {
  const live = sessions.filter((s) => !s.cancelled);
  const held = live.filter((s) => s.held);
  const feedback = emptySummary();
  for (const s of live) if (s.feedback) merge(feedback, s.feedback);
  return {
    planned: live.length,
    held: held.length,
    communes: new Set(held.map((s) => s.communeCode)).size,
    reached: held.reduce((n, s) => n + s.attended, 0),
    withDisability: hideSmall(held.reduce((n, s) => n + s.withDisability, 0)),
    responses: feedback.responses,
    satisfaction: satisfactionPercent(feedback),
    feedback,
  };
}

function groupBy<K extends string>(sessions: readonly SessionFacts[], key: (s: SessionFacts) => K): Map<K, SessionFacts[]> {
  const groups = new Map<K, SessionFacts[]>();
  for (const s of sessions) groups.set(key(s), [...(groups.get(key(s)) ?? []), s]);
  return groups;
}

/**
 * A programme's results from its sessions: workshops held (closed rosters), communes covered, people reached,
 * people living with a disability reached (hidden below 5, everywhere), satisfaction (share of happy-face answers),
 * in total, by commune of the session and by month. Cancelled sessions count nowhere.
 * @example computeResults([{ id, communeCode: '98814', month: '2026-03', cancelled: false, held: true, attended: 9, withDisability: 4, feedback: null }]).totals.reached // 9
 */
export function computeResults(sessions: readonly SessionFacts[]): ProgrammeResults {
  const live = sessions.filter((s) => !s.cancelled);
  return {
    totals: measure(live),
    byCommune: [...groupBy(live, (s) => s.communeCode)].map(([communeCode, group]) => ({ communeCode, ...measure(group) })),
    byMonth: [...groupBy(live, (s) => s.month)].sort(([a], [b]) => a.localeCompare(b)).map(([month, group]) => ({ month, ...measure(group) })),
  };
}

/** Sessions whose month falls in a period of local days (inclusive). */
export function inPeriod(sessions: readonly (SessionFacts & { day: string })[], from: string, to: string): (SessionFacts & { day: string })[] {
  return sessions.filter((s) => s.day >= from && s.day <= to);
}

/** The achieved value of a target kind, or null when it is hidden (small count) or not measured ('custom'). */
export function achievedFor(kind: TargetKind, totals: Measures): number | null {
  switch (kind) {
    case 'workshops_held':
      return totals.held;
    case 'communes_covered':
      return totals.communes;
    case 'people_reached':
      return totals.reached;
    case 'people_with_disability_reached':
      return totals.withDisability;
    case 'satisfaction_percent':
      return totals.satisfaction;
    case 'custom':
      return null;
  }
}

/** How far a target is reached, in whole percent (capped at 999). */
export function progressPercent(achieved: number | null, target: number): number | null {
  if (achieved === null) return null;
  if (target <= 0) return 100;
  return Math.min(999, Math.round((achieved * 100) / target));
}

export { addToSummary };

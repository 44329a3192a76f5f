import { and, asc, count, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { feedbackModes, feedbackQuestions, workshopFeedback, type FeedbackAnswer, type FeedbackMode, type FeedbackQuestion } from './feedback.schema.ts';

export type Feedback = typeof workshopFeedback.$inferSelect;

/** Counts per question and answer, per mode, and the share of positive answers. */
export type FeedbackSummary = {
  responses: number;
  byQuestion: Record<FeedbackQuestion, Record<FeedbackAnswer, number>>;
  byMode: Record<FeedbackMode, number>;
  /** Answers given (all questions together), and how many were the happy face. */
  answers: number;
  positive: number;
};

export function emptySummary(): FeedbackSummary {
  const zero = (): Record<FeedbackAnswer, number> => ({ good: 0, medium: 0, bad: 0 });
  return {
    responses: 0,
    byQuestion: { liked: zero(), learned: zero(), comfortable: zero(), come_back: zero() },
    byMode: { self: 0, assisted: 0, paper: 0 },
    answers: 0,
    positive: 0,
  };
}

/**
 * Adds one response to a summary (pure: used by every aggregate of the module).
 * @example const s = emptySummary(); addToSummary(s, { mode: 'self', answers: { liked: 'good' } })
 */
export function addToSummary(summary: FeedbackSummary, response: { mode: FeedbackMode; answers: Partial<Record<FeedbackQuestion, FeedbackAnswer>> }): FeedbackSummary {
  summary.responses += 1;
  summary.byMode[response.mode] += 1;
  for (const q of feedbackQuestions) {
    const a = response.answers[q];
    if (!a) continue;
    summary.byQuestion[q][a] += 1;
    summary.answers += 1;
    if (a === 'good') summary.positive += 1;
  }
  return summary;
}

/** Satisfaction: the share of positive answers, in whole percent; null when nobody answered. */
export function satisfactionPercent(summary: Pick<FeedbackSummary, 'answers' | 'positive'>): number | null {
  return summary.answers === 0 ? null : Math.round((summary.positive * 100) / summary.answers);
}

/** The written messages of one session, newest first, a page at a time. */
export async function commentsOfSession(db: Executor, sessionId: string, options: { page: number; perPage?: number }) {
  const perPage = options.perPage ?? 20;
  const where = and(eq(workshopFeedback.sessionId, sessionId), ne(workshopFeedback.comment, ''));
  const [total] = await db.select({ n: count() }).from(workshopFeedback).where(where);
  const n = total?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(n / perPage));
  const page = Math.min(options.page, pageCount);
  const rows = await db.select().from(workshopFeedback).where(where).orderBy(desc(workshopFeedback.createdAt), asc(workshopFeedback.id)).limit(perPage).offset((page - 1) * perPage);
  return { rows, total: n, page, pageCount };
}

/** Summaries of several sessions, by session id (sessions without feedback are absent). */
export async function feedbackSummaries(db: Executor, sessionIds: readonly string[]): Promise<Map<string, FeedbackSummary>> {
  const result = new Map<string, FeedbackSummary>();
  if (sessionIds.length === 0) return result;
  const rows = await db.select({ sessionId: workshopFeedback.sessionId, mode: workshopFeedback.mode, answers: workshopFeedback.answers }).from(workshopFeedback).where(inArray(workshopFeedback.sessionId, [...sessionIds]));
  for (const r of rows) result.set(r.sessionId, addToSummary(result.get(r.sessionId) ?? emptySummary(), r));
  return result;
}

/** Written messages of several sessions, newest first, at most `limit`. */
export async function feedbackComments(db: Executor, sessionIds: readonly string[], limit = 200): Promise<Feedback[]> {
  if (sessionIds.length === 0) return [];
  return db
    .select()
    .from(workshopFeedback)
    .where(and(inArray(workshopFeedback.sessionId, [...sessionIds]), ne(workshopFeedback.comment, '')))
    .orderBy(desc(workshopFeedback.createdAt), asc(workshopFeedback.id))
    .limit(limit);
}

export async function findFeedback(db: Executor, ids: readonly string[]): Promise<Feedback[]> {
  if (ids.length === 0) return [];
  return db.select().from(workshopFeedback).where(inArray(workshopFeedback.id, [...ids]));
}

export { feedbackModes };

import type { Executor } from '../../../db/client.ts';
import { authorize, type Actor } from '../../../platform/authz/index.ts';
import { newId } from '../../../platform/ids.ts';
import { fail, ok, type Result } from '../../../platform/result.ts';
import { sessionSubject, type SessionView } from '../workshops.queries.ts';
import type { FeedbackFields } from './feedback.forms.ts';
import { workshopFeedback, type FeedbackMode } from './feedback.schema.ts';
import './feedback.policy.ts';

/** How long after a session its feedback link stays open. */
export const feedbackOpenDays = 60;

export type FeedbackWindow = 'open' | 'not_yet' | 'closed' | 'cancelled';

/** Feedback opens when the session starts (people answer at the end of it) and closes 60 days after it ends. */
export function feedbackWindow(session: Pick<SessionView, 'startsAt' | 'endsAt' | 'status'>, now = new Date()): FeedbackWindow {
  if (session.status === 'cancelled') return 'cancelled';
  if (session.startsAt > now) return 'not_yet';
  if (now.getTime() > session.endsAt.getTime() + feedbackOpenDays * 24 * 3600_000) return 'closed';
  return 'open';
}

/**
 * Stores one participant's feedback. `self` answers come from the public link (no actor needed); `assisted` ones
 * from a signed-in helper filling it with the person, `paper` ones typed from a paper form: both record who did it.
 * Paper answers may be typed after the link has closed.
 * @example await submitFeedback(tx, null, session, 'self', { answers: { liked: 'good' }, comment: '' })
 */
export async function submitFeedback(
  tx: Executor,
  actor: Actor | null,
  session: SessionView,
  mode: FeedbackMode,
  fields: FeedbackFields,
  context: { now?: Date } = {},
): Promise<Result<{ id: string }, Exclude<FeedbackWindow, 'open'>>> {
  if (mode === 'assisted') authorize(actor, 'workshop.feedback.assist', sessionSubject(session));
  if (mode === 'paper') authorize(actor, 'workshop.feedback.enter', sessionSubject(session));
  const now = context.now ?? new Date();
  const window = feedbackWindow(session, now);
  if (window !== 'open' && !(mode === 'paper' && window === 'closed')) return fail(window);
  const id = newId();
  await tx.insert(workshopFeedback).values({
    id,
    sessionId: session.id,
    mode,
    answers: fields.answers,
    comment: fields.comment,
    enteredByUserId: mode !== 'self' && actor?.kind === 'person' ? actor.userId : null,
    createdAt: now,
  });
  return ok({ id });
}

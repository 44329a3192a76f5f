import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../accounts/accounts.schema.ts';
import { workshopSessions } from '../workshops.schema.ts';

// Participants' feedback after a session, in easy-to-read French (FALC): a few short questions, each answered on a
// three-point pictogram scale. Codes here, French wording in feedback.labels.ts.

/** The questions, in the order they are asked. */
export const feedbackQuestions = ['liked', 'learned', 'comfortable', 'come_back'] as const;
export type FeedbackQuestion = (typeof feedbackQuestions)[number];

/** The three-point scale, from the happy face to the sad one. 'good' answers count as satisfied. */
export const feedbackAnswers = ['good', 'medium', 'bad'] as const;
export type FeedbackAnswer = (typeof feedbackAnswers)[number];

/** How the answer reached us: the person alone (public link), with a signed-in helper, or typed from paper. */
export const feedbackModes = ['self', 'assisted', 'paper'] as const;
export type FeedbackMode = (typeof feedbackModes)[number];
export const feedbackModeEnum = pgEnum('workshop_feedback_mode', feedbackModes);

export type FeedbackAnswers = Partial<Record<FeedbackQuestion, FeedbackAnswer>>;

/**
 * One participant's feedback on one session. Anonymous: no name, no contact. When a helper filled it with the person
 * or typed it from paper, enteredByUserId says who (never the participant).
 */
export const workshopFeedback = pgTable(
  'workshop_feedback',
  {
    id: uuid('id').primaryKey(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => workshopSessions.id),
    mode: feedbackModeEnum('mode').notNull(),
    answers: jsonb('answers').$type<FeedbackAnswers>().notNull(),
    comment: text('comment').notNull().default(''),
    enteredByUserId: uuid('entered_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('workshop_feedback_session_idx').on(t.sessionId, t.createdAt),
    check('workshop_feedback_entered_by', sql`${t.mode} = 'self' or ${t.enteredByUserId} is not null`),
  ],
);

import { z } from 'zod';
import { feedbackAnswers, feedbackQuestions, type FeedbackAnswers, type FeedbackQuestion } from './feedback.schema.ts';

const answer = z
  .string()
  .optional()
  .transform((v) => (v === '' ? undefined : v))
  .pipe(z.enum(feedbackAnswers, { error: 'Choisissez une des trois réponses' }).optional());

/**
 * One participant's answers: every question may be skipped (nobody is forced to answer), but an empty form is
 * refused. Field names are the question codes; the comment is free text.
 */
export const feedbackFields = z
  .object({
    ...({ liked: answer, learned: answer, comfortable: answer, come_back: answer } satisfies Record<FeedbackQuestion, typeof answer>),
    comment: z.string().trim().max(1000, 'Votre message doit faire 1 000 caractères au plus').default(''),
  })
  .transform((v) => {
    const answers: FeedbackAnswers = {};
    for (const q of feedbackQuestions) {
      const a = v[q];
      if (a) answers[q] = a;
    }
    return { answers, comment: v.comment };
  })
  .superRefine((v, ctx) => {
    if (Object.keys(v.answers).length === 0 && v.comment === '') ctx.addIssue({ code: 'custom', path: [feedbackQuestions[0]], message: 'Répondez à au moins une question, ou écrivez un message' });
  });
export type FeedbackFields = z.output<typeof feedbackFields>;
export const feedbackFieldOrder = [...feedbackQuestions, 'comment'] as const;

import type { FeedbackAnswer, FeedbackMode, FeedbackQuestion } from './feedback.schema.ts';

/** The questions as participants read them: short, common words (FALC). */
export const feedbackQuestionLabels = {
  liked: 'L’atelier vous a plu ?',
  learned: 'Vous avez appris des choses ?',
  comfortable: 'Vous vous êtes senti à l’aise ?',
  come_back: 'Vous voulez revenir à un autre atelier ?',
} as const satisfies Record<FeedbackQuestion, string>;

/** Short names of the questions for coordinators' tables and the funder report. */
export const feedbackQuestionShortLabels = {
  liked: 'Atelier apprécié',
  learned: 'A appris des choses',
  comfortable: 'À l’aise',
  come_back: 'Veut revenir',
} as const satisfies Record<FeedbackQuestion, string>;

/** The words under each face, per question: they answer the question asked. */
export const feedbackAnswerLabels = {
  liked: { good: 'Oui', medium: 'Un peu', bad: 'Non' },
  learned: { good: 'Oui', medium: 'Un peu', bad: 'Non' },
  comfortable: { good: 'Oui', medium: 'Un peu', bad: 'Non' },
  come_back: { good: 'Oui', medium: 'Peut-être', bad: 'Non' },
} as const satisfies Record<FeedbackQuestion, Record<FeedbackAnswer, string>>;

/** The scale in general, as the design names the three faces. */
export const feedbackScaleLabels = { good: 'Content', medium: 'Moyen', bad: 'Pas content' } as const satisfies Record<FeedbackAnswer, string>;

export const feedbackModeLabels = {
  self: 'En ligne, seul',
  assisted: 'Avec un aidant',
  paper: 'Sur papier',
} as const satisfies Record<FeedbackMode, string>;

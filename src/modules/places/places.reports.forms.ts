import { z } from 'zod';
import { reportTopics } from './places.reports.schema.ts';

/** The honeypot: hidden from people, filled by robots. A report that fills it is dropped silently. */
export const honeypotField = 'site_web';

const asList = z.union([z.string(), z.array(z.string())]).optional().transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

/** The public "Signaler une erreur" form: messages in plain words (FALC). */
export const reportFields = z.object({
  topics: asList.pipe(z.array(z.enum(reportTopics, { error: 'Cochez ce qui n’est pas juste' })).min(1, 'Cochez ce qui n’est pas juste')),
  message: z
    .string({ error: 'Écrivez ce qui n’est pas juste' })
    .trim()
    .min(5, 'Écrivez ce qui n’est pas juste, en une phrase au moins')
    .max(2000, 'Écrivez 2 000 caractères au plus'),
  email: z
    .string()
    .trim()
    .max(254, 'Écrivez une adresse e-mail de 254 caractères au plus')
    .optional()
    .transform((v) => (v ? v.toLowerCase() : ''))
    .pipe(z.union([z.literal(''), z.email('Écrivez une adresse e-mail juste, par exemple prenom.nom@exemple.nc')]))
    .transform((v) => (v === '' ? null : v)),
});
export type ReportFields = z.output<typeof reportFields>;

/** A manager's answer to a report. */
export const answerFields = z.object({
  answer: z
    .string({ error: 'Écrivez votre réponse' })
    .trim()
    .min(2, 'Écrivez votre réponse')
    .max(4000, 'Écrivez une réponse de 4 000 caractères au plus'),
});
export type AnswerFields = z.output<typeof answerFields>;

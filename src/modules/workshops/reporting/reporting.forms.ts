import { z } from 'zod';
import { localDay } from '../../../platform/format.ts';
import { realDay } from '../workshops.forms.ts';
import { adjustmentStatuses } from './reporting.schema.ts';

const asList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((s) => s !== ''));
const optionalId = (message: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(z.uuid(message).nullable());

/** An adjustment as coordinators record it; the public wording is required once it is to be shown. */
export const adjustmentFields = z
  .object({
    change: z.string({ error: 'Écrivez ce qui change' }).trim().min(1, 'Écrivez ce qui change').max(2000, 'Le texte doit faire 2 000 caractères au plus'),
    reason: z.string({ error: 'Écrivez pourquoi' }).trim().min(1, 'Écrivez pourquoi : ce que les participants ou les formateurs ont dit').max(2000, 'Le texte doit faire 2 000 caractères au plus'),
    seriesId: optionalId('Choisissez un atelier de la liste'),
    status: z.enum(adjustmentStatuses, { error: 'Dites si l’ajustement est prévu ou fait' }),
    doneOn: z.string().trim().default(''),
    isPublic: z
      .enum(['oui', 'non'], { error: 'Dites si l’ajustement est montré sur la page publique' })
      .default('non')
      .transform((v) => v === 'oui'),
    youSaid: z.string().trim().max(500, 'Le texte doit faire 500 caractères au plus').default(''),
    weDid: z.string().trim().max(500, 'Le texte doit faire 500 caractères au plus').default(''),
    feedbackIds: asList.pipe(z.array(z.uuid('Choisissez des avis de la liste')).max(50, 'Choisissez 50 avis au plus')),
    debriefIds: asList.pipe(z.array(z.uuid('Choisissez des bilans de la liste')).max(50, 'Choisissez 50 bilans au plus')),
  })
  .superRefine((v, ctx) => {
    if (v.doneOn !== '' && !realDay(v.doneOn)) ctx.addIssue({ code: 'custom', path: ['doneOn'], message: 'Entrez la date où c’est fait, par exemple 15/03/2026' });
    else if (v.doneOn > localDay(new Date())) ctx.addIssue({ code: 'custom', path: ['doneOn'], message: 'La date où c’est fait ne peut pas être dans le futur' });
    if (v.status === 'planned' && v.doneOn !== '') ctx.addIssue({ code: 'custom', path: ['doneOn'], message: 'Un ajustement prévu n’a pas encore de date : choisissez « Fait » ou videz la date' });
    if (v.isPublic && v.youSaid === '') ctx.addIssue({ code: 'custom', path: ['youSaid'], message: 'Écrivez « Vous avez dit » en mots simples pour la page publique' });
    if (v.isPublic && v.weDid === '') ctx.addIssue({ code: 'custom', path: ['weDid'], message: 'Écrivez « Nous avons fait » en mots simples pour la page publique' });
  })
  .transform((v) => ({ ...v, doneOn: v.status === 'done' ? v.doneOn || localDay(new Date()) : null }));
export type AdjustmentFields = z.output<typeof adjustmentFields>;
export const adjustmentFieldOrder = ['change', 'reason', 'seriesId', 'status', 'doneOn', 'isPublic', 'youSaid', 'weDid', 'feedbackIds', 'debriefIds'] as const;

/** The funder report's period: two local days, the programme's period by default. */
export const periodFields = z
  .object({
    du: z.string().trim().refine(realDay, 'Entrez la date de début, par exemple 01/02/2026'),
    au: z.string().trim().refine(realDay, 'Entrez la date de fin, par exemple 31/05/2027'),
  })
  .superRefine((v, ctx) => {
    if (realDay(v.du) && realDay(v.au) && v.au < v.du) ctx.addIssue({ code: 'custom', path: ['au'], message: 'La date de fin doit être après la date de début' });
  });

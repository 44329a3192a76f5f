import { z } from 'zod';

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const realDay = (v: string) => isoDay.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

/** A criterion of the checklist, as coordinators write it. */
export const criterionFields = z.object({
  title: z.string().trim().min(1, 'Entrez le nom du critère').max(200, 'Le nom du critère doit faire 200 caractères au plus'),
  description: z.string().trim().max(2000, 'La description doit faire 2 000 caractères au plus').default(''),
  position: z.coerce
    .number({ error: 'Entrez un numéro d’ordre, par exemple 10' })
    .int('Entrez un numéro d’ordre entier, par exemple 10')
    .min(0, 'Entrez un numéro d’ordre entre 0 et 1 000')
    .max(1000, 'Entrez un numéro d’ordre entre 0 et 1 000'),
  active: z.enum(['oui', 'non'], { error: 'Dites si le critère est en vigueur' }).transform((v) => v === 'oui'),
});
export type CriterionFields = z.output<typeof criterionFields>;
export const criterionFieldOrder = ['title', 'description', 'position', 'active'] as const;

/** The applicant's text for one criterion (the file, if any, is read apart). */
export const evidenceFields = z.object({
  text: z.string().trim().max(5000, 'Le texte doit faire 5 000 caractères au plus').default(''),
});

export const commentFields = z.object({
  body: z.string().trim().min(1, 'Écrivez votre commentaire').max(5000, 'Le commentaire doit faire 5 000 caractères au plus'),
});

/** The reviewer's decision: ask for changes (what is missing), grant (dates), or refuse (reasons). */
export const decisionFields = z
  .object({
    decision: z.enum(['a_completer', 'accordee', 'refusee'], { error: 'Choisissez une décision' }),
    message: z.string().trim().max(5000, 'Le message doit faire 5 000 caractères au plus').default(''),
    grantedOn: z.string().trim().default(''),
    expiresOn: z.string().trim().default(''),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'a_completer' && v.message === '') ctx.addIssue({ code: 'custom', path: ['message'], message: 'Écrivez ce que le lieu doit compléter' });
    if (v.decision === 'refusee' && v.message === '') ctx.addIssue({ code: 'custom', path: ['message'], message: 'Écrivez les motifs du refus : ils sont obligatoires' });
    if (v.decision === 'accordee') {
      if (!realDay(v.grantedOn)) ctx.addIssue({ code: 'custom', path: ['grantedOn'], message: 'Entrez la date de début du label, par exemple 03/03/2026' });
      if (!realDay(v.expiresOn)) ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: 'Entrez la date de fin du label, par exemple 02/03/2028' });
      else if (realDay(v.grantedOn) && v.expiresOn <= v.grantedOn) ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: 'La date de fin du label doit être après sa date de début' });
    }
  });
export type DecisionFields = z.output<typeof decisionFields>;
export const decisionFieldOrder = ['decision', 'message', 'grantedOn', 'expiresOn'] as const;

/**
 * The default end of a label: two years after it starts, the day before the anniversary (last day of validity).
 * @example defaultExpiry('2026-03-03') // '2028-03-02'
 */
export function defaultExpiry(grantedOn: string, years = 2): string {
  const d = new Date(`${grantedOn}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** A local day moved by a number of days. @example addDays('2026-03-03', -90) // '2025-12-03' */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

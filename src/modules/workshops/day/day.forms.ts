import { z } from 'zod';
import { communeByCode } from '../../../territory/index.ts';
import { ageBands, genders, personStatuses } from '../../beneficiaries/beneficiaries.schema.ts';
import type { FormInput } from '../../../platform/http/forms.ts';
import { accessibilityOptions } from '../workshops.schema.ts';
import { attendanceStatuses } from './day.schema.ts';

const asList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((s) => s !== ''));

/** A walk-in: someone who came without registering. Access needs are optional. */
export const walkInFields = z.object({
  name: z.string({ error: 'Entrez le nom de la personne' }).trim().min(1, 'Entrez le nom de la personne').max(200, 'Le nom doit faire 200 caractères au plus'),
  communeCode: z
    .string({ error: 'Choisissez la commune où vit la personne' })
    .trim()
    .refine((v) => communeByCode(v) !== undefined, 'Choisissez la commune où vit la personne'),
  status: z.enum(attendanceStatuses, { error: 'Dites si la personne est présente ou en retard' }),
  accessNeeds: asList.pipe(z.array(z.enum(accessibilityOptions, { error: 'Choisissez des besoins de la liste' }))),
  accessNeedsText: z
    .string()
    .trim()
    .max(500, 'La précision doit faire 500 caractères au plus')
    .optional()
    .transform((v) => (v ? v : null)),
});
export type WalkInFields = z.output<typeof walkInFields>;
export const walkInFieldOrder = ['name', 'communeCode', 'status', 'accessNeeds', 'accessNeedsText'] as const;

/** The name of the radio group of one roster line. */
export const markField = (lineKey: string) => `statut-${lineKey}`;

/**
 * The marks of the roster form: one radio group per line (`statut-<line>`), each present, late or absent, or left
 * empty. Unknown lines are ignored by the command; an unknown value is an error on that line.
 */
export function readMarks(input: FormInput, lineKeys: readonly string[]): { ok: true; marks: Map<string, (typeof attendanceStatuses)[number]> } | { ok: false; errors: Record<string, string> } {
  const marks = new Map<string, (typeof attendanceStatuses)[number]>();
  const errors: Record<string, string> = {};
  for (const key of lineKeys) {
    const raw = input[markField(key)];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value === '') continue;
    const status = attendanceStatuses.find((s) => s === value);
    if (status) marks.set(key, status);
    else errors[markField(key)] = 'Choisissez présent, en retard ou absent';
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, marks };
}

const count = z.coerce
  .number({ error: 'Entrez un nombre, ou laissez vide' })
  .int('Entrez un nombre entier')
  .min(0, 'Entrez un nombre positif')
  .max(500, 'Entrez un nombre de 500 au plus');
const optionalCount = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v), count.optional());

/** Field names of the optional counts given at closing: `genre-female`, `age-from_25_to_39`, `situation-retired`… */
export const breakdownFieldNames = {
  gender: (v: string) => `genre-${v}`,
  ageBand: (v: string) => `age-${v}`,
  status: (v: string) => `situation-${v}`,
} as const;

/** Closing the roster: optional counts of attendees by gender, age band and situation (the national tool's). */
export const closeFields = z.object({
  ...Object.fromEntries(genders.map((g) => [breakdownFieldNames.gender(g), optionalCount])),
  ...Object.fromEntries(ageBands.map((a) => [breakdownFieldNames.ageBand(a), optionalCount])),
  ...Object.fromEntries(personStatuses.map((s) => [breakdownFieldNames.status(s), optionalCount])),
});

/** The trainer's debrief. */
export const debriefFields = z
  .object({
    whatWorked: z.string().trim().max(4000, 'Le texte doit faire 4 000 caractères au plus').default(''),
    difficulties: z.string().trim().max(4000, 'Le texte doit faire 4 000 caractères au plus').default(''),
    adaptations: z.string().trim().max(4000, 'Le texte doit faire 4 000 caractères au plus').default(''),
    adaptationNeeds: asList.pipe(z.array(z.enum(accessibilityOptions, { error: 'Choisissez des besoins de la liste' }))),
  })
  .superRefine((v, ctx) => {
    if (v.whatWorked === '' && v.difficulties === '' && v.adaptations === '') ctx.addIssue({ code: 'custom', path: ['whatWorked'], message: 'Écrivez au moins ce qui a marché, les difficultés ou les adaptations à prévoir' });
    if (v.adaptationNeeds.length > 0 && v.adaptations === '') ctx.addIssue({ code: 'custom', path: ['adaptations'], message: 'Décrivez les adaptations à prévoir pour les besoins cochés' });
  });
export type DebriefFields = z.output<typeof debriefFields>;
export const debriefFieldOrder = ['whatWorked', 'difficulties', 'adaptations', 'adaptationNeeds'] as const;

import { z } from 'zod';
import { localDay } from '../../platform/format.ts';
import { optionalPhoneField } from '../../platform/phone.ts';
import { communeByCode } from '../../territory/index.ts';
import { consentMethods, genders, mandateCategories, mandateDurations, personStatuses } from './beneficiaries.schema.ts';
import { isFollowConsentVersion } from './beneficiaries.consent.ts';

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const realDay = (v: string) => isoDay.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

/** The current year in the territory's calendar. */
export function currentYear(now = new Date()): number {
  return Number(localDay(now).slice(0, 4));
}

const birthYearField = z
  .string()
  .trim()
  .transform((value, ctx) => {
    if (!/^\d{4}$/.test(value)) {
      ctx.addIssue({ code: 'custom', message: value === '' ? 'Entrez l’année de naissance, par exemple 1968' : 'Entrez l’année de naissance en 4 chiffres, par exemple 1968' });
      return z.NEVER;
    }
    const year = Number(value);
    if (year > currentYear()) {
      ctx.addIssue({ code: 'custom', message: 'L’année de naissance ne peut pas être dans le futur' });
      return z.NEVER;
    }
    if (year < currentYear() - 120) {
      ctx.addIssue({ code: 'custom', message: `Entrez une année de naissance après ${currentYear() - 121}` });
      return z.NEVER;
    }
    return year;
  });

const personFields = {
  firstName: z.string().trim().min(1, 'Entrez le prénom').max(100, 'Le prénom doit faire 100 caractères au plus'),
  lastName: z.string().trim().min(1, 'Entrez le nom').max(100, 'Le nom doit faire 100 caractères au plus'),
  phone: optionalPhoneField.default(''),
  noPhone: z.enum(['oui', '']).default('').transform((v) => v === 'oui'),
  birthYear: birthYearField,
  communeCode: z
    .string()
    .trim()
    .refine((v) => communeByCode(v) !== undefined, 'Choisissez la commune où vit la personne'),
  gender: z.enum(genders, { error: 'Choisissez une réponse dans la liste' }).default('not_communicated'),
  status: z.enum(personStatuses, { error: 'Choisissez une réponse dans la liste' }).default('not_communicated'),
};

function phoneOrNone(v: { phone: string | null; noPhone: boolean }, ctx: z.RefinementCtx) {
  if (v.phone === null && !v.noPhone) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Entrez le numéro de téléphone, ou cochez « La personne n’a pas de téléphone »' });
  if (v.phone !== null && v.noPhone) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Entrez un numéro ou cochez « pas de téléphone », pas les deux' });
}

/** The minimal file of a followed person, as corrected later. */
export const beneficiaryFields = z.object(personFields).superRefine(phoneOrNone);
export type BeneficiaryFields = z.output<typeof beneficiaryFields>;

/** Creating a file: the same fields, the person's consent, and (when the helper has several) the structure. */
export const newBeneficiaryFields = z
  .object({
    ...personFields,
    organisationId: z.string().trim().default(''),
    consent: z.literal('oui', { error: 'Cochez la case si la personne est d’accord. Sans son accord, enregistrez l’aide sans la nommer : elle reste anonyme.' }),
    consentVersion: z.string().refine(isFollowConsentVersion, 'Le texte de consentement a changé : relisez-le à la personne et cochez de nouveau la case'),
    /** Ticked after the duplicate warning: "this is someone else, create the file anyway". */
    notDuplicate: z.enum(['oui', '']).default('').transform((v) => v === 'oui'),
  })
  .superRefine(phoneOrNone);
export type NewBeneficiaryFields = z.output<typeof newBeneficiaryFields>;

export const beneficiaryFieldOrder = ['organisationId', 'firstName', 'lastName', 'phone', 'noPhone', 'birthYear', 'communeCode', 'gender', 'status', 'consent', 'doublon'] as const;

/** The merge screen: for each field, take the value of file A or of file B. */
export const mergeableFields = ['firstName', 'lastName', 'phone', 'birthYear', 'communeCode', 'gender', 'status'] as const;
export type MergeableField = (typeof mergeableFields)[number];
export const mergeFields = z.object({
  keep: z.string().uuid('Choisissez la fiche à garder'),
  remove: z.string().uuid('Choisissez la fiche à retirer'),
  firstName: z.enum(['keep', 'remove'], { error: 'Choisissez le prénom à garder' }),
  lastName: z.enum(['keep', 'remove'], { error: 'Choisissez le nom à garder' }),
  phone: z.enum(['keep', 'remove'], { error: 'Choisissez le téléphone à garder' }),
  birthYear: z.enum(['keep', 'remove'], { error: 'Choisissez l’année de naissance à garder' }),
  communeCode: z.enum(['keep', 'remove'], { error: 'Choisissez la commune à garder' }),
  gender: z.enum(['keep', 'remove'], { error: 'Choisissez le genre à garder' }),
  status: z.enum(['keep', 'remove'], { error: 'Choisissez la situation à garder' }),
});
export type MergeFields = z.output<typeof mergeFields>;

/** "These are two different people" on the duplicates page. */
export const dismissFields = z.object({ first: z.string().uuid('Fiche inconnue'), second: z.string().uuid('Fiche inconnue') });

/** A new mandate. The signed paper, when that is the method, is read apart (multipart). */
export const mandateFields = z.object({
  categories: z
    .union([z.string(), z.array(z.string())])
    .default([])
    .transform((v) => (Array.isArray(v) ? v : [v]).filter((x) => x !== ''))
    .pipe(z.array(z.enum(mandateCategories, { error: 'Choisissez des catégories dans la liste' })).min(1, 'Cochez au moins une catégorie de démarches')),
  duration: z.enum(mandateDurations, { error: 'Choisissez la durée du mandat' }),
  consentMethod: z.enum(consentMethods, { error: 'Choisissez comment la personne donne son accord' }),
  /** In person: the helper confirms that the person agreed after hearing the text. */
  agreed: z.enum(['oui', '']).default('').transform((v) => v === 'oui'),
});
export type MandateFields = z.output<typeof mandateFields>;
export const mandateFieldOrder = ['categories', 'duration', 'consentMethod', 'agreed', 'fichier'] as const;

/** The person's answer to the SMS, as the helper records it. */
export const consentAnswerFields = z.object({ answer: z.enum(['oui', 'non'], { error: 'Choisissez la réponse de la personne' }) });

/** Revoking: the whole mandate, or some categories. */
export const revokeFields = z
  .object({
    scope: z.enum(['tout', 'categories'], { error: 'Choisissez ce que la personne retire' }),
    categories: z
      .union([z.string(), z.array(z.string())])
      .default([])
      .transform((v) => (Array.isArray(v) ? v : [v]).filter((x) => x !== ''))
      .pipe(z.array(z.enum(mandateCategories, { error: 'Choisissez des catégories dans la liste' }))),
  })
  .superRefine((v, ctx) => {
    if (v.scope === 'categories' && v.categories.length === 0) ctx.addIssue({ code: 'custom', path: ['categories'], message: 'Cochez au moins une catégorie à retirer' });
  });

/** One use of a mandate: category, what was done, when (today or before). */
export const mandateUseFields = z.object({
  category: z.enum(mandateCategories, { error: 'Choisissez la catégorie de la démarche' }),
  procedure: z.string().trim().min(1, 'Écrivez la démarche faite, par exemple « déclaration de ressources CAFAT »').max(200, 'La démarche doit faire 200 caractères au plus'),
  usedOn: z
    .string()
    .trim()
    .refine(realDay, 'Entrez la date au format jj/mm/aaaa, par exemple 03/03/2026')
    .refine((v) => !realDay(v) || v <= localDay(new Date()), 'La date ne peut pas être dans le futur'),
});
export type MandateUseFields = z.output<typeof mandateUseFields>;

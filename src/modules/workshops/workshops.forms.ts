import { z } from 'zod';
import { toE164, phoneMessage } from '../../platform/phone.ts';
import { communeByCode } from '../../territory/index.ts';
import { themes, workshopLevels } from '../activities/activities.schema.ts';
import { pixCodes } from './workshops.labels.ts';
import { accessibilityOptions, disabilityAnswers, pictograms, targetKinds } from './workshops.schema.ts';

/** The honeypot of the public registration form: hidden from people, filled by robots. */
export const honeypotField = 'site_web';

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
export const realDay = (v: string) => isoDay.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
const time = /^([01]?\d|2[0-3])[:hH]([0-5]\d)$/;

/** Minutes after midnight of `8:30`, `08h30` or `14H00`; null when it is not a time. */
export function minutesOf(value: string): number | null {
  const m = time.exec(value.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

const asList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((s) => s !== ''));
const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((v) => (v ? v : null));
const communeField = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .refine((v) => communeByCode(v) !== undefined, message);

export const programmeFields = z
  .object({
    name: z.string({ error: 'Entrez le nom du programme' }).trim().min(2, 'Entrez le nom du programme').max(200, 'Le nom doit faire 200 caractères au plus'),
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .max(60, 'L’adresse doit faire 60 caractères au plus')
      .optional()
      .transform((v) => v ?? '')
      .refine((v) => v === '' || /^[a-z0-9]+(-[a-z0-9]+)*$/.test(v), 'L’adresse ne peut contenir que des lettres sans accent, des chiffres et des tirets, par exemple nume-rai'),
    description: z.string().trim().max(4000, 'La présentation doit faire 4 000 caractères au plus').default(''),
    funders: z
      .string()
      .max(4000, 'La liste des financeurs doit faire 4 000 caractères au plus')
      .default('')
      .transform((v) => v.split('\n').map((s) => s.trim()).filter(Boolean)),
    startsOn: z.string({ error: 'Entrez la date de début' }).trim().refine(realDay, 'Entrez la date de début, par exemple 01/02/2026'),
    endsOn: z.string({ error: 'Entrez la date de fin' }).trim().refine(realDay, 'Entrez la date de fin, par exemple 31/05/2027'),
    consortium: asList.pipe(z.array(z.uuid('Choisissez des organisations de la liste')).min(1, 'Cochez au moins une organisation du consortium')),
  })
  .superRefine((v, ctx) => {
    if (realDay(v.startsOn) && realDay(v.endsOn) && v.endsOn < v.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'La date de fin doit être après la date de début' });
  });
export type ProgrammeFields = z.output<typeof programmeFields>;
export const programmeFieldOrder = ['name', 'slug', 'description', 'funders', 'startsOn', 'endsOn', 'consortium'] as const;

export const targetFields = z
  .object({
    kind: z.enum(targetKinds, { error: 'Choisissez ce que l’objectif compte' }),
    label: optionalText(200, 'Le nom doit faire 200 caractères au plus'),
    targetValue: z.coerce
      .number({ error: 'Entrez la valeur visée, par exemple 500' })
      .int('Entrez un nombre entier, par exemple 500')
      .min(0, 'Entrez un nombre positif')
      .max(1_000_000, 'Entrez un nombre d’un million au plus'),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'custom' && !v.label) ctx.addIssue({ code: 'custom', path: ['label'], message: 'Entrez le nom de l’objectif' });
    if (v.kind === 'satisfaction_percent' && v.targetValue > 100) ctx.addIssue({ code: 'custom', path: ['targetValue'], message: 'Un pourcentage est entre 0 et 100' });
  });
export type TargetFields = z.output<typeof targetFields>;
export const targetFieldOrder = ['kind', 'label', 'targetValue'] as const;

export const seriesFields = z.object({
  title: z.string({ error: 'Entrez le titre de l’atelier' }).trim().min(2, 'Entrez le titre de l’atelier').max(200, 'Le titre doit faire 200 caractères au plus'),
  themes: asList.pipe(z.array(z.enum(themes, { error: 'Choisissez des thèmes de la liste' })).min(1, 'Cochez au moins un thème')),
  level: z.enum(workshopLevels, { error: 'Choisissez le niveau' }),
  pixCompetences: asList.pipe(z.array(z.string().refine((v) => pixCodes.includes(v), 'Choisissez des compétences de la liste'))),
  descriptionFalc: z
    .string({ error: 'Écrivez la description en FALC' })
    .trim()
    .min(10, 'Écrivez la description en FALC, en quelques phrases courtes')
    .max(3000, 'La description doit faire 3 000 caractères au plus'),
  pictograms: asList.pipe(z.array(z.enum(pictograms, { error: 'Choisissez des pictogrammes de la liste' }))),
});
export type SeriesFields = z.output<typeof seriesFields>;
export const seriesFieldOrder = ['title', 'themes', 'level', 'pixCompetences', 'descriptionFalc', 'pictograms'] as const;

export const sessionFields = z
  .object({
    day: z.string({ error: 'Entrez la date de l’atelier' }).trim().refine(realDay, 'Entrez la date de l’atelier, par exemple 14/03/2026'),
    startTime: z.string({ error: 'Entrez l’heure de début' }).trim().refine((v) => minutesOf(v) !== null, 'Entrez l’heure de début, par exemple 8:30'),
    endTime: z.string({ error: 'Entrez l’heure de fin' }).trim().refine((v) => minutesOf(v) !== null, 'Entrez l’heure de fin, par exemple 11:30'),
    placeId: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : null))
      .refine((v) => v === null || z.uuid().safeParse(v).success, 'Choisissez un lieu de la liste'),
    spotName: optionalText(200, 'Le nom du lieu doit faire 200 caractères au plus'),
    spotAddress: optionalText(300, 'L’adresse doit faire 300 caractères au plus'),
    communeCode: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : null))
      .refine((v) => v === null || communeByCode(v) !== undefined, 'Choisissez une commune de la liste'),
    capacity: z.coerce
      .number({ error: 'Entrez le nombre de places, par exemple 10' })
      .int('Entrez un nombre entier de places, par exemple 10')
      .min(1, 'Entrez au moins 1 place')
      .max(500, 'Entrez 500 places au plus'),
    trainers: asList.pipe(z.array(z.uuid('Choisissez des formateurs de la liste'))),
    accessibility: asList.pipe(z.array(z.enum(accessibilityOptions, { error: 'Choisissez dans la liste' }))),
    accessibilityOther: optionalText(300, 'Le texte doit faire 300 caractères au plus'),
  })
  .superRefine((v, ctx) => {
    const start = minutesOf(v.startTime);
    const end = minutesOf(v.endTime);
    if (start !== null && end !== null && end <= start) ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'L’heure de fin doit être après l’heure de début' });
    if (!v.placeId && !v.spotName) ctx.addIssue({ code: 'custom', path: ['placeId'], message: 'Choisissez un lieu de l’annuaire, ou écrivez le nom d’un autre lieu' });
    if (!v.placeId && v.spotName && !v.communeCode) ctx.addIssue({ code: 'custom', path: ['communeCode'], message: 'Choisissez la commune du lieu' });
    if (v.accessibility.includes('other') && !v.accessibilityOther) ctx.addIssue({ code: 'custom', path: ['accessibilityOther'], message: 'Écrivez quelle autre aide l’atelier propose' });
  });
export type SessionFields = z.output<typeof sessionFields>;
export const sessionFieldOrder = ['day', 'startTime', 'endTime', 'placeId', 'spotName', 'spotAddress', 'communeCode', 'capacity', 'trainers', 'accessibility', 'accessibilityOther'] as const;

export const cancelSessionFields = z.object({
  reason: z.string({ error: 'Écrivez pourquoi l’atelier est annulé' }).trim().min(3, 'Écrivez pourquoi l’atelier est annulé').max(500, 'Le texte doit faire 500 caractères au plus'),
});

/**
 * The public registration form, in plain words (FALC). A phone or an e-mail is needed to send the confirmation.
 * The disability answer is kept only with the consent box ticked (the command drops it otherwise).
 */
export const registrationFields = z
  .object({
    name: z.string({ error: 'Écrivez votre nom' }).trim().min(2, 'Écrivez votre nom et votre prénom').max(200, 'Votre nom doit faire 200 caractères au plus'),
    phone: z
      .string()
      .trim()
      .optional()
      .transform((value, ctx) => {
        if (!value) return null;
        const e164 = toE164(value);
        if (!e164) {
          ctx.addIssue({ code: 'custom', message: phoneMessage });
          return z.NEVER;
        }
        return e164;
      }),
    email: z
      .string()
      .trim()
      .max(254, 'Écrivez une adresse e-mail de 254 caractères au plus')
      .optional()
      .transform((v) => (v ? v.toLowerCase() : ''))
      .pipe(z.union([z.literal(''), z.email('Écrivez une adresse e-mail juste, par exemple prenom.nom@exemple.nc')]))
      .transform((v) => (v === '' ? null : v)),
    communeCode: communeField('Choisissez votre commune'),
    companion: z
      .string()
      .optional()
      .transform((v) => v === 'oui'),
    accessNeeds: asList.pipe(z.array(z.enum(accessibilityOptions, { error: 'Choisissez dans la liste' }))),
    accessNeedsText: optionalText(1000, 'Écrivez 1 000 caractères au plus'),
    disability: z
      .string()
      .optional()
      .transform((v) => (v ? v : null))
      .pipe(z.enum(disabilityAnswers, { error: 'Choisissez une réponse de la liste' }).nullable()),
    disabilityConsent: z
      .string()
      .optional()
      .transform((v) => v === 'oui'),
  })
  .superRefine((v, ctx) => {
    if (!v.phone && !v.email) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Écrivez votre numéro de téléphone ou votre adresse e-mail, pour recevoir la confirmation' });
  });
export type RegistrationFields = z.output<typeof registrationFields>;
export const registrationFieldOrder = ['name', 'phone', 'email', 'communeCode', 'companion', 'accessNeeds', 'accessNeedsText', 'disability', 'disabilityConsent'] as const;

/** The agenda's filters, from the address (shareable). */
export const agendaFilters = z.object({
  commune: z
    .string()
    .optional()
    .transform((v) => (v && communeByCode(v) ? v : null)),
  mois: z
    .string()
    .optional()
    .transform((v) => (v && /^\d{4}-(0[1-9]|1[0-2])$/.test(v) ? v : null)),
  theme: z
    .string()
    .optional()
    .transform((v) => themes.find((t) => t === v) ?? null),
  accessibilite: asList.transform((list) => accessibilityOptions.filter((a) => list.includes(a))),
  programme: z
    .string()
    .optional()
    .transform((v) => (v && /^[a-z0-9-]{1,60}$/.test(v) ? v : null)),
});
export type AgendaFilters = z.output<typeof agendaFilters>;

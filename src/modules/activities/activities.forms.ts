import { z } from 'zod';
import { localDay } from '../../platform/format.ts';
import { communeByCode } from '../../territory/index.ts';
import { ageBands, genders, personStatuses } from '../beneficiaries/beneficiaries.schema.ts';
import {
  activityKinds,
  administrativeSubThemes,
  autonomyLevels,
  channels,
  materials,
  orientationDestinations,
  procedureOutcomes,
  themes,
  workshopLevels,
} from './activities.schema.ts';
import { presetDurations } from './activities.labels.ts';
import type { FormInput } from '../../platform/http/forms.ts';

/** Twelve hours: the longest record (a day of workshops). */
export const maxDurationMinutes = 720;
export const maxParticipants = 500;

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
/** A real calendar day written YYYY-MM-DD (not 2026-02-30). */
export const isRealDay = (v: string) => isoDay.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuid = (message: string) => z.string().regex(uuidShape, message);

const messages = {
  date: 'Entrez la date de l’accompagnement, par exemple 03/03/2026',
  future: 'La date ne peut pas être dans le futur : entrez la date du jour ou une date passée',
  tooOld: 'Entrez une date après le 1er janvier 2020',
  duration: `Entrez une durée entre 1 minute et 12 heures`,
  theme: 'Choisissez au moins un thème',
  unknownTheme: 'Choisissez un thème de la liste',
  subTheme: 'Choisissez les précisions de la démarche dans la liste',
  subThemeWithoutTheme: 'Les précisions de démarche vont avec le thème « Aide aux démarches administratives » : cochez ce thème ou décochez les précisions',
  procedureWithoutTheme: 'Une démarche se choisit avec le thème « Aide aux démarches administratives » : cochez ce thème ou retirez la démarche',
  outcomeNeeded: 'Dites où en est la démarche',
  outcomeWithoutProcedure: 'Choisissez la démarche avant de dire où elle en est',
  destinationNeeded: 'Dites vers qui la personne a été orientée',
  destinationWithoutOrientation: 'Répondez « Oui » à « Orientée ailleurs ? » pour choisir où',
  title: 'Entrez le titre de l’atelier, par exemple « Créer son adresse e-mail »',
  participants: 'Comptez au moins un participant : une personne suivie ou un participant anonyme',
  breakdown: (what: string) => `Les participants anonymes comptés par ${what} dépassent le nombre de participants anonymes : corrigez les nombres`,
} as const;

const enumOf = <T extends readonly [string, ...string[]]>(values: T, message: string) => z.enum(values, { error: message });
const counts = <T extends readonly [string, ...string[]]>(values: T) => z.partialRecord(z.enum(values), z.number().int().min(0).max(maxParticipants));

/**
 * One activity record as every path gives it (form, API, appointment, workshop roster): the rules here are the
 * only ones; the form and the API only translate their fields into this shape. Messages are French and keyed by
 * field, so each path can show them where the person typed.
 */
export const activityInput = z
  .object({
    /** A record born offline keeps its id. */
    id: uuid('Identifiant invalide').optional(),
    kind: enumOf(activityKinds, 'Choisissez un accompagnement individuel ou un atelier collectif').default('individual'),
    /** For a person: one of their helper structures (the only one by default). For an API token: required. */
    organisationId: uuid('Choisissez la structure pour laquelle vous avez aidé').optional(),
    /** For an API token only: the helper who did it. A person always records as themselves. */
    helperUserId: uuid('Identifiant d’aidant invalide').optional(),
    placeId: uuid('Choisissez un lieu de la liste').nullable().default(null),
    date: z.string({ error: messages.date }).refine(isRealDay, messages.date),
    durationMinutes: z.number({ error: messages.duration }).int(messages.duration).min(1, messages.duration).max(maxDurationMinutes, messages.duration),
    channel: enumOf(channels, 'Choisissez où l’accompagnement a eu lieu').default('at_place'),
    themes: z.array(enumOf(themes, messages.unknownTheme)).min(1, messages.theme).max(themes.length),
    administrativeSubThemes: z.array(enumOf(administrativeSubThemes, messages.subTheme)).default([]),
    materials: z.array(enumOf(materials, 'Choisissez le matériel dans la liste')).default([]),
    notes: z.string().trim().max(2000, 'Les notes doivent faire 2 000 caractères au plus').default(''),
    tagIds: z.array(uuid('Choisissez une étiquette de la liste')).max(20, 'Choisissez 20 étiquettes au plus').default([]),
    autonomy: enumOf(autonomyLevels, 'Choisissez un niveau d’autonomie de la liste').nullable().default(null),
    oriented: z.boolean().default(false),
    orientationDestination: enumOf(orientationDestinations, 'Choisissez vers qui la personne a été orientée').nullable().default(null),
    procedureId: uuid('Choisissez une démarche de la liste').nullable().default(null),
    procedureOutcome: enumOf(procedureOutcomes, 'Choisissez où en est la démarche').nullable().default(null),
    beneficiaryId: uuid('Choisissez une personne suivie de la liste').nullable().default(null),
    communeCode: z
      .string()
      .refine((code) => communeByCode(code) !== undefined, 'Choisissez une commune de la liste')
      .nullable()
      .default(null),
    ageBand: enumOf(ageBands, 'Choisissez une tranche d’âge de la liste').default('not_communicated'),
    gender: enumOf(genders, 'Choisissez un genre de la liste').default('not_communicated'),
    status: enumOf(personStatuses, 'Choisissez une situation de la liste').default('not_communicated'),
    title: z.string().trim().max(200, 'Le titre doit faire 200 caractères au plus').nullable().default(null),
    level: enumOf(workshopLevels, 'Choisissez un niveau de la liste').nullable().default(null),
    participantIds: z.array(uuid('Choisissez les personnes suivies dans la liste')).max(maxParticipants).default([]),
    anonymousParticipants: z
      .number({ error: `Entrez un nombre de participants anonymes entre 0 et ${maxParticipants}` })
      .int(`Entrez un nombre entier de participants anonymes`)
      .min(0, `Entrez un nombre de participants anonymes entre 0 et ${maxParticipants}`)
      .max(maxParticipants, `Entrez un nombre de participants anonymes entre 0 et ${maxParticipants}`)
      .default(0),
    participantBreakdown: z
      .object({ gender: counts(genders).default({}), ageBand: counts(ageBands).default({}), status: counts(personStatuses).default({}) })
      .default({ gender: {}, ageBand: {}, status: {} }),
  })
  .superRefine((v, ctx) => {
    const today = localDay(new Date());
    if (isRealDay(v.date) && v.date > today) ctx.addIssue({ code: 'custom', path: ['date'], message: messages.future });
    else if (isRealDay(v.date) && v.date < '2020-01-01') ctx.addIssue({ code: 'custom', path: ['date'], message: messages.tooOld });
    const administrative = v.themes.includes('administrative_procedures');
    if (v.administrativeSubThemes.length > 0 && !administrative) ctx.addIssue({ code: 'custom', path: ['administrativeSubThemes'], message: messages.subThemeWithoutTheme });
    if (v.procedureId !== null && !administrative) ctx.addIssue({ code: 'custom', path: ['procedureId'], message: messages.procedureWithoutTheme });
    if (v.procedureId !== null && v.procedureOutcome === null) ctx.addIssue({ code: 'custom', path: ['procedureOutcome'], message: messages.outcomeNeeded });
    if (v.procedureId === null && v.procedureOutcome !== null) ctx.addIssue({ code: 'custom', path: ['procedureOutcome'], message: messages.outcomeWithoutProcedure });
    if (v.oriented && v.orientationDestination === null) ctx.addIssue({ code: 'custom', path: ['orientationDestination'], message: messages.destinationNeeded });
    if (!v.oriented && v.orientationDestination !== null) ctx.addIssue({ code: 'custom', path: ['orientationDestination'], message: messages.destinationWithoutOrientation });
    if (v.kind === 'workshop') {
      if (!v.title) ctx.addIssue({ code: 'custom', path: ['title'], message: messages.title });
      if (v.participantIds.length + v.anonymousParticipants < 1) ctx.addIssue({ code: 'custom', path: ['anonymousParticipants'], message: messages.participants });
      const sum = (counted: Partial<Record<string, number>>) => Object.values(counted).reduce<number>((a, b) => a + (b ?? 0), 0);
      const parts = [
        ['gender', 'genre'],
        ['ageBand', 'tranche d’âge'],
        ['status', 'situation'],
      ] as const;
      for (const [key, what] of parts) {
        if (sum(v.participantBreakdown[key]) > v.anonymousParticipants) ctx.addIssue({ code: 'custom', path: ['participantBreakdown', key], message: messages.breakdown(what) });
      }
    }
  });
/** What callers give: defaults fill the rest. */
export type ActivityInput = z.input<typeof activityInput>;
/** The record once its rules hold. */
export type ValidActivity = z.output<typeof activityInput>;

// ——— The HTML form ———

/** How a rule's field (the shared shape) is named in the HTML form, where it differs. */
const formFieldOf: Record<string, string> = {
  durationMinutes: 'duration',
  'participantBreakdown.gender': 'breakdown-gender',
  'participantBreakdown.ageBand': 'breakdown-ageBand',
  'participantBreakdown.status': 'breakdown-status',
};

/** Moves messages keyed by the shared shape onto the HTML form's field ids. */
export function formErrorsOf(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(fields)) {
    const base = key.replace(/\.\d+$/, '');
    out[formFieldOf[base] ?? base] ??= message;
  }
  return out;
}

/** The order of the fields on the page, for the error summary. */
export const activityFieldOrder = [
  'organisationId',
  'themes',
  'administrativeSubThemes',
  'procedureId',
  'procedureOutcome',
  'duration',
  'durationHours',
  'durationMins',
  'date',
  'channel',
  'placeId',
  'title',
  'level',
  'anonymousParticipants',
  'breakdown-gender',
  'breakdown-ageBand',
  'breakdown-status',
  'participantIds',
  'beneficiaryId',
  'communeCode',
  'ageBand',
  'gender',
  'status',
  'materials',
  'autonomy',
  'oriented',
  'orientationDestination',
  'tagIds',
  'newTag',
  'notes',
] as const;

const list = (input: FormInput, key: string): string[] => {
  const v = input[key];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((s) => s.trim()).filter((s) => s !== '');
};
const text = (input: FormInput, key: string): string => {
  const v = input[key];
  return (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
};
const orNull = (s: string) => (s === '' ? null : s);

/** A count typed in a box: empty is 0; anything but a whole number is refused. */
function countOf(raw: string, field: string, errors: Record<string, string>, message: string): number {
  if (raw === '') return 0;
  if (!/^\d{1,4}$/.test(raw)) {
    errors[field] ??= message;
    return 0;
  }
  return Number(raw);
}

export type ActivityFormResult = { ok: true; value: ActivityInput & { newTag: string } } | { ok: false; errors: Record<string, string> };

/**
 * Reads the HTML form into the shared shape and checks it: one French message per form field. The duration is a
 * preset (15, 30, 45, 60, 90, 120) or « autre » with hours and minutes.
 * @example readActivityForm({ kind: 'individual', themes: 'email', duration: '30', date: '2026-03-03', channel: 'at_place' })
 */
export function readActivityForm(input: FormInput): ActivityFormResult {
  const errors: Record<string, string> = {};
  const kind = text(input, 'kind') === 'workshop' ? 'workshop' : 'individual';
  let durationMinutes = 0;
  const duration = text(input, 'duration');
  if (duration === 'autre') {
    const hours = text(input, 'durationHours');
    const minutes = text(input, 'durationMins');
    if (hours === '' && minutes === '') errors.durationHours = 'Entrez la durée en heures et en minutes, par exemple 2 heures 30';
    else if (!/^\d{0,2}$/.test(hours)) errors.durationHours = 'Entrez un nombre d’heures entier, par exemple 2';
    else if (!/^\d{0,3}$/.test(minutes)) errors.durationMins = 'Entrez un nombre de minutes entier, par exemple 30';
    else durationMinutes = Number(hours || '0') * 60 + Number(minutes || '0');
    if (!errors.durationHours && !errors.durationMins && (durationMinutes < 1 || durationMinutes > maxDurationMinutes)) errors.durationHours = messages.duration;
  } else if (presetDurations.some((d) => String(d) === duration)) {
    durationMinutes = Number(duration);
  } else {
    errors.duration = 'Choisissez une durée, ou « Autre durée » pour l’écrire';
  }
  const oriented = text(input, 'oriented');
  const countMessage = `Entrez un nombre entier entre 0 et ${maxParticipants}`;
  const breakdown = {
    gender: Object.fromEntries(genders.map((g) => [g, countOf(text(input, `breakdown-gender-${g}`), 'breakdown-gender', errors, countMessage)])),
    ageBand: Object.fromEntries(ageBands.map((a) => [a, countOf(text(input, `breakdown-ageBand-${a}`), 'breakdown-ageBand', errors, countMessage)])),
    status: Object.fromEntries(personStatuses.map((s) => [s, countOf(text(input, `breakdown-status-${s}`), 'breakdown-status', errors, countMessage)])),
  };
  const anonymousText = text(input, 'anonymousParticipants');
  const candidate = {
    kind,
    organisationId: orNull(text(input, 'organisationId')) ?? undefined,
    placeId: orNull(text(input, 'placeId')),
    date: text(input, 'date'),
    durationMinutes: durationMinutes || 1,
    channel: text(input, 'channel') || 'at_place',
    themes: list(input, 'themes'),
    administrativeSubThemes: list(input, 'administrativeSubThemes'),
    materials: list(input, 'materials'),
    notes: text(input, 'notes'),
    tagIds: list(input, 'tagIds'),
    autonomy: kind === 'individual' ? orNull(text(input, 'autonomy')) : null,
    oriented: kind === 'individual' && oriented === 'oui',
    orientationDestination: kind === 'individual' ? orNull(text(input, 'orientationDestination')) : null,
    procedureId: kind === 'individual' ? orNull(text(input, 'procedureId')) : null,
    procedureOutcome: kind === 'individual' ? orNull(text(input, 'procedureOutcome')) : null,
    beneficiaryId: kind === 'individual' ? orNull(text(input, 'beneficiaryId')) : null,
    communeCode: kind === 'individual' ? orNull(text(input, 'communeCode')) : null,
    ageBand: (kind === 'individual' && text(input, 'ageBand')) || 'not_communicated',
    gender: (kind === 'individual' && text(input, 'gender')) || 'not_communicated',
    status: (kind === 'individual' && text(input, 'status')) || 'not_communicated',
    title: kind === 'workshop' ? text(input, 'title') : null,
    level: kind === 'workshop' ? orNull(text(input, 'level')) : null,
    participantIds: kind === 'workshop' ? list(input, 'participantIds') : [],
    anonymousParticipants: kind === 'workshop' ? countOf(anonymousText, 'anonymousParticipants', errors, countMessage) : 0,
    participantBreakdown: kind === 'workshop' ? breakdown : { gender: {}, ageBand: {}, status: {} },
  };
  const parsed = activityInput.safeParse(candidate);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[issue.path.map(String).join('.') || 'formulaire'] ??= issue.message;
    for (const [field, message] of Object.entries(formErrorsOf(fields))) {
      // A duration refused because none was readable already has its message.
      if (field === 'duration' && (errors.duration || errors.durationHours || errors.durationMins)) continue;
      errors[field] ??= message;
    }
  }
  const newTag = text(input, 'newTag');
  if (newTag.length > 60) errors.newTag = 'Le nom de l’étiquette doit faire 60 caractères au plus';
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  // The candidate's strings have been checked by the schema: hand the checked values on.
  return { ok: true, value: { ...parsed.data, newTag } };
}

import { z } from 'zod';
import { optionalPhoneField } from '../../platform/phone.ts';
import { motifModes } from './appointments.schema.ts';
import { minuteOf } from './appointments.slots.ts';

/** The honeypot of the public booking form: hidden from people, filled by robots. */
export const honeypotField = 'site_web';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The last step of the public journey, in plain words (FALC). The agency, the reason and the slot come hidden. */
export const bookingFields = z
  .object({
    agence: z.string({ error: 'Choisissez une agence' }).trim().regex(uuid, 'Choisissez une agence'),
    motif: z.string({ error: 'Choisissez la raison du rendez-vous' }).trim().regex(uuid, 'Choisissez la raison du rendez-vous'),
    creneau: z.string({ error: 'Choisissez un jour et une heure' }).trim().min(1, 'Choisissez un jour et une heure'),
    nom: z.string({ error: 'Écrivez votre nom' }).trim().min(2, 'Écrivez votre nom, par exemple Marie Wamytan').max(100, 'Écrivez un nom de 100 lettres au plus'),
    telephone: optionalPhoneField.default(null),
    email: z
      .string()
      .trim()
      .max(254, 'Écrivez une adresse e-mail de 254 caractères au plus')
      .optional()
      .transform((v) => (v ? v.toLowerCase() : ''))
      .pipe(z.union([z.literal(''), z.email('Écrivez une adresse e-mail juste, par exemple prenom.nom@exemple.nc')]))
      .transform((v) => (v === '' ? null : v)),
  })
  .superRefine((v, ctx) => {
    if (v.telephone === null && v.email === null) {
      ctx.addIssue({ code: 'custom', path: ['telephone'], message: 'Donnez un numéro de téléphone ou une adresse e-mail. Vous recevez la confirmation du rendez-vous.' });
    }
  });
export type BookingFields = z.output<typeof bookingFields>;
export const bookingFieldOrder = ['creneau', 'nom', 'telephone', 'email'] as const;

/** A reason, as the agency writes it. */
export const motifFields = z.object({
  label: z.string().trim().min(2, 'Écrivez la raison du rendez-vous, par exemple « Créer mon espace CAFAT »').max(120, 'La raison doit faire 120 caractères au plus'),
  durationMinutes: z.coerce
    .number({ error: 'Entrez une durée en minutes, par exemple 30' })
    .int('Entrez une durée en minutes entières, par exemple 30')
    .min(5, 'Entrez une durée entre 5 et 240 minutes')
    .max(240, 'Entrez une durée entre 5 et 240 minutes'),
  mode: z.enum(motifModes, { error: 'Dites si le rendez-vous a lieu à l’agence ou par téléphone' }),
  position: z.coerce.number({ error: 'Entrez un numéro d’ordre, par exemple 10' }).int('Entrez un numéro d’ordre entier, par exemple 10').min(0, 'Entrez un numéro d’ordre entre 0 et 1 000').max(1000, 'Entrez un numéro d’ordre entre 0 et 1 000'),
  active: z.enum(['oui', 'non'], { error: 'Dites si la raison est proposée' }).transform((v) => v === 'oui'),
});
export type MotifFields = z.output<typeof motifFields>;
export const motifFieldOrder = ['label', 'durationMinutes', 'mode', 'position', 'active'] as const;

const timeField = (what: string) =>
  z
    .string()
    .trim()
    .transform((value, ctx) => {
      const minute = minuteOf(value);
      if (minute === null) {
        ctx.addIssue({ code: 'custom', message: `Entrez l’heure de ${what} au format 08:30` });
        return z.NEVER;
      }
      return minute;
    });

/** A period of the weekly pattern. */
export const openingFields = z
  .object({
    weekday: z.coerce.number({ error: 'Choisissez un jour' }).int('Choisissez un jour').min(1, 'Choisissez un jour').max(7, 'Choisissez un jour'),
    start: timeField('début'),
    end: timeField('fin'),
    counters: z.coerce.number({ error: 'Entrez un nombre de guichets, par exemple 1' }).int('Entrez un nombre entier de guichets').min(1, 'Entrez entre 1 et 20 guichets').max(20, 'Entrez entre 1 et 20 guichets'),
  })
  .superRefine((v, ctx) => {
    if (v.end <= v.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'L’heure de fin doit être après l’heure de début' });
  });
export type OpeningFields = z.output<typeof openingFields>;
export const openingFieldOrder = ['weekday', 'start', 'end', 'counters'] as const;

/** A closed day. */
export const closureFields = z.object({
  day: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Entrez la date au format 24/12/2026')
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'Entrez une date qui existe'),
  reason: z.string().trim().max(200, 'La raison doit faire 200 caractères au plus').default(''),
});
export type ClosureFields = z.output<typeof closureFields>;

/** The agency's settings: where people come, and whether /rendez-vous shows it. */
export const agencyFields = z.object({
  placeId: z.string().trim().default(''),
  published: z.enum(['oui', 'non'], { error: 'Dites si les rendez-vous sont ouverts au public' }).transform((v) => v === 'oui'),
});
export type AgencyFields = z.output<typeof agencyFields>;

/** What the aidant marks on an appointment of the day. */
export const markFields = z.object({
  statut: z.enum(['vu', 'absent', 'excuse'], { error: 'Choisissez : vu, absent ou excusé' }),
});

import { z } from 'zod';
import { roles } from '../../platform/authz/index.ts';
import { communeByCode, provinces } from '../../territory/index.ts';
import { organisationKinds } from './organisations.schema.ts';

/**
 * A RIDET is 7 digits and a 3-digit establishment rank, written `1234567.001`; people also type it without the
 * dot or with spaces. Stored with the dot.
 * @example normaliseRidet('1234567 001') // '1234567.001'
 */
export function normaliseRidet(value: string): string | null {
  const digits = value.replace(/[\s.]/g, '');
  return /^\d{10}$/.test(digits) ? `${digits.slice(0, 7)}.${digits.slice(7)}` : null;
}

const ridet = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (v === '') return null;
    const normalised = normaliseRidet(v);
    if (!normalised) {
      ctx.addIssue({ code: 'custom', message: 'Entrez un RIDET de 7 chiffres suivis du rang de l’établissement sur 3 chiffres, par exemple 1234567.001' });
      return z.NEVER;
    }
    return normalised;
  });

export const organisationFields = z.object({
  name: z.string({ error: 'Entrez le nom de l’organisation' }).trim().min(2, 'Entrez le nom de l’organisation (2 caractères au moins)').max(150, 'Entrez un nom de 150 caractères au plus'),
  kind: z.enum(organisationKinds, { error: 'Choisissez le type d’organisation' }),
  ridet: ridet.optional().transform((v) => v ?? null),
  communeCode: z
    .string({ error: 'Choisissez la commune' })
    .refine((code) => communeByCode(code) !== undefined, 'Choisissez une commune de Nouvelle-Calédonie dans la liste'),
});
export type OrganisationFields = z.output<typeof organisationFields>;

export const invitationFields = z
  .object({
    email: z
      .string({ error: 'Entrez l’adresse e-mail de la personne' })
      .trim()
      .min(1, 'Entrez l’adresse e-mail de la personne')
      .max(254, 'Entrez une adresse e-mail de 254 caractères au plus')
      .pipe(z.email('Entrez une adresse e-mail valide, par exemple prenom.nom@exemple.nc')),
    role: z.enum(roles, { error: 'Choisissez le rôle de la personne' }),
    scopeProvince: z
      .union([z.enum(provinces), z.literal('')], { error: 'Choisissez le territoire du coordinateur' })
      .optional()
      .transform((v) => (v ? v : null)),
  });
export type InvitationFields = z.output<typeof invitationFields>;

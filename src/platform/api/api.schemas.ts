import { z } from '@hono/zod-openapi';
import { organisationKindLabels, organisationKinds } from '../../modules/organisations/index.ts';
import { organisationFields } from '../../modules/organisations/index.ts';
import { provinceLabels, provinces } from '../../territory/index.ts';

/**
 * The JSON shapes of API v1. Field names are French snake_case, values are the codes the application stores;
 * descriptions are in French because they become the documentation (openapi.json and /api/v1/docs).
 */

const kindList = organisationKinds.map((k) => `${k} (${organisationKindLabels[k]})`).join(', ');
const provinceList = provinces.map((p) => `${p} (${provinceLabels[p]})`).join(', ');

export const errorSchema = z
  .object({
    error: z.string().openapi({ description: 'Code de l’erreur, stable, à tester par programme.', example: 'donnees_invalides' }),
    message: z.string().openapi({ description: 'Explication en français, à montrer à une personne.', example: 'Les données envoyées ne sont pas valides.' }),
    champs: z
      .record(z.string(), z.string())
      .optional()
      .openapi({ description: 'Pour 422 : un message par champ refusé.', example: { nom: 'Entrez le nom de l’organisation' } }),
  })
  .openapi('Erreur', { description: 'Toutes les erreurs ont cette forme.' });

export const communeSchema = z
  .object({
    code: z.string().openapi({ description: 'Code officiel géographique (COG) de la commune.', example: '98818' }),
    nom: z.string().openapi({ example: 'Nouméa' }),
    province: z.enum(provinces).openapi({ description: `Province : ${provinceList}.`, example: 'sud' }),
  })
  .openapi('Commune');

export const communesResponse = z.object({ donnees: z.array(communeSchema) }).openapi('ListeCommunes');

export const organisationSchema = z
  .object({
    id: z.uuid().openapi({ description: 'Identifiant de l’organisation.', example: '01960000-0000-7000-8000-000000000000' }),
    nom: z.string().openapi({ example: 'Association Lire et Relier' }),
    type: z.enum(organisationKinds).openapi({ description: `Type d’organisation : ${kindList}.`, example: 'association' }),
    ridet: z.string().nullable().openapi({ description: 'Numéro RIDET (7 chiffres, un point, le rang sur 3 chiffres), ou null.', example: '1234567.001' }),
    province: z.enum(provinces).openapi({ description: `Province, déduite de la commune : ${provinceList}.`, example: 'nord' }),
    code_commune: z.string().openapi({ description: 'Code COG de la commune du siège (voir /api/v1/communes).', example: '98811' }),
  })
  .openapi('Organisation');

export const maxPerPage = 100;

/** Query-string numbers arrive as text; anything but a whole number in range is refused with a French message. */
function wholeNumber(field: string, max: number, fallback: number) {
  return z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      if (!/^\d{1,6}$/.test(v) || Number(v) < 1 || Number(v) > max) {
        ctx.addIssue({ code: 'custom', message: `Le paramètre ${field} doit être un nombre entier entre 1 et ${max}.` });
        return z.NEVER;
      }
      return Number(v);
    });
}

export const organisationsQuery = z.object({
  page: wholeNumber('page', 100_000, 1).openapi({ param: { name: 'page', in: 'query' }, description: 'Numéro de page, à partir de 1.', type: 'integer', minimum: 1, default: 1, example: 1 }),
  par_page: wholeNumber('par_page', maxPerPage, 20).openapi({
    param: { name: 'par_page', in: 'query' },
    description: `Nombre d’organisations par page, ${maxPerPage} au plus (20 par défaut).`,
    type: 'integer',
    minimum: 1,
    maximum: maxPerPage,
    default: 20,
    example: 20,
  }),
  province: z
    .enum(provinces, { error: `Le paramètre province doit valoir ${provinces.join(', ')}.` })
    .optional()
    .openapi({ param: { name: 'province', in: 'query' }, description: `Ne garder que les organisations d’une province : ${provinceList}.` }),
  type: z
    .enum(organisationKinds, { error: 'Le paramètre type doit être un type d’organisation connu (voir la liste dans la documentation).' })
    .optional()
    .openapi({ param: { name: 'type', in: 'query' }, description: `Ne garder qu’un type d’organisation : ${kindList}.` }),
});

export const organisationsPage = z
  .object({
    donnees: z.array(organisationSchema),
    pagination: z.object({
      page: z.number().int().openapi({ example: 1 }),
      par_page: z.number().int().openapi({ example: 20 }),
      total: z.number().int().openapi({ description: 'Nombre d’organisations qui répondent aux filtres.', example: 22 }),
      pages: z.number().int().openapi({ description: 'Nombre de pages.', example: 2 }),
    }),
  })
  .openapi('PageOrganisations');

/**
 * The schemas of the organisation form were built before @hono/zod-openapi extended zod, so they lack `.openapi()`;
 * zod's own `.meta()` carries the same documentation.
 *
 * The body of POST /api/v1/organisations: the rules and French messages of the organisation form, under the
 * API's field names.
 */
export const newOrganisationBody = z
  .object(
    {
      nom: organisationFields.shape.name.meta({ description: 'Nom de l’organisation, 2 à 150 caractères, unique.', example: 'Association Lire et Relier' }),
      type: organisationFields.shape.kind.meta({ description: `Type d’organisation : ${kindList}.`, example: 'association' }),
      ridet: organisationFields.shape.ridet.meta({ description: 'Numéro RIDET, facultatif ; « 1234567 001 » est accepté et enregistré « 1234567.001 ».', example: '1234567.001' }),
      code_commune: organisationFields.shape.communeCode.meta({ description: 'Code COG de la commune du siège (voir /api/v1/communes).', example: '98811' }),
    },
    { error: 'Envoyez un objet JSON avec les champs nom, type et code_commune.' },
  )
  .openapi('NouvelleOrganisation');

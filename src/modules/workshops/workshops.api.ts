import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { themes, workshopLevels } from '../activities/activities.schema.ts';
import { communeByCode } from '../../territory/index.ts';
import { access } from '../../platform/http/access.ts';
import type { AppEnv } from '../../platform/http/env.ts';
import { invalidInput, type ApiError } from '../../platform/api/api.errors.ts';
import { errorSchema } from '../../platform/api/api.schemas.ts';
import { agendaFilters } from './workshops.forms.ts';
import { searchAgenda, seatsLeft } from './workshops.queries.ts';
import { accessibilityOptions } from './workshops.schema.ts';

/** GET /api/v1/ateliers: the public agenda of workshop sessions (no personal data). Mounted by platform/api/index.ts. */
export const workshopsApi = new OpenAPIHono<AppEnv>({ defaultHook: invalidInput });

const maxPerPage = 100;
const one = (description: string) => z.string().optional().openapi({ description });

const ateliersQuery = z.object({
  commune: one('Code COG de la commune, par exemple 98814 (Lifou).').openapi({ param: { name: 'commune', in: 'query' }, example: '98814' }),
  mois: one('Mois AAAA-MM (heure de Nouméa).').openapi({ param: { name: 'mois', in: 'query' }, example: '2026-03' }),
  theme: one(`Thème : ${themes.join(', ')}.`).openapi({ param: { name: 'theme', in: 'query' } }),
  accessibilite: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .openapi({ param: { name: 'accessibilite', in: 'query' }, description: `Aides proposées, répétable ; la séance les propose toutes : ${accessibilityOptions.join(', ')}.` }),
  programme: one('Adresse (slug) du programme, par exemple nume-rai.').openapi({ param: { name: 'programme', in: 'query' }, example: 'nume-rai' }),
  page: one('Numéro de page, à partir de 1.').openapi({ param: { name: 'page', in: 'query' }, example: '1' }),
  par_page: one(`Nombre de séances par page, ${maxPerPage} au plus (20 par défaut).`).openapi({ param: { name: 'par_page', in: 'query' }, example: '20' }),
});

const sessionSchema = z
  .object({
    id: z.uuid(),
    titre: z.string(),
    description_falc: z.string(),
    themes: z.array(z.enum(themes)),
    niveau: z.enum(workshopLevels),
    competences_pix: z.array(z.string()),
    debut: z.string().openapi({ description: 'ISO 8601 en UTC.', example: '2026-03-02T21:30:00.000Z' }),
    fin: z.string(),
    commune: z.object({ code: z.string(), nom: z.string() }),
    lieu: z.object({ id: z.uuid().nullable().openapi({ description: 'Le lieu de l’annuaire (/api/v1/lieux), ou null pour un autre lieu.' }), nom: z.string(), adresse: z.string().nullable() }),
    accessibilite: z.array(z.enum(accessibilityOptions)),
    accessibilite_autre: z.string().nullable(),
    places: z.number().int(),
    places_restantes: z.number().int(),
    liste_attente: z.boolean().openapi({ description: 'Vrai quand la séance est complète (inscription en liste d’attente).' }),
    programme: z.object({ nom: z.string(), slug: z.string(), url: z.string() }),
    url: z.string().openapi({ description: 'La page publique de la séance, avec l’inscription.' }),
  })
  .openapi('SeanceAtelier');

const sessionsPage = z
  .object({ donnees: z.array(sessionSchema), pagination: z.object({ page: z.number().int(), par_page: z.number().int(), total: z.number().int(), pages: z.number().int() }) })
  .openapi('PageSeancesAteliers');

workshopsApi.openapi(
  createRoute({
    method: 'get',
    path: '/api/v1/ateliers',
    middleware: [access.public()] as const,
    summary: 'Lister les séances d’ateliers à venir',
    description: 'L’agenda public des ateliers (mêmes filtres que la page /ateliers) : séances prévues et pas encore terminées. Aucune donnée personnelle. Sans authentification.',
    tags: ['Ateliers'],
    security: [],
    request: { query: ateliersQuery },
    responses: {
      200: { description: 'Une page de séances et la pagination.', content: { 'application/json': { schema: sessionsPage } } },
      422: { description: 'Un paramètre n’est pas valide ; `champs` dit lequel.', content: { 'application/json': { schema: errorSchema } } },
    },
  }),
  async (c) => {
    const params = new URL(c.req.url).searchParams;
    const champs: Record<string, string> = {};
    const raw = { commune: params.get('commune') ?? undefined, mois: params.get('mois') ?? undefined, theme: params.get('theme') ?? undefined, accessibilite: params.getAll('accessibilite'), programme: params.get('programme') ?? undefined };
    const filters = agendaFilters.parse(raw);
    if (raw.commune && !filters.commune) champs.commune = 'Le paramètre commune doit être un code COG de commune, par exemple 98814.';
    if (raw.mois && !filters.mois) champs.mois = 'Le paramètre mois doit être de la forme AAAA-MM, par exemple 2026-03.';
    if (raw.theme && !filters.theme) champs.theme = `Le paramètre theme doit être l’un de : ${themes.join(', ')}.`;
    if (raw.accessibilite.length !== filters.accessibilite.length) champs.accessibilite = `Le paramètre accessibilite doit être l’un de : ${accessibilityOptions.join(', ')}.`;
    const perPageText = params.get('par_page') ?? '20';
    const pageText = params.get('page') ?? '1';
    if (!/^\d{1,3}$/.test(perPageText) || Number(perPageText) < 1 || Number(perPageText) > maxPerPage) champs.par_page = `Le paramètre par_page doit être un nombre entier entre 1 et ${maxPerPage}.`;
    if (!/^\d{1,6}$/.test(pageText) || Number(pageText) < 1) champs.page = 'Le paramètre page doit être un nombre entier à partir de 1.';
    if (Object.keys(champs).length > 0) {
      const body: ApiError = { error: 'donnees_invalides', message: 'Les données envoyées ne sont pas valides.', champs };
      return c.json(body, 422);
    }
    const perPage = Number(perPageText);
    const result = await searchAgenda(c.get('services').database.db, filters, { page: Number(pageText), perPage });
    const baseUrl = c.get('services').config.baseUrl;
    return c.json(
      {
        donnees: result.rows.map((s) => ({
          id: s.id,
          titre: s.series.title,
          description_falc: s.series.descriptionFalc,
          themes: s.series.themes,
          niveau: s.series.level,
          competences_pix: s.series.pixCompetences,
          debut: s.startsAt.toISOString(),
          fin: s.endsAt.toISOString(),
          commune: { code: s.communeCode, nom: communeByCode(s.communeCode)?.name ?? s.communeCode },
          lieu: { id: s.place?.id ?? null, nom: s.place?.name ?? s.spotName ?? '', adresse: s.place ? [s.place.address, s.place.locality].filter(Boolean).join(', ') || null : s.spotAddress },
          accessibilite: s.accessibility,
          accessibilite_autre: s.accessibilityOther,
          places: s.capacity,
          places_restantes: seatsLeft(s),
          liste_attente: seatsLeft(s) === 0 || s.waiting > 0,
          programme: { nom: s.programme.name, slug: s.programme.slug, url: `${baseUrl}/programmes/${s.programme.slug}` },
          url: `${baseUrl}/ateliers/${s.id}`,
        })),
        pagination: { page: result.page, par_page: perPage, total: result.total, pages: result.pageCount },
      },
      200,
    );
  },
);

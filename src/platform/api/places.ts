import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { communeByCode, provinces } from '../../territory/index.ts';
import { accessibilityFeatures, publics, services } from '../../modules/places/places.enums.ts';
import { hoursStatus } from '../../modules/places/places.hours.ts';
import { hoursAt, visiblePlaces } from '../../modules/places/places.public.ts';
import { readFilters, searchPlaces, distanceChoices } from '../../modules/places/places.search.ts';
import { access } from '../http/access.ts';
import type { AppEnv } from '../http/env.ts';
import { invalidInput, type ApiError } from './api.errors.ts';
import { errorSchema } from './api.schemas.ts';

/** GET /api/v1/lieux: the public search of places, with the filters of /lieux. Mounted by index.ts. */
export const placesApi = new OpenAPIHono<AppEnv>({ defaultHook: invalidInput });

const maxPerPage = 100;
const many = (description: string) => z.union([z.string(), z.array(z.string())]).optional().openapi({ description });
const one = (description: string) => z.string().optional().openapi({ description });

const placesQuery = z.object({
  q: one('Mots à chercher (nom, commune, tribu, adresse, services), sans tenir compte des accents ; les fautes de frappe sont tolérées.').openapi({ param: { name: 'q', in: 'query' }, example: 'mediatheque' }),
  commune: one('Code COG de la commune de référence : les lieux sont triés du plus proche au plus loin.').openapi({ param: { name: 'commune', in: 'query' }, example: '98811' }),
  distance: one(`Avec commune : ${distanceChoices.join(', ')} (« commune » = dans la commune seulement, sinon kilomètres au plus).`).openapi({ param: { name: 'distance', in: 'query' } }),
  province: one(`Province : ${provinces.join(', ')}.`).openapi({ param: { name: 'province', in: 'query' } }),
  service: many(`Services, répétable ; le lieu les propose tous : ${services.join(', ')}.`).openapi({ param: { name: 'service', in: 'query' } }),
  public: many(`Publics, répétable ; le lieu accueille l’un d’eux (ou tout le monde) : ${publics.join(', ')}.`).openapi({ param: { name: 'public', in: 'query' } }),
  accessibilite: many(`Besoins d’accessibilité, répétable ; le lieu les a tous : ${accessibilityFeatures.join(', ')}.`).openapi({ param: { name: 'accessibilite', in: 'query' } }),
  gratuit: one('1 : seulement les lieux gratuits.').openapi({ param: { name: 'gratuit', in: 'query' } }),
  ouvert: one('maintenant : seulement les lieux ouverts en ce moment (heure de Nouméa, jours fériés compris).').openapi({ param: { name: 'ouvert', in: 'query' } }),
  weekend: one('1 : seulement les lieux ouverts le samedi ou le dimanche.').openapi({ param: { name: 'weekend', in: 'query' } }),
  quand: many('Comme le formulaire de /lieux : maintenant, weekend, gratuit (répétable).').openapi({ param: { name: 'quand', in: 'query' } }),
  page: one('Numéro de page, à partir de 1.').openapi({ param: { name: 'page', in: 'query' }, example: '1' }),
  par_page: one(`Nombre de lieux par page, ${maxPerPage} au plus (20 par défaut).`).openapi({ param: { name: 'par_page', in: 'query' }, example: '20' }),
});

const placeSchema = z
  .object({
    id: z.uuid(),
    nom: z.string(),
    commune: z.object({ code: z.string(), nom: z.string() }),
    province: z.enum(provinces),
    adresse: z.string().openapi({ description: 'Rue et numéro ; peut être vide (tribus, lieux-dits).' }),
    lieu_dit: z.string().nullable().openapi({ description: 'Tribu ou lieu-dit.' }),
    code_postal: z.string(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    distance_km: z.number().nullable().openapi({ description: 'Distance depuis la commune de référence, en km (null sans commune).' }),
    ouvert_maintenant: z.boolean().nullable().openapi({ description: 'null quand les horaires ne sont pas connus.' }),
    horaires: z.string().nullable().openapi({ description: 'Horaires au format OpenStreetMap opening_hours.' }),
    telephone: z.string().nullable(),
    services: z.array(z.enum(services)),
    publics: z.array(z.enum(publics)),
    accessibilite: z.array(z.enum(accessibilityFeatures)),
    gratuit: z.boolean(),
    url: z.string().openapi({ description: 'La page publique du lieu.' }),
  })
  .openapi('Lieu');

const placesPage = z
  .object({
    donnees: z.array(placeSchema),
    pagination: z.object({ page: z.number().int(), par_page: z.number().int(), total: z.number().int(), pages: z.number().int() }),
  })
  .openapi('PageLieux');

placesApi.openapi(
  createRoute({
    method: 'get',
    path: '/api/v1/lieux',
    middleware: [access.public()] as const,
    summary: 'Chercher des lieux',
    description: 'Les lieux d’inclusion numérique, avec les mêmes filtres que la page /lieux. Public, sans authentification.',
    tags: ['Lieux'],
    security: [],
    request: { query: placesQuery },
    responses: {
      200: { description: 'Une page de lieux et la pagination.', content: { 'application/json': { schema: placesPage } } },
      422: { description: 'Un paramètre n’est pas valide ; `champs` dit lequel.', content: { 'application/json': { schema: errorSchema } } },
    },
  }),
  async (c) => {
    const params = new URL(c.req.url).searchParams;
    const { filters, page, errors } = readFilters(params);
    const perPageText = params.get('par_page') ?? '';
    const perPage = perPageText === '' ? 20 : Number(perPageText);
    const champs: Record<string, string> = {};
    for (const [key, message] of Object.entries(errors)) champs[key === 'communeCode' ? 'commune' : key === 'services' ? 'service' : key === 'publics' ? 'public' : key === 'accessibility' ? 'accessibilite' : key] = message;
    if (!/^\d{1,3}$/.test(perPageText || '20') || perPage < 1 || perPage > maxPerPage) champs.par_page = `Le paramètre par_page doit être un nombre entier entre 1 et ${maxPerPage}.`;
    if (Object.keys(champs).length > 0) {
      const body: ApiError = { error: 'donnees_invalides', message: 'Les données envoyées ne sont pas valides.', champs };
      return c.json(body, 422);
    }
    const { db } = c.get('services').database;
    const now = new Date();
    const result = await searchPlaces(db, filters, { page, perPage, hours: hoursAt(now) });
    const rows = await visiblePlaces(db, result.hits.map((h) => h.id));
    const baseUrl = c.get('services').config.baseUrl;
    const donnees = result.hits.flatMap((hit) => {
      const p = rows.get(hit.id);
      if (!p) return [];
      const state = hoursStatus(p.openingHours, now).state;
      return [
        {
          id: p.id,
          nom: p.name,
          commune: { code: p.communeCode, nom: communeByCode(p.communeCode)?.name ?? p.communeCode },
          province: p.province,
          adresse: p.address,
          lieu_dit: p.locality,
          code_postal: p.postcode,
          latitude: p.latitude,
          longitude: p.longitude,
          distance_km: hit.distanceKm,
          ouvert_maintenant: state === 'unknown' ? null : state === 'open',
          horaires: p.openingHours,
          telephone: p.phone,
          services: p.services,
          publics: p.publics,
          accessibilite: p.accessibility,
          gratuit: p.fees.includes('gratuit'),
          url: `${baseUrl}/lieux/${p.id}`,
        },
      ];
    });
    return c.json({ donnees, pagination: { page: result.page, par_page: perPage, total: result.total, pages: result.pages } }, 200);
  },
);

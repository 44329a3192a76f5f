import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createOrganisation, listOrganisations } from '../../modules/organisations/index.ts';
import { communeByCode, communes } from '../../territory/index.ts';
import type { Actor } from '../authz/index.ts';
import { access, UnauthenticatedError } from '../http/access.ts';
import type { AppEnv } from '../http/env.ts';
import { renderApiDocs } from './api.docs.tsx';
import { invalidInput, isUniqueViolation, jsonBody, type ApiError } from './api.errors.ts';
import { placesApi } from './places.ts';
import { workshopsApi } from '../../modules/workshops/workshops.api.ts';
import { activitiesApi } from '../../modules/activities/activities.api.ts';
import { communesResponse, errorSchema, newOrganisationBody, organisationSchema, organisationsPage, organisationsQuery } from './api.schemas.ts';


export const apiBase = '/api/v1';
export const bearerScheme = 'jetonApi';

/** JSON API v1: mounted at the root by src/modules/routes.ts, so paths here are full paths. */
export const apiRoutes = new OpenAPIHono<AppEnv>({ defaultHook: invalidInput });

function actorOf(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw new UnauthenticatedError();
  return actor;
}

const json = <S>(schema: S, description: string) => ({ description, content: { 'application/json': { schema } } });
const errors = {
  401: json(errorSchema, 'Jeton absent, inconnu, révoqué ou expiré.'),
  403: json(errorSchema, 'Le jeton n’a pas le droit (scope) demandé.'),
};

apiRoutes.openapi(
  createRoute({
    method: 'get',
    path: `${apiBase}/communes`,
    middleware: [access.public()] as const,
    summary: 'Lister les communes',
    description: 'Les 33 communes de Nouvelle-Calédonie, avec leur code COG et leur province. Sans authentification.',
    tags: ['Référentiel'],
    security: [],
    responses: { 200: json(communesResponse, 'Les communes, par ordre alphabétique.') },
  }),
  (c) => c.json({ donnees: communes.map((k) => ({ code: k.code, nom: k.name, province: k.province })) }, 200),
);

apiRoutes.openapi(
  createRoute({
    method: 'get',
    path: `${apiBase}/organisations`,
    middleware: [access.to('api.organisations.read')] as const,
    summary: 'Lister les organisations',
    description: 'Les organisations du réseau, par ordre alphabétique, page par page. Filtres facultatifs : province et type.',
    tags: ['Organisations'],
    security: [{ [bearerScheme]: ['organisations:read'] }],
    request: { query: organisationsQuery },
    responses: {
      200: json(organisationsPage, 'Une page d’organisations et la pagination.'),
      ...errors,
      422: json(errorSchema, 'Un paramètre n’est pas valide ; `champs` dit lequel.'),
    },
  }),
  async (c) => {
    const actor = actorOf(c);
    const query = c.req.valid('query');
    const { rows, total } = await pageOfOrganisations(c, actor, query);
    return c.json(
      {
        donnees: rows.map((o) => ({ id: o.id, nom: o.name, type: o.kind, ridet: o.ridet, province: o.province, code_commune: o.communeCode })),
        pagination: { page: query.page, par_page: query.par_page, total, pages: Math.max(1, Math.ceil(total / query.par_page)) },
      },
      200,
    );
  },
);

async function pageOfOrganisations(
  c: Context<AppEnv>,
  actor: Actor,
  query: { page: number; par_page: number; province?: (typeof organisationSchema.shape.province)['_output'] | undefined; type?: (typeof organisationSchema.shape.type)['_output'] | undefined },
) {
  const { rows, total } = await listOrganisations(c.get('services').database.db, actor, {
    province: query.province,
    kind: query.type,
    page: query.page,
    perPage: query.par_page,
  });
  return { rows, total };
}

const conflictMessages = {
  name_taken: { champ: 'nom', message: 'Une organisation porte déjà ce nom. Vérifiez qu’elle n’existe pas déjà, ou précisez le nom.' },
  ridet_taken: { champ: 'ridet', message: 'Une organisation a déjà ce numéro RIDET.' },
} as const;

apiRoutes.openapi(
  createRoute({
    method: 'post',
    path: `${apiBase}/organisations`,
    middleware: [access.to('api.organisations.write'), jsonBody] as const,
    summary: 'Créer une organisation',
    description: 'Crée une organisation ; sa province est celle de la commune. La création est inscrite au journal d’audit au nom du jeton.',
    tags: ['Organisations'],
    security: [{ [bearerScheme]: ['organisations:write'] }],
    request: { body: { required: true, content: { 'application/json': { schema: newOrganisationBody } } } },
    responses: {
      201: json(organisationSchema, 'L’organisation créée.'),
      400: json(errorSchema, 'Le corps n’est pas du JSON valide.'),
      ...errors,
      409: json(errorSchema, 'Une organisation a déjà ce nom ou ce RIDET.'),
      415: json(errorSchema, 'Le corps n’est pas envoyé en JSON (en-tête Content-Type).'),
      422: json(errorSchema, 'Un champ n’est pas valide ; `champs` dit lequel et pourquoi.'),
    },
  }),
  async (c) => {
    const actor = actorOf(c);
    const body = c.req.valid('json');
    const fields = { name: body.nom, kind: body.type, ridet: body.ridet, communeCode: body.code_commune };
    const { db } = c.get('services').database;
    let result: Awaited<ReturnType<typeof createOrganisation>>;
    try {
      result = await db.transaction((tx) => createOrganisation(tx, actor, fields, { requestId: c.get('requestId') }));
    } catch (error) {
      // Two identical creations at once: the unique index decides, and the loser hears the same as a known conflict.
      if (!isUniqueViolation(error)) throw error;
      result = { ok: false, error: 'name_taken' };
    }
    if (!result.ok) {
      const conflict = conflictMessages[result.error];
      const answer: ApiError = { error: 'conflit', message: conflict.message, champs: { [conflict.champ]: conflict.message } };
      return c.json(answer, 409);
    }
    const commune = communeByCode(fields.communeCode);
    if (!commune) throw new Error(`unknown commune ${fields.communeCode}: the schema must have refused it`);
    c.header('Location', `${apiBase}/organisations/${result.value.id}`);
    return c.json({ id: result.value.id, nom: fields.name, type: fields.kind, ridet: fields.ridet, province: commune.province, code_commune: fields.communeCode }, 201);
  },
);

apiRoutes.route('/', placesApi);
apiRoutes.route('/', workshopsApi);
apiRoutes.route('/', activitiesApi);

/** The OpenAPI 3.1 document, made once per base URL (the routes do not change while the process runs). */
const documents = new Map<string, ReturnType<typeof apiRoutes.getOpenAPI31Document>>();

/**
 * The OpenAPI 3.1 description of API v1, generated from the routes' zod schemas.
 * @example openApiDocument('https://relais.nc').paths['/api/v1/organisations']
 */
export function openApiDocument(baseUrl: string): ReturnType<typeof apiRoutes.getOpenAPI31Document> {
  const cached = documents.get(baseUrl);
  if (cached) return cached;
  apiRoutes.openAPIRegistry.registerComponent('securitySchemes', bearerScheme, {
    type: 'http',
    scheme: 'bearer',
    description: 'Jeton d’API créé par un administrateur sur /admin/jetons, envoyé dans l’en-tête « Authorization: Bearer relais_… ».',
  });
  const document = apiRoutes.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'API Relais',
      version: '1.0.0',
      description:
        'L’API de Relais, la plateforme de l’inclusion numérique en Nouvelle-Calédonie : JSON, champs en français, jetons d’API à droits limités (scopes). Les erreurs ont toujours la forme { error, message, champs? }.',
    },
    servers: [{ url: baseUrl, description: 'Cette instance de Relais' }],
  });
  documents.set(baseUrl, document);
  return document;
}

apiRoutes.get(`${apiBase}/openapi.json`, access.public(), (c) => c.json(openApiDocument(c.get('services').config.baseUrl)));

for (const path of [apiBase, `${apiBase}/docs`]) {
  apiRoutes.get(path, access.public(), (c) => {
    const baseUrl = c.get('services').config.baseUrl;
    return renderApiDocs(c, openApiDocument(baseUrl), baseUrl);
  });
}

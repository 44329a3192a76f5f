import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Actor } from '../../platform/authz/index.ts';
import { access, UnauthenticatedError } from '../../platform/http/access.ts';
import type { AppEnv } from '../../platform/http/env.ts';
import { invalidInput, jsonBody, type ApiError } from '../../platform/api/api.errors.ts';
import { errorSchema } from '../../platform/api/api.schemas.ts';
import { communeByCode } from '../../territory/index.ts';
import { ageBands, genders, personStatuses } from '../beneficiaries/beneficiaries.schema.ts';
import { recordActivity } from './activities.commands.ts';
import { keptRoles } from '../organisations/organisations.queries.ts';
import { isRealDay } from './activities.forms.ts';
import { listActivities, type ActivityFilters } from './activities.queries.ts';
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

/** GET and POST /api/v1/activites: the records as the list shows them, and recording through the same command. */
export const activitiesApi = new OpenAPIHono<AppEnv>({ defaultHook: invalidInput });

const maxPerPage = 100;
const json = <S>(schema: S, description: string) => ({ description, content: { 'application/json': { schema } } });
const errors = {
  401: json(errorSchema, 'Jeton absent, inconnu, révoqué ou expiré.'),
  403: json(errorSchema, 'Le jeton n’a pas le droit (scope) demandé.'),
};
const codes = (list: readonly string[]) => list.join(', ');
const one = (description: string) => z.string().optional().openapi({ description });

function actorOf(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw new UnauthenticatedError();
  return actor;
}

const activitiesQuery = z.object({
  du: one('Premier jour (AAAA-MM-JJ), compris.').openapi({ param: { name: 'du', in: 'query' }, example: '2026-03-01' }),
  au: one('Dernier jour (AAAA-MM-JJ), compris.').openapi({ param: { name: 'au', in: 'query' }, example: '2026-03-31' }),
  type: one(`Type d’activité : ${codes(activityKinds)}.`).openapi({ param: { name: 'type', in: 'query' } }),
  theme: one(`Un thème : ${codes(themes)}.`).openapi({ param: { name: 'theme', in: 'query' } }),
  partenaire: one('Identifiant de l’organisation partenaire dont la démarche a été faite.').openapi({ param: { name: 'partenaire', in: 'query' } }),
  lieu: one('Identifiant du lieu.').openapi({ param: { name: 'lieu', in: 'query' } }),
  commune: one('Code COG de la commune de la personne.').openapi({ param: { name: 'commune', in: 'query' } }),
  page: one('Numéro de page, à partir de 1.').openapi({ param: { name: 'page', in: 'query' }, example: '1' }),
  par_page: one(`Nombre d’activités par page, ${maxPerPage} au plus (20 par défaut).`).openapi({ param: { name: 'par_page', in: 'query' }, example: '20' }),
});

const activitySchema = z
  .object({
    id: z.uuid(),
    type: z.enum(activityKinds),
    date: z.string().openapi({ description: 'Jour de l’activité, heure de Nouméa (AAAA-MM-JJ).' }),
    duree_minutes: z.number().int(),
    canal: z.enum(channels),
    themes: z.array(z.enum(themes)),
    structure_id: z.uuid(),
    aidant_id: z.uuid(),
    lieu_id: z.uuid().nullable(),
    demarche_id: z.uuid().nullable(),
    resultat_demarche: z.enum(procedureOutcomes).nullable(),
    commune: z.string().nullable().openapi({ description: 'Code COG de la commune de la personne (accompagnement individuel), ou null.' }),
    personne_suivie: z.boolean().openapi({ description: 'La personne a une fiche (avec son consentement). Son identité n’est jamais donnée par l’API.' }),
    titre: z.string().nullable().openapi({ description: 'Titre de l’atelier.' }),
    participants: z.number().int().openapi({ description: 'Nombre d’accompagnements que l’activité compte : 1, ou chaque participant d’un atelier.' }),
  })
  .openapi('Activite');

const activitiesPage = z
  .object({
    donnees: z.array(activitySchema),
    pagination: z.object({ page: z.number().int(), par_page: z.number().int(), total: z.number().int(), pages: z.number().int() }),
  })
  .openapi('PageActivites');

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

activitiesApi.openapi(
  createRoute({
    method: 'get',
    path: '/api/v1/activites',
    middleware: [access.to('api.activities.read')] as const,
    summary: 'Lister les activités',
    description:
      'Les accompagnements et ateliers que le jeton (portée activites:lire : tout le réseau) ou la personne connectée peut lire, du plus récent au plus ancien, avec les filtres de la page /activites.',
    tags: ['Activités'],
    security: [{ jetonApi: ['activites:lire'] }],
    request: { query: activitiesQuery },
    responses: { 200: json(activitiesPage, 'Une page d’activités et la pagination.'), ...errors, 422: json(errorSchema, 'Un paramètre n’est pas valide ; `champs` dit lequel.') },
  }),
  async (c) => {
    const actor = actorOf(c);
    const q = c.req.valid('query');
    const champs: Record<string, string> = {};
    if (q.du && !isRealDay(q.du)) champs.du = 'Le paramètre du doit être une date AAAA-MM-JJ, par exemple 2026-03-01.';
    if (q.au && !isRealDay(q.au)) champs.au = 'Le paramètre au doit être une date AAAA-MM-JJ, par exemple 2026-03-31.';
    const kind = activityKinds.find((k) => k === q.type);
    if (q.type && !kind) champs.type = `Le paramètre type doit valoir ${codes(activityKinds)}.`;
    const theme = themes.find((t) => t === q.theme);
    if (q.theme && !theme) champs.theme = 'Le paramètre theme doit être un thème connu (voir la liste dans la documentation).';
    if (q.partenaire && !uuidShape.test(q.partenaire)) champs.partenaire = 'Le paramètre partenaire doit être un identifiant d’organisation.';
    if (q.lieu && !uuidShape.test(q.lieu)) champs.lieu = 'Le paramètre lieu doit être un identifiant de lieu.';
    if (q.commune && !communeByCode(q.commune)) champs.commune = 'Le paramètre commune doit être un code COG de Nouvelle-Calédonie (voir /api/v1/communes).';
    const pageText = q.page ?? '1';
    const perPageText = q.par_page ?? '20';
    if (!/^\d{1,6}$/.test(pageText) || Number(pageText) < 1) champs.page = 'Le paramètre page doit être un nombre entier à partir de 1.';
    if (!/^\d{1,3}$/.test(perPageText) || Number(perPageText) < 1 || Number(perPageText) > maxPerPage) champs.par_page = `Le paramètre par_page doit être un nombre entier entre 1 et ${maxPerPage}.`;
    if (Object.keys(champs).length > 0) {
      const body: ApiError = { error: 'donnees_invalides', message: 'Les données envoyées ne sont pas valides.', champs };
      return c.json(body, 422);
    }
    const filters: ActivityFilters = { from: q.du, to: q.au, kind, theme, partnerId: q.partenaire, placeId: q.lieu, communeCode: q.commune };
    const page = Number(pageText);
    const perPage = Number(perPageText);
    const result = await listActivities(c.get('services').database.db, actor, filters, { page, perPage });
    return c.json(
      {
        donnees: result.rows.map((r) => ({
          id: r.id,
          type: r.kind,
          date: r.date,
          duree_minutes: r.durationMinutes,
          canal: r.channel,
          themes: r.themes,
          structure_id: r.organisationId,
          aidant_id: r.helperUserId,
          lieu_id: r.placeId,
          demarche_id: r.procedureId,
          resultat_demarche: r.procedureOutcome,
          commune: r.communeCode,
          personne_suivie: r.beneficiaryId !== null,
          titre: r.title,
          participants: r.participantCount,
        })),
        pagination: { page, par_page: perPage, total: result.total, pages: result.pageCount },
      },
      200,
    );
  },
);

const enumField = <T extends readonly [string, ...string[]]>(values: T, field: string) => z.enum(values, { error: `Le champ ${field} doit valoir ${codes(values)}.` });
const counts = <T extends readonly [string, ...string[]]>(values: T) => z.partialRecord(z.enum(values), z.number().int().min(0)).optional();

const newActivityBody = z
  .object(
    {
      id: z.uuid({ error: 'Le champ id doit être un UUID.' }).optional().openapi({ description: 'Facultatif : l’identifiant déjà donné à l’activité (saisie hors connexion).' }),
      type: enumField(activityKinds, 'type').optional().openapi({ description: `Par défaut individual. ${codes(activityKinds)}.` }),
      structure_id: z.uuid({ error: 'Le champ structure_id doit être un identifiant d’organisation.' }).optional().openapi({ description: 'La structure pour laquelle l’aidant a aidé. Obligatoire avec un jeton d’API ; facultatif pour une personne connectée qui n’aide que pour une structure.' }),
      aidant_id: z.uuid({ error: 'Le champ aidant_id doit être un identifiant de compte.' }).optional().openapi({ description: 'L’aidant (rôle aidant dans la structure). Obligatoire avec un jeton d’API ; ignoré pour une personne connectée.' }),
      date: z.string({ error: 'Le champ date est obligatoire (AAAA-MM-JJ).' }).openapi({ description: 'Jour de l’activité, jamais dans le futur (heure de Nouméa).', example: '2026-03-03' }),
      duree_minutes: z.number({ error: 'Le champ duree_minutes doit être un nombre de minutes.' }).openapi({ description: 'De 1 à 720 minutes.', example: 30 }),
      canal: enumField(channels, 'canal').optional().openapi({ description: `Par défaut at_place. ${codes(channels)}.` }),
      themes: z.array(z.enum(themes, { error: 'Thème inconnu : choisissez un des thèmes de la documentation.' }), { error: 'Le champ themes doit être une liste de thèmes.' }).openapi({ description: `Au moins un : ${codes(themes)}.`, example: ['email'] }),
      sous_themes: z.array(z.enum(administrativeSubThemes, { error: 'Précision de démarche inconnue : voir la documentation.' })).optional().openapi({ description: `Avec administrative_procedures seulement : ${codes(administrativeSubThemes)}.` }),
      materiel: z.array(enumField(materials, 'materiel')).optional().openapi({ description: codes(materials) }),
      notes: z.string().optional(),
      lieu_id: z.uuid({ error: 'Le champ lieu_id doit être un identifiant de lieu.' }).nullable().optional(),
      autonomie: enumField(autonomyLevels, 'autonomie').nullable().optional(),
      orientee: z.boolean({ error: 'Le champ orientee doit valoir true ou false.' }).optional(),
      orientation: enumField(orientationDestinations, 'orientation').nullable().optional(),
      demarche_id: z.uuid({ error: 'Le champ demarche_id doit être un identifiant de démarche.' }).nullable().optional(),
      resultat_demarche: enumField(procedureOutcomes, 'resultat_demarche').nullable().optional(),
      beneficiaire_id: z.uuid({ error: 'Le champ beneficiaire_id doit être un identifiant de personne suivie.' }).nullable().optional().openapi({ description: 'Une personne suivie par la structure.' }),
      commune: z.string().nullable().optional().openapi({ description: 'Code COG de la commune de la personne.' }),
      tranche_age: enumField(ageBands, 'tranche_age').optional(),
      genre: enumField(genders, 'genre').optional(),
      situation: enumField(personStatuses, 'situation').optional(),
      titre: z.string().nullable().optional().openapi({ description: 'Atelier : obligatoire.' }),
      niveau: enumField(workshopLevels, 'niveau').nullable().optional(),
      participants: z.array(z.uuid({ error: 'Le champ participants doit être une liste d’identifiants de personnes suivies.' })).optional().openapi({ description: 'Atelier : les personnes suivies présentes.' }),
      participants_anonymes: z.number({ error: 'Le champ participants_anonymes doit être un nombre.' }).optional(),
      repartition: z
        .object({ genre: counts(genders), tranche_age: counts(ageBands), situation: counts(personStatuses) })
        .optional()
        .openapi({ description: 'Atelier : les participants anonymes comptés par genre, tranche d’âge et situation ; chaque répartition compte au plus participants_anonymes.' }),
    },
    { error: 'Envoyez un objet JSON avec au moins date, duree_minutes et themes.' },
  )
  .openapi('NouvelleActivite');

/** The API's field names for the command's. */
const apiFieldOf: Record<string, string> = {
  organisationId: 'structure_id',
  helperUserId: 'aidant_id',
  durationMinutes: 'duree_minutes',
  channel: 'canal',
  administrativeSubThemes: 'sous_themes',
  materials: 'materiel',
  placeId: 'lieu_id',
  autonomy: 'autonomie',
  oriented: 'orientee',
  orientationDestination: 'orientation',
  procedureId: 'demarche_id',
  procedureOutcome: 'resultat_demarche',
  beneficiaryId: 'beneficiaire_id',
  communeCode: 'commune',
  ageBand: 'tranche_age',
  gender: 'genre',
  status: 'situation',
  title: 'titre',
  level: 'niveau',
  participantIds: 'participants',
  anonymousParticipants: 'participants_anonymes',
  'participantBreakdown.gender': 'repartition.genre',
  'participantBreakdown.ageBand': 'repartition.tranche_age',
  'participantBreakdown.status': 'repartition.situation',
};

function apiFields(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(fields)) {
    const base = key.replace(/\.\d+$/, '');
    out[apiFieldOf[base] ?? base] ??= message;
  }
  return out;
}

activitiesApi.openapi(
  createRoute({
    method: 'post',
    path: '/api/v1/activites',
    middleware: [access.to('api.activities.write'), jsonBody] as const,
    summary: 'Enregistrer une activité',
    description:
      'Enregistre un accompagnement individuel ou un atelier, avec les mêmes règles que le formulaire. Avec un jeton (portée activites:ecrire), donnez structure_id et aidant_id ; la fiche garde le jeton qui l’a écrite (affiché sur sa page), ses modifications et sa suppression vont au journal d’audit.',
    tags: ['Activités'],
    security: [{ jetonApi: ['activites:ecrire'] }],
    request: { body: { required: true, content: { 'application/json': { schema: newActivityBody } } } },
    responses: {
      201: json(z.object({ id: z.uuid(), participants: z.number().int(), url: z.string() }).openapi('ActiviteEnregistree'), 'L’activité enregistrée.'),
      400: json(errorSchema, 'Le corps n’est pas du JSON valide.'),
      ...errors,
      415: json(errorSchema, 'Le corps n’est pas envoyé en JSON (en-tête Content-Type).'),
      422: json(errorSchema, 'Un champ n’est pas valide ; `champs` dit lequel et pourquoi. Rien n’est enregistré.'),
    },
  }),
  async (c) => {
    const actor = actorOf(c);
    const b = c.req.valid('json');
    const input = {
      id: b.id,
      kind: b.type ?? 'individual',
      organisationId: b.structure_id,
      helperUserId: b.aidant_id,
      date: b.date,
      durationMinutes: b.duree_minutes,
      channel: b.canal,
      themes: b.themes,
      administrativeSubThemes: b.sous_themes,
      materials: b.materiel,
      notes: b.notes,
      placeId: b.lieu_id ?? null,
      autonomy: b.autonomie ?? null,
      oriented: b.orientee,
      orientationDestination: b.orientation ?? null,
      procedureId: b.demarche_id ?? null,
      procedureOutcome: b.resultat_demarche ?? null,
      beneficiaryId: b.beneficiaire_id ?? null,
      communeCode: b.commune ?? null,
      ageBand: b.tranche_age,
      gender: b.genre,
      status: b.situation,
      title: b.titre ?? null,
      level: b.niveau ?? null,
      participantIds: b.participants,
      anonymousParticipants: b.participants_anonymes,
      participantBreakdown: b.repartition ? { gender: b.repartition.genre ?? {}, ageBand: b.repartition.tranche_age ?? {}, status: b.repartition.situation ?? {} } : undefined,
    };
    const { db } = c.get('services').database;
    const roles = await keptRoles(db);
    const result = await db.transaction((tx) => recordActivity(tx, actor, input, { requestId: c.get('requestId'), keptRoles: roles }));
    if (!result.ok) {
      const body: ApiError = { error: 'donnees_invalides', message: 'Les données envoyées ne sont pas valides : rien n’a été enregistré.', champs: apiFields(result.fields) };
      return c.json(body, 422);
    }
    const url = `${c.get('services').config.baseUrl}/activites/${result.value.id}`;
    c.header('Location', url);
    return c.json({ id: result.value.id, participants: result.value.participantCount, url }, 201);
  },
);

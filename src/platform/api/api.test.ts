import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { loadSession } from '../../modules/accounts/index.ts';
import { createApiToken, revokeApiToken, type ApiScope } from '../../modules/api-tokens/index.ts';
import { apiTokens } from '../../modules/api-tokens/api-tokens.schema.ts';
import { auditEvents } from '../../modules/audit/audit.schema.ts';
import { organisationByName } from '../../modules/organisations/index.ts';
import type { Actor } from '../authz/index.ts';
import { testApp, type TestApp } from '../../../tests/support/test-app.ts';

describe('API v1', () => {
  let t: TestApp;
  let admin: Actor;

  async function token(scopes: ApiScope[], expiresAt: Date | null = null) {
    const created = await t.database.db.transaction((tx) => createApiToken(tx, admin, { name: `essai ${scopes.join('+') || 'sans droit'}`, scopes, expiresAt }));
    assert.ok(created.ok);
    return created.value;
  }

  function call(path: string, bearer: string | null, init: { method?: string; body?: unknown; contentType?: string } = {}) {
    const headers: Record<string, string> = {};
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    if (init.body !== undefined) headers['content-type'] = init.contentType ?? 'application/json';
    return t.request(path, {
      method: init.method ?? 'GET',
      headers,
      ...(init.body !== undefined ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) } : {}),
    });
  }

  before(async () => {
    t = await testApp({ seed: true });
    const cookie = await t.cookieFor('administrateur@demo.relais.nc');
    const found = await loadSession(t.database.db, cookie.split('=')[1] ?? '');
    assert.ok(found?.actor);
    admin = found.actor;
  });
  after(() => t.close());

  describe('description', () => {
    it('publishes an OpenAPI 3.1 document with the paths and the bearer scheme, without a token', async () => {
      const response = await call('/api/v1/openapi.json', null);
      assert.equal(response.status, 200);
      const doc = await response.json();
      assert.match(doc.openapi, /^3\.1/);
      assert.equal(doc.info.title, 'API Relais');
      assert.ok(doc.paths['/api/v1/organisations'].get);
      assert.ok(doc.paths['/api/v1/organisations'].post);
      assert.ok(doc.paths['/api/v1/communes'].get);
      assert.deepEqual(doc.components.securitySchemes.jetonApi, { type: 'http', scheme: 'bearer', description: doc.components.securitySchemes.jetonApi.description });
      assert.deepEqual(doc.paths['/api/v1/organisations'].post.security, [{ jetonApi: ['organisations:write'] }]);
      assert.deepEqual(doc.components.schemas.NouvelleOrganisation.required, ['nom', 'type', 'code_commune']);
    });

    it('shows a French documentation page, at /api/v1 and /api/v1/docs, written from the OpenAPI document', async () => {
      for (const path of ['/api/v1', '/api/v1/docs']) {
        const response = await call(path, null);
        assert.equal(response.status, 200);
        assert.match(response.headers.get('content-type') ?? '', /text\/html/);
        const html = await response.text();
        assert.match(html, /<title>Documentation de l’API/);
        assert.equal(html.match(/<h1/g)?.length, 1);
        for (const expected of ['GET /api/v1/organisations', 'POST /api/v1/organisations', 'GET /api/v1/communes', 'Authorization: Bearer relais_…', 'organisations:write', 'curl -X POST', 'donnees_invalides', 'par_page']) {
          assert.ok(html.includes(expected), `la documentation devrait mentionner « ${expected} »`);
        }
        assert.doesNotMatch(html, /<script[^>]+src="http/);
      }
    });
  });

  describe('GET /api/v1/communes', () => {
    it('lists the 33 communes with their code, name and province, without a token', async () => {
      const response = await call('/api/v1/communes', null);
      assert.equal(response.status, 200);
      const { donnees } = await response.json();
      assert.equal(donnees.length, 33);
      assert.deepEqual(
        donnees.find((c: { code: string }) => c.code === '98818'),
        { code: '98818', nom: 'Nouméa', province: 'sud' },
      );
    });
  });

  describe('GET /api/v1/organisations', () => {
    it('answers 401 in French without a token, and with an unknown token', async () => {
      for (const bearer of [null, 'relais_inconnu']) {
        const response = await call('/api/v1/organisations', bearer);
        assert.equal(response.status, 401);
        const body = await response.json();
        assert.equal(body.error, 'non_authentifie');
        assert.match(body.message, /Authentification requise/);
      }
    });

    it('answers 403 to a token without the organisations:read scope', async () => {
      const { token: bearer } = await token(['organisations:write']);
      const response = await call('/api/v1/organisations', bearer);
      assert.equal(response.status, 403);
      assert.equal((await response.json()).error, 'interdit');
    });

    it('answers 403 to a signed-in person: the API is for tokens', async () => {
      const response = await t.request('/api/v1/organisations', { cookie: await t.cookieFor('administrateur@demo.relais.nc') });
      assert.equal(response.status, 403);
    });

    it('answers 401 to a revoked token and to an expired token', async () => {
      const revoked = await token(['organisations:read']);
      assert.equal((await call('/api/v1/organisations', revoked.token)).status, 200);
      const done = await t.database.db.transaction((tx) => revokeApiToken(tx, admin, revoked.id));
      assert.ok(done.ok);
      assert.equal((await call('/api/v1/organisations', revoked.token)).status, 401);
      const expired = await token(['organisations:read'], new Date(Date.now() - 1000));
      assert.equal((await call('/api/v1/organisations', expired.token)).status, 401);
    });

    it('lists organisations page by page with French snake_case fields', async () => {
      const { token: bearer } = await token(['organisations:read']);
      const first = await call('/api/v1/organisations?par_page=5', bearer);
      assert.equal(first.status, 200);
      const one = await first.json();
      assert.equal(one.donnees.length, 5);
      assert.deepEqual(Object.keys(one.donnees[0]).sort(), ['code_commune', 'id', 'nom', 'province', 'ridet', 'type']);
      assert.equal(one.pagination.page, 1);
      assert.equal(one.pagination.par_page, 5);
      assert.ok(one.pagination.total >= 22);
      assert.equal(one.pagination.pages, Math.ceil(one.pagination.total / 5));
      const all = await (await call('/api/v1/organisations?par_page=100', bearer)).json();
      assert.equal(all.donnees.length, all.pagination.total);
      // Pages cut the same ordered list: page 3 of 5 is the 11th to the 15th, whatever the internal page size.
      const third = await (await call('/api/v1/organisations?par_page=5&page=3', bearer)).json();
      assert.deepEqual(
        third.donnees.map((o: { id: string }) => o.id),
        all.donnees.slice(10, 15).map((o: { id: string }) => o.id),
      );
      const across = await (await call('/api/v1/organisations?par_page=7&page=3', bearer)).json();
      assert.deepEqual(
        across.donnees.map((o: { id: string }) => o.id),
        all.donnees.slice(14, 21).map((o: { id: string }) => o.id),
      );
      const beyond = await (await call('/api/v1/organisations?page=50', bearer)).json();
      assert.deepEqual(beyond.donnees, []);
    });

    it('filters by province and by type', async () => {
      const { token: bearer } = await token(['organisations:read']);
      const iles = await (await call('/api/v1/organisations?province=iles&par_page=100', bearer)).json();
      assert.ok(iles.donnees.length > 0);
      assert.ok(iles.donnees.every((o: { province: string }) => o.province === 'iles'));
      const opt = await (await call('/api/v1/organisations?type=opt_agency&par_page=100', bearer)).json();
      assert.equal(opt.donnees.length, 6);
      assert.ok(opt.donnees.every((o: { type: string }) => o.type === 'opt_agency'));
    });

    it('refuses invalid parameters with 422 and a French message per parameter', async () => {
      const { token: bearer } = await token(['organisations:read']);
      for (const [query, field] of [
        ['par_page=101', 'par_page'],
        ['par_page=0', 'par_page'],
        ['page=abc', 'page'],
        ['province=paris', 'province'],
        ['type=banque', 'type'],
      ] as const) {
        const response = await call(`/api/v1/organisations?${query}`, bearer);
        assert.equal(response.status, 422, query);
        const body = await response.json();
        assert.equal(body.error, 'donnees_invalides');
        assert.match(body.champs[field], new RegExp(`paramètre ${field}`), query);
      }
    });
  });

  describe('POST /api/v1/organisations', () => {
    it('answers 401 without a token and 403 with a read-only token', async () => {
      const body = { nom: 'Sans droit', type: 'association', code_commune: '98818' };
      assert.equal((await call('/api/v1/organisations', null, { method: 'POST', body })).status, 401);
      const { token: bearer } = await token(['organisations:read']);
      assert.equal((await call('/api/v1/organisations', bearer, { method: 'POST', body })).status, 403);
      assert.equal(await organisationByName(t.database.db, 'Sans droit'), null);
    });

    it('refuses an invalid body with 422 and French messages named by JSON field', async () => {
      const { token: bearer } = await token(['organisations:write']);
      const response = await call('/api/v1/organisations', bearer, { method: 'POST', body: { nom: 'A', type: 'banque', ridet: '12', code_commune: '75056' } });
      assert.equal(response.status, 422);
      const body = await response.json();
      assert.equal(body.error, 'donnees_invalides');
      assert.equal(body.message, 'Les données envoyées ne sont pas valides.');
      assert.match(body.champs.nom, /Entrez le nom de l’organisation/);
      assert.match(body.champs.type, /Choisissez le type d’organisation/);
      assert.match(body.champs.ridet, /Entrez un RIDET/);
      assert.match(body.champs.code_commune, /Choisissez une commune/);
      const missing = await (await call('/api/v1/organisations', bearer, { method: 'POST', body: {} })).json();
      assert.match(missing.champs.nom, /Entrez le nom/);
      const notAnObject = await call('/api/v1/organisations', bearer, { method: 'POST', body: [1, 2] });
      assert.equal(notAnObject.status, 422);
      assert.match((await notAnObject.json()).champs.corps, /objet JSON/);
    });

    it('answers 400 in French to malformed JSON, and 415 to a body that is not JSON', async () => {
      const { token: bearer } = await token(['organisations:write']);
      const malformed = await call('/api/v1/organisations', bearer, { method: 'POST', body: '{"nom": ' });
      assert.equal(malformed.status, 400);
      assert.equal((await malformed.json()).error, 'json_invalide');
      const empty = await call('/api/v1/organisations', bearer, { method: 'POST', body: '' });
      assert.equal(empty.status, 400);
      const form = await call('/api/v1/organisations', bearer, { method: 'POST', body: 'nom=Essai', contentType: 'application/x-www-form-urlencoded' });
      assert.equal(form.status, 415);
      assert.match((await form.json()).message, /JSON/);
      const none = await t.request('/api/v1/organisations', { method: 'POST', headers: { authorization: `Bearer ${bearer}` } });
      assert.equal(none.status, 415);
    });

    it('creates an organisation, answers 201 with it, and writes an audit row in the token’s name', async () => {
      const { token: bearer } = await token(['organisations:write']);
      const response = await call('/api/v1/organisations', bearer, {
        method: 'POST',
        body: { nom: '  Association Api Test  ', type: 'association', ridet: '1234567 001', code_commune: '98814', inconnu: 'ignoré' },
      });
      assert.equal(response.status, 201);
      const created = await response.json();
      assert.deepEqual({ ...created, id: undefined }, { id: undefined, nom: 'Association Api Test', type: 'association', ridet: '1234567.001', province: 'iles', code_commune: '98814' });
      assert.equal(response.headers.get('location'), `/api/v1/organisations/${created.id}`);
      const stored = await organisationByName(t.database.db, 'Association Api Test');
      assert.equal(stored?.id, created.id);
      const [audit] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, created.id));
      assert.equal(audit?.action, 'organisation.create');
      assert.match(audit?.actorLabel ?? '', /Jeton d’API « essai organisations:write »/);
      assert.equal(audit?.actorUserId, null);
    });

    it('answers 409 in French when the name or the RIDET is taken', async () => {
      const { token: bearer } = await token(['organisations:write']);
      const sameName = await call('/api/v1/organisations', bearer, { method: 'POST', body: { nom: 'enercal', type: 'partner', code_commune: '98818' } });
      assert.equal(sameName.status, 409);
      const body = await sameName.json();
      assert.equal(body.error, 'conflit');
      assert.match(body.champs.nom, /porte déjà ce nom/);
      const sameRidet = await call('/api/v1/organisations', bearer, { method: 'POST', body: { nom: 'Autre reconditionneur', type: 'refurbisher', ridet: '1000001.001', code_commune: '98818' } });
      assert.equal(sameRidet.status, 409);
      assert.match((await sameRidet.json()).champs.ridet, /RIDET/);
    });

    it('records when a token was last used', async () => {
      const { id, token: bearer } = await token(['organisations:read']);
      await call('/api/v1/organisations', bearer);
      const [row] = await t.database.db.select().from(apiTokens).where(eq(apiTokens.id, id));
      assert.ok(row?.lastUsedAt);
    });
  });
});

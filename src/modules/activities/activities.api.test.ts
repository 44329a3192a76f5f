import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { localDay } from '../../platform/format.ts';
import type { Actor } from '../../platform/authz/index.ts';
import { testApp, type TestApp } from '../../../tests/support/test-app.ts';
import { createApiToken, type ApiScope } from '../api-tokens/index.ts';
import { organisationByName } from '../organisations/index.ts';
import { recordActivity } from './activities.commands.ts';
import { addDays } from './activities.dates.ts';
import { activities } from './activities.schema.ts';
import { actorOf, structureWith } from './activities.test-support.ts';

const page = z.object({
  donnees: z.array(z.object({ id: z.string(), type: z.string(), themes: z.array(z.string()), structure_id: z.string(), participants: z.number(), personne_suivie: z.boolean() })),
  pagination: z.object({ total: z.number(), pages: z.number() }),
});
const failure = z.object({ error: z.string(), message: z.string(), champs: z.record(z.string(), z.string()).optional() });
const created = z.object({ id: z.string(), participants: z.number(), url: z.string() });

describe('API v1: activities', () => {
  let t: TestApp;
  let admin: Actor;
  let helper: Actor & { kind: 'person' };
  let koneId: string;
  const today = localDay(new Date());

  async function token(scopes: ApiScope[]): Promise<string> {
    const made = await t.database.db.transaction((tx) => createApiToken(tx, admin, { name: `essai ${scopes.join('+') || 'sans droit'}`, scopes, expiresAt: null }));
    assert.ok(made.ok);
    return made.value.token;
  }

  function call(path: string, bearer: string | null, body?: unknown) {
    const headers: Record<string, string> = {};
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    return t.request(path, { method: body === undefined ? 'GET' : 'POST', headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  }

  async function rows(): Promise<number> {
    const [row] = await t.database.db.select({ n: count() }).from(activities);
    return row?.n ?? 0;
  }

  before(async () => {
    t = await testApp({ seed: true });
    admin = await actorOf(t.database.db, 'administrateur@demo.relais.nc');
    helper = await actorOf(t.database.db, 'aidant@demo.relais.nc');
    koneId = (await organisationByName(t.database.db, 'Agence OPT de Koné'))?.id ?? '';
    const other = await structureWith(t.database.db, { name: 'Association de Poindimié (test)', commune: 'Poindimié', email: 'aidant.poindimie@test.nc', role: 'helper' });
    for (const [who, theme] of [[helper, 'email'], [helper, 'health'], [other.actor, 'security']] as const) {
      const r = await t.database.db.transaction((tx) => recordActivity(tx, who, { date: today, durationMinutes: 30, themes: [theme] }));
      assert.ok(r.ok);
    }
  });
  after(() => t.close());

  it('answers 401 without a token and 403 with a token lacking the scope', async () => {
    assert.equal((await call('/api/v1/activites', null)).status, 401);
    assert.equal((await call('/api/v1/activites', null, { date: today, duree_minutes: 30, themes: ['email'] })).status, 401);
    const other = await token(['organisations:read']);
    assert.equal((await call('/api/v1/activites', other)).status, 403);
    const reader = await token(['activites:lire']);
    assert.equal((await call('/api/v1/activites', reader, { date: today, duree_minutes: 30, themes: ['email'] })).status, 403);
  });

  it('lists the network’s records for a reading token, with filters, and only their own for a helper’s session', async () => {
    const reader = await token(['activites:lire']);
    const all = page.parse(await (await call(`/api/v1/activites?du=${today}`, reader)).json());
    assert.equal(all.pagination.total, 3);
    const email = page.parse(await (await call(`/api/v1/activites?theme=email&du=${today}`, reader)).json());
    assert.deepEqual(email.donnees.map((d) => d.themes), [['email']]);
    const bad = failure.parse(await (await call('/api/v1/activites?du=hier&par_page=500', reader)).json());
    assert.ok(bad.champs?.du && bad.champs.par_page);
    const mine = await t.request(`/api/v1/activites?du=${today}`, { cookie: await t.cookieFor('aidant@demo.relais.nc') });
    assert.equal(page.parse(await mine.json()).pagination.total, 2);
  });

  it('records through a writing token for a helper of the structure, and refuses bad input in French with nothing saved', async () => {
    const writer = await token(['activites:ecrire']);
    const before = await rows();
    const missing = failure.parse(await (await call('/api/v1/activites', writer, { date: today, duree_minutes: 30, themes: ['email'] })).json());
    assert.ok(missing.champs?.structure_id && missing.champs.aidant_id);
    const future = await call('/api/v1/activites', writer, { structure_id: koneId, aidant_id: helper.userId, date: addDays(today, 3), duree_minutes: 30, themes: ['email'] });
    assert.equal(future.status, 422);
    assert.match(failure.parse(await future.json()).champs?.date ?? '', /futur/);
    const long = failure.parse(await (await call('/api/v1/activites', writer, { structure_id: koneId, aidant_id: helper.userId, date: today, duree_minutes: 800, themes: ['email'] })).json());
    assert.match(long.champs?.duree_minutes ?? '', /12 heures/);
    const unknown = await call('/api/v1/activites', writer, { structure_id: koneId, aidant_id: helper.userId, date: today, duree_minutes: 30, themes: ['cuisine'] });
    assert.equal(unknown.status, 422);
    const workshop = failure.parse(
      await (await call('/api/v1/activites', writer, { type: 'workshop', titre: 'Atelier', structure_id: koneId, aidant_id: helper.userId, date: today, duree_minutes: 90, themes: ['email'], participants_anonymes: 2, repartition: { genre: { female: 3 } } })).json(),
    );
    assert.match(workshop.champs?.['repartition.genre'] ?? '', /dépassent/);
    assert.equal(await rows(), before);
    const ok = await call('/api/v1/activites', writer, { type: 'workshop', titre: 'Atelier', structure_id: koneId, aidant_id: helper.userId, date: today, duree_minutes: 90, themes: ['email'], participants_anonymes: 5, repartition: { genre: { female: 3, male: 2 } } });
    assert.equal(ok.status, 201);
    const body = created.parse(await ok.json());
    assert.equal(body.participants, 5);
    const [row] = await t.database.db.select().from(activities).where(eq(activities.id, body.id));
    assert.equal(row?.helperUserId, helper.userId);
    const page = await (await t.request(`/activites/${body.id}`, { cookie: await t.cookieFor('aidant@demo.relais.nc') })).text();
    assert.match(page, /Le jeton d’API « essai activites:ecrire », au nom de l’aidant/, 'the record says which token wrote it');
  });

  it('refuses to record for someone who is not, or no longer, a helper of the structure, from the very next request', async () => {
    const writer = await token(['activites:ecrire']);
    const record = () => call('/api/v1/activites', writer, { structure_id: koneId, aidant_id: helper.userId, date: today, duree_minutes: 30, themes: ['email'] });
    const helperRole = `user_id = '${helper.userId}' and organisation_id = '${koneId}' and role = 'helper'`;
    assert.equal((await record()).status, 201);
    await t.database.executeSql(`update memberships set ended_at = now() where ${helperRole}`);
    try {
      const refused = await record();
      assert.equal(refused.status, 422);
      assert.match(failure.parse(await refused.json()).champs?.aidant_id ?? '', /n’est pas aidante dans cette structure/);
    } finally {
      await t.database.executeSql(`update memberships set ended_at = null where ${helperRole}`);
    }
    assert.equal((await record()).status, 201, 'a membership given back counts at once too');
    // Without the announcement (its trigger off), only PGlite's kept answer still says yes: that is what is kept.
    await t.database.executeSql('alter table memberships disable trigger relais_sessions_memberships');
    try {
      await t.database.executeSql(`update memberships set ended_at = now() where ${helperRole}`);
      assert.equal((await record()).status, t.database.kind === 'pglite' ? 201 : 422);
    } finally {
      await t.database.executeSql(`update memberships set ended_at = null where ${helperRole}`);
      await t.database.executeSql('alter table memberships enable trigger relais_sessions_memberships');
    }
  });

  it('describes both operations in the OpenAPI document', async () => {
    const doc = z.object({ paths: z.record(z.string(), z.record(z.string(), z.unknown())) }).parse(await (await t.request('/api/v1/openapi.json')).json());
    assert.ok(doc.paths['/api/v1/activites']?.get);
    assert.ok(doc.paths['/api/v1/activites']?.post);
  });
});

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { hashSecret } from '../../platform/ids.ts';
import { auditEvents } from '../audit/audit.schema.ts';
import { testApp, type TestApp } from '../../../tests/support/test-app.ts';
import { apiTokens } from './api-tokens.schema.ts';
import { startOfLocalDay } from '../../platform/format.ts';

describe('startOfLocalDay', () => {
  it('gives the UTC instant of local midnight in the territory, not the server’s', () => {
    assert.equal(startOfLocalDay('2026-03-10', 'Pacific/Noumea').toISOString(), '2026-03-09T13:00:00.000Z');
    assert.equal(startOfLocalDay('2026-01-01', 'UTC').toISOString(), '2026-01-01T00:00:00.000Z');
    // A zone with daylight saving time, on the day it starts.
    assert.equal(startOfLocalDay('2026-03-29', 'Europe/Paris').toISOString(), '2026-03-28T23:00:00.000Z');
  });
});

describe('API token administration (/admin/jetons)', () => {
  let t: TestApp;
  let admin: string;

  const tokenIn = (html: string) => /relais_[A-Za-z0-9_-]{43}/.exec(html)?.[0];

  async function create(form: Record<string, string | string[]>) {
    return t.request('/admin/jetons/nouveau', { cookie: admin, form });
  }

  before(async () => {
    t = await testApp({ seed: true });
    admin = await t.cookieFor('administrateur@demo.relais.nc');
  });
  after(() => t.close());

  it('sends anonymous people to sign in, and refuses other roles', async () => {
    const anonymous = await t.request('/admin/jetons');
    assert.equal(anonymous.status, 303);
    assert.match(anonymous.headers.get('location') ?? '', /^\/connexion/);
    const coordinator = await t.cookieFor('coordinateur@demo.relais.nc');
    assert.equal((await t.request('/admin/jetons', { cookie: coordinator })).status, 403);
    assert.equal((await t.request('/admin/jetons/nouveau', { cookie: coordinator, form: { name: 'x', scopes: 'organisations:read' } })).status, 403);
    assert.equal(await t.database.db.$count(apiTokens), 0);
  });

  it('shows an empty list that says what to do, and the navigation entry to administrators only', async () => {
    const html = await (await t.request('/admin/jetons', { cookie: admin })).text();
    assert.match(html, /<h1>Jetons d’API<\/h1>/);
    assert.match(html, /Aucun jeton pour l’instant/);
    assert.match(html, /href="\/admin\/jetons\/nouveau"/);
    assert.match(html, /<a class="r-nav__link" href="\/admin\/jetons"/);
    const helper = await (await t.request('/compte', { cookie: await t.cookieFor('aidant@demo.relais.nc') })).text();
    assert.doesNotMatch(helper, /href="\/admin\/jetons"/);
  });

  it('creates a token and shows it once, uncached, while the database keeps only its hash', async () => {
    const response = await create({ name: 'Tableau de bord CAFAT', scopes: ['organisations:read', 'organisations:write'], expiresOn: '' });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const html = await response.text();
    assert.match(html, /Copiez ce jeton maintenant/);
    const token = tokenIn(html);
    assert.ok(token, 'the page shows the token');
    const [row] = await t.database.db.select().from(apiTokens).where(eq(apiTokens.name, 'Tableau de bord CAFAT'));
    assert.ok(row);
    assert.equal(row.tokenHash, hashSecret(token));
    assert.ok(!Object.values(row).some((v) => typeof v === 'string' && v.includes(token)), 'no column holds the token itself');
    assert.deepEqual(row.scopes, ['organisations:read', 'organisations:write']);
    assert.equal(row.expiresAt, null);
    const list = await (await t.request('/admin/jetons', { cookie: admin })).text();
    assert.ok(!list.includes(token), 'the list never shows the token again');
    assert.ok(list.includes(row.prefix), 'the list shows its first characters');
    assert.match(list, /Lire les organisations/);
    assert.match(list, />Actif</);
    const api = await t.request('/api/v1/organisations', { headers: { authorization: `Bearer ${token}` } });
    assert.equal(api.status, 200);
    const [audit] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'apiToken.create'), eq(auditEvents.subjectId, row.id)));
    assert.ok(audit);
  });

  it('reads the expiry date as a day in Nouméa: the token works until the end of it', async () => {
    for (const [expiresOn, name] of [
      ['2099-12-31', 'Expiration ISO'],
      ['31/12/2099', 'Expiration française'],
    ] as const) {
      const response = await create({ name, scopes: 'organisations:read', expiresOn });
      assert.equal(response.status, 200, name);
      assert.match(await response.text(), /jusqu’au jeudi 31 décembre 2099 inclus/i);
      const [row] = await t.database.db.select().from(apiTokens).where(eq(apiTokens.name, name));
      assert.equal(row?.expiresAt?.toISOString(), '2099-12-31T13:00:00.000Z');
    }
  });

  it('refuses a form without a name, without a right, or with a past or impossible date, in French and keeping the input', async () => {
    const cases: [Record<string, string | string[]>, RegExp][] = [
      [{ name: '   ', scopes: 'organisations:read' }, /Entrez le nom du jeton/],
      [{ name: 'Sans droit' }, /Choisissez au moins un droit pour ce jeton/],
      [{ name: 'Droit inconnu', scopes: 'tout:faire' }, /Choisissez des droits dans la liste/],
      [{ name: 'Passé', scopes: 'organisations:read', expiresOn: '2020-01-01' }, /Choisissez une date d’expiration à partir d’aujourd’hui/],
      [{ name: 'Impossible', scopes: 'organisations:read', expiresOn: '2026-02-30' }, /Entrez une date d’expiration valide/],
    ];
    const before = await t.database.db.$count(apiTokens);
    for (const [form, message] of cases) {
      const response = await create(form);
      assert.equal(response.status, 422, JSON.stringify(form));
      const html = await response.text();
      assert.match(html, /<title>Erreur : /);
      assert.match(html, /class="r-error-summary"/);
      assert.match(html, message);
      if (typeof form.name === 'string' && form.name.trim()) assert.ok(html.includes(`value="${form.name}"`), 'the name is kept');
    }
    const kept = await (await create({ name: '', scopes: ['organisations:write'], expiresOn: '2099-01-01' })).text();
    assert.match(kept, /value="organisations:write" checked/);
    assert.match(kept, /value="2099-01-01"/);
    assert.equal(await t.database.db.$count(apiTokens), before);
  });

  it('asks for confirmation, then revokes a token, writes it to the audit log, and the token stops working', async () => {
    const token = tokenIn(await (await create({ name: 'À révoquer', scopes: 'organisations:read' })).text());
    assert.ok(token);
    const [row] = await t.database.db.select().from(apiTokens).where(eq(apiTokens.name, 'À révoquer'));
    assert.ok(row);
    assert.equal((await t.request('/api/v1/organisations', { headers: { authorization: `Bearer ${token}` } })).status, 200, 'works before, and is now kept in memory on PGlite');
    const confirm = await t.request(`/admin/jetons/${row.id}/revoquer`, { cookie: admin });
    assert.equal(confirm.status, 200);
    const html = await confirm.text();
    assert.match(html, /<h1>Révoquer le jeton « À révoquer » \?<\/h1>/);
    assert.match(html, new RegExp(`<form method="post" action="/admin/jetons/${row.id}/revoquer"`));
    const response = await t.request(`/admin/jetons/${row.id}/revoquer`, { cookie: admin, method: 'POST', form: {} });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/admin/jetons');
    const [after] = await t.database.db.select().from(apiTokens).where(eq(apiTokens.id, row.id));
    assert.ok(after?.revokedAt);
    const [audit] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'apiToken.revoke'), eq(auditEvents.subjectId, row.id)));
    assert.match(audit?.summary ?? '', /révoqué/);
    assert.match(audit?.actorLabel ?? '', /Sophie Martin/);
    assert.equal((await t.request('/api/v1/organisations', { headers: { authorization: `Bearer ${token}` } })).status, 401);
    const list = await (await t.request('/admin/jetons', { cookie: admin })).text();
    assert.match(list, />Révoqué</);
    const again = await t.request(`/admin/jetons/${row.id}/revoquer`, { cookie: admin });
    assert.equal(again.status, 303);
    const twice = await t.request(`/admin/jetons/${row.id}/revoquer`, { cookie: admin, method: 'POST', form: {} });
    assert.equal(twice.status, 303);
    const audits = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'apiToken.revoke'), eq(auditEvents.subjectId, row.id)));
    assert.equal(audits.length, 1, 'revoking twice is recorded once');
  });

  it('takes any change to a token into account on the next request, whoever writes it, though checked tokens are kept on PGlite', async () => {
    const token = tokenIn(await (await create({ name: 'Gardé', scopes: 'organisations:read' })).text());
    assert.ok(token);
    const bearer = { headers: { authorization: `Bearer ${token}` } };
    assert.equal((await t.request('/api/v1/organisations', bearer)).status, 200);
    await t.database.executeSql(`update api_tokens set scopes = '{metrics:read}' where name = 'Gardé'`);
    assert.equal((await t.request('/api/v1/organisations', bearer)).status, 403, 'a scope taken away');
    await t.database.executeSql(`update api_tokens set scopes = '{organisations:read}' where name = 'Gardé'`);
    assert.equal((await t.request('/api/v1/organisations', bearer)).status, 200);
    await t.database.executeSql(`update api_tokens set expires_at = now() - interval '1 second' where name = 'Gardé'`);
    assert.equal((await t.request('/api/v1/organisations', bearer)).status, 401, 'expired');
    await t.database.executeSql(`update api_tokens set expires_at = null where name = 'Gardé'`);
    assert.equal((await t.request('/api/v1/organisations', bearer)).status, 200);
    // Without the announcement (its trigger off), only PGlite's kept copy still lets the token in: that is what is kept.
    await t.database.executeSql('alter table api_tokens disable trigger relais_api_tokens_changed');
    try {
      await t.database.executeSql(`update api_tokens set revoked_at = now() where name = 'Gardé'`);
      assert.equal((await t.request('/api/v1/organisations', bearer)).status, t.database.kind === 'pglite' ? 200 : 401);
    } finally {
      await t.database.executeSql('alter table api_tokens enable trigger relais_api_tokens_changed');
    }
    await t.database.executeSql(`delete from api_tokens where name = 'Gardé'`);
    assert.equal((await t.request('/api/v1/organisations', bearer)).status, 401, 'deleted');
  });

  it('answers 404 for a token that does not exist', async () => {
    for (const id of ['00000000-0000-7000-8000-000000000000', 'pas-un-uuid']) {
      assert.equal((await t.request(`/admin/jetons/${id}/revoquer`, { cookie: admin })).status, 404);
      assert.equal((await t.request(`/admin/jetons/${id}/revoquer`, { cookie: admin, method: 'POST', form: {} })).status, 404);
    }
  });

  it('shows an expired token as expired', async () => {
    await create({ name: 'Bientôt expiré', scopes: 'organisations:read' });
    await t.database.db.update(apiTokens).set({ expiresAt: new Date(Date.now() - 60_000) }).where(eq(apiTokens.name, 'Bientôt expiré'));
    const list = await (await t.request('/admin/jetons', { cookie: admin })).text();
    assert.match(list, />Expiré</);
  });
});

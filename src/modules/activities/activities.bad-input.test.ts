import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { localDay } from '../../platform/format.ts';
import { testApp, type TestApp } from '../../../tests/support/test-app.ts';
import { createApiToken } from '../api-tokens/index.ts';
import { actorOf } from './activities.test-support.ts';

/** Whatever a person or a robot sends to the form or the API: never a server error, and a French refusal. */
describe('Activities under bad input', () => {
  let t: TestApp;
  let cookie: string;
  let bearer: string;
  const today = localDay(new Date());

  before(async () => {
    t = await testApp({ seed: true });
    cookie = await t.cookieFor('aidant@demo.relais.nc');
    const admin = await actorOf(t.database.db, 'administrateur@demo.relais.nc');
    const made = await t.database.db.transaction((tx) => createApiToken(tx, admin, { name: 'fuzz', scopes: ['activites:ecrire', 'activites:lire'], expiresAt: null }));
    assert.ok(made.ok);
    bearer = made.value.token;
  });
  after(() => t.close());

  const keys = ['kind', 'themes', 'duration', 'durationHours', 'durationMins', 'date', 'channel', 'placeId', 'procedureId', 'procedureOutcome', 'beneficiaryId', 'communeCode', 'anonymousParticipants', 'breakdown-gender-female', 'title', 'tagIds', 'newTag', 'oriented', 'organisationId'];
  const plausible = ['email', 'workshop', '30', 'autre', today, '2099-01-01', '2026-02-30', 'at_place', '98811', '-1', '1e9', '01900000-0000-7000-8000-000000000000', '------------------------------------', 'oui', '', '<script>', '😀'];
  const value = fc.oneof(fc.constantFrom(...plausible), fc.string({ maxLength: 40 }));
  const fields = fc.dictionary(fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 10 })), fc.oneof(value, fc.array(value, { maxLength: 3 })), { maxKeys: 8 });

  it('answers the form with a page, never a server error', async () => {
    await fc.assert(
      fc.asyncProperty(fields, async (form) => {
        const res = await t.request('/activites/nouvelle', { cookie, form });
        assert.ok([303, 403, 422].includes(res.status), `${res.status} for ${JSON.stringify(form)}`);
        if (res.status === 422) assert.match(await res.text(), /<title>Erreur : /);
      }),
      { numRuns: 40 },
    );
  });

  it('answers the API with JSON in French, never a server error', async () => {
    const json = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.record({ date: value, duree_minutes: fc.oneof(fc.integer(), value), themes: fc.array(value, { maxLength: 3 }), repartition: fc.jsonValue({ maxDepth: 2 }) }, { requiredKeys: [] }));
    await fc.assert(
      fc.asyncProperty(json, async (body) => {
        const res = await t.request('/api/v1/activites', { method: 'POST', headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
        assert.ok([201, 400, 422].includes(res.status), `${res.status} for ${JSON.stringify(body)}`);
        if (res.status !== 201) assert.match(JSON.stringify(await res.json()), /"message"/);
      }),
      { numRuns: 40 },
    );
    for (const path of ['/activites/------------------------------------', '/activites/nouvelle?depuis=------------------------------------&beneficiaryId=zz', '/api/v1/activites?du=x&page=-1']) {
      const res = await t.request(path, { cookie });
      assert.ok([200, 404, 422].includes(res.status), `${path}: ${res.status}`);
    }
  });
});

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../../../tests/support/test-app.ts';
import { givenPlace } from '../../../tests/support/places.ts';
import { localDay } from '../../platform/format.ts';
import { newId } from '../../platform/ids.ts';
import { labelApplications } from '../case-label/case-label.schema.ts';
import { places } from './places.schema.ts';
import { placesVersion } from './places.version.ts';

/**
 * What the public pages keep in memory (search results, cards, labelled places, open-data files) must never outlive
 * the data it came from: a change shows on the next request of the same process.
 */
describe('places kept in memory by the public pages', () => {
  let t: TestApp;
  let id = '';

  before(async () => {
    t = await testApp();
    id = await givenPlace(t.database, { name: 'Médiathèque de Poum', communeCode: '98826', postcode: '98826', phone: '+687471111' });
  });
  after(() => t.close());

  async function page(path: string): Promise<string> {
    const res = await t.request(path);
    assert.equal(res.status, 200, path);
    return res.text();
  }

  it('shows a renamed place and its new phone on /lieux at once, on a page already seen', async () => {
    assert.match(await page('/lieux?q=poum'), /Médiathèque de Poum/);
    assert.match(await page('/lieux?q=poum'), /47 11 11/);
    await t.database.db.update(places).set({ name: 'Cyberbase de Poum', phone: '+687472222' }).where(eq(places.id, id));
    const html = await page('/lieux?q=poum');
    assert.match(html, /Cyberbase de Poum/);
    assert.doesNotMatch(html, /Médiathèque de Poum/);
    assert.match(html, /47 22 22/);
    assert.doesNotMatch(html, /47 11 11/);
  });

  it('shows a new place at once, and not a change that was rolled back', async () => {
    assert.doesNotMatch(await page('/lieux'), /Atelier de Bélep/);
    await givenPlace(t.database, { name: 'Atelier de Bélep', communeCode: '98801', postcode: '98811' });
    assert.match(await page('/lieux'), /Atelier de Bélep/);
    await assert.rejects(
      t.database.db.transaction(async (tx) => {
        await tx.update(places).set({ name: 'Nom jamais validé' }).where(eq(places.id, id));
        throw new Error('annulé');
      }),
    );
    const html = await page('/lieux?q=poum');
    assert.doesNotMatch(html, /Nom jamais validé/);
    assert.match(html, /Cyberbase de Poum/);
  });

  it('shows the Case numérique badge as soon as the label is granted, and drops it when withdrawn', async () => {
    assert.doesNotMatch(await page('/lieux?q=poum'), /Case numérique labellisée/);
    const applicationId = newId();
    const today = localDay(new Date());
    await t.database.db.insert(labelApplications).values({
      id: applicationId,
      placeId: id,
      status: 'granted',
      applicantName: 'Léa Wenisso',
      applicantEmail: 'lea@test.nc',
      grantedOn: today,
      expiresOn: `${Number(today.slice(0, 4)) + 2}${today.slice(4)}`,
      decidedAt: new Date(),
    });
    assert.match(await page('/lieux?q=poum'), /Case numérique labellisée/);
    await t.database.db.update(labelApplications).set({ status: 'refused' }).where(eq(labelApplications.id, applicationId));
    assert.doesNotMatch(await page('/lieux?q=poum'), /Case numérique labellisée/);
  });

  it('serves a page of results already seen without asking the database', async () => {
    const client = t.database.pglite;
    if (!client) return; // PostgreSQL (CI's second pass): the version is read on every request by design.
    await page('/lieux?commune=98826');
    let statements = 0;
    const query = client.query.bind(client);
    client.query = (...args: Parameters<typeof query>) => {
      statements += 1;
      return query(...args);
    };
    try {
      await page('/lieux?commune=98826');
      await page('/lieux?commune=98826');
      assert.equal(statements, 0);
      await t.database.db.update(places).set({ phone: '+687473333' }).where(eq(places.id, id));
      statements = 0;
      assert.match(await page('/lieux?commune=98826'), /47 33 33/);
      assert.ok(statements > 0, 'after a change, the page is read again');
    } finally {
      client.query = query;
    }
  });

  it('changes the version with every committed write, and only then', async () => {
    const before = await placesVersion(t.database.db);
    assert.ok(before);
    assert.equal(await placesVersion(t.database.db), before);
    await t.database.db.update(places).set({ locality: 'Tribu de Tiabet' }).where(eq(places.id, id));
    const after = await placesVersion(t.database.db);
    assert.ok(after);
    assert.notEqual(after, before);
  });

  it('serves the open-data files from memory until a place changes, gzipped on request, with an ETag', async () => {
    const first = await t.request('/opendata/lieux.csv');
    assert.equal(first.status, 200);
    const csv = await first.text();
    assert.match(csv, /Cyberbase de Poum/);
    const etag = first.headers.get('etag');
    assert.ok(etag);
    const again = await t.request('/opendata/lieux.csv', { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    const zipped = await t.request('/opendata/lieux.csv', { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(zipped.headers.get('content-encoding'), 'gzip');
    assert.equal(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8'), csv);

    await t.database.db.update(places).set({ name: 'Espace numérique de Poum' }).where(eq(places.id, id));
    const changed = await t.request('/opendata/lieux.csv', { headers: { 'If-None-Match': etag } });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get('etag'), etag);
    const text = await changed.text();
    assert.match(text, /Espace numérique de Poum/);
    assert.doesNotMatch(text, /Cyberbase de Poum/);
    const json = await (await t.request('/opendata/lieux.json')).text();
    assert.match(json, /Espace numérique de Poum/);
  });
});

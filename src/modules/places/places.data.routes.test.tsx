import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { count, eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../../../tests/support/test-app.ts';
import { loadTableSchema, validateCsv, validateJson } from '../../../tests/support/table-schema.ts';
import { membershipsOf, userByEmail } from '../accounts/index.ts';
import { toCsv } from './places.csv.ts';
import { standardColumns } from './places.export.ts';
import { placesManagedBy } from './places.queries.ts';
import { places } from './places.schema.ts';

const schema = loadTableSchema(resolve(import.meta.dirname, 'data/standard-mediation-num.schema.json'));
const coordinator = 'coordinateur@demo.relais.nc';
const placeManager = 'responsable-lieu@demo.relais.nc';

function standardFile(rows: Partial<Record<(typeof standardColumns)[number], string>>[]): string {
  const header = [...standardColumns];
  return toCsv([header, ...rows.map((r) => header.map((c) => r[c] ?? ''))]);
}

const newPlace = { id: 'test-poum', pivot: '00000000000000', nom: 'Espace numérique de Poum (test)', commune: 'Poum', code_postal: '98826', adresse: 'Village', date_maj: '2024-05-01', services: 'Aide aux démarches administratives' };

describe('import page and open data', () => {
  let t: TestApp;
  before(async () => {
    t = await testApp({ seed: true });
  });
  after(async () => t.close());

  const placeCount = async () => (await t.database.db.select({ n: count() }).from(places))[0]?.n ?? 0;

  function upload(cookie: string, content: string, name = 'lieux.csv') {
    const body = new FormData();
    body.set('etape', 'verifier');
    body.set('fichier', new File([content], name, { type: 'text/csv' }));
    return t.request('/gestion/lieux/import', { cookie, method: 'POST', body });
  }

  it('sends anonymous visitors to sign in and refuses place managers', async () => {
    const anonymous = await t.request('/gestion/lieux/import');
    assert.equal(anonymous.status, 303);
    assert.match(anonymous.headers.get('location') ?? '', /^\/connexion/);
    const manager = await t.request('/gestion/lieux/import', { cookie: await t.cookieFor(placeManager) });
    assert.equal(manager.status, 403);
  });

  it('the demo seed imported the 92 places; the Commune de Bourail manages Bourail’s', async () => {
    assert.equal(await placeCount(), 92);
    const user = await userByEmail(t.database.db, placeManager);
    assert.ok(user);
    const actor = { kind: 'person' as const, userId: user.id, name: user.name, email: user.email, memberships: await membershipsOf(t.database.db, user.id) };
    const managed = await placesManagedBy(t.database.db, actor);
    assert.deepEqual(managed.map((p) => p.communeCode), ['98803', '98803', '98803']);
  });

  it('shows a dry-run report, writes nothing, then imports on confirmation', async () => {
    const cookie = await t.cookieFor(coordinator);
    const form = await t.request('/gestion/lieux/import', { cookie });
    assert.equal(form.status, 200);
    assert.match(await form.text(), /<h1[^>]*>Importer des lieux<\/h1>/);
    const content = standardFile([newPlace]);
    const report = await upload(cookie, content);
    assert.equal(report.status, 200);
    const html = await report.text();
    assert.match(html, /Rapport d’import/);
    assert.match(html, /1 lieu lu : 1 à créer/);
    assert.equal(await placeCount(), 92);
    const confirmed = await t.request('/gestion/lieux/import', { cookie, form: { etape: 'appliquer', nomFichier: 'lieux.csv', contenu: content } });
    assert.equal(confirmed.status, 303);
    assert.equal(confirmed.headers.get('location'), '/gestion/lieux');
    assert.equal(await placeCount(), 93);
    const again = await t.request('/gestion/lieux/import', { cookie, form: { etape: 'appliquer', nomFichier: 'lieux.csv', contenu: content } });
    assert.equal(again.status, 303);
    assert.equal(await placeCount(), 93, 'the same file twice creates no duplicate');
  });

  it('a file with a broken row answers 422, names the row and the field, and writes nothing', async () => {
    const cookie = await t.cookieFor(coordinator);
    const content = standardFile([{ ...newPlace, id: 'ok-1', nom: 'Bon lieu' }, { ...newPlace, id: 'bad', nom: 'Lieu inconnu', commune: 'Atlantis' }]);
    const report = await upload(cookie, content);
    assert.equal(report.status, 422);
    const html = await report.text();
    assert.match(html, /<title>Erreur : /);
    assert.match(html, /Ligne 3 \(« Lieu inconnu »\) : Commune : « Atlantis » n’est pas une commune de Nouvelle-Calédonie/);
    assert.doesNotMatch(html, /Confirmer l’import/);
    const forced = await t.request('/gestion/lieux/import', { cookie, form: { etape: 'appliquer', nomFichier: 'lieux.csv', contenu: content } });
    assert.equal(forced.status, 422);
    assert.equal(await placeCount(), 93);
    const empty = await upload(cookie, '', 'vide.csv');
    assert.equal(empty.status, 422);
  });

  it('serves the open-data files, valid against schema.json, and a page that links to them', async () => {
    const csv = await t.request('/opendata/lieux.csv');
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    assert.deepEqual(validateCsv(schema, await csv.text()), []);
    const json = await t.request('/opendata/lieux.json');
    assert.match(json.headers.get('content-type') ?? '', /^application\/json/);
    const text = await json.text();
    assert.deepEqual(validateJson(schema, text), []);
    const list: unknown = JSON.parse(text);
    assert.ok(Array.isArray(list));
    assert.equal(list.length, 93);
    const extended = await t.request('/opendata/lieux-etendu.csv');
    assert.match((await extended.text()).split('\r\n')[0] ?? '', /"prise_rdv","ridet","province"/);
    const pageResponse = await t.request('/opendata');
    const html = await pageResponse.text();
    for (const href of ['/opendata/lieux.csv', '/opendata/lieux.json', '/opendata/lieux-etendu.csv']) assert.match(html, new RegExp(`href="${href}"`));
    const [poum] = await t.database.db.select().from(places).where(eq(places.name, 'Espace numérique de Poum (test)'));
    assert.equal(poum?.communeCode, '98826');
  });
});

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { testApp, type TestApp } from '../../../tests/support/test-app.ts';
import { givenPlace } from '../../../tests/support/places.ts';

describe('public pages of places', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};

  before(async () => {
    t = await testApp();
    ids.kone = await givenPlace(t.database, {
      name: 'Médiathèque de Koné',
      communeCode: '98811',
      postcode: '98860',
      latitude: -21.06,
      longitude: 164.86,
      services: ['aide_demarches'],
      fees: ['gratuit'],
      accessibility: ['entree_plain_pied', 'boucle_magnetique'],
      openingHours: '24/7',
      phone: '+687471234',
    });
    ids.bourail = await givenPlace(t.database, {
      name: 'Cyberbase de Bourail',
      communeCode: '98803',
      postcode: '98870',
      services: ['outils_quotidien'],
      fees: ['payant'],
      openingHours: 'Mo-Fr 08:00-11:30,13:00-16:00',
    });
    ids.noumea = await givenPlace(t.database, { name: 'Espace numérique de Nouméa', services: ['aide_demarches', 'outils_quotidien'] });
    ids.lifou = await givenPlace(t.database, { name: 'Case numérique de Wé', communeCode: '98814', postcode: '98820', services: ['aide_demarches'] });
  });
  after(() => t.close());

  async function names(path: string): Promise<string[]> {
    const res = await t.request(path);
    assert.equal(res.status, 200, path);
    const html = await res.text();
    return [...html.matchAll(/<h3 class="p-card__title"><a href="\/lieux\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1] ?? '');
  }

  it('finds a place by a word typed without accents and with a typo', async () => {
    assert.deepEqual(await names('/lieux?q=mediateque'), ['Médiathèque de Koné']);
    assert.deepEqual(await names('/lieux?q=MÉDIATHÈQUE%20kone'), ['Médiathèque de Koné']);
  });

  it('sorts results by distance from the chosen commune, nearest first', async () => {
    assert.deepEqual(await names('/lieux?commune=98811'), ['Médiathèque de Koné', 'Cyberbase de Bourail', 'Espace numérique de Nouméa', 'Case numérique de Wé']);
    assert.deepEqual(await names('/lieux?commune=98814'), ['Case numérique de Wé', 'Espace numérique de Nouméa', 'Cyberbase de Bourail', 'Médiathèque de Koné']);
  });

  it('keeps only places within the chosen distance, or in the commune only', async () => {
    assert.deepEqual(await names('/lieux?commune=98811&distance=100'), ['Médiathèque de Koné', 'Cyberbase de Bourail']);
    assert.deepEqual(await names('/lieux?commune=98818&distance=commune'), ['Espace numérique de Nouméa']);
  });

  it('filters by province, service, accessibility needs, free of charge and open now', async (context) => {
    // Monday 7 December 2026 at noon in Nouméa: Bourail is closed for lunch, Koné is open day and night.
    context.mock.timers.enable({ apis: ['Date'], now: new Date('2026-12-07T01:00:00Z') });
    assert.deepEqual(await names('/lieux?province=iles'), ['Case numérique de Wé']);
    assert.deepEqual((await names('/lieux?service=aide_demarches&service=outils_quotidien')), ['Espace numérique de Nouméa']);
    assert.deepEqual(await names('/lieux?accessibilite=boucle_magnetique'), ['Médiathèque de Koné']);
    assert.deepEqual(await names('/lieux?quand=gratuit'), ['Médiathèque de Koné']);
    assert.deepEqual(await names('/lieux?quand=maintenant'), ['Médiathèque de Koné']);
    assert.deepEqual(await names('/lieux?quand=weekend'), ['Médiathèque de Koné']);
    // The same Monday at 9 o'clock, Bourail has opened.
    context.mock.timers.setTime(new Date('2026-12-06T22:00:00Z').getTime());
    assert.deepEqual(await names('/lieux?quand=maintenant'), ['Cyberbase de Bourail', 'Médiathèque de Koné']);
  });

  it('keeps the filters in the pagination links so that a search can be shared', async () => {
    for (let i = 0; i < 21; i++) await givenPlace(t.database, { name: `Point numérique ${String(i).padStart(2, '0')}`, province: 'sud', services: ['loisirs_creations'] });
    const res = await t.request('/lieux?service=loisirs_creations');
    const html = await res.text();
    assert.match(html, /21 lieux trouvés/);
    assert.match(html, /href="\/lieux\?service=loisirs_creations&amp;page=2#resultats"/);
    assert.deepEqual(await names('/lieux?service=loisirs_creations&page=2'), ['Point numérique 20']);
  });

  it('says what it did not understand in the address, and still answers', async () => {
    const res = await t.request('/lieux?commune=12345&service=inconnu');
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /Choisissez une commune de Nouvelle-Calédonie dans la liste/);
    assert.match(html, /Choisissez des services dans la liste/);
  });

  it('weighs at most 30 KB compressed, HTML and CSS together', async () => {
    const html = await (await t.request('/lieux')).text();
    const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1] ?? '');
    let total = gzipSync(html).length;
    for (const href of css) total += gzipSync(await (await t.request(href)).text()).length;
    const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1] ?? '');
    for (const src of scripts) total += gzipSync(await (await t.request(src)).text()).length;
    assert.ok(total <= 30 * 1024, `${total} octets`);
  });

  it('shows a place with its open state, directions, accessibility and the error report link', async () => {
    const res = await t.request(`/lieux/${ids.kone}`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<h1>Médiathèque de Koné<\/h1>/);
    assert.match(html, /Ouvert maintenant/);
    assert.match(html, /Tous les jours, jour et nuit/);
    assert.match(html, /openstreetmap\.org\/directions\?to=-21\.060000%2C164\.860000/);
    assert.match(html, /Boucle magnétique/);
    assert.match(html, new RegExp(`href="/lieux/${ids.kone}/signaler"`));
    assert.match(html, /47 12 34/);
  });

  it('says in words when a closed place opens next', async () => {
    const html = await (await t.request(`/lieux/${ids.bourail}`)).text();
    assert.match(html, /Du lundi au vendredi : de 8 h à 11 h 30 et de 13 h à 16 h/);
    assert.match(html, /Ouvert maintenant|Fermé maintenant/);
  });

  it('answers 404 for an unknown place', async () => {
    assert.equal((await t.request('/lieux/01960000-0000-7000-8000-000000000000')).status, 404);
    assert.equal((await t.request('/lieux/pas-un-id')).status, 404);
  });

  it('walks the four questions of the orientation and ends on a short list and a printable sheet', async () => {
    const one = await (await t.request('/orientation')).text();
    assert.match(one, /De quoi avez-vous besoin/);
    const missing = await t.request('/orientation?etape=2');
    assert.equal(missing.status, 422);
    assert.match(await missing.text(), /Choisissez ce dont vous avez besoin/);
    const two = await (await t.request('/orientation?etape=2&besoin=aide_demarches')).text();
    assert.match(two, /Où êtes-vous/);
    assert.match(two, /<input type="hidden" name="besoin" value="aide_demarches"/);
    const three = await (await t.request('/orientation?etape=3&besoin=aide_demarches&commune=98811&distance=partout')).text();
    assert.match(three, /Quand voulez-vous y aller/);
    const four = await (await t.request('/orientation?etape=4&besoin=aide_demarches&commune=98811&distance=partout&quand=egal')).text();
    assert.match(four, /Avez-vous besoin d’un lieu accessible/);
    const result = await (await t.request('/orientation?etape=5&besoin=aide_demarches&commune=98811&distance=partout&quand=egal&accessibilite=entree_plain_pied')).text();
    assert.match(result, /1 lieu|Un lieu pour vous/);
    assert.match(result, /Médiathèque de Koné/);
    assert.doesNotMatch(result, /Case numérique de Wé/);
    const sheet = await t.request('/orientation/fiche?besoin=aide_demarches&commune=98811&distance=partout&quand=egal');
    assert.equal(sheet.status, 200);
    const sheetHtml = await sheet.text();
    assert.match(sheetHtml, /Fiche d’orientation/);
    assert.match(sheetHtml, /Orientée par/);
    assert.ok(sheetHtml.indexOf('Médiathèque de Koné') < sheetHtml.indexOf('Case numérique de Wé'));
  });

  it('lets other sites frame the integration page only', async () => {
    const framed = await t.request('/integration?commune=98811');
    assert.equal(framed.status, 200);
    assert.equal(framed.headers.get('x-frame-options'), null);
    assert.match(framed.headers.get('content-security-policy') ?? '', /frame-ancestors \*/);
    const html = await framed.text();
    assert.match(html, /près de Koné/);
    assert.match(html, /<base target="_top"/);
    const search = await t.request('/lieux');
    assert.equal(search.headers.get('x-frame-options'), 'DENY');
    assert.match(search.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
  });

  it('allows map tiles from the configured server and serves the map only as separate files', async () => {
    const res = await t.request('/lieux');
    assert.match(res.headers.get('content-security-policy') ?? '', /img-src 'self' data: https:\/\/tile\.openstreetmap\.org/);
    const html = await res.text();
    assert.doesNotMatch(html, /<link rel="stylesheet" href="\/static\/lieux\/leaflet/, 'Leaflet’s stylesheet waits for the button');
    assert.doesNotMatch(html, /<script src="\/static\/lieux\/carte\./, 'the map waits for the button');
    const script = /data-script="([^"]+)"/.exec(html)?.[1] ?? '';
    const map = await t.request(script);
    assert.equal(map.status, 200);
    assert.ok((await map.text()).length > 100_000, 'the map bundle holds Leaflet');
  });

  it('answers the same search as JSON on the public API', async () => {
    const res = await t.request('/api/v1/lieux?q=mediateque&commune=98818');
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.equal(body.donnees.length, 1);
    assert.equal(body.donnees[0].nom, 'Médiathèque de Koné');
    assert.equal(body.donnees[0].ouvert_maintenant, true);
    assert.ok(body.donnees[0].distance_km > 100);
    const bad = await t.request('/api/v1/lieux?service=inconnu&par_page=1000');
    assert.equal(bad.status, 422);
    const error = await bad.json();
    assert.ok(error.champs.service);
    assert.ok(error.champs.par_page);
  });
});

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp } from '../tests/support/test-app.ts';

describe('security set once for every response', () => {
  let t: TestApp;
  before(async () => {
    t = await testApp({ seed: true });
  });
  after(() => t.close());

  it('sends a nonce-based CSP without unsafe-inline scripts, no framing, nosniff and a referrer policy', async () => {
    const response = await t.request('/connexion');
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('referrer-policy'), 'strict-origin-when-cross-origin');
    assert.equal(response.headers.get('strict-transport-security'), null, 'no HSTS over plain HTTP');
    assert.ok(response.headers.get('x-request-id'));
  });

  it('gives every response its own script nonce, the one the page’s scripts carry', async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const response = await t.request('/connexion');
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1] ?? '';
      assert.equal(Buffer.from(nonce, 'base64').length, 16, '128 random bits');
      if (i === 0) assert.ok((await response.text()).includes(`nonce="${nonce}"`), 'the page’s scripts carry it');
      nonces.add(nonce);
    }
    assert.equal(nonces.size, 300, 'never the same twice, across refills of the random buffer');
  });

  it('compresses a large JSON answer but sends a small one as it is, with its length', async () => {
    const small = await t.request('/api/v1/organisations', { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(small.status, 401);
    assert.equal(small.headers.get('content-encoding'), null);
    const body = await small.text();
    assert.equal(small.headers.get('content-length'), String(Buffer.byteLength(body)));
    assert.equal(JSON.parse(body).error, 'non_authentifie');
    const large = await t.request('/api/v1/communes', { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(large.status, 200);
    assert.equal(large.headers.get('content-encoding'), 'gzip');
  });

  it('sends HSTS when Relais is served over HTTPS', async () => {
    const secure = await testApp({ env: { BASE_URL: 'https://relais.nc' } });
    try {
      const response = await secure.request('/connexion', { headers: { origin: 'https://relais.nc' } });
      assert.match(response.headers.get('strict-transport-security') ?? '', /max-age=31536000/);
    } finally {
      await secure.close();
    }
  });

  it('refuses a form posted from another site', async () => {
    const crossOrigin = await t.request('/connexion', {
      headers: { origin: 'https://site-malveillant.example' },
      form: { email: 'administrateur@demo.relais.nc', password: 'x' },
    });
    assert.equal(crossOrigin.status, 403);
    const crossSite = await t.request('/deconnexion', {
      headers: { origin: 'null', 'sec-fetch-site': 'cross-site' },
      form: {},
    });
    assert.equal(crossSite.status, 403);
    const sameOrigin = await t.request('/connexion', { form: { email: 'x@y.nc', password: 'x' } });
    assert.equal(sameOrigin.status, 422);
  });

  it('answers an unknown page with a French 404 page that has one h1 and a way home', async () => {
    const response = await t.request('/nulle-part');
    assert.equal(response.status, 404);
    const html = await response.text();
    assert.equal((html.match(/<h1/g) ?? []).length, 1);
    assert.ok(html.includes('Page introuvable'));
    assert.ok(html.includes('href="/"'));
  });

  it('reports the database in /healthz', async () => {
    const response = await t.request('/healthz');
    assert.equal(response.status, 200);
    assert.equal((await response.json()).status, 'ok');
  });

  it('exposes Prometheus metrics to administrators only, with requests by route pattern', async () => {
    await t.request('/connexion');
    assert.equal((await t.request('/metrics')).status, 401, 'scrapers get 401, not a sign-in page');
    assert.equal((await t.request('/metrics', { cookie: await t.cookieFor('aidant@demo.relais.nc') })).status, 403);
    const response = await t.request('/metrics', { cookie: await t.cookieFor('administrateur@demo.relais.nc') });
    assert.equal(response.status, 200);
    const text = await response.text();
    assert.match(text, /relais_http_requests_total\{route="\/connexion",method="GET",status="200"\} \d+/);
    assert.match(text, /relais_http_request_duration_seconds_bucket/);
  });

  it('keeps display preferences in a cookie and applies them to every page', async () => {
    const saved = await t.request('/affichage', { form: { textSize: 'xlarge', spacing: 'wide', contrast: 'high', font: 'atkinson', theme: 'dark' } });
    assert.equal(saved.status, 303);
    const cookie = (saved.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const html = await (await t.request('/', { cookie })).text();
    assert.match(html, /<html[^>]*data-text-size="xlarge"/);
    const bad = await t.request('/affichage', { form: { textSize: 'géante', spacing: 'wide', contrast: 'high', font: 'atkinson', theme: 'dark' } });
    assert.equal(bad.status, 422);
    assert.ok((await bad.text()).includes('Choisissez une taille de texte'));
  });
});

describe('fonts chosen in the display settings', () => {
  it('sends the Atkinson Hyperlegible font only to those who choose it, from our own server', async () => {
    const t = await testApp();
    try {
      const plain = await (await t.request('/')).text();
      assert.doesNotMatch(plain, /fonts-atkinson\.css/);
      const chosen = await (await t.request('/', { cookie: 'relais_affichage=t-normal.s-normal.c-normal.f-atkinson.m-auto' })).text();
      const href = /href="(\/static\/fonts-atkinson\.css)"/.exec(chosen)?.[1];
      assert.ok(href);
      const css = await (await t.request(href)).text();
      const font = /url\((\/static\/fonts\/[^)]+\.woff2)\)/.exec(css)?.[1];
      assert.ok(font);
      const file = await t.request(font);
      assert.equal(file.status, 200);
      assert.equal(file.headers.get('content-type'), 'font/woff2');
      assert.ok((await file.arrayBuffer()).byteLength > 10_000);
      assert.equal((await t.request('/static/fonts/..%2F..%2Fpackage.json')).status, 404);
    } finally {
      await t.close();
    }
  });
});

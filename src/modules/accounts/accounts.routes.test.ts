import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { cookiesFrom, testApp, type TestApp } from '../../../tests/support/test-app.ts';
import { outboxMessages } from '../outbox/outbox.schema.ts';
import { organisationByName } from '../organisations/index.ts';
import { users } from './accounts.schema.ts';
import { rateLimitEvents } from '../../platform/rate-limit/rate-limit.schema.ts';
import { createAccount } from './accounts.commands.ts';
import { demoPassword } from './accounts.demo.ts';
import { currentTotp } from './accounts.totp.ts';
import { demoAccounts } from '../../cli/seed.ts';

const placeManager = 'responsable-lieu@demo.relais.nc';
const helper = 'aidant@demo.relais.nc';

async function signIn(t: TestApp, email: string, password: string, extra: Record<string, string> = {}) {
  const response = await t.request('/connexion', { form: { email, password, retour: '/', ...extra } });
  return { response, cookie: cookiesFrom(response) };
}

async function totpSecretOf(t: TestApp, email: string): Promise<string> {
  const [row] = await t.database.db.select({ secret: users.totpSecret }).from(users).where(eq(users.email, email));
  assert.ok(row?.secret);
  return row.secret;
}

describe('signing in and out', () => {
  let t: TestApp;
  before(async () => {
    t = await testApp({ seed: true });
  });
  after(() => t.close());
  beforeEach(async () => {
    await t.database.db.delete(rateLimitEvents);
  });

  it('signs a person in with the right password and shows their account', async () => {
    const { response, cookie } = await signIn(t, placeManager, demoPassword);
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/');
    assert.match(response.headers.get('set-cookie') ?? '', /relais_session=.+; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax/);
    const account = await t.request('/compte', { cookie });
    assert.equal(account.status, 200);
    assert.match(await account.text(), /Léa Wenisso/);
  });

  it('gives the same message for a wrong password and for an unknown e-mail', async () => {
    const wrong = await signIn(t, placeManager, 'pas le bon mot de passe');
    const unknown = await signIn(t, 'personne@inconnu.nc', 'pas le bon mot de passe');
    assert.equal(wrong.response.status, 422);
    assert.equal(unknown.response.status, 422);
    const message = 'L’adresse e-mail ou le mot de passe est incorrect';
    const wrongHtml = await wrong.response.text();
    assert.ok(wrongHtml.includes(message));
    assert.ok((await unknown.response.text()).includes(message));
    assert.match(wrongHtml, /<title>Erreur : Se connecter/);
    assert.ok(wrongHtml.includes(`value="${placeManager}"`), 'the e-mail typed is kept');
  });

  it('names the field in French when the form is empty', async () => {
    const { response } = await signIn(t, '', '');
    assert.equal(response.status, 422);
    const html = await response.text();
    assert.ok(html.includes('Entrez votre adresse e-mail'));
    assert.ok(html.includes('Entrez votre mot de passe'));
    assert.ok(html.includes('href="#email"'));
  });

  it('blocks an account after five failures, even with the right password, and an unknown e-mail the same way', async () => {
    for (let i = 0; i < 5; i++) await signIn(t, placeManager, `mauvais ${i}`);
    const blocked = await signIn(t, placeManager, demoPassword);
    assert.equal(blocked.response.status, 429);
    assert.ok((await blocked.response.text()).includes('Trop de tentatives de connexion'));
    for (let i = 0; i < 5; i++) await signIn(t, 'fantome@inconnu.nc', `mauvais ${i}`);
    const ghost = await signIn(t, 'fantome@inconnu.nc', 'encore');
    assert.equal(ghost.response.status, 429);
  });

  it('blocks a network address after twenty failures across accounts', async () => {
    for (let i = 0; i < 20; i++) await signIn(t, `compte${i}@inconnu.nc`, 'mauvais');
    const blocked = await signIn(t, placeManager, demoPassword);
    assert.equal(blocked.response.status, 429);
  });

  it('never redirects outside Relais after sign-in', async () => {
    const { response } = await signIn(t, placeManager, demoPassword, { retour: '//exemple.com/piege' });
    assert.equal(response.headers.get('location'), '/');
  });

  it('signs out: the session cookie no longer opens anything', async () => {
    const { cookie } = await signIn(t, placeManager, demoPassword);
    const out = await t.request('/deconnexion', { method: 'POST', cookie, form: {} });
    assert.equal(out.status, 303);
    const account = await t.request('/compte', { cookie });
    assert.equal(account.status, 303);
    assert.match(account.headers.get('location') ?? '', /^\/connexion/);
  });
});

describe('second factor', () => {
  let t: TestApp;
  before(async () => {
    t = await testApp({ seed: true });
  });
  after(() => t.close());

  it('asks a helper for a code after the password, and lets nothing through before it', async () => {
    const { response, cookie } = await signIn(t, helper, demoPassword);
    assert.equal(response.status, 303);
    assert.match(response.headers.get('location') ?? '', /^\/connexion\/second-facteur/);
    const account = await t.request('/compte', { cookie });
    assert.equal(account.status, 303);
    assert.equal(account.headers.get('location'), '/connexion/second-facteur');
    const wrong = await t.request('/connexion/second-facteur', { cookie, form: { code: '000000' } });
    assert.equal(wrong.status, 422);
    assert.ok((await wrong.text()).includes('Ce code est incorrect'));
    const secret = await totpSecretOf(t, helper);
    const right = await t.request('/connexion/second-facteur', { cookie, form: { code: currentTotp(secret, helper) } });
    assert.equal(right.status, 303);
    assert.equal((await t.request('/compte', { cookie })).status, 200);
  });

  it('refuses the same code twice', async () => {
    const secret = await totpSecretOf(t, helper);
    const code = currentTotp(secret, helper);
    const first = await signIn(t, helper, demoPassword);
    await t.request('/connexion/second-facteur', { cookie: first.cookie, form: { code } });
    const second = await signIn(t, helper, demoPassword);
    const replay = await t.request('/connexion/second-facteur', { cookie: second.cookie, form: { code } });
    assert.equal(replay.status, 422);
  });

  it('makes a new coordinator enrol before anything else, then shows ten recovery codes that work once', async () => {
    const organisation = await organisationByName(t.database.db, 'Province Sud');
    assert.ok(organisation);
    await t.database.db.transaction((tx) =>
      createAccount(tx, null, {
        email: 'nouveau.coordinateur@province-sud.nc',
        name: 'Nouveau Coordinateur',
        password: 'une phrase assez longue pour Relais',
        memberships: [{ organisationId: organisation.id, role: 'coordinator', scopeProvince: 'sud' }],
      }),
    );
    const { response, cookie } = await signIn(t, 'nouveau.coordinateur@province-sud.nc', 'une phrase assez longue pour Relais');
    assert.equal(response.status, 303);
    const step = await t.request(response.headers.get('location') ?? '', { cookie });
    assert.equal(step.status, 303);
    assert.equal(step.headers.get('location'), '/compte/double-authentification');
    const enrol = await t.request('/compte/double-authentification', { cookie });
    assert.equal(enrol.status, 200);
    const page = await enrol.text();
    assert.ok(page.includes('<svg'), 'a QR code is shown');
    const key = /class="r-manual-key">([A-Z2-7 ]+)</.exec(page)?.[1];
    assert.ok(key, 'the manual key is shown');
    const secret = key.replace(/ /g, '');
    const done = await t.request('/compte/double-authentification', { cookie, form: { code: currentTotp(secret, 'nouveau.coordinateur@province-sud.nc') } });
    assert.equal(done.status, 200);
    const codes = [...(await done.text()).matchAll(/<code>([0-9A-Z]{4}-[0-9A-Z]{4})<\/code>/g)].map((m) => m[1] ?? '');
    assert.equal(codes.length, 10);
    assert.equal((await t.request('/compte', { cookie })).status, 200);

    const again = await signIn(t, 'nouveau.coordinateur@province-sud.nc', 'une phrase assez longue pour Relais');
    const recovery = await t.request('/connexion/second-facteur', { cookie: again.cookie, form: { code: codes[0] ?? '' } });
    assert.equal(recovery.status, 303);
    const third = await signIn(t, 'nouveau.coordinateur@province-sud.nc', 'une phrase assez longue pour Relais');
    const reused = await t.request('/connexion/second-facteur', { cookie: third.cookie, form: { code: codes[0] ?? '' } });
    assert.equal(reused.status, 422);
  });
});

describe('sessions page', () => {
  let t: TestApp;
  before(async () => {
    t = await testApp({ seed: true });
  });
  after(() => t.close());

  it('lists the open sessions and revokes another device', async () => {
    const laptop = (await signIn(t, placeManager, demoPassword)).cookie;
    const phone = (await signIn(t, placeManager, demoPassword)).cookie;
    const html = await (await t.request('/compte/sessions', { cookie: laptop })).text();
    const rows = html.split('<tr').filter((row) => row.includes('/revoquer'));
    assert.equal(rows.length, 2);
    const otherRow = rows.find((row) => !row.includes('(cet appareil)'));
    const otherId = /\/compte\/sessions\/([0-9a-f-]+)\/revoquer/.exec(otherRow ?? '')?.[1];
    assert.ok(otherId);
    const response = await t.request(`/compte/sessions/${otherId}/revoquer`, { cookie: laptop, form: {} });
    assert.equal(response.headers.get('location'), '/compte/sessions');
    assert.equal((await t.request('/compte', { cookie: phone })).status, 303, 'the phone is signed out');
    assert.equal((await t.request('/compte', { cookie: laptop })).status, 200, 'the laptop stays signed in');
  });

  it('answers 404 when revoking someone else’s session', async () => {
    const mine = (await signIn(t, placeManager, demoPassword)).cookie;
    const theirs = await t.cookieFor('association@demo.relais.nc');
    const list = await (await t.request('/compte/sessions', { cookie: theirs })).text();
    const id = /\/compte\/sessions\/([0-9a-f-]+)\/revoquer/.exec(list)?.[1];
    assert.ok(id);
    const response = await t.request(`/compte/sessions/${id}/revoquer`, { cookie: mine, form: {} });
    assert.equal(response.status, 404);
    assert.equal((await t.request('/compte', { cookie: theirs })).status, 200);
  });
});

describe('password reset by e-mail', () => {
  let t: TestApp;
  before(async () => {
    t = await testApp({ seed: true });
  });
  after(() => t.close());

  it('sends a link only when the account exists, and says the same thing either way', async () => {
    const known = await t.request('/mot-de-passe-oublie', { form: { email: placeManager } });
    const unknown = await t.request('/mot-de-passe-oublie', { form: { email: 'personne@inconnu.nc' } });
    assert.equal(known.status, 200);
    assert.equal(unknown.status, 200);
    assert.ok((await unknown.text()).includes('Si un compte Relais existe'));
    const messages = await t.database.db.select().from(outboxMessages).where(eq(outboxMessages.purpose, 'password_reset'));
    assert.equal(messages.length, 1);
    assert.equal(messages[0]?.recipient, placeManager);
  });

  it('sets a new password from the link, refuses a common one, and closes the old sessions', async () => {
    const old = (await signIn(t, placeManager, demoPassword)).cookie;
    const [message] = await t.database.db.select().from(outboxMessages).where(eq(outboxMessages.purpose, 'password_reset'));
    const link = /http:\/\/localhost:3000(\/mot-de-passe\/[A-Za-z0-9_-]+)/.exec(message?.bodyText ?? '')?.[1];
    assert.ok(link);
    assert.equal((await t.request(link)).status, 200);
    const weak = await t.request(link, { form: { password: 'motdepasse1234', confirmation: 'motdepasse1234' } });
    assert.equal(weak.status, 422);
    assert.ok((await weak.text()).includes('trop courant'));
    const mismatch = await t.request(link, { form: { password: 'tortue bleue sous le cocotier', confirmation: 'autre chose' } });
    assert.equal(mismatch.status, 422);
    const done = await t.request(link, { form: { password: 'tortue bleue sous le cocotier', confirmation: 'tortue bleue sous le cocotier' } });
    assert.equal(done.status, 303);
    assert.equal((await t.request('/compte', { cookie: old })).status, 303, 'old sessions are closed');
    assert.equal((await signIn(t, placeManager, 'tortue bleue sous le cocotier')).response.status, 303);
    assert.equal((await t.request(link)).status, 404, 'the link works once');
  });
});

describe('demo page', () => {
  it('lists one account per role and signs in as any of them', async () => {
    const t = await testApp({ seed: true });
    try {
      const page = await t.request('/demo');
      assert.equal(page.status, 200);
      const html = await page.text();
      const actions = [...html.matchAll(/action="(\/demo\/[0-9a-f-]+)"/g)].map((m) => m[1] ?? '');
      // One account per role, plus the extra demo helpers whose records fill the statistics.
      for (const account of demoAccounts) assert.ok(html.includes(account.email), `${account.email} is listed`);
      assert.ok(actions.length >= demoAccounts.length);
      assert.equal((html.match(/Se connecter en tant que/g) ?? []).length, actions.length);
      for (const action of actions) {
        const response = await t.request(action, { form: {} });
        assert.equal(response.status, 303);
        const home = await t.request('/', { cookie: cookiesFrom(response) });
        assert.match(await home.text(), /<h1[^>]*>Bonjour /);
      }
    } finally {
      await t.close();
    }
  });

  it('answers 404 when demo mode is off', async () => {
    const t = await testApp({ seed: true, env: { DEMO: 'false' } });
    try {
      assert.equal((await t.request('/demo')).status, 404);
      const [user] = await t.database.db.select().from(users).limit(1);
      assert.equal((await t.request(`/demo/${user?.id}`, { form: {} })).status, 404);
    } finally {
      await t.close();
    }
  });
});

describe('own contact details', () => {
  it('stores a typed New Caledonian phone in E.164, shows it back, and refuses a wrong one in French', async () => {
    const t = await testApp({ seed: true });
    try {
      const cookie = await t.cookieFor(placeManager);
      const bad = await t.request('/compte/coordonnees', { cookie, form: { name: 'Léa Wenisso', phone: '12 34' } });
      assert.equal(bad.status, 422);
      const html = await bad.text();
      assert.ok(html.includes('Entrez un numéro de téléphone à 6 chiffres'));
      assert.ok(html.includes('value="12 34"'), 'the input is kept');
      const good = await t.request('/compte/coordonnees', { cookie, form: { name: 'Léa Wenisso', phone: '26.12.34' } });
      assert.equal(good.status, 303);
      const [row] = await t.database.db.select({ phone: users.phone }).from(users).where(eq(users.email, placeManager));
      assert.equal(row?.phone, '+687261234');
      assert.ok((await (await t.request('/compte', { cookie })).text()).includes('26 12 34'));
    } finally {
      await t.close();
    }
  });
});

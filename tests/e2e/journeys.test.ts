// User stories in a real browser (the system Chromium), against the real application over HTTP.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadSession, sessionCookie } from '../../src/modules/accounts/index.ts';
import type { Role } from '../../src/platform/authz/index.ts';
import { navFor } from '../../src/platform/http/navigation.ts';
import { demoAccounts, demoPassword } from '../support/demo.ts';
import { focusedElement, launchBrowser, newContext, signInAsDemo, signInWithForm } from '../support/browser.ts';
import { startTestServer, type RunningTestServer } from '../support/server.ts';

/** How a story names each role. */
const roleInStory: Record<Role, string> = {
  administrator: 'an administrator',
  coordinator: 'a coordinator',
  place_manager: 'a place manager',
  helper: 'a helper',
  partner_referent: 'a partner referent',
  refurbisher_operator: 'a refurbisher operator',
  association_contact: 'an association contact',
  donor_contact: 'a donor contact',
};

/** Navigation entries a role must, or must not, see — on top of matching `navFor` exactly. */
const navExpectations: Partial<Record<Role, { sees?: string[]; doesNotSee?: string[] }>> = {
  administrator: { sees: ['Accueil', 'Organisations', 'Journal d’audit', 'Boîte d’envoi', 'Jetons d’API'] },
  helper: { sees: ['Accueil'], doesNotSee: ['Journal d’audit', 'Boîte d’envoi'] },
};

let server: RunningTestServer;
let browser: Browser;

before(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A new browser profile whose actions give up after 10 s, so that a missing element fails fast and clearly. */
async function freshPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser);
  context.setDefaultTimeout(10_000);
  return { context, page: await context.newPage() };
}

function mainNav(page: Page) {
  return page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link');
}

function headerSignInLink(page: Page) {
  return page.locator('header').getByRole('link', { name: 'Se connecter' });
}

describe('signing in and out, one story per demo role', () => {
  for (const account of demoAccounts) {
    const role = account.memberships[0]?.role;
    if (!role) continue;
    it(`${roleInStory[role]} signs in, sees their home page and signs out`, async () => {
      const { context, page } = await freshPage();
      try {
        await signInWithForm(page, server.url, server.database, account.email, demoPassword);
        assert.equal(new URL(page.url()).pathname, '/', 'the sign-in ends on the home page');
        assert.equal((await page.locator('h1').innerText()).trim(), `Bonjour ${account.name}`);
        assert.match(await page.title(), / — Relais$/);

        const token = (await context.cookies(server.url)).find((c) => c.name === sessionCookie)?.value ?? '';
        const session = await loadSession(server.database.db, token);
        assert.ok(session?.actor, 'the browser holds a complete session (second factor done when due)');
        const shown = (await mainNav(page).allInnerTexts()).map((t) => t.trim());
        assert.deepEqual(shown, navFor(session.actor).map((e) => e.label), 'the navigation shows exactly what the role allows');
        const expected = navExpectations[role];
        for (const label of expected?.sees ?? []) assert.ok(shown.includes(label), `${account.email} should see « ${label} » in the navigation (sees: ${shown.join(', ')})`);
        for (const label of expected?.doesNotSee ?? []) assert.ok(!shown.includes(label), `${account.email} should not see « ${label} » in the navigation`);

        await page.getByRole('button', { name: 'Se déconnecter' }).click();
        await headerSignInLink(page).waitFor();
        assert.equal(new URL(page.url()).pathname, '/');
        assert.equal(await page.getByRole('button', { name: 'Se déconnecter' }).count(), 0);
        assert.match(await page.locator('main').innerText(), /Vous êtes déconnecté/);
        assert.equal(await mainNav(page).filter({ hasText: 'Organisations' }).count(), 0, 'after signing out, only public entries remain');
      } finally {
        await context.close();
      }
    });
  }
});

describe('the demonstration page', () => {
  it('lets anyone sign in as a demo role with one button', async () => {
    const account = demoAccounts.find((a) => a.email === 'referent@demo.relais.nc');
    assert.ok(account);
    const { context, page } = await freshPage();
    try {
      await page.goto(`${server.url}/`);
      await Promise.all([page.waitForURL((url) => url.pathname === '/demo'), page.getByRole('link', { name: 'Essayez un compte de démonstration' }).click()]);
      await signInAsDemo(page, server.url, account.name);
      assert.equal((await page.locator('h1').innerText()).trim(), `Bonjour ${account.name}`);
      assert.match(await page.locator('main').innerText(), new RegExp(`Vous êtes connecté en tant que ${account.name} \\(démonstration\\)`));
      assert.equal(await page.getByRole('button', { name: 'Se déconnecter' }).count(), 1);
    } finally {
      await context.close();
    }
  });
});

describe('using Relais with the keyboard only', () => {
  it('focuses the skip link first, and the skip link moves the focus to the main content', async () => {
    const { context, page } = await freshPage();
    try {
      await page.goto(`${server.url}/`);
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Aller au contenu');
      assert.equal(await focusedElement(page), 'a.r-skip-link');
      await page.keyboard.press('Enter');
      assert.equal(await focusedElement(page), 'main#contenu.r-main');
    } finally {
      await context.close();
    }
  });

  it('lets a person sign in with Tab, typing and Enter', async () => {
    const account = demoAccounts.find((a) => a.email === 'responsable-lieu@demo.relais.nc');
    assert.ok(account);
    const { context, page } = await freshPage();
    try {
      await page.goto(`${server.url}/connexion`);
      let presses = 0;
      while (!(await focusedElement(page)).startsWith('input#email')) {
        assert.ok(presses < 30, `the e-mail field is not reachable with Tab (focus is on ${await focusedElement(page)})`);
        await page.keyboard.press('Tab');
        presses += 1;
      }
      await page.keyboard.type(account.email);
      await page.keyboard.press('Tab');
      assert.match(await focusedElement(page), /^input#password/, 'Tab goes from the e-mail to the password');
      await page.keyboard.type(demoPassword);
      await Promise.all([page.waitForURL((url) => url.pathname === '/'), page.keyboard.press('Enter')]);
      assert.equal((await page.locator('h1').innerText()).trim(), `Bonjour ${account.name}`);
    } finally {
      await context.close();
    }
  });
});

describe('a failed sign-in', () => {
  it('moves the focus to the error summary and starts the title with "Erreur : "', async () => {
    const { context, page } = await freshPage();
    try {
      await page.goto(`${server.url}/connexion`);
      await page.getByLabel('Adresse e-mail').fill('donateur@demo.relais.nc');
      await page.getByLabel('Mot de passe', { exact: true }).fill('pas-le-bon-mot-de-passe');
      await page.keyboard.press('Enter');
      await page.locator('#error-summary').waitFor();
      await page.waitForLoadState('load');
      assert.match(await page.title(), /^Erreur : Se connecter — Relais$/);
      // The client script runs deferred: give it a moment, then check where the focus is.
      await page.waitForFunction(() => document.activeElement?.hasAttribute('data-autofocus') ?? false, undefined, { timeout: 3000 }).catch(() => undefined);
      assert.equal(await focusedElement(page), 'div#error-summary.r-error-summary', 'the error summary has the focus');
      assert.match(await page.locator('#error-summary').innerText(), /L’adresse e-mail ou le mot de passe est incorrect/);
    } finally {
      await context.close();
    }
  });
});

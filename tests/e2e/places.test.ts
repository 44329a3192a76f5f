// Finding a place and being oriented, with the keyboard alone, in Chromium; every public page of places checked with
// axe-core at 320 px and 1280 px, without sideways scroll.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { checkAccessibility, hasHorizontalScroll, launchBrowser, newContext, overflowingElements, widths } from '../support/browser.ts';
import { givenPlace } from '../support/places.ts';
import { startTestServer, type RunningTestServer } from '../support/server.ts';

/** Presses Tab until the focused element matches `selector` (as a person would), or fails after 120 presses. */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  assert.fail(`la touche Tab n’atteint pas ${selector}`);
}

describe('places, in a browser', () => {
  let server: RunningTestServer;
  let browser: Browser;
  let koneId = '';

  before(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    koneId = await givenPlace(server.database, {
      name: 'Médiathèque Wapoa',
      communeCode: '98811',
      postcode: '98860',
      latitude: -21.06,
      longitude: 164.86,
      services: ['aide_demarches'],
      accessibility: ['entree_plain_pied'],
      openingHours: '24/7',
    });
    await givenPlace(server.database, { name: 'Cyberbase de Bourail', communeCode: '98803', postcode: '98870', services: ['aide_demarches'], openingHours: 'Mo-Fr 08:00-16:00' });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds a place near Koné with the keyboard alone, despite a typo, and opens it', async () => {
    const context = await newContext(browser, widths.wide);
    const page = await context.newPage();
    await page.route('https://tile.openstreetmap.org/**', (route) => route.abort());
    await page.goto(`${server.url}/lieux`);
    await tabTo(page, 'input#q');
    await page.keyboard.type('mediateque wapoa');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=mediateque/);
    assert.match((await page.textContent('#resultats')) ?? '', /lieu/);
    await tabTo(page, `a[href="/lieux/${koneId}"]`);
    // The map: offered only because scripts run, loaded only when asked.
    await tabTo(page, '[data-module="app-places-map"] button');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-map-status]:has-text("La carte est affichée")');
    await page.waitForSelector('.leaflet-interactive');
    await tabTo(page, `a[href="/lieux/${koneId}"]`);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/lieux/${koneId}`);
    assert.equal(await page.textContent('h1'), 'Médiathèque Wapoa');
    await context.close();
  });

  it('answers the four orientation questions with the keyboard alone and reaches the printable sheet', async () => {
    const context = await newContext(browser, widths.narrow);
    const page = await context.newPage();
    await page.goto(`${server.url}/orientation`);
    // 1. Need: the first radio, then Space to choose it.
    await tabTo(page, 'input[name="besoin"]');
    await page.keyboard.press('Space');
    await tabTo(page, 'button[type="submit"]:not(.r-header__link-button)');
    await page.keyboard.press('Enter');
    await page.waitForURL(/etape=2/);
    // 2. Where: the commune by typing its name in the list, then "Peu importe la distance" with the arrow keys.
    await tabTo(page, 'select#commune');
    await page.keyboard.type('Koné');
    await tabTo(page, 'input[name="distance"]');
    await page.keyboard.press('Space');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
    await tabTo(page, 'button[type="submit"]:not(.r-header__link-button)');
    await page.keyboard.press('Enter');
    await page.waitForURL(/etape=3/);
    // 3. When: "Peu importe".
    await tabTo(page, 'input[name="quand"]');
    await page.keyboard.press('Space');
    await tabTo(page, 'button[type="submit"]:not(.r-header__link-button)');
    await page.keyboard.press('Enter');
    await page.waitForURL(/etape=4/);
    // 4. Accessibility: step-free entrance.
    await tabTo(page, 'input[name="accessibilite"]');
    await page.keyboard.press('Space');
    await tabTo(page, 'button[type="submit"]:not(.r-header__link-button)');
    await page.keyboard.press('Enter');
    await page.waitForURL(/etape=5/);
    assert.match(page.url(), /commune=98811/);
    assert.match(page.url(), /distance=partout/);
    const list = (await page.textContent('main')) ?? '';
    assert.match(list, /Médiathèque Wapoa/);
    assert.doesNotMatch(list, /Cyberbase de Bourail/, 'Bourail has no step-free entrance');
    await tabTo(page, 'a[href^="/orientation/fiche"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/orientation\/fiche/);
    assert.equal(await page.textContent('h1'), 'Fiche d’orientation');
    await context.close();
  });

  it('has no axe violation and no sideways scroll on the public pages of places, at 320 px and 1280 px', async () => {
    const paths = [
      '/lieux',
      '/lieux?q=mediateque%20wapoa&commune=98811&quand=maintenant',
      '/lieux?commune=12345',
      `/lieux/${koneId}`,
      '/orientation',
      '/orientation?etape=2&besoin=aide_demarches',
      '/orientation?etape=3&besoin=aide_demarches',
      '/orientation?etape=4&besoin=aide_demarches&commune=98811&distance=30&quand=egal',
      '/orientation?etape=5&besoin=aide_demarches&commune=98811&distance=partout&quand=egal',
      '/orientation/fiche?besoin=aide_demarches&commune=98811&distance=partout&quand=egal',
      '/integration?commune=98811',
    ];
    const problems: string[] = [];
    for (const width of [widths.narrow, widths.wide]) {
      const context = await newContext(browser, width, { axe: true });
      const page = await context.newPage();
      for (const path of paths) {
        await page.goto(`${server.url}${path}`);
        problems.push(...(await checkAccessibility(page, `${path} à ${width} px`)));
        if (await hasHorizontalScroll(page)) problems.push(`${path} à ${width} px défile de côté : ${(await overflowingElements(page)).join(', ')}`);
      }
      // The map, once shown, too.
      await page.route('https://tile.openstreetmap.org/**', (route) => route.abort());
      await page.goto(`${server.url}/lieux`);
      await page.click('[data-module="app-places-map"] button');
      await page.waitForSelector('.leaflet-interactive');
      problems.push(...(await checkAccessibility(page, `/lieux avec la carte à ${width} px`)));
      await context.close();
    }
    assert.deepEqual(problems, []);
  });
});

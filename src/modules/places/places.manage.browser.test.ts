// The managers' screens with real data, in Chromium at 320 px and 1280 px: axe-core (WCAG 2.2 A/AA), no sideways
// scroll. The accessibility sweep reaches only what the demo data links to; the report, the comparison and the
// merge confirmation need records, made here.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { checkAccessibility, hasHorizontalScroll, launchBrowser, newContext, overflowingElements, signInAsDemo, widths } from '../../../tests/support/browser.ts';
import { startTestServer, type RunningTestServer } from '../../../tests/support/server.ts';
import { organisationByName } from '../organisations/index.ts';
import { createPlace } from './places.commands.ts';
import { placeFields } from './places.forms.ts';
import { submitReport } from './places.reports.commands.ts';

describe('managers’ screens in a browser', () => {
  let server: RunningTestServer;
  let browser: Browser;
  const ids = { bourail: '', twin: '', report: '' };

  before(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    const db = server.database.db;
    const mairie = await organisationByName(db, 'Commune de Bourail');
    assert.ok(mairie);
    await db.transaction(async (tx) => {
      const add = async (input: Record<string, unknown>, managedBy: string | null) => {
        const created = await createPlace(tx, null, placeFields.parse(input), { managedBy });
        assert.ok(created.ok);
        return created.value.id;
      };
      ids.bourail = await add(
        { name: 'Médiathèque de Bourail (essai)', communeCode: '98803', postcode: '98870', services: ['aide_demarches'], openingHours: 'Mo-Fr 07:30-11:30,12:15-16:00; PH off' },
        mairie.id,
      );
      ids.twin = await add({ name: 'Mediatheque Bourail (essai)', communeCode: '98803', postcode: '98870', phone: '44 12 34', services: ['outils_quotidien'] }, null);
      const report = await submitReport(tx, null, ids.bourail, { topics: ['horaires'], message: 'Le lieu ouvre à 8 heures.', email: 'marie@exemple.nc' }, { baseUrl: server.url });
      assert.ok(report.ok);
      ids.report = report.value.id;
    });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function problemsOn(page: Page, path: string): Promise<string[]> {
    const problems: string[] = [];
    for (const width of [widths.wide, widths.narrow]) {
      await page.setViewportSize({ width, height: 800 });
      const response = await page.goto(`${server.url}${path}`);
      if ((response?.status() ?? 0) >= 400) problems.push(`${path} répond ${response?.status()}`);
      problems.push(...(await checkAccessibility(page, `${path} à ${width} px`)));
      if (await hasHorizontalScroll(page)) problems.push(`${path} à ${width} px — défilement horizontal : ${(await overflowingElements(page)).join(', ')}`);
      if ((await page.locator('h1').count()) !== 1) problems.push(`${path} — pas exactement un <h1>`);
    }
    return problems;
  }

  it('shows the public report form, its errors and its thanks page without accessibility problems', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const problems = [...(await problemsOn(page, `/lieux/${ids.bourail}/signaler`)), ...(await problemsOn(page, `/lieux/${ids.bourail}/signaler/merci`))];
    await page.goto(`${server.url}/lieux/${ids.bourail}/signaler`);
    await page.getByRole('button', { name: 'Envoyer le message' }).click();
    assert.match(await page.title(), /^Erreur : /);
    problems.push(...(await checkAccessibility(page, 'formulaire de signalement en erreur')));
    await context.close();
    assert.deepEqual(problems, []);
  });

  it('shows a coordinator’s list, form, history, reports and merge screens without accessibility problems', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAsDemo(page, server.url, 'Paul Néa');
    const pair = `lieux=${ids.bourail}&lieux=${ids.twin}`;
    const problems: string[] = [];
    for (const path of [
      '/gestion/lieux/nouveau',
      '/gestion/lieux',
      '/gestion/lieux/nouveau',
      `/gestion/lieux/${ids.bourail}/modifier`,
      `/gestion/lieux/${ids.bourail}/historique`,
      '/gestion/signalements',
      `/gestion/signalements/${ids.report}`,
      '/gestion/lieux/fusion?q=bourail',
      `/gestion/lieux/fusion/comparer?${pair}`,
      `/gestion/lieux/fusion/confirmer?a=${ids.bourail}&b=${ids.twin}&garder=a&phone=b`,
    ]) {
      problems.push(...(await problemsOn(page, path)));
    }
    await page.goto(`${server.url}/gestion/lieux/nouveau`);
    await page.getByRole('button', { name: 'Ajouter le lieu' }).click();
    assert.match(await page.title(), /^Erreur : /);
    problems.push(...(await checkAccessibility(page, 'formulaire de lieu en erreur')));
    await context.close();
    assert.deepEqual(problems, []);
  });
});

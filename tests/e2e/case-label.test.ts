// The Case numérique label's screens in Chromium, for the place manager, the coordinator and anonymous visitors:
// axe-core (WCAG 2.2 A/AA) at 320 px and 1280 px, no sideways scroll, one <h1>. Demo label data is added here
// until the demo seed calls seedCaseLabelDemo.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { newId } from '../../src/platform/ids.ts';
import { communeByName } from '../../src/territory/index.ts';
import { organisationByName } from '../../src/modules/organisations/index.ts';
import { places } from '../../src/modules/places/places.schema.ts';
import { seedCaseLabelDemo } from '../../src/modules/case-label/index.ts';
import { labelApplications } from '../../src/modules/case-label/case-label.schema.ts';
import { listCriteria } from '../../src/modules/case-label/case-label.queries.ts';
import { checkAccessibility, hasHorizontalScroll, launchBrowser, newContext, overflowingElements, signInAsDemo, widths } from '../support/browser.ts';
import { startTestServer, type RunningTestServer } from '../support/server.ts';

let server: RunningTestServer;
let browser: Browser;
let pendingId = '';
let criterionId = '';

before(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const org = await organisationByName(server.database.db, 'Commune de Bourail');
  const commune = communeByName('Bourail');
  assert.ok(org && commune);
  const ids = [newId(), newId(), newId()];
  const names = ['Médiathèque de Bourail', 'Maison de quartier de Bourail', 'Bibliothèque de Nessadiou'];
  for (const [i, id] of ids.entries()) {
    await server.database.db.insert(places).values({ id, name: names[i] ?? 'Lieu', communeCode: commune.code, province: commune.province, postcode: '98870', address: 'Rue Simone-Dremon', managedBy: org.id });
  }
  await server.database.db.transaction((tx) =>
    seedCaseLabelDemo(tx, { labelledPlaceId: ids[0] ?? '', pendingPlaceId: ids[1] ?? '', applicant: { name: 'Léa Wenisso', email: 'responsable-lieu@demo.relais.nc' } }),
  );
  const [pending] = await server.database.db.select().from(labelApplications).where(eq(labelApplications.placeId, ids[1] ?? ''));
  pendingId = pending?.id ?? '';
  criterionId = (await listCriteria(server.database.db, { includeRetired: false }))[0]?.id ?? '';
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function problemsOn(who: string | null, paths: string[]): Promise<string[]> {
  const context = await newContext(browser, widths.wide, { axe: true });
  const page = await context.newPage();
  if (who) await signInAsDemo(page, server.url, who);
  const problems: string[] = [];
  for (const path of paths) {
    const response = await page.goto(`${server.url}${path}`);
    if ((response?.status() ?? 0) !== 200) problems.push(`${path} — ${response?.status()}`);
    if ((await page.locator('h1').count()) !== 1) problems.push(`${path} — pas un seul <h1>`);
    for (const width of [widths.wide, widths.narrow]) {
      await page.setViewportSize({ width, height: 800 });
      problems.push(...(await checkAccessibility(page, `[${who ?? 'anonyme'}] ${path} à ${width} px`)));
      if (await hasHorizontalScroll(page)) problems.push(`${path} — défilement horizontal à ${width} px : ${(await overflowingElements(page)).join(', ')}`);
    }
  }
  await context.close();
  return problems;
}

describe('Case numérique label screens in a browser', () => {
  it('has no accessibility problem on the public list', async () => {
    assert.deepEqual(await problemsOn(null, ['/cases-numeriques']), []);
  });

  it('has no accessibility problem on the coordinator’s screens', async () => {
    assert.deepEqual(
      await problemsOn('Paul Néa', ['/label', '/label?statut=deposee', '/label/criteres', '/label/criteres/nouveau', `/label/criteres/${criterionId}/modifier`, `/label/demandes/${pendingId}`, `/label/demandes/${pendingId}/decision`]),
      [],
    );
  });

  it('has no accessibility problem on the place manager’s screens, evidence form included', async () => {
    const context = await newContext(browser, widths.wide, { axe: true });
    const page = await context.newPage();
    await signInAsDemo(page, server.url, 'Léa Wenisso');
    await page.goto(`${server.url}/label`);
    // Starts an application for the third place through the real button, then opens a criterion's form.
    await Promise.all([page.waitForURL(/\/label\/demandes\//), page.getByRole('button', { name: 'Demander le label pour Bibliothèque de Nessadiou' }).click()]);
    const applicationPath = new URL(page.url()).pathname;
    await context.close();
    assert.deepEqual(await problemsOn('Léa Wenisso', ['/label', applicationPath, `${applicationPath}/criteres/${criterionId}`, `/label/demandes/${pendingId}`]), []);
  });
});

// The followed people's screens and the mandate screens in Chromium, for the demo helper of OPT Koné: axe-core
// (WCAG 2.2 A/AA) at 320 px and 1280 px, no sideways scroll, one <h1>, error states included.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { beneficiaries, mandates } from '../../src/modules/beneficiaries/beneficiaries.schema.ts';
import { checkAccessibility, hasHorizontalScroll, launchBrowser, newContext, overflowingElements, signInAsDemo, widths } from '../support/browser.ts';
import { startTestServer, type RunningTestServer } from '../support/server.ts';

let server: RunningTestServer;
let browser: Browser;
let fileId = '';
let mandateId = '';
let wemaIds: string[] = [];

before(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const [file] = await server.database.db.select().from(beneficiaries).where(and(eq(beneficiaries.firstName, 'Jean-Baptiste'), eq(beneficiaries.lastName, 'Poiwi')));
  assert.ok(file);
  fileId = file.id;
  const [mandate] = await server.database.db.select().from(mandates).where(eq(mandates.beneficiaryId, file.id));
  assert.ok(mandate);
  mandateId = mandate.id;
  wemaIds = (await server.database.db.select().from(beneficiaries).where(eq(beneficiaries.birthYear, 1952))).map((b) => b.id);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function check(page: Page, label: string): Promise<string[]> {
  const problems: string[] = [];
  if ((await page.locator('h1').count()) !== 1) problems.push(`${label} — pas un seul <h1>`);
  for (const width of [widths.wide, widths.narrow]) {
    await page.setViewportSize({ width, height: 800 });
    problems.push(...(await checkAccessibility(page, `${label} à ${width} px`)));
    if (await hasHorizontalScroll(page)) problems.push(`${label} — défilement horizontal à ${width} px : ${(await overflowingElements(page)).join(', ')}`);
  }
  await page.setViewportSize({ width: widths.wide, height: 800 });
  return problems;
}

describe('Followed people’s screens in a browser', () => {
  it('has no accessibility problem on the helper’s screens', async () => {
    const context = await newContext(browser, widths.wide, { axe: true });
    const page = await context.newPage();
    await signInAsDemo(page, server.url, 'Henri Poadja');
    const base = `/beneficiaires/${fileId}`;
    const paths = [
      '/beneficiaires',
      '/beneficiaires?q=wema',
      '/beneficiaires?q=poiwi&retour=%2Factivites%2Fnouvelle',
      '/beneficiaires/nouvelle',
      '/beneficiaires/doublons',
      `/beneficiaires/fusion?garder=${wemaIds[0] ?? ''}&retirer=${wemaIds[1] ?? ''}`,
      base,
      `${base}/modifier`,
      `${base}/export`,
      `${base}/effacer`,
      `${base}/mandats/nouveau`,
      `${base}/mandats/${mandateId}`,
      `${base}/mandats/${mandateId}/utilisation`,
      `${base}/mandats/${mandateId}/revoquer`,
    ];
    const problems: string[] = [];
    for (const path of paths) {
      const response = await page.goto(`${server.url}${path}`);
      if ((response?.status() ?? 0) !== 200) problems.push(`${path} — ${response?.status()}`);
      problems.push(...(await check(page, path)));
    }
    // Error states: the creation form sent empty, then with a duplicate; a use of a category the mandate lacks.
    await page.goto(`${server.url}/beneficiaires/nouvelle`);
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Créer la fiche' }).click()]);
    assert.match(await page.title(), /^Erreur : /);
    problems.push(...(await check(page, 'nouvelle fiche, vide')));
    await page.getByLabel('Prénom').fill('Jean Baptiste');
    await page.getByLabel('Nom', { exact: true }).fill('Poiwy');
    await page.getByLabel('La personne n’a pas de téléphone').check();
    await page.getByLabel('Année de naissance').fill('1987');
    await page.getByLabel('Commune où vit la personne').selectOption({ label: 'Koné' });
    await page.getByLabel('La personne a entendu ou lu ce texte et elle est d’accord').check();
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Créer la fiche' }).click()]);
    assert.match(await page.content(), /Cette personne a peut-être déjà une fiche/);
    problems.push(...(await check(page, 'nouvelle fiche, doublon possible')));
    await page.goto(`${server.url}${base}/mandats/${mandateId}/utilisation`);
    await page.getByLabel('Quelle démarche ?').fill('Essai');
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Noter la démarche' }).click()]);
    assert.match(await page.title(), /^Erreur : /);
    problems.push(...(await check(page, 'utilisation du mandat, sans catégorie')));
    await context.close();
    assert.deepEqual(problems, []);
  });
});

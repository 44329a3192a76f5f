// Workshops in Chromium: the whole public registration with the keyboard alone, every element found by its
// accessible name (role and name, or label), at 320 px; then every workshop page, public and management, checked
// with axe-core (WCAG 2.2 A/AA) at 320 and 1280 px, without sideways scroll and with one <h1>.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Browser, Locator, Page } from 'playwright-core';
import { workshopRegistrations, workshopRegistrationSensitive, workshopSeries, workshopSessions } from '../../src/modules/workshops/workshops.schema.ts';
import { programmes } from '../../src/modules/workshops/workshops.schema.ts';
import { checkAccessibility, hasHorizontalScroll, launchBrowser, newContext, overflowingElements, signInAsDemo, widths } from '../support/browser.ts';
import { startTestServer, type RunningTestServer } from '../support/server.ts';

/** Presses Tab until `target` has the focus, as a person would; fails after 200 presses. */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  assert.fail(`la touche Tab n’atteint pas ${String(target)}`);
}

async function pageProblems(page: Page, label: string): Promise<string[]> {
  const problems = await checkAccessibility(page, label);
  if (await hasHorizontalScroll(page)) problems.push(`${label} — défilement horizontal : ${(await overflowingElements(page)).join(', ')}`);
  if ((await page.locator('h1').count()) !== 1) problems.push(`${label} — pas exactement un <h1>`);
  return problems;
}

describe('workshops, in a browser', () => {
  let server: RunningTestServer;
  let browser: Browser;
  let sessionId = '';
  let seriesId = '';
  let programmeId = '';
  let registrationId = '';

  before(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    // A future session of Numé-Raï with seats left (the demo's first future one is full).
    const rows = await server.database.db
      .select({ id: workshopSessions.id, seriesId: workshopSessions.seriesId, programmeId: workshopSeries.programmeId })
      .from(workshopSessions)
      .innerJoin(workshopSeries, eq(workshopSeries.id, workshopSessions.seriesId))
      .where(and(gt(workshopSessions.startsAt, new Date()), eq(workshopSessions.status, 'scheduled')))
      .orderBy(asc(workshopSessions.startsAt));
    const chosen = rows[1] ?? rows[0];
    assert.ok(chosen, 'the demo has future sessions');
    ({ id: sessionId, seriesId, programmeId } = chosen);
    const [registration] = await server.database.db
      .select({ id: workshopRegistrations.id })
      .from(workshopRegistrations)
      .innerJoin(workshopSessions, eq(workshopSessions.id, workshopRegistrations.sessionId))
      .where(and(gt(workshopSessions.startsAt, new Date()), eq(workshopRegistrations.status, 'confirmed')));
    registrationId = registration?.id ?? '';
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('registers for a workshop with the keyboard alone and accessible names only, at 320 px, every page clean for axe', async () => {
    const context = await newContext(browser, widths.narrow, { axe: true });
    const page = await context.newPage();
    const problems: string[] = [];

    await page.goto(`${server.url}/ateliers/${sessionId}`);
    problems.push(...(await pageProblems(page, '/ateliers/:id')));
    await tabTo(page, page.getByRole('link', { name: 'S’inscrire à l’atelier' }));
    await Promise.all([page.waitForURL(/\/inscription$/), page.keyboard.press('Enter')]);
    problems.push(...(await pageProblems(page, '/ateliers/:id/inscription')));

    // A phone that is not a phone first.
    await tabTo(page, page.getByLabel('Votre prénom et votre nom'));
    await page.keyboard.type('Lucienne Hnepeune');
    await tabTo(page, page.getByLabel('Votre numéro de téléphone'));
    await page.keyboard.type('12');
    await tabTo(page, page.getByLabel('Votre commune'));
    await page.keyboard.type('Lifou');
    await tabTo(page, page.getByRole('checkbox', { name: 'Je viens avec une personne qui m’aide' }));
    await page.keyboard.press('Space');
    await tabTo(page, page.getByRole('checkbox', { name: 'Des documents faciles à lire et à comprendre (FALC)' }));
    await page.keyboard.press('Space');
    await tabTo(page, page.getByLabel('Autre chose qui vous aiderait'));
    await page.keyboard.type('Une table à ma hauteur.');
    await tabTo(page, page.getByRole('radio', { name: 'Oui' }));
    await page.keyboard.press('Space');
    await tabTo(page, page.getByRole('checkbox', { name: /J’accepte que Relais garde ma réponse/ }));
    await page.keyboard.press('Space');
    await tabTo(page, page.getByRole('button', { name: 'M’inscrire' }));
    await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.waitForLoadState('load'), page.keyboard.press('Enter')]);
    await page.getByRole('link', { name: /Entrez un numéro de téléphone/ }).waitFor();
    await page.waitForLoadState('load');
    assert.match(await page.title(), /^Erreur : /);
    problems.push(...(await pageProblems(page, '/ateliers/:id/inscription (erreur)')));
    // What was typed is kept; the error summary's link leads to the field.
    assert.equal(await page.getByLabel('Votre prénom et votre nom').inputValue(), 'Lucienne Hnepeune');
    assert.equal(await page.getByRole('checkbox', { name: 'Je viens avec une personne qui m’aide' }).isChecked(), true);
    await tabTo(page, page.getByRole('link', { name: /Entrez un numéro de téléphone/ }));
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'phone');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('75 44 33');
    // The consent box must still be ticked (kept from the first try).
    assert.equal(await page.getByRole('checkbox', { name: /J’accepte que Relais garde ma réponse/ }).isChecked(), true);
    await tabTo(page, page.getByRole('button', { name: 'M’inscrire' }));
    await Promise.all([page.waitForURL(/\/inscription\/faite\?etat=inscrit$/), page.keyboard.press('Enter')]);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'C’est fait : l’inscription est enregistrée');
    problems.push(...(await pageProblems(page, '/ateliers/:id/inscription/faite')));

    const [row] = await server.database.db.select().from(workshopRegistrations).where(and(eq(workshopRegistrations.sessionId, sessionId), eq(workshopRegistrations.name, 'Lucienne Hnepeune')));
    assert.equal(row?.phone, '+687754433');
    assert.equal(row?.status, 'confirmed');
    assert.equal(row?.companion, true);
    assert.equal(row?.communeCode, '98814');
    const [sensitive] = await server.database.db.select().from(workshopRegistrationSensitive).where(eq(workshopRegistrationSensitive.registrationId, row?.id ?? ''));
    assert.deepEqual(sensitive?.accessNeeds, ['falc_materials']);
    assert.equal(sensitive?.accessNeedsText, 'Une table à ma hauteur.');
    assert.equal(sensitive?.disability, 'yes');
    await context.close();
    assert.deepEqual(problems, []);
  });

  it('shows the public workshop pages without accessibility problems at 320 and 1280 px', async () => {
    const [programme] = await server.database.db.select().from(programmes).where(eq(programmes.id, programmeId));
    const problems: string[] = [];
    for (const width of [widths.narrow, widths.wide]) {
      const context = await newContext(browser, width, { axe: true });
      const page = await context.newPage();
      for (const path of ['/ateliers', '/ateliers?commune=98814&accessibilite=falc_materials', `/ateliers/${sessionId}`, `/ateliers/${sessionId}/inscription`, `/programmes/${programme?.slug ?? ''}`]) {
        const response = await page.goto(`${server.url}${path}`);
        if (response?.status() !== 200) problems.push(`${path} — ${response?.status()}`);
        problems.push(...(await pageProblems(page, `${path} à ${width} px`)));
      }
      await context.close();
    }
    assert.deepEqual(problems, []);
  });

  it('shows the trainer’s and the coordinator’s pages without accessibility problems at 320 and 1280 px', async () => {
    const problems: string[] = [];
    const pages: [string, string[]][] = [
      ['Julie Wahnyamalla', ['/gestion/ateliers', '/gestion/ateliers?periode=passees', `/gestion/seances/${sessionId}`, `/gestion/seances/${sessionId}/besoins`, `/gestion/seances/${sessionId}/inscrire`, '/gestion/programmes']],
      [
        'Paul Néa',
        [
          `/gestion/programmes/${programmeId}`,
          `/gestion/programmes/${programmeId}/modifier`,
          `/gestion/programmes/${programmeId}/objectifs/nouveau`,
          `/gestion/programmes/${programmeId}/ateliers/nouveau`,
          `/gestion/series/${seriesId}`,
          `/gestion/series/${seriesId}/modifier`,
          `/gestion/series/${seriesId}/seances/nouvelle`,
          `/gestion/seances/${sessionId}/modifier`,
          `/gestion/seances/${sessionId}/annuler`,
          '/gestion/programmes/nouveau',
          `/gestion/inscriptions/${registrationId}/annuler`,
        ],
      ],
    ];
    for (const width of [widths.narrow, widths.wide]) {
      for (const [who, paths] of pages) {
        const context = await newContext(browser, width, { axe: true });
        const page = await context.newPage();
        await signInAsDemo(page, server.url, who);
        for (const path of paths) {
          const response = await page.goto(`${server.url}${path}`);
          if (response?.status() !== 200) problems.push(`${path} — ${response?.status()}`);
          problems.push(...(await pageProblems(page, `[${who}] ${path} à ${width} px`)));
        }
        await context.close();
      }
    }
    assert.deepEqual(problems, []);
  });
});

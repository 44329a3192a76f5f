// The workshop day in Chromium: a participant gives feedback on a phone 320 px wide, with the keyboard alone and by
// accessible names only; the trainer's and coordinator's day pages pass axe-core (WCAG 2.2 A/AA) at 320 px and
// 1280 px with no sideways scroll.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { programmeBySlug, sessionsOfProgramme } from '../../src/modules/workshops/workshops.queries.ts';
import { feedbackWindow } from '../../src/modules/workshops/feedback/feedback.commands.ts';
import { workshopFeedback } from '../../src/modules/workshops/feedback/feedback.schema.ts';
import { checkAccessibility, focusedElement, hasHorizontalScroll, launchBrowser, newContext, overflowingElements, signInAsDemo, widths } from '../support/browser.ts';
import { startTestServer, type RunningTestServer } from '../support/server.ts';

let server: RunningTestServer;
let browser: Browser;
let sessionId = '';
let programmeId = '';

before(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const programme = await programmeBySlug(server.database.db, 'nume-rai');
  assert.ok(programme);
  programmeId = programme.id;
  // The most recent session whose feedback is open (held within the last 60 days): the demo's progress has one.
  const open = (await sessionsOfProgramme(server.database.db, programme.id)).filter((s) => feedbackWindow(s) === 'open');
  sessionId = open.at(-1)?.id ?? '';
  assert.ok(sessionId, 'a Numé-Raï session with its feedback open');
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Presses Tab until the focused element matches, like a keyboard user moving through the page. */
async function tabTo(page: Page, matches: (focused: string) => boolean, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if (matches(await focusedElement(page))) return;
  }
  throw new Error(`never reached by Tab; last focus ${await focusedElement(page)}`);
}

async function problemsOn(page: Page, paths: string[], label: string): Promise<string[]> {
  const problems: string[] = [];
  for (const path of paths) {
    const response = await page.goto(`${server.url}${path}`);
    if ((response?.status() ?? 0) !== 200) problems.push(`${path} — ${response?.status()}`);
    if ((await page.locator('h1').count()) !== 1) problems.push(`${path} — pas un seul <h1>`);
    for (const width of [widths.narrow, widths.wide]) {
      await page.setViewportSize({ width, height: 800 });
      problems.push(...(await checkAccessibility(page, `[${label}] ${path} à ${width} px`)));
      if (await hasHorizontalScroll(page)) problems.push(`${path} — défilement horizontal à ${width} px : ${(await overflowingElements(page)).join(', ')}`);
    }
  }
  return problems;
}

describe('workshop feedback on a phone', () => {
  it('is answered at 320 px with the keyboard alone, by accessible names, with no accessibility problem', async () => {
    const context = await newContext(browser, widths.narrow, { axe: true });
    const page = await context.newPage();
    const before = await server.database.db.select().from(workshopFeedback).where(eq(workshopFeedback.sessionId, sessionId));
    await page.goto(`${server.url}/ateliers/${sessionId}/avis`);
    assert.deepEqual(await checkAccessibility(page, 'formulaire d’avis à 320 px'), []);
    assert.equal(await hasHorizontalScroll(page), false, (await overflowingElements(page)).join(', '));
    // Targets of the scale are at least 44 px high.
    const box = await page.getByRole('group', { name: 'L’atelier vous a plu ?' }).getByText('Oui').boundingBox();
    assert.ok(box && box.height >= 44, `target ${box?.height} px high`);

    await tabTo(page, (f) => f === 'input#liked.w-scale__input');
    await page.keyboard.press('Space');
    await tabTo(page, (f) => f === 'input#learned.w-scale__input');
    await page.keyboard.press('ArrowRight');
    await tabTo(page, (f) => f === 'input#come_back.w-scale__input');
    await page.keyboard.press('Space');
    await tabTo(page, (f) => f.startsWith('textarea#comment'));
    await page.keyboard.type('J’ai aimé la pause.');
    assert.equal(await page.getByRole('group', { name: 'L’atelier vous a plu ?' }).getByRole('radio', { name: 'Oui' }).isChecked(), true);
    assert.equal(await page.getByRole('group', { name: 'Vous avez appris des choses ?' }).getByRole('radio', { name: 'Un peu' }).isChecked(), true);
    assert.equal(await page.getByRole('group', { name: 'Vous vous êtes senti à l’aise ?' }).getByRole('radio', { name: 'Oui' }).isChecked(), false);
    await tabTo(page, (f) => f.startsWith('button') && !f.includes('secondary'));
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Envoyer mon avis');
    await Promise.all([page.waitForURL((url) => url.pathname.endsWith('/avis/merci')), page.keyboard.press('Enter')]);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Merci pour votre avis !');
    assert.deepEqual(await checkAccessibility(page, 'page de remerciement à 320 px'), []);
    const after = await server.database.db.select().from(workshopFeedback).where(eq(workshopFeedback.sessionId, sessionId));
    const added = after.filter((r) => !before.some((b) => b.id === r.id));
    assert.equal(added.length, 1);
    assert.deepEqual(added[0]?.answers, { liked: 'good', learned: 'medium', come_back: 'good' });
    assert.equal(added[0]?.mode, 'self');
    assert.equal(added[0]?.comment, 'J’ai aimé la pause.');
    await context.close();
  });

  it('shows the error summary and keeps the answers when the form is sent empty', async () => {
    const context = await newContext(browser, widths.narrow, { axe: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/ateliers/${sessionId}/avis`);
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Envoyer mon avis' }).click()]);
    assert.match(await page.title(), /^Erreur : /);
    assert.equal(await page.getByRole('link', { name: 'Répondez à au moins une question, ou écrivez un message' }).count(), 1);
    assert.deepEqual(await checkAccessibility(page, 'formulaire d’avis en erreur à 320 px'), []);
    await context.close();
  });
});

describe('workshop day pages in a browser', () => {
  it('has no accessibility problem on the trainer’s pages', async () => {
    const context = await newContext(browser, widths.wide, { axe: true });
    const page = await context.newPage();
    await signInAsDemo(page, server.url, 'Julie Wahnyamalla');
    const base = `/gestion/seances/${sessionId}`;
    assert.deepEqual(await problemsOn(page, ['/gestion/ateliers/suivi', `${base}/emargement`, `${base}/emargement/imprimer`, `${base}/emargement/rouvrir`, `${base}/avis`, `${base}/avis/papier`, `${base}/avis/saisie`, `${base}/bilan`, `/ateliers/${sessionId}/avis/accompagne`], 'formatrice'), []);
    await context.close();
  });

  it('has no accessibility problem on the coordinator’s pages and the public programme page', async () => {
    const context = await newContext(browser, widths.wide, { axe: true });
    const page = await context.newPage();
    await signInAsDemo(page, server.url, 'Paul Néa');
    const base = `/gestion/programmes/${programmeId}`;
    assert.deepEqual(await problemsOn(page, [`${base}/co-construction`, `${base}/ajustements/nouveau`, `${base}/rapport`, `/gestion/seances/${sessionId}/emargement/cloturer`, '/programmes/nume-rai'], 'coordinateur'), []);
    await context.close();
  });
});

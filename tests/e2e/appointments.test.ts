// Appointments at a Point Conseil Numérique, in Chromium: the public booking journey with the keyboard alone at
// 320 px (choose the agency, the reason, the hour, give a name and a phone, then cancel by the link), every page
// checked with axe-core (WCAG 2.2 A/AA) and without sideways scroll; the aidant's pages checked at 320 and 1280 px.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { organisationByName } from '../../src/modules/organisations/index.ts';
import { appointments } from '../../src/modules/appointments/appointments.schema.ts';
import { checkAccessibility, hasHorizontalScroll, launchBrowser, newContext, overflowingElements, signInAsDemo, widths } from '../support/browser.ts';
import { startTestServer, type RunningTestServer } from '../support/server.ts';

/** Presses Tab until the focused element matches `selector` (as a person would), or fails after 150 presses. */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 150; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  assert.fail(`la touche Tab n’atteint pas ${selector}`);
}

async function pageProblems(page: Page, label: string): Promise<string[]> {
  const problems = await checkAccessibility(page, label);
  if (await hasHorizontalScroll(page)) problems.push(`${label} — défilement horizontal : ${(await overflowingElements(page)).join(', ')}`);
  if ((await page.locator('h1').count()) !== 1) problems.push(`${label} — pas exactement un <h1>`);
  return problems;
}

describe('appointments, in a browser', () => {
  let server: RunningTestServer;
  let browser: Browser;
  let kone = '';

  before(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    kone = (await organisationByName(server.database.db, 'Agence OPT de Koné'))?.id ?? '';
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('books an appointment at OPT Koné and cancels it with the keyboard alone, at 320 px, every page clean for axe', async () => {
    const context = await newContext(browser, widths.narrow, { axe: true });
    const page = await context.newPage();
    const problems: string[] = [];
    await page.goto(`${server.url}/`);
    await tabTo(page, 'main a[href="/rendez-vous"]');
    await Promise.all([page.waitForURL(`${server.url}/rendez-vous`), page.keyboard.press('Enter')]);
    problems.push(...(await pageProblems(page, '/rendez-vous')));

    // 1. The agency: Bourail comes first (by commune), Koné second.
    await tabTo(page, 'input[name="agence"]');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.querySelector<HTMLInputElement>('input[name="agence"]:checked')?.value), kone);
    await tabTo(page, 'main button[type="submit"]');
    await Promise.all([page.waitForURL(/\/rendez-vous\/motif\?/), page.keyboard.press('Enter')]);
    problems.push(...(await pageProblems(page, '/rendez-vous/motif')));

    // 2. The reason: the first one.
    await tabTo(page, 'input[name="motif"]');
    await page.keyboard.press('Space');
    await tabTo(page, 'main button[type="submit"]');
    await Promise.all([page.waitForURL(/\/rendez-vous\/creneau\?/), page.keyboard.press('Enter')]);
    problems.push(...(await pageProblems(page, '/rendez-vous/creneau')));

    // 3. The hour: the first free one, in the next weeks if this one is full.
    for (let week = 2; (await page.locator('input[name="creneau"]').count()) === 0 && week <= 3; week++) {
      await tabTo(page, `a[href*="semaine=${week}"]`);
      await Promise.all([page.waitForURL(new RegExp(`semaine=${week}`)), page.keyboard.press('Enter')]);
    }
    await tabTo(page, 'input[name="creneau"]');
    await page.keyboard.press('Space');
    const slot = await page.evaluate(() => document.querySelector<HTMLInputElement>('input[name="creneau"]:checked')?.value);
    assert.ok(slot);
    await tabTo(page, 'main button[type="submit"]');
    await Promise.all([page.waitForURL(/\/rendez-vous\/coordonnees\?/), page.keyboard.press('Enter')]);
    problems.push(...(await pageProblems(page, '/rendez-vous/coordonnees')));

    // 4. Who: a wrong phone first, then the right one.
    await tabTo(page, 'input#nom');
    await page.keyboard.type('Lucie Kaouma');
    await tabTo(page, 'input#telephone');
    await page.keyboard.type('12');
    await tabTo(page, 'main form#formulaire button[type="submit"]');
    await Promise.all([page.waitForLoadState('load'), page.waitForResponse((r) => r.request().method() === 'POST'), page.keyboard.press('Enter')]);
    await page.waitForSelector('#telephone-error');
    assert.match(await page.title(), /^Erreur : /);
    problems.push(...(await pageProblems(page, '/rendez-vous (erreur)')));
    await tabTo(page, 'input#telephone');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('75 44 33');
    await tabTo(page, 'main form#formulaire button[type="submit"]');
    await Promise.all([page.waitForURL(/\/rendez-vous\/r\/[A-Za-z0-9_-]{43}$/), page.keyboard.press('Enter')]);
    assert.equal(await page.textContent('h1'), 'Votre rendez-vous');
    assert.match((await page.textContent('main')) ?? '', /Votre rendez-vous est pris/);
    problems.push(...(await pageProblems(page, '/rendez-vous/r/…')));
    const [booked] = await server.database.db.select().from(appointments).where(and(eq(appointments.personName, 'Lucie Kaouma'), eq(appointments.organisationId, kone)));
    assert.equal(booked?.phone, '+687754433');
    assert.equal(booked?.status, 'booked');

    // 5. Cancel, after the confirmation page.
    await tabTo(page, 'main a[href$="/annuler"]');
    await Promise.all([page.waitForURL(/\/annuler$/), page.keyboard.press('Enter')]);
    problems.push(...(await pageProblems(page, '/rendez-vous/r/…/annuler')));
    await tabTo(page, 'main button[type="submit"]');
    await Promise.all([page.waitForURL(/\/rendez-vous\/r\/[A-Za-z0-9_-]{43}$/), page.keyboard.press('Enter')]);
    assert.match((await page.textContent('main')) ?? '', /Ce rendez-vous est annulé/);
    problems.push(...(await pageProblems(page, '/rendez-vous/r/… (annulé)')));
    const [cancelled] = await server.database.db.select().from(appointments).where(eq(appointments.id, booked?.id ?? ''));
    assert.equal(cancelled?.status, 'cancelled');
    await context.close();
    assert.deepEqual(problems, []);
  });

  it('shows the aidant’s day, the record form, the agency’s settings and the coordinator’s list without accessibility problems at 320 and 1280 px', async () => {
    const [marie] = await server.database.db.select().from(appointments).where(and(eq(appointments.personName, 'Marie Wamytan'), eq(appointments.organisationId, kone)));
    assert.ok(marie);
    await server.database.db.update(appointments).set({ status: 'seen' }).where(eq(appointments.id, marie.id));
    const problems: string[] = [];
    for (const width of [widths.narrow, widths.wide]) {
      const context = await newContext(browser, width, { axe: true });
      const page = await context.newPage();
      await signInAsDemo(page, server.url, 'Henri Poadja');
      for (const path of ['/rendez-vous/agenda', `/rendez-vous/agenda/${marie.id}/accompagnement`, `/rendez-vous/gestion/${kone}`, `/rendez-vous/gestion/${kone}/raisons/nouvelle`, '/rendez-vous']) {
        await page.goto(`${server.url}${path}`);
        problems.push(...(await pageProblems(page, `${path} à ${width} px`)));
      }
      await context.close();
    }
    // The coordinator's list of agencies and an agency's settings; a place manager's empty day.
    for (const [who, paths] of [
      ['Paul Néa', ['/rendez-vous/gestion', `/rendez-vous/gestion/${kone}`]],
      ['Léa Wenisso', ['/rendez-vous/agenda']],
    ] as const) {
      for (const width of [widths.narrow, widths.wide]) {
        const context = await newContext(browser, width, { axe: true });
        const page = await context.newPage();
        await signInAsDemo(page, server.url, who);
        for (const path of paths) {
          await page.goto(`${server.url}${path}`);
          problems.push(...(await pageProblems(page, `${path} (${who}) à ${width} px`)));
        }
        await context.close();
      }
    }
    assert.deepEqual(problems, []);
  });
});

// Recording help in Chromium: the aidant at OPT Koné records the common case (individual, 30 minutes, one theme,
// anonymous person) with the keyboard only, counting every interaction; then axe-core (WCAG 2.2 A/AA) at 320 px and
// 1280 px on every activity screen, no sideways scroll, one <h1>.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, desc, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { localDay } from '../../src/platform/format.ts';
import { activities } from '../../src/modules/activities/activities.schema.ts';
import { userByEmail } from '../../src/modules/accounts/index.ts';
import { checkAccessibility, focusedElement, hasHorizontalScroll, launchBrowser, newContext, overflowingElements, signInAsDemo, widths } from '../support/browser.ts';
import { startTestServer, type RunningTestServer } from '../support/server.ts';

let server: RunningTestServer;
let browser: Browser;

before(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Counts what the person does: one key press, or one sequence of keys typed into a field. */
class Keyboard {
  count = 0;
  constructor(private readonly page: Page) {}
  async press(key: 'Tab' | 'Enter' | 'Space' | 'ArrowDown' | 'ArrowRight'): Promise<void> {
    this.count += 1;
    await this.page.keyboard.press(key);
  }
  async type(text: string): Promise<void> {
    this.count += 1;
    await this.page.keyboard.type(text);
  }
}

async function problemsOn(page: Page, path: string): Promise<string[]> {
  const problems: string[] = [];
  const response = await page.goto(`${server.url}${path}`);
  if ((response?.status() ?? 0) !== 200) problems.push(`${path} — ${response?.status()}`);
  if ((await page.locator('h1').count()) !== 1) problems.push(`${path} — pas un seul <h1>`);
  for (const width of [widths.wide, widths.narrow]) {
    await page.setViewportSize({ width, height: 800 });
    problems.push(...(await checkAccessibility(page, `${path} à ${width} px`)));
    if (await hasHorizontalScroll(page)) problems.push(`${path} — défilement horizontal à ${width} px : ${(await overflowingElements(page)).join(', ')}`);
  }
  await page.setViewportSize({ width: widths.wide, height: 800 });
  return problems;
}

describe('Recording an accompaniment in a browser', () => {
  it('records the common case with the keyboard only, in at most 10 interactions', async () => {
    const context = await newContext(browser, widths.wide);
    const page = await context.newPage();
    await signInAsDemo(page, server.url, 'Henri Poadja');
    const helper = await userByEmail(server.database.db, 'aidant@demo.relais.nc');
    assert.ok(helper);
    await page.goto(`${server.url}/activites/nouvelle`);
    const firstTheme = (await page.locator('#themes').getAttribute('value')) ?? '';
    const keys = new Keyboard(page);
    // Skip link, into the content, past the kind switch, onto the first (most used) theme: tick it, send.
    await keys.press('Tab');
    assert.equal(await focusedElement(page), 'a.r-skip-link');
    await keys.press('Enter');
    await keys.press('Tab');
    await keys.press('Tab');
    assert.equal(await focusedElement(page), 'input#themes.r-choices__input');
    await keys.press('Space');
    await Promise.all([page.waitForURL((url) => /^\/activites\/[0-9a-f-]{36}$/.test(url.pathname)), keys.press('Enter')]);
    console.log(`Accompagnement courant enregistré au clavier en ${keys.count} interactions.`);
    assert.ok(keys.count <= 10, `${keys.count} interactions`);
    await page.getByText('Accompagnement enregistré.').waitFor();
    const id = new URL(page.url()).pathname.split('/').pop() ?? '';
    const [row] = await server.database.db.select().from(activities).where(and(eq(activities.id, id), eq(activities.helperUserId, helper.id))).orderBy(desc(activities.createdAt));
    assert.ok(row);
    assert.equal(row.kind, 'individual');
    assert.equal(row.durationMinutes, 30);
    assert.equal(row.date, localDay(new Date()));
    assert.equal(row.channel, 'at_place');
    assert.deepEqual(row.themes, [firstTheme]);
    assert.equal(row.beneficiaryId, null);
    assert.equal(row.gender, 'not_communicated');
    await context.close();
  });

  it('has no accessibility problem on the activity screens, errors included', async () => {
    const context = await newContext(browser, widths.wide, { axe: true });
    const page = await context.newPage();
    await signInAsDemo(page, server.url, 'Henri Poadja');
    const helper = await userByEmail(server.database.db, 'aidant@demo.relais.nc');
    assert.ok(helper);
    const [record] = await server.database.db.select({ id: activities.id }).from(activities).where(eq(activities.helperUserId, helper.id)).orderBy(desc(activities.date)).limit(1);
    const [workshop] = await server.database.db.select({ id: activities.id }).from(activities).where(and(eq(activities.helperUserId, helper.id), eq(activities.kind, 'workshop'))).limit(1);
    assert.ok(record && workshop);
    const problems: string[] = [];
    for (const path of [
      '/activites',
      '/activites?vue=tableau',
      '/activites?du=2000-01-01&au=2000-01-02',
      '/activites/nouvelle',
      '/activites/nouvelle?type=atelier',
      `/activites/nouvelle?depuis=${record.id}`,
      `/activites/${record.id}`,
      `/activites/${record.id}/modifier`,
      `/activites/${record.id}/supprimer`,
      `/activites/${workshop.id}`,
      `/activites/${workshop.id}/modifier`,
    ]) {
      problems.push(...(await problemsOn(page, path)));
    }
    // The form with errors: a date in the future, a breakdown larger than the total.
    await page.goto(`${server.url}/activites/nouvelle?type=atelier`);
    await page.getByLabel('Titre de l’atelier').fill('Premiers pas');
    await page.getByLabel('Nombre de participants anonymes').fill('2');
    await page.locator('#repartition summary').click();
    await page.locator('#breakdown-gender').fill('3');
    await page.getByLabel('Date', { exact: true }).fill('2099-01-01');
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Enregistrer l’atelier' }).click()]);
    assert.match(await page.title(), /^Erreur : /);
    for (const width of [widths.wide, widths.narrow]) {
      await page.setViewportSize({ width, height: 800 });
      problems.push(...(await checkAccessibility(page, `formulaire d’atelier en erreur à ${width} px`)));
      if (await hasHorizontalScroll(page)) problems.push(`formulaire en erreur — défilement horizontal à ${width} px : ${(await overflowingElements(page)).join(', ')}`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
});

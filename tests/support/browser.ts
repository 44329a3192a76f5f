import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { eq } from 'drizzle-orm';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { z } from 'zod';
import type { Database } from '../../src/db/client.ts';
import { users } from '../../src/modules/accounts/accounts.schema.ts';
import { currentTotp } from '../../src/modules/accounts/index.ts';

/** The widths every page is checked at: the smallest phone (WCAG reflow) and a desktop. */
export const widths = { narrow: 320, wide: 1280 } as const;

/**
 * The system Chromium, headless, with nothing that calls the network on its own. Never a downloaded browser.
 * One per test file; reuse contexts inside it.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

/**
 * A fresh browser profile (its own cookies) at a given width. CSP is bypassed only so that axe-core can be injected;
 * the application's own scripts still load through their nonce. With `axe: true`, every page gets axe-core before
 * its own scripts run (cheaper than injecting it page by page in a sweep).
 */
export async function newContext(browser: Browser, width: number = widths.wide, options: { axe?: boolean } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width, height: 800 }, locale: 'fr-FR', timezoneId: 'Pacific/Noumea' });
  if (options.axe) await context.addInitScript({ content: axeScript() });
  return context;
}

const require = createRequire(import.meta.url);
let axeSource: string | undefined;
function axeScript(): string {
  axeSource ??= readFileSync(join(dirname(require.resolve('axe-core')), 'axe.min.js'), 'utf8');
  return axeSource;
}

/** WCAG 2.0, 2.1 and 2.2, levels A and AA: the rules the architecture promises zero violations of. */
export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

const axeViolations = z.array(
  z.object({
    id: z.string(),
    impact: z.string().nullable().optional(),
    help: z.string(),
    nodes: z.array(z.object({ target: z.array(z.unknown()), failureSummary: z.string().optional() })),
  }),
);

/**
 * Runs axe-core on the page as it is now (its current width) and returns one readable line per violation:
 * `label — rule (impact): help → selector, selector`. An empty list means no violation.
 * @example assert.deepEqual(await checkAccessibility(page, '/connexion à 320 px'), [])
 */
export async function checkAccessibility(page: Page, label: string): Promise<string[]> {
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.addScriptTag({ content: axeScript() });
  const options = JSON.stringify({ runOnly: { type: 'tag', values: axeTags }, resultTypes: ['violations'] });
  const raw: unknown = await page.evaluate(`axe.run(document, ${options}).then((r) => r.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
  })))`);
  return axeViolations.parse(raw).map((v) => {
    const targets = v.nodes.map((n) => n.target.map(String).join(' ')).slice(0, 5);
    const more = v.nodes.length > 5 ? ` (+${v.nodes.length - 5} autres)` : '';
    const detail = v.nodes[0]?.failureSummary?.split('\n').slice(0, 2).join(' ').trim();
    return `${label} — ${v.id} (${v.impact ?? 'impact inconnu'}): ${v.help} → ${targets.join(', ')}${more}${detail ? ` [${detail}]` : ''}`;
  });
}

/** True when the page scrolls sideways at its current width (WCAG 1.4.10 reflow). */
export function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}

/**
 * The elements that stick out past the right edge of the viewport, outermost first (their parent fits): where to look
 * when a page scrolls sideways. Up to three, as CSS-like names with their width.
 */
export function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const limit = document.documentElement.clientWidth + 1;
    const found: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const right = el.getBoundingClientRect().right;
      const parent = el.parentElement;
      // Content inside a scrolling box (a table wrapper, a <pre>) does not make the page scroll.
      let clipped = false;
      for (let a = parent; a && a !== document.body && !clipped; a = a.parentElement) clipped = getComputedStyle(a).overflowX !== 'visible';
      if (right > limit && parent && !clipped && parent.getBoundingClientRect().right <= limit) {
        // No named helper here: the page runs this code as is, without the bundler's helpers.
        const [parentName, elName] = [parent, el].map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${[...e.classList].map((c) => `.${c}`).join('')}`);
        found.push(`${parent === document.body ? '' : `${parentName} > `}${elName} (${Math.round(right)} px)`);
        if (found.length === 3) break;
      }
    }
    return found;
  });
}

/** The name of the element that has the keyboard focus, for assertions: `main#contenu`, `a.r-skip-link`… */
export function focusedElement(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return '';
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')}`;
  });
}

/** The current second-factor code of an account, from its secret in the database (what the person's phone shows). */
export async function totpCodeFor(database: Database, email: string): Promise<string> {
  const [user] = await database.db.select({ secret: users.totpSecret }).from(users).where(eq(users.email, email));
  if (!user?.secret) throw new Error(`${email} has no second-factor secret`);
  return currentTotp(user.secret, email);
}

/**
 * Signs in through the real form at /connexion (typing, then Enter), and through the second-factor form when the
 * account's role asks for it. Ends on the page the sign-in leads to.
 */
export async function signInWithForm(page: Page, baseUrl: string, database: Database, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/connexion`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await Promise.all([page.waitForURL((url) => url.pathname !== '/connexion'), page.getByLabel('Mot de passe', { exact: true }).press('Enter')]);
  if (new URL(page.url()).pathname === '/connexion/second-facteur') {
    await page.getByLabel('Code à 6 chiffres').fill(await totpCodeFor(database, email));
    await Promise.all([page.waitForURL((url) => url.pathname !== '/connexion/second-facteur'), page.getByLabel('Code à 6 chiffres').press('Enter')]);
  }
}

/** Signs in as a demonstration account from /demo, with its "Se connecter en tant que …" button (no second factor). */
export async function signInAsDemo(page: Page, baseUrl: string, name: string): Promise<void> {
  await page.goto(`${baseUrl}/demo`);
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/'),
    page.getByRole('button', { name: `Se connecter en tant que ${name}`, exact: true }).click(),
  ]);
}

/** The Cookie header the browser context would send to Relais, for checks made from Node with `fetch`. */
export async function cookieHeader(context: BrowserContext, baseUrl: string): Promise<string> {
  return (await context.cookies(baseUrl)).map((c) => `${c.name}=${c.value}`).join('; ');
}

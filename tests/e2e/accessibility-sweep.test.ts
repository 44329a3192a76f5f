// The accessibility sweep: every page a person can reach from the navigation, for each demo role and for
// anonymous visitors, checked in Chromium at 320 px and 1280 px — axe-core (WCAG 2.2 A/AA), no sideways scroll,
// one <h1>, a proper <title> — and every link on those pages answers something other than 404.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { demoAccounts } from '../support/demo.ts';
import { checkAccessibility, cookieHeader, hasHorizontalScroll, launchBrowser, newContext, overflowingElements, signInAsDemo, widths } from '../support/browser.ts';
import { startTestServer, type RunningTestServer } from '../support/server.ts';

/** Pages checked for everyone, whether or not a link leads to them. */
const fixedPages = [
  '/',
  '/connexion',
  '/mot-de-passe-oublie',
  '/demo',
  '/affichage',
  '/accessibilite',
  '/mentions-legales',
  '/donnees-personnelles',
  '/dev/composants',
  '/compte',
  '/compte/sessions',
  '/api/v1/docs',
];

/** At most this many distinct pages per role: enough to cover every screen, short enough to run in seconds. */
const pagesPerRole = 60;

/**
 * How far the sweep follows links inside <main> below the pages the navigation reaches: 2 reaches a record's forms
 * and confirmation pages (list → record → "Modifier", "Retirer"…).
 */
const levelsBelowNavigation = 2;

/** Paths never opened as pages: a POST-only action, assets, the machine-readable API document. */
function notAPage(url: URL): boolean {
  return url.pathname === '/deconnexion' || url.pathname.startsWith('/static/') || url.pathname === '/api/v1/openapi.json';
}

/** One screen, whatever record it shows: `/organisations/0190…/membres` → `/organisations/:id/membres`. */
function screenOf(url: URL): string {
  return url.pathname
    .split('/')
    .map((segment) => (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(segment) || /^\d+$/.test(segment) ? ':id' : segment))
    .join('/');
}

type FoundLink = { href: string; inMain: boolean; download: boolean };

async function linksOn(page: Page): Promise<FoundLink[]> {
  return page.locator('a[href]').evaluateAll((elements) =>
    elements.flatMap((el) => (el instanceof HTMLAnchorElement ? [{ href: el.href, inMain: el.closest('main') !== null, download: el.hasAttribute('download') }] : [])),
  );
}

/** Runs `work` over `items`, `width` at a time. */
async function inParallel<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const item = items[next];
        next += 1;
        if (item !== undefined) await work(item);
      }
    }),
  );
}

let server: RunningTestServer;
let browser: Browser;

before(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Everything wrong with one page at its current width, and nothing when all is well. */
async function problemsAtWidth(page: Page, label: string): Promise<string[]> {
  const problems = await checkAccessibility(page, label);
  if (await hasHorizontalScroll(page)) {
    const sizes = await page.evaluate(() => `${document.documentElement.scrollWidth} px de contenu pour ${document.documentElement.clientWidth} px`);
    problems.push(`${label} — défilement horizontal (${sizes}) ; dépassent : ${(await overflowingElements(page)).join(', ') || '?'}`);
  }
  return problems;
}

/**
 * Visits, as one person (or nobody), the pages reachable from the navigation, the header, the footer, the home page
 * and the fixed list, then `levelsBelowNavigation` levels further through the links inside <main>; returns every
 * problem found.
 */
async function sweep(context: BrowserContext, page: Page, role: string, alreadyChecked: ReadonlySet<string> = new Set()): Promise<Sweep> {
  const origin = new URL(server.url).origin;
  const problems: string[] = [];
  const visitedScreens = new Map<string, string>();
  /** Screens that answered 200 in HTML: for anonymous visitors, the public ones. */
  const pages = new Set<string>();
  const titles = new Map<string, string>();
  const queued = new Set<string>();
  /** Every same-origin link seen, with the first page it was seen on. */
  const linksSeen = new Map<string, string>();

  const sameOriginPage = (href: string): URL | null => {
    const url = new URL(href);
    if (url.origin !== origin || notAPage(url)) return null;
    url.hash = '';
    return url;
  };
  const remember = (links: FoundLink[], where: string) => {
    for (const link of links) {
      const url = new URL(link.href);
      if (url.origin !== origin || url.pathname === '/deconnexion') continue;
      url.hash = '';
      if (!linksSeen.has(url.toString())) linksSeen.set(url.toString(), where);
    }
  };

  /** Opens one page and checks it; returns the links it holds, or null when it was not a new screen. */
  const visit = async (url: URL): Promise<FoundLink[] | null> => {
    const requested = `${url.pathname}${url.search}`;
    if (alreadyChecked.has(screenOf(url))) {
      visitedScreens.set(screenOf(url), requested);
      return null;
    }
    const label = `[${role}] ${requested}`;
    const t0 = performance.now();
    await page.setViewportSize({ width: widths.wide, height: 800 });
    let response;
    try {
      response = await page.goto(url.toString(), { waitUntil: 'load' });
    } catch (error) {
      if (String(error).includes('Download is starting')) return null;
      problems.push(`${label} — ne s’ouvre pas : ${String(error).split('\n')[0]}`);
      return null;
    }
    const landed = new URL(page.url());
    const screen = screenOf(landed);
    if (visitedScreens.has(screen)) return null;
    visitedScreens.set(screen, requested);
    const status = response?.status() ?? 0;
    const contentType = (await response?.headerValue('content-type')) ?? '';
    if (status >= 400) {
      // A link that leads here is reported below as a dead link, with the page it is on.
      if (status === 404 && linksSeen.has(url.toString())) return null;
      problems.push(`${label} — la page répond ${status}${landed.pathname !== url.pathname ? ` (après redirection vers ${landed.pathname})` : ''}`);
      return null;
    }
    if (!contentType.startsWith('text/html')) return null;
    pages.add(screen);

    const h1s = await page.locator('h1').count();
    if (h1s !== 1) problems.push(`${label} — ${h1s} titres <h1> au lieu d’un seul`);
    const title = await page.title();
    if (!/^\S.* — Relais$/.test(title) || /^Relais — Relais$/.test(title)) problems.push(`${label} — <title> incorrect : « ${title} » (attendu : « Titre de la page — Relais »)`);
    const sameTitle = titles.get(title);
    if (sameTitle !== undefined && sameTitle !== screen) problems.push(`${label} — même <title> « ${title} » que ${sameTitle}`);
    titles.set(title, screen);

    const t1 = performance.now();
    problems.push(...(await problemsAtWidth(page, `${label} à ${widths.wide} px`)));
    const t2 = performance.now();
    await page.setViewportSize({ width: widths.narrow, height: 800 });
    problems.push(...(await problemsAtWidth(page, `${label} à ${widths.narrow} px`)));
    // SWEEP_VERBOSE=1 npm test -- accessibility-sweep: where the time goes, page by page.
    if (process.env.SWEEP_VERBOSE) console.error(`${label}: ouverture ${Math.round(t1 - t0)} ms, ${widths.wide} px ${Math.round(t2 - t1)} ms, ${widths.narrow} px ${Math.round(performance.now() - t2)} ms`);

    const links = await linksOn(page);
    remember(links, requested);
    return links;
  };

  // Level 0: the navigation, the header tools, the footer and the home page's links, then the fixed pages.
  await page.goto(`${server.url}/`);
  const homeLinks = await linksOn(page);
  const level0: URL[] = [];
  const level1: URL[] = [];
  const enqueue = (list: URL[], url: URL | null) => {
    if (!url || queued.has(url.toString())) return;
    queued.add(url.toString());
    list.push(url);
  };
  for (const link of homeLinks) if (!link.download) enqueue(level0, sameOriginPage(link.href));
  for (const path of fixedPages) enqueue(level0, new URL(path, origin));

  for (const url of level0) {
    if (visitedScreens.size >= pagesPerRole) break;
    const links = await visit(url);
    for (const link of links ?? []) if (link.inMain && !link.download) enqueue(level1, sameOriginPage(link.href));
  }
  // Deeper: what the pages' main content links to (lists → records → their forms and confirmation pages).
  let current = level1;
  for (let level = 1; level <= levelsBelowNavigation && current.length > 0; level += 1) {
    const next: URL[] = [];
    for (const url of current) {
      if (visitedScreens.size >= pagesPerRole) break;
      if (visitedScreens.has(screenOf(url))) continue;
      const links = await visit(url);
      for (const link of links ?? []) if (link.inMain && !link.download) enqueue(next, sameOriginPage(link.href));
    }
    current = next;
  }

  // No dead links: every same-origin link seen on these pages, fetched with this person's session.
  const cookie = await cookieHeader(context, server.url);
  await inParallel([...linksSeen.entries()], 6, async ([href, where]) => {
    const response = await fetch(href, { headers: { cookie, accept: 'text/html' }, redirect: 'follow' });
    await response.body?.cancel();
    if (response.status === 404 || response.status >= 500) {
      const target = new URL(href);
      problems.push(`[${role}] ${where} — lien mort : ${target.pathname}${target.search} répond ${response.status}`);
    }
  });

  return { problems, visited: [...visitedScreens.values()], pages };
}

type Sweep = { problems: string[]; visited: string[]; pages: Set<string> };

function report(role: string, result: Sweep): void {
  assert.ok(result.visited.length >= 8, `[${role}] the sweep opened only ${result.visited.length} pages: ${result.visited.join(', ')}`);
  if (result.problems.length > 0) {
    assert.fail(`${result.problems.length} problème(s) sur ${result.visited.length} pages pour ${role} :\n${result.problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * Public pages show the same content to everyone: anonymous visitors check them, one signed-in account checks them
 * again with the signed-in header, and the other accounts skip them (their header is checked on their own pages). The home page differs for each role.
 */
let anonymousSweep: (value: Set<string>) => void = () => undefined;
const publicScreens = new Promise<Set<string>>((resolve) => {
  anonymousSweep = resolve;
});

async function sweepAs(account: { email: string; name: string } | null, role: string, skipPublic: boolean): Promise<void> {
  const context = await newContext(browser, widths.wide, { axe: true });
  context.setDefaultTimeout(15_000);
  try {
    const page = await context.newPage();
    if (account) await signInAsDemo(page, server.url, account.name);
    const skip = new Set(skipPublic ? await publicScreens : []);
    skip.delete('/');
    const result = await sweep(context, page, role, skip);
    if (!account) anonymousSweep(result.pages);
    report(role, result);
  } finally {
    if (!account) anonymousSweep(new Set());
    await context.close();
  }
}

describe('the accessibility sweep, at 320 px and 1280 px', { concurrency: 3 }, () => {
  it('finds no problem on the pages an anonymous visitor reaches', () => sweepAs(null, 'anonyme', false));

  demoAccounts.forEach((account, index) => {
    const role = account.memberships[0]?.role ?? 'sans rôle';
    // The last account (few pages of its own) checks the public pages with the signed-in header.
    it(`finds no problem on the pages ${account.email} (${role}) reaches`, () => sweepAs(account, role, index < demoAccounts.length - 1));
  });

  it('finds no axe violation in the error state of the sign-in form at 320 px', async () => {
    const context = await newContext(browser, widths.narrow);
    context.setDefaultTimeout(15_000);
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/connexion`);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.locator('#error-summary').waitFor();
      assert.match(await page.title(), /^Erreur : /);
      const problems = await problemsAtWidth(page, `[anonyme] /connexion (formulaire vide) à ${widths.narrow} px`);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});

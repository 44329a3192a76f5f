import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/http/env.ts';
import { versionedMemory } from './places.version.ts';

/**
 * Public pages of places as anonymous visitors get them, kept in memory: the same address, for a visitor without
 * any cookie (no session, no display preference, no message to show), gives the same HTML for the same data and the
 * same minute. The HTML is kept with its gzip, per version of the places (places.version.ts: a change is seen at once
 * in this process) and per minute (open / closed, and « open now », move with the clock; opening hours are written
 * to the minute). A page then costs no rendering and no compression: what 50 visitors at once need on 2 cores.
 *
 * A kept page carries no CSP nonce: its scripts are files of this origin, which `script-src 'self'` allows; the
 * nonce of the request that rendered it is taken out rather than handed to other visitors.
 * See docs/decisions/0005-places-cache-by-notify.md.
 */

type KeptPage = { status: 200 | 422; contentType: string; html: string; gzipped: Buffer | null };

/** At most this many pages per minute (some 15 MB); beyond, the oldest minute's are dropped. */
const maxPages = 300;

const pageMemory = versionedMemory((): { minute: number; pages: Map<string, Promise<KeptPage | null>> } => ({ minute: Number.NaN, pages: new Map() }));

const gzipped = promisify(gzip);

function keepable(c: Context<AppEnv>): boolean {
  return (c.req.method === 'GET' || c.req.method === 'HEAD') && c.req.header('cookie') === undefined && c.get('actor') === null;
}

function keptStatus(response: Response): 200 | 422 | null {
  const status = response.status;
  if (status !== 200 && status !== 422) return null;
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.startsWith('text/html') || response.headers.has('Content-Encoding') || response.headers.has('Set-Cookie')) return null;
  return status;
}

async function keep(c: Context<AppEnv>, response: Response, status: 200 | 422): Promise<KeptPage> {
  const nonce = c.get('secureHeadersNonce');
  const text = await response.text();
  const html = nonce ? text.replaceAll(` nonce="${nonce}"`, '') : text;
  return { status, contentType: response.headers.get('Content-Type') ?? 'text/html; charset=UTF-8', html, gzipped: html.length >= 1024 ? await gzipped(html) : null };
}

function send(c: Context<AppEnv>, page: KeptPage): Response {
  const accepts = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
  if (accepts && page.gzipped) {
    return c.body(new Uint8Array(page.gzipped), page.status, { 'Content-Type': page.contentType, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' });
  }
  return c.body(page.html, page.status, { 'Content-Type': page.contentType, Vary: 'Accept-Encoding' });
}

/**
 * Answers with the page kept for this address when the visitor is anonymous and without cookies; otherwise (or the
 * first time, or for a redirection or an error) with `render()`.
 * @example placesPublicRoutes.get('/lieux', access.public(), (c) => anonymousPage(c, () => renderSearch(c)))
 */
export async function anonymousPage(c: Context<AppEnv>, render: () => Response | Promise<Response>): Promise<Response> {
  if (!keepable(c)) return render();
  const held = await pageMemory.current(c.get('services').database.db);
  if (!held) return render();
  const memory = held.value;
  const minute = Math.floor(Date.now() / 60_000);
  if (memory.minute !== minute) {
    memory.minute = minute;
    memory.pages = new Map();
  }
  const url = new URL(c.req.url);
  const key = `${url.pathname}${url.search}`;
  const found = memory.pages.get(key);
  if (found) {
    const page = await found;
    if (page) return send(c, page);
    return render();
  }
  if (memory.pages.size >= maxPages) memory.pages.clear();
  const pages = memory.pages;
  let settle: (page: KeptPage | null) => void = () => {};
  const pending = new Promise<KeptPage | null>((resolve) => {
    settle = resolve;
  });
  pages.set(key, pending);
  try {
    const response = await render();
    const status = keptStatus(response);
    if (status === null) {
      // A redirection, a page not found…: answered as rendered, not kept.
      settle(null);
      if (pages.get(key) === pending) pages.delete(key);
      return response;
    }
    const page = await keep(c, response, status);
    settle(page);
    return send(c, page);
  } catch (error) {
    settle(null);
    if (pages.get(key) === pending) pages.delete(key);
    throw error;
  }
}

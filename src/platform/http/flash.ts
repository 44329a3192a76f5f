import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv, Flash } from './env.ts';

const cookieName = 'relais_flash';

/** Leaves a message for the next page (after a redirect): "Invitation envoyée", for instance. */
export function setFlash(c: Context<AppEnv>, flash: Flash): void {
  setCookie(c, cookieName, Buffer.from(JSON.stringify(flash)).toString('base64url'), {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    maxAge: 60,
  });
}

/** Reads and clears the message left by the previous request. */
export function takeFlash(c: Context<AppEnv>): Flash | null {
  const raw = getCookie(c, cookieName);
  if (!raw) return null;
  deleteCookie(c, cookieName, { path: '/' });
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (
      typeof value === 'object' && value !== null && 'kind' in value && 'text' in value &&
      (value.kind === 'success' || value.kind === 'info' || value.kind === 'warning') && typeof value.text === 'string'
    ) {
      return { kind: value.kind, text: value.text.slice(0, 300) };
    }
  } catch {
    // A tampered or stale cookie is simply ignored.
  }
  return null;
}

/** Post/Redirect/Get: a 303 to the next page, with a message for it. */
export function redirectWithFlash(c: Context<AppEnv>, location: string, flash: Flash): Response {
  setFlash(c, flash);
  return c.redirect(location, 303);
}

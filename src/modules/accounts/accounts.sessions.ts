import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { AppEnv } from '../../platform/http/env.ts';
import { sessions } from './accounts.schema.ts';
import { findSession, type SessionLookup } from './accounts.queries.ts';
import { sessionLifetimeDays } from './accounts.commands.ts';

export const sessionCookie = 'relais_session';

/** Finds the session behind a cookie and notes that it was seen (at most every five minutes: no write per page). */
export async function loadSession(db: Executor, token: string): Promise<SessionLookup | null> {
  const found = await findSession(db, token);
  if (found && Date.now() - found.lastSeenAt.getTime() > 5 * 60_000) {
    await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, found.session.id));
  }
  return found;
}

/** HttpOnly, SameSite=Lax, Secure whenever Relais is served over HTTPS. */
export function setSessionCookie(c: Context<AppEnv>, token: string): void {
  setCookie(c, sessionCookie, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.get('services').config.baseUrl.startsWith('https:'),
    path: '/',
    maxAge: sessionLifetimeDays * 24 * 60 * 60,
  });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, sessionCookie, { path: '/' });
}

/**
 * The client's network address, from the socket (X-Forwarded-For is not trusted: anyone can write it, and the
 * per-address sign-in limit would be void). In-process test requests have no socket.
 */
export function clientOf(c: Context<AppEnv>): { ip: string | null; userAgent: string | null } {
  let ip: string | null = null;
  try {
    ip = getConnInfo(c).remote.address ?? null;
  } catch {
    ip = null;
  }
  return { ip, userAgent: c.req.header('user-agent') ?? null };
}

import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { keptUntilChange } from '../../db/notify.ts';
import type { AppEnv } from '../../platform/http/env.ts';
import { sessions } from './accounts.schema.ts';
import { findSession, type SessionLookup } from './accounts.queries.ts';
import { sessionLifetimeDays } from './accounts.commands.ts';

export const sessionCookie = 'relais_session';

/** The channel of migration 0022: any change that can alter what a session cookie gives. */
const sessionsChannel = 'relais_sessions';
/**
 * Finds the session behind a cookie and notes that it was seen (at most every five minutes: no write per page).
 *
 * On PGlite, sessions already found are kept in memory until the database announces a change that can alter one
 * (migration 0022: a session revoked, expired, ended or past its second factor; a person's name, e-mail, second
 * factor or disabled state; a membership; an organisation's name). PGlite delivers that announcement before the
 * writer's commit returns, so sign-out, revocation, a disabled account or an ended membership take effect on the very
 * next request: no staleness. On PostgreSQL (other processes write) the session is read on every request.
 * See docs/decisions/0006-sessions-kept-in-memory.md.
 * @example const found = await loadSession(db, getCookie(c, sessionCookie) ?? '')
 */
export async function loadSession(db: Executor, token: string): Promise<SessionLookup | null> {
  const byToken = await keptUntilChange<SessionLookup>(db, sessionsChannel, 'sessions');
  if (!byToken) return seen(db, await findSession(db, token));
  const now = new Date();
  const known = byToken.get(token);
  if (known && known.expiresAt > now) return seen(db, known, byToken, token);
  if (known) byToken.delete(token);
  const found = await findSession(db, token, now);
  if (found) byToken.set(token, found);
  return seen(db, found, byToken, token);
}

/** Notes the visit when the session was last seen more than five minutes ago (the kept copy too). */
async function seen(db: Executor, found: SessionLookup | null, byToken?: Map<string, SessionLookup>, token?: string): Promise<SessionLookup | null> {
  if (found && Date.now() - found.lastSeenAt.getTime() > 5 * 60_000) {
    const lastSeenAt = new Date();
    await db.update(sessions).set({ lastSeenAt }).where(eq(sessions.id, found.session.id));
    if (byToken && token !== undefined && byToken.get(token) === found) byToken.set(token, { ...found, lastSeenAt });
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

import { and, count, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { roles } from '../../platform/authz/roles.ts';
import { provinces } from '../../territory/index.ts';
import type { Executor } from '../../db/client.ts';
import type { Actor, Membership } from '../../platform/authz/index.ts';
import { rolesRequiringSecondFactor } from '../../platform/authz/index.ts';
import type { SessionInfo } from '../../platform/http/env.ts';
import { hashSecret } from '../../platform/ids.ts';
import { memberships, organisations } from '../organisations/organisations.schema.ts';
import { sessions, users } from './accounts.schema.ts';

/** Active memberships of a person, with their organisation's name. */
export async function membershipsOf(db: Executor, userId: string): Promise<Membership[]> {
  return db
    .select({
      id: memberships.id,
      organisationId: memberships.organisationId,
      organisationName: organisations.name,
      role: memberships.role,
      scopeProvince: memberships.scopeProvince,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.userId, userId), isNull(memberships.endedAt)))
    .orderBy(organisations.name);
}

/** Does any of these memberships give access to sensitive data, and so demand a second factor? */
export function needsSecondFactor(list: Pick<Membership, 'role'>[]): boolean {
  return list.some((m) => rolesRequiringSecondFactor[m.role]);
}

const membershipList = z.array(
  z.object({
    id: z.string(),
    organisationId: z.string(),
    organisationName: z.string(),
    role: z.enum(roles),
    scopeProvince: z.enum(provinces).nullable(),
  }),
);

export type SessionLookup = { session: SessionInfo; actor: Actor | null; lastSeenAt: Date; expiresAt: Date };

/**
 * The session behind a cookie's token, if it is still valid. The actor is null while the second factor is due:
 * such a session can only reach the second-factor pages.
 */
export async function findSession(db: Executor, token: string, now = new Date()): Promise<SessionLookup | null> {
  const [row] = await db
    .select({
      id: sessions.id,
      userId: sessions.userId,
      secondFactorAt: sessions.secondFactorAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      name: users.name,
      email: users.email,
      totpEnabledAt: users.totpEnabledAt,
      // Memberships come in the same query: this runs on every request, and on PGlite each query costs.
      memberships: sql<unknown>`coalesce((
        select json_agg(json_build_object(
          'id', m.id, 'organisationId', m.organisation_id, 'organisationName', o.name,
          'role', m.role, 'scopeProvince', m.scope_province) order by o.name)
        from memberships m join organisations o on o.id = m.organisation_id
        where m.user_id = ${users.id} and m.ended_at is null), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, hashSecret(token)),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, now),
        isNull(users.disabledAt),
      ),
    );
  if (!row) return null;
  const list = membershipList.parse(typeof row.memberships === 'string' ? JSON.parse(row.memberships) : row.memberships);
  const enrolled = row.totpEnabledAt !== null;
  const pending = row.secondFactorAt === null && (enrolled || needsSecondFactor(list));
  return {
    session: { id: row.id, userId: row.userId, secondFactorPending: pending, secondFactorEnrolled: enrolled },
    actor: pending ? null : { kind: 'person', userId: row.userId, name: row.name, email: row.email, memberships: list },
    lastSeenAt: row.lastSeenAt,
    expiresAt: row.expiresAt,
  };
}

/** A person's sessions still open, newest first, for the "Mes sessions" page. */
export async function activeSessionsOf(db: Executor, userId: string, now = new Date()) {
  return db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      ip: sessions.ip,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.lastSeenAt));
}

export async function userByEmail(db: Executor, email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, normaliseEmail(email)));
  return row ?? null;
}

export async function userById(db: Executor, id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

/** E-mail addresses are stored and compared trimmed and lower-cased. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}


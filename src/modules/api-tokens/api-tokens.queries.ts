import { count, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { authorize, type Actor } from '../../platform/authz/index.ts';
import { apiTokens } from './api-tokens.schema.ts';

export const apiTokensPageSize = 20;

export type ApiTokenStatus = 'active' | 'revoked' | 'expired';

/** Revoked wins over expired: a revocation is a decision someone took. */
export function apiTokenStatus(token: { revokedAt: Date | null; expiresAt: Date | null }, now: Date = new Date()): ApiTokenStatus {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && token.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'active';
}

export type ApiTokenRow = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  status: ApiTokenStatus;
};

/**
 * Every API token, newest first, a page at a time; never the hash. Administrators only.
 * @example const { rows, pageCount } = await listApiTokens(db, admin, { page: 1 })
 */
export async function listApiTokens(db: Executor, actor: Actor, options: { page: number }): Promise<{ rows: ApiTokenRow[]; total: number; pageCount: number }> {
  authorize(actor, 'apiToken.manage');
  const [total] = await db.select({ n: count() }).from(apiTokens);
  const rows = await db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      scopes: apiTokens.scopes,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .limit(apiTokensPageSize)
    .offset((options.page - 1) * apiTokensPageSize);
  const now = new Date();
  const n = total?.n ?? 0;
  return { rows: rows.map((r) => ({ ...r, status: apiTokenStatus(r, now) })), total: n, pageCount: Math.max(1, Math.ceil(n / apiTokensPageSize)) };
}

/** One token, for the revocation page; null when it does not exist. Administrators only. */
export async function findApiToken(db: Executor, actor: Actor, id: string): Promise<ApiTokenRow | null> {
  authorize(actor, 'apiToken.manage');
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      scopes: apiTokens.scopes,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.id, id));
  return row ? { ...row, status: apiTokenStatus(row) } : null;
}

import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { keptUntilChange } from '../../db/notify.ts';
import { authorize, type Actor } from '../../platform/authz/index.ts';
import { hashSecret, newId, newSecret } from '../../platform/ids.ts';
import { fail, ok, type Result } from '../../platform/result.ts';
import { recordAudit } from '../audit/audit.commands.ts';
import { apiTokens } from './api-tokens.schema.ts';

/** Scopes a token can carry; each API route asks for one. */
export const apiScopes = ['organisations:read', 'organisations:write', 'metrics:read', 'activites:lire', 'activites:ecrire'] as const;
export type ApiScope = (typeof apiScopes)[number];

export const apiScopeLabels = {
  'organisations:read': 'Lire les organisations',
  'organisations:write': 'Créer des organisations',
  'metrics:read': 'Lire les métriques techniques (/metrics)',
  'activites:lire': 'Lire les activités (accompagnements et ateliers) de tout le réseau',
  'activites:ecrire': 'Enregistrer des activités au nom d’un aidant',
} as const satisfies Record<ApiScope, string>;

const tokenPrefix = 'relais_';

/**
 * Creates a token; the secret is returned once and only its hash is kept.
 * @example const { token } = (await createApiToken(tx, admin, { name: 'Tableau CAFAT', scopes: ['organisations:read'] })).value
 */
export async function createApiToken(
  tx: Executor,
  actor: Actor,
  input: { name: string; scopes: ApiScope[]; expiresAt: Date | null },
): Promise<Result<{ id: string; token: string }, never>> {
  authorize(actor, 'apiToken.manage');
  const token = `${tokenPrefix}${newSecret()}`;
  const id = newId();
  await tx.insert(apiTokens).values({
    id,
    name: input.name,
    prefix: token.slice(0, tokenPrefix.length + 6),
    tokenHash: hashSecret(token),
    scopes: input.scopes,
    createdBy: actor.kind === 'person' ? actor.userId : null,
    expiresAt: input.expiresAt,
  });
  await recordAudit(tx, actor, {
    action: 'apiToken.create',
    subjectType: 'api_token',
    subjectId: id,
    summary: `Jeton d’API « ${input.name} » créé (${input.scopes.join(', ')})`,
    details: { scopes: input.scopes, expiresAt: input.expiresAt?.toISOString() ?? null },
  });
  return ok({ id, token });
}

export async function revokeApiToken(tx: Executor, actor: Actor, id: string): Promise<Result<null, 'not_found'>> {
  authorize(actor, 'apiToken.manage');
  const [row] = await tx
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning({ name: apiTokens.name });
  if (!row) return fail('not_found');
  await recordAudit(tx, actor, { action: 'apiToken.revoke', subjectType: 'api_token', subjectId: id, summary: `Jeton d’API « ${row.name} » révoqué` });
  return ok(null);
}

/** The channel of migration 0028: a token revoked, renamed, re-scoped, given another expiry, or deleted. */
const tokensChannel = 'relais_api_tokens';

type CheckedToken = { id: string; name: string; scopes: string[]; expiresAt: Date | null; lastUsedAt: Date | null };

/**
 * The actor behind a bearer token, or null when it is unknown, revoked or expired; notes its use at most once a
 * minute. On PGlite a token already checked is kept in memory until the database announces a change to any token
 * (migration 0028): a revocation takes effect on the very next request, as for sessions
 * (docs/decisions/0006-sessions-kept-in-memory.md). Unknown tokens are not kept. On PostgreSQL it is read every time.
 */
export async function actorFromApiToken(db: Executor, token: string): Promise<Actor | null> {
  if (!token.startsWith(tokenPrefix) || token.length > 200) return null;
  const now = new Date();
  const kept = await keptUntilChange<CheckedToken>(db, tokensChannel, 'api tokens');
  const hash = hashSecret(token);
  let found = kept?.get(hash);
  if (found && found.expiresAt !== null && found.expiresAt <= now) found = undefined;
  if (!found) {
    const [row] = await db
      .select({ id: apiTokens.id, name: apiTokens.name, scopes: apiTokens.scopes, expiresAt: apiTokens.expiresAt, lastUsedAt: apiTokens.lastUsedAt })
      .from(apiTokens)
      .where(and(eq(apiTokens.tokenHash, hash), isNull(apiTokens.revokedAt), or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now))));
    if (!row) return null;
    kept?.set(hash, row);
    found = row;
  }
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > 60_000) {
    found.lastUsedAt = now;
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, found.id));
  }
  return { kind: 'token', tokenId: found.id, name: found.name, scopes: found.scopes };
}

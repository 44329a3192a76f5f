import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
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

/** The actor behind a bearer token, or null when it is unknown, revoked or expired. */
export async function actorFromApiToken(db: Executor, token: string): Promise<Actor | null> {
  if (!token.startsWith(tokenPrefix) || token.length > 200) return null;
  const now = new Date();
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, hashSecret(token)), isNull(apiTokens.revokedAt), or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now))));
  if (!row) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
  }
  return { kind: 'token', tokenId: row.id, name: row.name, scopes: row.scopes };
}

import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { authorize, roleLabels, type Actor } from '../../platform/authz/index.ts';
import { newId } from '../../platform/ids.ts';
import { fail, ok, type Result } from '../../platform/result.ts';
import { communeByCode } from '../../territory/index.ts';
import { recordAudit } from '../audit/audit.commands.ts';
import type { OrganisationFields } from './organisations.forms.ts';
import { memberships, organisations } from './organisations.schema.ts';

type Context = { requestId?: string };
export type OrganisationError = 'name_taken' | 'ridet_taken';

async function conflicts(tx: Executor, fields: OrganisationFields, exceptId: string | null): Promise<OrganisationError | null> {
  const sameName = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(sql`lower(${organisations.name}) = lower(${fields.name})`);
  if (sameName.some((o) => o.id !== exceptId)) return 'name_taken';
  if (fields.ridet) {
    const sameRidet = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.ridet, fields.ridet));
    if (sameRidet.some((o) => o.id !== exceptId)) return 'ridet_taken';
  }
  return null;
}

function provinceOf(communeCode: string) {
  const commune = communeByCode(communeCode);
  if (!commune) throw new Error(`unknown commune ${communeCode}: forms must have checked it`);
  return commune.province;
}

/** Creates an organisation; its province is the commune's. */
export async function createOrganisation(tx: Executor, actor: Actor | null, fields: OrganisationFields, context: Context = {}): Promise<Result<{ id: string }, OrganisationError>> {
  const province = provinceOf(fields.communeCode);
  const id = newId();
  if (actor) authorize(actor, 'organisation.create', { id, province });
  const conflict = await conflicts(tx, fields, null);
  if (conflict) return fail(conflict);
  await tx.insert(organisations).values({ id, name: fields.name, kind: fields.kind, ridet: fields.ridet, communeCode: fields.communeCode, province });
  await recordAudit(tx, actor, {
    action: 'organisation.create',
    subjectType: 'organisation',
    subjectId: id,
    summary: `Organisation « ${fields.name} » créée`,
    details: { ...fields },
    requestId: context.requestId,
  });
  return ok({ id });
}

export async function updateOrganisation(tx: Executor, actor: Actor, id: string, fields: OrganisationFields, context: Context = {}): Promise<Result<null, OrganisationError | 'not_found'>> {
  const [before] = await tx.select().from(organisations).where(eq(organisations.id, id));
  if (!before) return fail('not_found');
  authorize(actor, 'organisation.update', { id, province: before.province });
  const province = provinceOf(fields.communeCode);
  // Moving an organisation out of one's territory would be a way around the scope.
  authorize(actor, 'organisation.update', { id, province });
  const conflict = await conflicts(tx, fields, id);
  if (conflict) return fail(conflict);
  await tx.update(organisations).set({ ...fields, province, updatedAt: new Date() }).where(eq(organisations.id, id));
  const changes = Object.fromEntries(
    (['name', 'kind', 'ridet', 'communeCode'] as const).filter((k) => before[k] !== fields[k]).map((k) => [k, { avant: before[k], après: fields[k] }]),
  );
  await recordAudit(tx, actor, {
    action: 'organisation.update',
    subjectType: 'organisation',
    subjectId: id,
    summary: `Organisation « ${fields.name} » modifiée`,
    details: changes,
    requestId: context.requestId,
  });
  return ok(null);
}

/** Ends a membership (the person leaves the organisation or loses the role); history is kept. */
export async function endMembership(tx: Executor, actor: Actor, membershipId: string, context: Context = {}): Promise<Result<null, 'not_found'>> {
  const [row] = await tx
    .select({ id: memberships.id, role: memberships.role, userId: memberships.userId, organisationId: organisations.id, province: organisations.province, organisationName: organisations.name })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.id, membershipId), isNull(memberships.endedAt)));
  if (!row) return fail('not_found');
  authorize(actor, 'membership.end', { organisationId: row.organisationId, province: row.province, role: row.role });
  await tx.update(memberships).set({ endedAt: new Date() }).where(eq(memberships.id, membershipId));
  await recordAudit(tx, actor, {
    action: 'membership.end',
    subjectType: 'person',
    subjectId: row.userId,
    summary: `Rôle ${roleLabels[row.role]} retiré dans « ${row.organisationName} »`,
    details: { membershipId, organisationId: row.organisationId, role: row.role },
    requestId: context.requestId,
  });
  return ok(null);
}

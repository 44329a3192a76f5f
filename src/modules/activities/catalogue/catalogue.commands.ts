import { and, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { authorize, type Actor } from '../../../platform/authz/index.ts';
import { newId } from '../../../platform/ids.ts';
import { fail, ok, type Result } from '../../../platform/result.ts';
import { recordAudit } from '../../audit/index.ts';
import { procedures } from '../activities.schema.ts';
import type { ProcedureFields } from './catalogue.forms.ts';
import { findProcedure, procedureIsUsed } from './catalogue.queries.ts';

type Context = { requestId?: string | undefined };
export type ProcedureError = 'name_taken' | 'not_found' | 'partner_changed';

async function nameTaken(tx: Executor, partnerOrganisationId: string, name: string, exceptId?: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: procedures.id })
    .from(procedures)
    .where(and(eq(procedures.partnerOrganisationId, partnerOrganisationId), sql`lower(${procedures.name}) = lower(${name})`, exceptId ? ne(procedures.id, exceptId) : undefined));
  return row !== undefined;
}

/**
 * Adds a procedure to a partner's catalogue.
 * @example await createProcedure(tx, actor, { partnerOrganisationId, name: 'Déclaration de ressources', description: '', position: 10, active: true })
 */
export async function createProcedure(tx: Executor, actor: Actor, fields: ProcedureFields, context: Context = {}): Promise<Result<{ id: string }, 'name_taken'>> {
  authorize(actor, 'procedure.manage', { partnerOrganisationId: fields.partnerOrganisationId });
  if (await nameTaken(tx, fields.partnerOrganisationId, fields.name)) return fail('name_taken');
  const id = newId();
  await tx.insert(procedures).values({ id, ...fields });
  await recordAudit(tx, actor, { action: 'procedure.create', subjectType: 'procedure', subjectId: id, summary: `Démarche « ${fields.name} » ajoutée au catalogue`, details: { ...fields }, requestId: context.requestId });
  return ok({ id });
}

/** Changes a procedure; its partner stays (records and statistics follow the procedure). */
export async function updateProcedure(tx: Executor, actor: Actor, id: string, fields: ProcedureFields, context: Context = {}): Promise<Result<null, ProcedureError>> {
  const before = await findProcedure(tx, id);
  if (!before) return fail('not_found');
  authorize(actor, 'procedure.manage', before);
  if (fields.partnerOrganisationId !== before.partnerOrganisationId) return fail('partner_changed');
  if (await nameTaken(tx, before.partnerOrganisationId, fields.name, id)) return fail('name_taken');
  await tx.update(procedures).set({ name: fields.name, description: fields.description, position: fields.position, active: fields.active, updatedAt: new Date() }).where(eq(procedures.id, id));
  const changes = Object.fromEntries((['name', 'description', 'position', 'active'] as const).filter((k) => before[k] !== fields[k]).map((k) => [k, { avant: before[k], après: fields[k] }]));
  await recordAudit(tx, actor, { action: 'procedure.update', subjectType: 'procedure', subjectId: id, summary: `Démarche « ${fields.name} » modifiée`, details: changes, requestId: context.requestId });
  return ok(null);
}

/**
 * Takes a procedure out of the choice list: a procedure named by records is retired (kept for them and for the
 * statistics); one never used is deleted.
 * @example await removeProcedure(tx, actor, id) // { ok: true, value: 'retired' }
 */
export async function removeProcedure(tx: Executor, actor: Actor, id: string, context: Context = {}): Promise<Result<'retired' | 'deleted', 'not_found'>> {
  const procedure = await findProcedure(tx, id);
  if (!procedure) return fail('not_found');
  authorize(actor, 'procedure.manage', procedure);
  if (await procedureIsUsed(tx, id)) {
    await tx.update(procedures).set({ active: false, updatedAt: new Date() }).where(eq(procedures.id, id));
    await recordAudit(tx, actor, { action: 'procedure.retire', subjectType: 'procedure', subjectId: id, summary: `Démarche « ${procedure.name} » retirée du catalogue`, details: {}, requestId: context.requestId });
    return ok('retired');
  }
  await tx.delete(procedures).where(eq(procedures.id, id));
  await recordAudit(tx, actor, { action: 'procedure.delete', subjectType: 'procedure', subjectId: id, summary: `Démarche « ${procedure.name} » supprimée du catalogue`, details: { partnerOrganisationId: procedure.partnerOrganisationId }, requestId: context.requestId });
  return ok('deleted');
}

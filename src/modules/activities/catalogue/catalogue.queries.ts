import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import type { Actor } from '../../../platform/authz/index.ts';
// The partners are organisations: their names and kinds are read in the same query as their procedures.
import { organisations } from '../../organisations/organisations.schema.ts';
import { activities, procedures } from '../activities.schema.ts';
import { referentOrganisations } from './catalogue.policy.ts';

export type Procedure = typeof procedures.$inferSelect;
export type ProcedureRow = Procedure & { partnerName: string; used: number };

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The partners whose catalogue the actor keeps, in the same `where` as the query. */
function keptBy(actor: Actor): SQL | undefined {
  const own = referentOrganisations(actor);
  if (own === null) return undefined;
  return own.length ? inArray(procedures.partnerOrganisationId, own) : sql`false`;
}

/**
 * The procedures an actor keeps (retired ones included), by partner then order, with how many records used each.
 * @example await proceduresKeptBy(db, actor, { partnerId: undefined })
 */
export async function proceduresKeptBy(db: Executor, actor: Actor, filters: { partnerId?: string | undefined }): Promise<ProcedureRow[]> {
  const partner = filters.partnerId && uuidShape.test(filters.partnerId) ? eq(procedures.partnerOrganisationId, filters.partnerId) : undefined;
  return db
    .select({
      id: procedures.id,
      partnerOrganisationId: procedures.partnerOrganisationId,
      name: procedures.name,
      description: procedures.description,
      active: procedures.active,
      position: procedures.position,
      createdAt: procedures.createdAt,
      updatedAt: procedures.updatedAt,
      partnerName: organisations.name,
      // Read from the statistics aggregates (month documents and the deltas not yet folded into them), not every record.
      used: sql<number>`coalesce((select sum((s.counts -> 'total|' ->> 0)::int) from (select scope, scope_id, counts from activity_stat_months union all select scope, scope_id, counts from activity_stat_deltas) s where s.scope = 'procedure' and s.scope_id = ${procedures.id}), 0)`.mapWith(Number),
    })
    .from(procedures)
    .innerJoin(organisations, eq(organisations.id, procedures.partnerOrganisationId))
    .where(and(keptBy(actor), partner))
    .orderBy(asc(organisations.name), asc(procedures.position), asc(procedures.name));
}

export async function findProcedure(db: Executor, id: string): Promise<Procedure | null> {
  if (!uuidShape.test(id)) return null;
  const [row] = await db.select().from(procedures).where(eq(procedures.id, id));
  return row ?? null;
}

/** Whether any record names this procedure (then it is retired, never deleted). */
export async function procedureIsUsed(db: Executor, id: string): Promise<boolean> {
  const [row] = await db.select({ id: activities.id }).from(activities).where(eq(activities.procedureId, id)).limit(1);
  return row !== undefined;
}

/**
 * The organisations an actor may add procedures for: a référent's own; for coordinators and administrators, every
 * partner and every organisation that already has procedures (the Province Sud, for instance).
 */
export async function partnersKeptBy(db: Executor, actor: Actor): Promise<{ id: string; name: string }[]> {
  const own = referentOrganisations(actor);
  const where = own === null ? or(eq(organisations.kind, 'partner'), sql`${organisations.id} in (select ${procedures.partnerOrganisationId} from ${procedures})`) : own.length ? inArray(organisations.id, own) : sql`false`;
  return db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(where).orderBy(asc(organisations.name));
}

export type PartnerCatalogue = { partnerId: string; partnerName: string; procedures: { id: string; name: string; description: string }[] };

/**
 * The active procedures grouped by partner, partners by name and procedures in their order: the choice list of the
 * recording form.
 * @example (await activeProceduresByPartner(db))[0] // { partnerName: 'CAFAT (…)', procedures: [{ name: 'Déclaration de ressources', … }] }
 */
export async function activeProceduresByPartner(db: Executor): Promise<PartnerCatalogue[]> {
  const rows = await db
    .select({ id: procedures.id, name: procedures.name, description: procedures.description, partnerId: organisations.id, partnerName: organisations.name })
    .from(procedures)
    .innerJoin(organisations, eq(organisations.id, procedures.partnerOrganisationId))
    .where(eq(procedures.active, true))
    .orderBy(asc(organisations.name), asc(procedures.position), asc(procedures.name));
  const groups: PartnerCatalogue[] = [];
  for (const r of rows) {
    let group = groups[groups.length - 1];
    if (!group || group.partnerId !== r.partnerId) {
      group = { partnerId: r.partnerId, partnerName: r.partnerName, procedures: [] };
      groups.push(group);
    }
    group.procedures.push({ id: r.id, name: r.name, description: r.description });
  }
  return groups;
}

/** The ids of a partner's procedures, retired ones included (the statistics of a partner count them all). */
export async function procedureIdsOf(db: Executor, partnerOrganisationId: string): Promise<string[]> {
  if (!uuidShape.test(partnerOrganisationId)) return [];
  const rows = await db.select({ id: procedures.id }).from(procedures).where(eq(procedures.partnerOrganisationId, partnerOrganisationId));
  return rows.map((r) => r.id);
}

/** Names of procedures by id (for statistics and exports), retired ones included. */
export async function procedureNames(db: Executor, ids: string[]): Promise<Map<string, { name: string; partnerName: string }>> {
  const valid = ids.filter((id) => uuidShape.test(id));
  if (valid.length === 0) return new Map();
  const rows = await db
    .select({ id: procedures.id, name: procedures.name, partnerName: organisations.name })
    .from(procedures)
    .innerJoin(organisations, eq(organisations.id, procedures.partnerOrganisationId))
    .where(inArray(procedures.id, valid));
  return new Map(rows.map((r) => [r.id, { name: r.name, partnerName: r.partnerName }]));
}

/** Every organisation that has procedures in the catalogue (the partner filter of lists and statistics). */
export async function partnersWithProcedures(db: Executor): Promise<{ id: string; name: string }[]> {
  return db
    .selectDistinct({ id: organisations.id, name: organisations.name })
    .from(procedures)
    .innerJoin(organisations, eq(organisations.id, procedures.partnerOrganisationId))
    .orderBy(asc(organisations.name));
}

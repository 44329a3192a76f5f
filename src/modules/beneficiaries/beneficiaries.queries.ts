import { and, asc, count, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { can, type Actor } from '../../platform/authz/index.ts';
import { toE164 } from '../../platform/phone.ts';
import { foldName, type Province } from '../../territory/index.ts';
import { findOrganisation } from '../organisations/index.ts';
import { activitiesOfBeneficiary } from '../activities/index.ts';
import type { FileSubject } from './beneficiaries.policy.ts';
import { beneficiaries, beneficiaryDuplicates, mandates, mandateUses } from './beneficiaries.schema.ts';

export type Beneficiary = typeof beneficiaries.$inferSelect;
export type Mandate = typeof mandates.$inferSelect;
export type MandateUse = typeof mandateUses.$inferSelect;

/** How similar two folded names must be (pg_trgm `similarity`, 0 to 1) to be shown as a possible duplicate. */
export const duplicateNameThreshold = 0.45;
export const perPage = 20;

/** The folded "first last" name, as stored in search_name and compared. @example searchNameOf('Éloïse', 'Wénisso') // 'eloise wenisso' */
export function searchNameOf(firstName: string, lastName: string): string {
  return foldName(`${firstName} ${lastName}`);
}

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** A file by id, whoever follows it: the route then checks the policy with `fileSubject` (404 when refused). */
export async function findBeneficiary(db: Executor, id: string): Promise<Beneficiary | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select().from(beneficiaries).where(eq(beneficiaries.id, id));
  return row ?? null;
}

/** The structures whose files the actor may read (helpers of them, coordinators of them within scope). */
export async function followingOrganisations(db: Executor, actor: Actor | null): Promise<{ id: string; name: string; province: Province }[]> {
  if (!actor || actor.kind !== 'person') return [];
  const ids = [...new Set(actor.memberships.filter((m) => m.role === 'helper' || m.role === 'coordinator').map((m) => m.organisationId))];
  const found: { id: string; name: string; province: Province }[] = [];
  for (const id of ids) {
    const organisation = await findOrganisation(db, actor, id);
    if (organisation && can(actor, 'beneficiary.read', { organisationId: id, province: organisation.province } satisfies FileSubject)) {
      found.push({ id, name: organisation.name, province: organisation.province });
    }
  }
  return found;
}

/** The policy's subject for a file (or for a new file in a structure), with the structure's name; null if unknown. */
export async function fileSubject(db: Executor, actor: Actor, organisationId: string): Promise<{ subject: FileSubject; organisationName: string } | null> {
  const organisation = await findOrganisation(db, actor, organisationId);
  return organisation ? { subject: { organisationId, province: organisation.province }, organisationName: organisation.name } : null;
}

/** How many records name this person (for the erasure and merge screens). */
export async function activityCountOf(db: Executor, actor: Actor, beneficiaryId: string): Promise<number> {
  return (await activitiesOfBeneficiary(db, actor, beneficiaryId)).length;
}

/** Words folded and matched anywhere in the name, typos tolerated from 3 letters; a phone number matches the phone. */
function matching(q: string): SQL | undefined {
  const phone = q.replace(/\D/g, '').length >= 6 ? toE164(q) : null;
  if (phone) return eq(beneficiaries.phone, phone);
  const words = foldName(q).split(' ').filter(Boolean).slice(0, 6);
  if (words.length === 0) return undefined;
  return and(
    ...words.map((w) => {
      const contains = sql`${beneficiaries.searchName} like ${`%${w}%`}`;
      return w.length < 3 ? contains : sql`(${contains} or ${w} <% ${beneficiaries.searchName})`;
    }),
  );
}

/**
 * The files of the structures the actor follows people for, found by name (accents and case ignored, typos
 * tolerated) or by phone; the best matches first, then by name.
 * @example await listBeneficiaries(db, actor, { q: 'kasarherou', page: 1 })
 */
export async function listBeneficiaries(db: Executor, actor: Actor, options: { q: string; page: number; perPage?: number }) {
  const size = options.perPage ?? perPage;
  const organisations = await followingOrganisations(db, actor);
  if (organisations.length === 0) return { rows: [], total: 0, pageCount: 1 };
  const where = and(inArray(beneficiaries.organisationId, organisations.map((o) => o.id)), matching(options.q));
  const folded = foldName(options.q);
  const [total] = await db.select({ n: count() }).from(beneficiaries).where(where);
  const rows = await db
    .select()
    .from(beneficiaries)
    .where(where)
    .orderBy(...(folded ? [sql`word_similarity(${folded}, ${beneficiaries.searchName}) desc`] : []), asc(beneficiaries.lastName), asc(beneficiaries.firstName), asc(beneficiaries.id))
    .limit(size)
    .offset((options.page - 1) * size);
  return { rows, total: total?.n ?? 0, pageCount: Math.max(1, Math.ceil((total?.n ?? 0) / size)) };
}

/**
 * The picker behind activity forms: up to `limit` followed people matching `q` among the files the actor may read.
 * @example await findBeneficiaries(tx, actor, 'jean-pierre') // [{ id, firstName, lastName, birthYear, communeCode, … }]
 */
export async function findBeneficiaries(tx: Executor, actor: Actor, q: string, limit = 10): Promise<Beneficiary[]> {
  if (q.trim() === '') return [];
  return (await listBeneficiaries(tx, actor, { q, page: 1, perPage: limit })).rows;
}

export type DuplicateCandidate = { file: Beneficiary; samePhone: boolean; similarity: number };

/**
 * Files of the same structure that may be the same person: same phone, same folded name (or first and last names
 * swapped), or a similar name (trigram similarity ≥ `duplicateNameThreshold`). The `%` operators let the trigram
 * index find the candidates.
 * @example await possibleDuplicates(db, orgId, { firstName: 'Marie', lastName: 'Kasarhérou', phone: null })
 */
export async function possibleDuplicates(db: Executor, organisationId: string, candidate: { firstName: string; lastName: string; phone: string | null }, excludeId?: string): Promise<DuplicateCandidate[]> {
  const name = searchNameOf(candidate.firstName, candidate.lastName);
  const reversed = searchNameOf(candidate.lastName, candidate.firstName);
  const score = sql<number>`greatest(similarity(${beneficiaries.searchName}, ${name}), similarity(${beneficiaries.searchName}, ${reversed}))`;
  const samePhone = candidate.phone ? sql<boolean>`coalesce(${beneficiaries.phone} = ${candidate.phone}, false)` : sql<boolean>`false`;
  const rows = await db
    .select({ file: beneficiaries, score, samePhone })
    .from(beneficiaries)
    .where(
      and(
        eq(beneficiaries.organisationId, organisationId),
        excludeId ? sql`${beneficiaries.id} <> ${excludeId}` : undefined,
        or(
          eq(beneficiaries.searchName, name),
          eq(beneficiaries.searchName, reversed),
          sql`${beneficiaries.searchName} % ${name}`,
          sql`${beneficiaries.searchName} % ${reversed}`,
          candidate.phone ? eq(beneficiaries.phone, candidate.phone) : undefined,
        ),
      ),
    )
    .orderBy(desc(score), asc(beneficiaries.id))
    .limit(50);
  return rows
    .map((r) => ({ file: r.file, samePhone: r.samePhone === true, similarity: Number(r.score) }))
    .filter((r) => r.samePhone || r.similarity >= duplicateNameThreshold)
    .slice(0, 10);
}

export type DuplicatePair = { a: Beneficiary; b: Beneficiary; samePhone: boolean; similarity: number };

/**
 * Pairs of files that may be one person, for the "Doublons possibles" page: those recorded when files were created
 * or corrected (`beneficiary_duplicates`), not dismissed, among the structures the actor follows people for.
 */
export async function duplicatePairs(db: Executor, actor: Actor, page: number): Promise<{ pairs: DuplicatePair[]; total: number; pageCount: number }> {
  const organisations = await followingOrganisations(db, actor);
  if (organisations.length === 0) return { pairs: [], total: 0, pageCount: 1 };
  const where = and(inArray(beneficiaryDuplicates.organisationId, organisations.map((o) => o.id)), isNull(beneficiaryDuplicates.dismissedAt));
  const [total] = await db.select({ n: count() }).from(beneficiaryDuplicates).where(where);
  const found = await db
    .select()
    .from(beneficiaryDuplicates)
    .where(where)
    .orderBy(desc(beneficiaryDuplicates.samePhone), desc(beneficiaryDuplicates.similarity), asc(beneficiaryDuplicates.firstId), asc(beneficiaryDuplicates.secondId))
    .limit(perPage)
    .offset((page - 1) * perPage);
  const wanted = [...new Set(found.flatMap((r) => [r.firstId, r.secondId]))];
  const files = wanted.length ? await db.select().from(beneficiaries).where(inArray(beneficiaries.id, wanted)) : [];
  const byId = new Map(files.map((f) => [f.id, f]));
  const pairs: DuplicatePair[] = [];
  for (const r of found) {
    const a = byId.get(r.firstId);
    const b = byId.get(r.secondId);
    if (a && b) pairs.push({ a, b, samePhone: r.samePhone, similarity: r.similarity });
  }
  const n = total?.n ?? 0;
  return { pairs, total: n, pageCount: Math.max(1, Math.ceil(n / perPage)) };
}

/** The mandates of a person, newest first. */
export async function mandatesOf(db: Executor, beneficiaryId: string): Promise<Mandate[]> {
  return db.select().from(mandates).where(eq(mandates.beneficiaryId, beneficiaryId)).orderBy(desc(mandates.createdAt), desc(mandates.id));
}

/** One mandate of this person, or null. */
export async function findMandate(db: Executor, beneficiaryId: string, mandateId: string): Promise<Mandate | null> {
  if (!isUuid(mandateId)) return null;
  const [row] = await db.select().from(mandates).where(and(eq(mandates.id, mandateId), eq(mandates.beneficiaryId, beneficiaryId)));
  return row ?? null;
}

/** The journal of a mandate, newest first. */
export async function usesOfMandates(db: Executor, mandateIds: string[]): Promise<MandateUse[]> {
  if (mandateIds.length === 0) return [];
  return db.select().from(mandateUses).where(inArray(mandateUses.mandateId, mandateIds)).orderBy(desc(mandateUses.usedOn), desc(mandateUses.recordedAt));
}

/** Files with no help received since `before`, oldest first: what the purge job erases. */
export async function inactiveBeneficiaries(db: Executor, before: Date, limit: number): Promise<Beneficiary[]> {
  return db.select().from(beneficiaries).where(lt(beneficiaries.lastActivityAt, before)).orderBy(asc(beneficiaries.lastActivityAt), asc(beneficiaries.id)).limit(limit);
}


import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { authorize, type Actor } from '../../platform/authz/index.ts';
import { newId } from '../../platform/ids.ts';
import { fail, ok, type Result } from '../../platform/result.ts';
import { recordAudit } from '../audit/index.ts';
import { removeMessages } from '../outbox/index.ts';
import { anonymiseBeneficiaryActivities, reassignBeneficiaryActivities } from '../activities/index.ts';
import type { FileSubject } from './beneficiaries.policy.ts';
import { followConsentTexts, mandateConsentDedupeKey, type FollowConsentVersion } from './beneficiaries.consent.ts';
import type { BeneficiaryFields, MergeableField, MergeFields } from './beneficiaries.forms.ts';
import { findBeneficiary, inactiveBeneficiaries, mandatesOf, possibleDuplicates, searchNameOf, type Beneficiary } from './beneficiaries.queries.ts';
import { beneficiaries, beneficiaryDuplicates, mandates } from './beneficiaries.schema.ts';

export type CommandContext = { requestId?: string };

// The audit log is append-only and outlives an erased file: its entries name the file by id, never the person.

/**
 * Records the pairs this file forms with the structure's other files that may be the same person (what the
 * "Doublons possibles" page lists). `dismissedBy`: the helper already said they are different people.
 */
async function recordDuplicatesOf(tx: Executor, fileId: string, dismissedBy: string | null): Promise<number> {
  const file = await findBeneficiary(tx, fileId);
  if (!file) return 0;
  await tx.delete(beneficiaryDuplicates).where(and(or(eq(beneficiaryDuplicates.firstId, file.id), eq(beneficiaryDuplicates.secondId, file.id)), isNull(beneficiaryDuplicates.dismissedAt)));
  const found = await possibleDuplicates(tx, file.organisationId, file, file.id);
  const now = new Date();
  for (const d of found) {
    const [firstId, secondId] = file.id < d.file.id ? [file.id, d.file.id] : [d.file.id, file.id];
    await tx
      .insert(beneficiaryDuplicates)
      .values({ firstId, secondId, organisationId: file.organisationId, samePhone: d.samePhone, similarity: d.similarity, dismissedAt: dismissedBy ? now : null, dismissedByUserId: dismissedBy })
      .onConflictDoNothing();
  }
  return found.length;
}

/** A helper says two files are two different people: the pair leaves the "Doublons possibles" page. */
export async function dismissDuplicate(tx: Executor, actor: Actor & { kind: 'person' }, subject: FileSubject, firstId: string, secondId: string, context: CommandContext = {}): Promise<Result<null, 'not_found'>> {
  authorize(actor, 'beneficiary.merge', subject);
  const [a, b] = firstId < secondId ? [firstId, secondId] : [secondId, firstId];
  const done = await tx
    .update(beneficiaryDuplicates)
    .set({ dismissedAt: new Date(), dismissedByUserId: actor.userId })
    .where(and(eq(beneficiaryDuplicates.firstId, a), eq(beneficiaryDuplicates.secondId, b), eq(beneficiaryDuplicates.organisationId, subject.organisationId), isNull(beneficiaryDuplicates.dismissedAt)))
    .returning({ firstId: beneficiaryDuplicates.firstId });
  if (done.length === 0) return fail('not_found');
  await recordAudit(tx, actor, { action: 'beneficiary.duplicate.dismiss', subjectType: 'beneficiary', subjectId: a, summary: 'Deux fiches semblables marquées comme deux personnes différentes', details: { organisationId: subject.organisationId, autre: b }, requestId: context.requestId });
  return ok(null);
}

/**
 * Opens the file of a person who agreed to be followed: the consent text shown (its version and exact words), when,
 * and who took it are kept with the file.
 * @example await createBeneficiary(tx, actor, subject, { ...fields, consentVersion: '2026-03' })
 */
export async function createBeneficiary(
  tx: Executor,
  actor: Actor & { kind: 'person' },
  subject: FileSubject,
  fields: BeneficiaryFields & { consentVersion: FollowConsentVersion; notDuplicate?: boolean },
  context: CommandContext = {},
): Promise<{ id: string }> {
  authorize(actor, 'beneficiary.create', subject);
  const id = newId();
  const now = new Date();
  await tx.insert(beneficiaries).values({
    id,
    organisationId: subject.organisationId,
    firstName: fields.firstName,
    lastName: fields.lastName,
    searchName: searchNameOf(fields.firstName, fields.lastName),
    phone: fields.phone,
    noPhone: fields.noPhone,
    birthYear: fields.birthYear,
    communeCode: fields.communeCode,
    gender: fields.gender,
    status: fields.status,
    consentVersion: fields.consentVersion,
    consentText: followConsentTexts[fields.consentVersion],
    consentGivenAt: now,
    consentTakenByUserId: actor.userId,
    lastActivityAt: now,
  });
  await recordDuplicatesOf(tx, id, fields.notDuplicate ? actor.userId : null);
  await recordAudit(tx, actor, { action: 'beneficiary.create', subjectType: 'beneficiary', subjectId: id, summary: 'Fiche d’une personne suivie créée, avec son consentement', details: { organisationId: subject.organisationId, consentVersion: fields.consentVersion }, requestId: context.requestId });
  return { id };
}

/** Every read of a file leaves a trace: who read it, when, and why (page, export, print, merge). */
export async function recordFileRead(tx: Executor, actor: Actor, file: Beneficiary, purpose: 'fiche' | 'export-json' | 'export-imprimable' | 'fusion' | 'modification' | 'effacement' | 'mandat', context: CommandContext = {}): Promise<void> {
  await recordAudit(tx, actor, { action: 'beneficiary.read', subjectType: 'beneficiary', subjectId: file.id, summary: `Fiche d’une personne suivie consultée (${purpose})`, details: { organisationId: file.organisationId, purpose }, requestId: context.requestId });
}

const fieldNames = ['firstName', 'lastName', 'phone', 'noPhone', 'birthYear', 'communeCode', 'gender', 'status'] as const;

/** Corrects a file (the person's right to correction); the audit says which fields changed, not their values. */
export async function updateBeneficiary(tx: Executor, actor: Actor, subject: FileSubject, file: Beneficiary, fields: BeneficiaryFields, context: CommandContext = {}): Promise<Result<null, never>> {
  authorize(actor, 'beneficiary.update', subject);
  await tx
    .update(beneficiaries)
    .set({ ...fields, searchName: searchNameOf(fields.firstName, fields.lastName), updatedAt: new Date() })
    .where(eq(beneficiaries.id, file.id));
  await recordDuplicatesOf(tx, file.id, null);
  const changed = fieldNames.filter((k) => file[k] !== fields[k]);
  await recordAudit(tx, actor, { action: 'beneficiary.update', subjectType: 'beneficiary', subjectId: file.id, summary: 'Fiche d’une personne suivie corrigée', details: { organisationId: file.organisationId, champs: changed }, requestId: context.requestId });
  return ok(null);
}

/**
 * Merges two files of one person: the kept file takes, field by field, the value chosen; the removed file's
 * activities and mandates move to the kept one; the removed file is deleted. Both must be followed by the same
 * structure.
 */
export async function mergeBeneficiaries(tx: Executor, actor: Actor, subject: FileSubject, choice: MergeFields, context: CommandContext = {}): Promise<Result<{ keptId: string }, 'not_found' | 'same_file' | 'different_structures'>> {
  authorize(actor, 'beneficiary.merge', subject);
  if (choice.keep === choice.remove) return fail('same_file');
  const kept = await findBeneficiary(tx, choice.keep);
  const removed = await findBeneficiary(tx, choice.remove);
  if (!kept || !removed) return fail('not_found');
  if (kept.organisationId !== subject.organisationId || removed.organisationId !== subject.organisationId) return fail('different_structures');
  const pick = <K extends MergeableField>(k: K): Beneficiary[K] => (choice[k] === 'keep' ? kept[k] : removed[k]);
  const phoneFrom = choice.phone === 'keep' ? kept : removed;
  const firstName = pick('firstName');
  const lastName = pick('lastName');
  const moved = await reassignBeneficiaryActivities(tx, removed.id, kept.id);
  await tx.update(mandates).set({ beneficiaryId: kept.id, updatedAt: new Date() }).where(eq(mandates.beneficiaryId, removed.id));
  await tx
    .update(beneficiaries)
    .set({
      firstName,
      lastName,
      searchName: searchNameOf(firstName, lastName),
      phone: phoneFrom.phone,
      noPhone: phoneFrom.noPhone,
      birthYear: pick('birthYear'),
      communeCode: pick('communeCode'),
      gender: pick('gender'),
      status: pick('status'),
      lastActivityAt: sql`greatest(${beneficiaries.lastActivityAt}, ${removed.lastActivityAt})`,
      updatedAt: new Date(),
    })
    .where(eq(beneficiaries.id, kept.id));
  await tx.delete(beneficiaries).where(eq(beneficiaries.id, removed.id));
  await recordDuplicatesOf(tx, kept.id, null);
  await recordAudit(tx, actor, {
    action: 'beneficiary.merge',
    subjectType: 'beneficiary',
    subjectId: kept.id,
    summary: 'Deux fiches d’une même personne fusionnées',
    details: { organisationId: subject.organisationId, retiree: removed.id, accompagnementsDeplaces: moved.activities, participationsDeplacees: moved.participations },
    requestId: context.requestId,
  });
  return ok({ keptId: kept.id });
}

/**
 * Erases a file (the person's right to erasure, or the purge of inactive files): the person's records stay in the
 * statistics without their name (traits copied to the anonymous columns, workshop participations counted
 * anonymously), their mandates go, the file goes. Returns the stored consent papers to delete once committed.
 * `by` null is the purge job.
 */
export async function eraseBeneficiary(tx: Executor, by: { actor: Actor; subject: FileSubject } | null, file: Beneficiary, reason: 'request' | 'inactive', context: CommandContext = {}): Promise<{ fileKeys: string[]; activities: number; participations: number }> {
  if (by) authorize(by.actor, 'beneficiary.erase', by.subject);
  const actor = by?.actor ?? null;
  const held = await mandatesOf(tx, file.id);
  const anonymised = await anonymiseBeneficiaryActivities(tx, file.id, { communeCode: file.communeCode, birthYear: file.birthYear, gender: file.gender, status: file.status });
  await tx.delete(mandates).where(eq(mandates.beneficiaryId, file.id));
  // The consent SMS holds the person's phone: its copy in the outbox goes with the file.
  const messages = await removeMessages(tx, held.map((m) => mandateConsentDedupeKey(m.id)));
  await tx.delete(beneficiaries).where(eq(beneficiaries.id, file.id));
  await recordAudit(tx, actor, {
    action: reason === 'request' ? 'beneficiary.erase' : 'beneficiary.purge',
    subjectType: 'beneficiary',
    subjectId: file.id,
    summary: reason === 'request' ? 'Fiche d’une personne suivie effacée à sa demande ; son aide reste comptée, sans son nom' : 'Fiche d’une personne suivie effacée après une longue inactivité ; son aide reste comptée, sans son nom',
    details: { organisationId: file.organisationId, accompagnementsAnonymises: anonymised.activities, participationsAnonymisees: anonymised.participations, mandatsSupprimes: held.length, messagesSupprimes: messages },
    requestId: context.requestId,
  });
  return { fileKeys: held.flatMap((m) => (m.consentFileKey ? [m.consentFileKey] : [])), ...anonymised };
}

/**
 * The purge job: erases files with no help received for `months` months. Idempotent (an erased file is gone; a run
 * again finds nothing), bounded per run so that one transaction stays small.
 * @example await purgeInactiveBeneficiaries(tx, { months: 24 }) // { erased: 3, fileKeys: [] }
 */
export async function purgeInactiveBeneficiaries(tx: Executor, options: { months: number; now?: Date; batch?: number }): Promise<{ erased: number; fileKeys: string[] }> {
  const now = options.now ?? new Date();
  const before = new Date(now.getTime());
  before.setUTCMonth(before.getUTCMonth() - options.months);
  const stale = await inactiveBeneficiaries(tx, before, options.batch ?? 500);
  const fileKeys: string[] = [];
  for (const file of stale) fileKeys.push(...(await eraseBeneficiary(tx, null, file, 'inactive')).fileKeys);
  return { erased: stale.length, fileKeys };
}

import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { authorize, type Actor } from '../../platform/authz/index.ts';
import { actorLabel } from '../audit/index.ts';
import { newId } from '../../platform/ids.ts';
import { fail, ok, type Result } from '../../platform/result.ts';
import { recordAudit } from '../audit/index.ts';
import { queueMessage } from '../outbox/index.ts';
import type { FileSubject } from './beneficiaries.policy.ts';
import { currentMandateConsentVersion, mandateConsentDedupeKey, mandateConsentSms, mandateConsentText } from './beneficiaries.consent.ts';
import type { MandateFields, MandateUseFields } from './beneficiaries.forms.ts';
import type { Beneficiary, Mandate } from './beneficiaries.queries.ts';
import { beneficiaries, mandates, mandateUses, type MandateCategory } from './beneficiaries.schema.ts';
import { activeCategories, mandateExpiry, mandateState } from './mandates.states.ts';
import type { CommandContext } from './beneficiaries.commands.ts';

export type ConsentPaper = { storageKey: string; originalName: string; mimeType: string };

/**
 * Records a mandate. In person or with a signed paper, the consent is given now and the mandate runs from now;
 * by SMS, the text is sent through the outbox and the mandate waits for the person's answer.
 * @example await createMandate(tx, actor, subject, file, 'Agence OPT de Koné', { categories: ['papers'], duration: 'one_month', consentMethod: 'in_person', agreed: true }, null)
 */
export async function createMandate(
  tx: Executor,
  actor: Actor & { kind: 'person' },
  subject: FileSubject,
  file: Beneficiary,
  organisationName: string,
  fields: MandateFields,
  paper: ConsentPaper | null,
  context: CommandContext = {},
): Promise<Result<{ id: string }, 'no_phone' | 'paper_missing' | 'not_agreed'>> {
  authorize(actor, 'mandate.manage', subject);
  if (fields.consentMethod === 'sms_reply' && !file.phone) return fail('no_phone');
  if (fields.consentMethod === 'signed_paper' && !paper) return fail('paper_missing');
  if (fields.consentMethod === 'in_person' && !fields.agreed) return fail('not_agreed');
  const id = newId();
  const now = new Date();
  const consentText = mandateConsentText(currentMandateConsentVersion, { organisationName, categories: fields.categories, duration: fields.duration });
  const givenNow = fields.consentMethod !== 'sms_reply';
  await tx.insert(mandates).values({
    id,
    beneficiaryId: file.id,
    organisationId: file.organisationId,
    categories: fields.categories,
    duration: fields.duration,
    consentMethod: fields.consentMethod,
    consentVersion: currentMandateConsentVersion,
    consentText,
    consentFileKey: paper?.storageKey ?? null,
    consentFileName: paper?.originalName ?? null,
    consentFileType: paper?.mimeType ?? null,
    consentGivenAt: givenNow ? now : null,
    expiresAt: givenNow ? mandateExpiry(now, fields.duration) : null,
    createdByUserId: actor.userId,
  });
  if (fields.consentMethod === 'sms_reply' && file.phone) {
    await queueMessage(tx, { channel: 'sms', recipient: file.phone, text: mandateConsentSms(consentText), purpose: 'mandate.consent', dedupeKey: mandateConsentDedupeKey(id) });
  }
  await recordAudit(tx, actor, {
    action: 'mandate.create',
    subjectType: 'beneficiary',
    subjectId: file.id,
    summary: givenNow ? 'Mandat enregistré avec le consentement de la personne' : 'Mandat proposé par SMS, en attente de la réponse de la personne',
    details: { organisationId: file.organisationId, mandateId: id, categories: fields.categories, duration: fields.duration, consentMethod: fields.consentMethod, consentVersion: currentMandateConsentVersion },
    requestId: context.requestId,
  });
  return ok({ id });
}

/** Records the person's answer to the SMS: yes starts the mandate now, no refuses it. */
export async function answerMandateConsent(tx: Executor, actor: Actor, subject: FileSubject, mandate: Mandate, answer: 'oui' | 'non', context: CommandContext = {}): Promise<Result<null, 'not_waiting'>> {
  authorize(actor, 'mandate.manage', subject);
  const now = new Date();
  if (mandateState(mandate, now) !== 'pending_consent') return fail('not_waiting');
  await tx
    .update(mandates)
    .set(answer === 'oui' ? { consentGivenAt: now, expiresAt: mandateExpiry(now, mandate.duration), updatedAt: now } : { refusedAt: now, updatedAt: now })
    .where(eq(mandates.id, mandate.id));
  await recordAudit(tx, actor, {
    action: answer === 'oui' ? 'mandate.consent' : 'mandate.refuse',
    subjectType: 'beneficiary',
    subjectId: mandate.beneficiaryId,
    summary: answer === 'oui' ? 'Mandat accepté par la personne (réponse par SMS)' : 'Mandat refusé par la personne (réponse par SMS)',
    details: { organisationId: mandate.organisationId, mandateId: mandate.id },
    requestId: context.requestId,
  });
  return ok(null);
}

/** Revokes the whole mandate, or some of its categories, from now. */
export async function revokeMandate(tx: Executor, actor: Actor, subject: FileSubject, mandate: Mandate, what: { scope: 'tout' | 'categories'; categories: MandateCategory[] }, context: CommandContext = {}): Promise<Result<null, 'not_in_force' | 'unknown_category'>> {
  authorize(actor, 'mandate.manage', subject);
  const now = new Date();
  const inForce = activeCategories(mandate, now);
  if (inForce.length === 0) return fail('not_in_force');
  if (what.scope === 'tout') {
    await tx.update(mandates).set({ revokedAt: now, updatedAt: now }).where(eq(mandates.id, mandate.id));
  } else {
    if (what.categories.some((c) => !inForce.includes(c))) return fail('unknown_category');
    const revocations = { ...mandate.categoryRevocations };
    for (const c of what.categories) revocations[c] = now.toISOString();
    await tx.update(mandates).set({ categoryRevocations: revocations, updatedAt: now }).where(eq(mandates.id, mandate.id));
  }
  await recordAudit(tx, actor, {
    action: 'mandate.revoke',
    subjectType: 'beneficiary',
    subjectId: mandate.beneficiaryId,
    summary: what.scope === 'tout' ? 'Mandat révoqué en entier' : 'Mandat révoqué pour une partie des démarches',
    details: { organisationId: mandate.organisationId, mandateId: mandate.id, categories: what.scope === 'tout' ? mandate.categories : what.categories },
    requestId: context.requestId,
  });
  return ok(null);
}

/**
 * Writes one use of a mandate in its append-only journal, refused unless the mandate is in force for that category
 * (on the day of the use and now). Counts as activity for the file (it is not purged while used).
 */
export async function recordMandateUse(tx: Executor, actor: Actor & { kind: 'person' }, subject: FileSubject, mandate: Mandate, fields: MandateUseFields, usedAt: Date, context: CommandContext = {}): Promise<Result<{ id: string }, 'not_active_for_category'>> {
  authorize(actor, 'mandate.use', subject);
  const now = new Date();
  if (!activeCategories(mandate, now).includes(fields.category) || !activeCategories(mandate, usedAt).includes(fields.category)) return fail('not_active_for_category');
  const id = newId();
  await tx.insert(mandateUses).values({ id, mandateId: mandate.id, organisationId: mandate.organisationId, category: fields.category, procedure: fields.procedure, usedOn: fields.usedOn, userId: actor.userId, userLabel: actorLabel(actor) });
  await tx.update(beneficiaries).set({ lastActivityAt: now }).where(eq(beneficiaries.id, mandate.beneficiaryId));
  await recordAudit(tx, actor, { action: 'mandate.use', subjectType: 'beneficiary', subjectId: mandate.beneficiaryId, summary: 'Mandat utilisé pour une démarche', details: { organisationId: mandate.organisationId, mandateId: mandate.id, useId: id, category: fields.category }, requestId: context.requestId });
  return ok({ id });
}

import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { authorize, type Actor } from '../../platform/authz/index.ts';
import { formatDateLong, startOfLocalDay } from '../../platform/format.ts';
import { newId } from '../../platform/ids.ts';
import { fail, ok, type Result } from '../../platform/result.ts';
import { recordAudit } from '../audit/index.ts';
import { queueMessage } from '../outbox/index.ts';
import type { CriterionFields } from './case-label.forms.ts';
import type { PlaceSubject } from './case-label.policy.ts';
import { applicationDetail, findCriterion, listCriteria, openApplicationOf, type Application } from './case-label.queries.ts';
import { labelApplications, labelComments, labelCriteria, labelEvidence, labelFiles, type ApplicationStatus } from './case-label.schema.ts';
import { isEditable, nextStatus, type ApplicationEvent } from './case-label.states.ts';

type Context = { requestId?: string; baseUrl?: string };
/** The place as commands need it: the policy's subject and a name for messages. */
export type LabelPlace = PlaceSubject & { name: string };

/** A local day shown in full, as FALC asks: "mardi 2 mars 2028". */
export function formatDay(day: string): string {
  return formatDateLong(startOfLocalDay(day));
}

function person(actor: Actor): { userId: string | null; name: string } {
  return actor.kind === 'person' ? { userId: actor.userId, name: actor.name } : { userId: null, name: actor.name };
}

async function audit(tx: Executor, actor: Actor | null, action: string, application: { id: string; placeId: string }, summary: string, details: Record<string, unknown>, context: Context) {
  await recordAudit(tx, actor, { action, subjectType: 'label_application', subjectId: application.id, summary, details: { placeId: application.placeId, ...details }, requestId: context.requestId });
}

async function notifyApplicant(tx: Executor, application: Application, subject: string, text: string, purpose: string, context: Context, dedupeKey?: string) {
  const link = context.baseUrl ? `\n\nVoir la demande : ${context.baseUrl}/label/demandes/${application.id}` : '';
  await queueMessage(tx, { channel: 'email', recipient: application.applicantEmail, subject, text: `Bonjour ${application.applicantName},\n\n${text}${link}\n\nLa cellule numérique du gouvernement`, purpose, dedupeKey });
}

/** Moves an application if it is still in the status the caller saw; the `where` guards against two reviewers at once. */
async function move(tx: Executor, application: Application, event: ApplicationEvent, set: Partial<typeof labelApplications.$inferInsert>): Promise<Result<ApplicationStatus, 'illegal_transition'>> {
  const step = nextStatus(application.status, event);
  if (!step.ok) return fail('illegal_transition');
  const moved = await tx
    .update(labelApplications)
    .set({ ...set, status: step.to, updatedAt: new Date() })
    .where(and(eq(labelApplications.id, application.id), eq(labelApplications.status, application.status)))
    .returning({ id: labelApplications.id });
  return moved.length === 1 ? ok(step.to) : fail('illegal_transition');
}

// ——— Criteria ———

/** Adds a criterion to the checklist. */
export async function createCriterion(tx: Executor, actor: Actor, fields: CriterionFields, context: Context = {}): Promise<Result<{ id: string }, never>> {
  authorize(actor, 'label.criteria.manage');
  const id = newId();
  await tx.insert(labelCriteria).values({ id, ...fields });
  await recordAudit(tx, actor, { action: 'label.criterion.create', subjectType: 'label_criterion', subjectId: id, summary: `Critère du label « ${fields.title} » ajouté`, details: { ...fields }, requestId: context.requestId });
  return ok({ id });
}

/** Changes a criterion; retiring it (active = false) keeps the evidence already given for it. */
export async function updateCriterion(tx: Executor, actor: Actor, id: string, fields: CriterionFields, context: Context = {}): Promise<Result<null, 'not_found'>> {
  authorize(actor, 'label.criteria.manage');
  const before = await findCriterion(tx, id);
  if (!before) return fail('not_found');
  await tx.update(labelCriteria).set({ ...fields, updatedAt: new Date() }).where(eq(labelCriteria.id, id));
  const changes = Object.fromEntries((['title', 'description', 'position', 'active'] as const).filter((k) => before[k] !== fields[k]).map((k) => [k, { avant: before[k], après: fields[k] }]));
  await recordAudit(tx, actor, { action: 'label.criterion.update', subjectType: 'label_criterion', subjectId: id, summary: `Critère du label « ${fields.title} » modifié`, details: changes, requestId: context.requestId });
  return ok(null);
}

// ——— Applicant ———

/**
 * Opens a draft application for a place; one open application per place at a time.
 * @example await startApplication(tx, actor, place) // { ok: true, value: { id } }
 */
export async function startApplication(tx: Executor, actor: Actor & { kind: 'person' }, place: LabelPlace, context: Context = {}): Promise<Result<{ id: string }, 'already_open'>> {
  authorize(actor, 'label.apply', place);
  const open = await openApplicationOf(tx, place.id);
  if (open) return fail('already_open');
  const id = newId();
  const inserted = await tx
    .insert(labelApplications)
    .values({ id, placeId: place.id, status: 'draft', applicantUserId: actor.userId, applicantName: actor.name, applicantEmail: actor.email })
    .onConflictDoNothing()
    .returning({ id: labelApplications.id });
  if (inserted.length === 0) return fail('already_open');
  await audit(tx, actor, 'label.application.start', { id, placeId: place.id }, `Demande de label Case numérique commencée pour « ${place.name} »`, {}, context);
  return ok({ id });
}

/** Saves the applicant's text for one criterion (while the application is theirs to complete). */
export async function saveEvidence(tx: Executor, actor: Actor, application: Application, place: LabelPlace, criterionId: string, text: string, context: Context = {}): Promise<Result<null, 'not_editable' | 'unknown_criterion'>> {
  authorize(actor, 'label.apply', place);
  if (!isEditable(application.status)) return fail('not_editable');
  const criterion = await findCriterion(tx, criterionId);
  if (!criterion || !criterion.active) return fail('unknown_criterion');
  await tx
    .insert(labelEvidence)
    .values({ id: newId(), applicationId: application.id, criterionId, text })
    .onConflictDoUpdate({ target: [labelEvidence.applicationId, labelEvidence.criterionId], set: { text, updatedAt: new Date() } });
  await tx.update(labelApplications).set({ updatedAt: new Date() }).where(eq(labelApplications.id, application.id));
  await audit(tx, actor, 'label.evidence.save', application, `Justificatif écrit pour « ${criterion.title} » enregistré (${place.name})`, { criterionId, length: text.length }, context);
  return ok(null);
}

export type StoredFileInfo = { originalName: string; mimeType: string; size: number; storageKey: string };

/** Records a file already written under DATA_DIR/fichiers as evidence for one criterion. */
export async function addEvidenceFile(tx: Executor, actor: Actor, application: Application, place: LabelPlace, criterionId: string, file: StoredFileInfo, context: Context = {}): Promise<Result<{ id: string }, 'not_editable' | 'unknown_criterion'>> {
  authorize(actor, 'label.apply', place);
  if (!isEditable(application.status)) return fail('not_editable');
  const criterion = await findCriterion(tx, criterionId);
  if (!criterion || !criterion.active) return fail('unknown_criterion');
  const id = newId();
  await tx.insert(labelFiles).values({ id, applicationId: application.id, criterionId, ...file });
  await tx.update(labelApplications).set({ updatedAt: new Date() }).where(eq(labelApplications.id, application.id));
  await audit(tx, actor, 'label.file.add', application, `Fichier « ${file.originalName} » ajouté pour « ${criterion.title} » (${place.name})`, { criterionId, fileId: id, mimeType: file.mimeType, size: file.size }, context);
  return ok({ id });
}

/** Removes an evidence file; returns its storage key so that the caller deletes the bytes once the change commits. */
export async function removeEvidenceFile(tx: Executor, actor: Actor, application: Application, place: LabelPlace, fileId: string, context: Context = {}): Promise<Result<{ storageKey: string }, 'not_editable' | 'not_found'>> {
  authorize(actor, 'label.apply', place);
  if (!isEditable(application.status)) return fail('not_editable');
  const [removed] = await tx.delete(labelFiles).where(and(eq(labelFiles.id, fileId), eq(labelFiles.applicationId, application.id))).returning();
  if (!removed) return fail('not_found');
  await audit(tx, actor, 'label.file.remove', application, `Fichier « ${removed.originalName} » retiré (${place.name})`, { fileId, criterionId: removed.criterionId }, context);
  return ok({ storageKey: removed.storageKey });
}

/**
 * Sends the application to the reviewers. Every criterion in force needs a text or a file.
 * @example const r = await submitApplication(tx, actor, application, place); if (!r.ok && r.error === 'missing_evidence') …
 */
export async function submitApplication(tx: Executor, actor: Actor, application: Application, place: LabelPlace, context: Context = {}): Promise<Result<null, 'illegal_transition' | 'missing_evidence'>> {
  authorize(actor, 'label.apply', place);
  if (!nextStatus(application.status, 'submit').ok) return fail('illegal_transition');
  const [criteria, detail] = await Promise.all([listCriteria(tx, { includeRetired: false }), applicationDetail(tx, application.id)]);
  const missing = criteria.filter((c) => !detail.evidence.some((e) => e.criterionId === c.id && e.text !== '') && !detail.files.some((f) => f.criterionId === c.id));
  if (missing.length > 0) return fail('missing_evidence');
  const moved = await move(tx, application, 'submit', { submittedAt: new Date() });
  if (!moved.ok) return moved;
  await audit(tx, actor, 'label.application.submit', application, `Demande de label déposée pour « ${place.name} »`, { from: application.status }, context);
  await notifyApplicant(tx, application, 'Votre demande de label Case numérique est déposée', `Votre demande de label Case numérique pour « ${place.name} » est bien déposée. La cellule numérique va la lire. Vous recevrez un message quand elle aura répondu.`, 'label.submitted', context);
  return ok(null);
}

// ——— Reviewers ———

/** A reviewer's comment; the applicant is told by e-mail. */
export async function commentApplication(tx: Executor, actor: Actor, application: Application, place: LabelPlace, body: string, context: Context = {}): Promise<Result<null, never>> {
  authorize(actor, 'label.review', place);
  const author = person(actor);
  await tx.insert(labelComments).values({ id: newId(), applicationId: application.id, kind: 'comment', authorUserId: author.userId, authorName: author.name, body });
  await audit(tx, actor, 'label.application.comment', application, `Commentaire sur la demande de label de « ${place.name} »`, {}, context);
  await notifyApplicant(tx, application, 'Nouveau commentaire sur votre demande de label Case numérique', `La cellule numérique a écrit un commentaire sur votre demande pour « ${place.name} » :\n\n${body}`, 'label.comment', context);
  return ok(null);
}

export type Decision =
  | { kind: 'request_changes'; message: string }
  | { kind: 'grant'; grantedOn: string; expiresOn: string; message: string }
  | { kind: 'refuse'; reasons: string };

/**
 * Decides on a submitted application: asks for changes, grants the label (start and end days) or refuses it
 * (reasons required). Illegal moves (deciding on a draft, refusing a granted label) are refused.
 * @example await decideApplication(tx, actor, application, place, { kind: 'grant', grantedOn: '2026-03-03', expiresOn: '2028-03-02', message: '' })
 */
export async function decideApplication(tx: Executor, actor: Actor, application: Application, place: LabelPlace, decision: Decision, context: Context = {}): Promise<Result<ApplicationStatus, 'illegal_transition' | 'reasons_required'>> {
  authorize(actor, 'label.review', place);
  const author = person(actor);
  if (decision.kind === 'refuse' && decision.reasons.trim() === '') return fail('reasons_required');
  if (decision.kind === 'request_changes' && decision.message.trim() === '') return fail('reasons_required');
  const now = new Date();
  if (decision.kind === 'request_changes') {
    const moved = await move(tx, application, 'request_changes', {});
    if (!moved.ok) return moved;
    await tx.insert(labelComments).values({ id: newId(), applicationId: application.id, kind: 'changes_requested', authorUserId: author.userId, authorName: author.name, body: decision.message });
    await audit(tx, actor, 'label.application.request_changes', application, `Compléments demandés pour le label de « ${place.name} »`, {}, context);
    await notifyApplicant(tx, application, 'Votre demande de label Case numérique est à compléter', `La cellule numérique demande des compléments pour « ${place.name} » :\n\n${decision.message}\n\nComplétez la demande, puis déposez-la de nouveau.`, 'label.changes_requested', context);
    return moved;
  }
  if (decision.kind === 'grant') {
    const moved = await move(tx, application, 'grant', { decidedAt: now, grantedOn: decision.grantedOn, expiresOn: decision.expiresOn });
    if (!moved.ok) return moved;
    if (decision.message !== '') await tx.insert(labelComments).values({ id: newId(), applicationId: application.id, kind: 'granted', authorUserId: author.userId, authorName: author.name, body: decision.message });
    await audit(tx, actor, 'label.application.grant', application, `Label Case numérique accordé à « ${place.name} » jusqu’au ${formatDay(decision.expiresOn)}`, { grantedOn: decision.grantedOn, expiresOn: decision.expiresOn }, context);
    await notifyApplicant(
      tx,
      application,
      'Le label Case numérique est accordé',
      `Bonne nouvelle : « ${place.name} » reçoit le label Case numérique.\nLe label commence le ${formatDay(decision.grantedOn)}.\nIl est valable jusqu’au ${formatDay(decision.expiresOn)}.${decision.message ? `\n\n${decision.message}` : ''}`,
      'label.granted',
      context,
    );
    return moved;
  }
  const moved = await move(tx, application, 'refuse', { decidedAt: now, refusalReasons: decision.reasons });
  if (!moved.ok) return moved;
  await tx.insert(labelComments).values({ id: newId(), applicationId: application.id, kind: 'refused', authorUserId: author.userId, authorName: author.name, body: decision.reasons });
  await audit(tx, actor, 'label.application.refuse', application, `Label Case numérique refusé à « ${place.name} »`, { reasons: decision.reasons }, context);
  await notifyApplicant(tx, application, 'Le label Case numérique est refusé', `La cellule numérique refuse le label Case numérique pour « ${place.name} ».\n\nLes motifs :\n${decision.reasons}\n\nVous pouvez faire une nouvelle demande plus tard.`, 'label.refused', context);
  return moved;
}

/**
 * When a duplicate place is merged into another, its label history follows it: decided applications always, an
 * open one only if the kept place has none open (a place has one open application at most).
 */
export async function transferLabelApplications(tx: Executor, actor: Actor, fromPlaceId: string, toPlaceId: string): Promise<number> {
  const open = sql`${labelApplications.status} in ('draft', 'submitted', 'changes_requested')`;
  const [keptOpen] = await tx.select({ id: labelApplications.id }).from(labelApplications).where(and(eq(labelApplications.placeId, toPlaceId), open));
  const moved = await tx
    .update(labelApplications)
    .set({ placeId: toPlaceId })
    .where(and(eq(labelApplications.placeId, fromPlaceId), keptOpen ? sql`not (${open})` : sql`true`))
    .returning({ id: labelApplications.id });
  if (moved.length) {
    await recordAudit(tx, actor, {
      action: 'label.transfer',
      subjectType: 'place',
      subjectId: toPlaceId,
      summary: `${moved.length} candidature(s) au label reprise(s) du lieu fusionné`,
      details: { from: fromPlaceId, applications: moved.map((m) => m.id) },
    });
  }
  return moved.length;
}

import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { authorize, type Actor } from '../../../platform/authz/index.ts';
import { newId } from '../../../platform/ids.ts';
import { fail, ok, type Result } from '../../../platform/result.ts';
import { recordAudit } from '../../audit/index.ts';
import { programmeSubject, type ProgrammeWithConsortium } from '../workshops.queries.ts';
import { workshopSeries, workshopSessions } from '../workshops.schema.ts';
import { workshopDebriefs } from '../day/day.schema.ts';
import { workshopFeedback } from '../feedback/feedback.schema.ts';
import type { AdjustmentFields } from './reporting.forms.ts';
import { findAdjustment } from './reporting.queries.ts';
import { workshopAdjustments, workshopAdjustmentSources } from './reporting.schema.ts';
import './reporting.policy.ts';

type Context = { requestId?: string | null };
export type AdjustmentError = 'unknown_series' | 'unknown_sources';

/** The sessions of a programme (ids), to check that linked feedback and debriefs belong to it. */
async function programmeSessionIds(tx: Executor, programmeId: string): Promise<Set<string>> {
  const rows = await tx.select({ id: workshopSessions.id }).from(workshopSessions).innerJoin(workshopSeries, eq(workshopSeries.id, workshopSessions.seriesId)).where(eq(workshopSeries.programmeId, programmeId));
  return new Set(rows.map((r) => r.id));
}

async function checkLinks(tx: Executor, programme: ProgrammeWithConsortium, fields: AdjustmentFields): Promise<AdjustmentError | null> {
  if (fields.seriesId) {
    const [series] = await tx.select({ id: workshopSeries.id }).from(workshopSeries).where(and(eq(workshopSeries.id, fields.seriesId), eq(workshopSeries.programmeId, programme.id)));
    if (!series) return 'unknown_series';
  }
  if (fields.feedbackIds.length === 0 && fields.debriefIds.length === 0) return null;
  const sessions = await programmeSessionIds(tx, programme.id);
  const feedback = fields.feedbackIds.length ? await tx.select({ sessionId: workshopFeedback.sessionId }).from(workshopFeedback).where(inArray(workshopFeedback.id, fields.feedbackIds)) : [];
  const debriefs = fields.debriefIds.length ? await tx.select({ sessionId: workshopDebriefs.sessionId }).from(workshopDebriefs).where(inArray(workshopDebriefs.id, fields.debriefIds)) : [];
  const all = [...feedback, ...debriefs];
  if (all.length !== new Set(fields.feedbackIds).size + new Set(fields.debriefIds).size || all.some((r) => !sessions.has(r.sessionId))) return 'unknown_sources';
  return null;
}

async function writeSources(tx: Executor, adjustmentId: string, fields: AdjustmentFields): Promise<void> {
  await tx.delete(workshopAdjustmentSources).where(eq(workshopAdjustmentSources.adjustmentId, adjustmentId));
  const rows = [
    ...[...new Set(fields.feedbackIds)].map((feedbackId) => ({ id: newId(), adjustmentId, feedbackId, debriefId: null })),
    ...[...new Set(fields.debriefIds)].map((debriefId) => ({ id: newId(), adjustmentId, feedbackId: null, debriefId })),
  ];
  if (rows.length > 0) await tx.insert(workshopAdjustmentSources).values(rows);
}

function columns(fields: AdjustmentFields) {
  return { change: fields.change, reason: fields.reason, seriesId: fields.seriesId, status: fields.status, doneOn: fields.doneOn, isPublic: fields.isPublic, youSaid: fields.youSaid, weDid: fields.weDid };
}

/**
 * Records an adjustment of a programme's workshops, linked to the feedback and debriefs that prompted it.
 * @example await recordAdjustment(tx, coordinator, programme, { change: 'Séances de 2 h au lieu de 3 h', reason: '…', status: 'planned', … })
 */
export async function recordAdjustment(tx: Executor, actor: Actor, programme: ProgrammeWithConsortium, fields: AdjustmentFields, context: Context = {}): Promise<Result<{ id: string }, AdjustmentError>> {
  authorize(actor, 'workshop.coconstruction', programmeSubject(programme));
  const problem = await checkLinks(tx, programme, fields);
  if (problem) return fail(problem);
  const id = newId();
  await tx.insert(workshopAdjustments).values({ id, programmeId: programme.id, ...columns(fields), createdByUserId: actor.kind === 'person' ? actor.userId : null });
  await writeSources(tx, id, fields);
  await recordAudit(tx, actor, { action: 'workshop.adjustment.create', subjectType: 'workshop_adjustment', subjectId: id, summary: `Ajustement du programme ${programme.name} enregistré : ${fields.change.slice(0, 80)}`, details: { status: fields.status, isPublic: fields.isPublic, sources: fields.feedbackIds.length + fields.debriefIds.length }, requestId: context.requestId ?? null });
  return ok({ id });
}

/** Changes an adjustment (its status, wording, links). */
export async function updateAdjustment(tx: Executor, actor: Actor, programme: ProgrammeWithConsortium, id: string, fields: AdjustmentFields, context: Context = {}): Promise<Result<null, AdjustmentError | 'not_found'>> {
  authorize(actor, 'workshop.coconstruction', programmeSubject(programme));
  const before = await findAdjustment(tx, id);
  if (!before || before.programmeId !== programme.id) return fail('not_found');
  const problem = await checkLinks(tx, programme, fields);
  if (problem) return fail(problem);
  await tx.update(workshopAdjustments).set({ ...columns(fields), updatedAt: new Date() }).where(eq(workshopAdjustments.id, id));
  await writeSources(tx, id, fields);
  await recordAudit(tx, actor, { action: 'workshop.adjustment.update', subjectType: 'workshop_adjustment', subjectId: id, summary: `Ajustement du programme ${programme.name} modifié : ${fields.change.slice(0, 80)}`, details: { status: { avant: before.status, après: fields.status }, isPublic: { avant: before.isPublic, après: fields.isPublic } }, requestId: context.requestId ?? null });
  return ok(null);
}

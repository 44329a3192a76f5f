import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { actorLabel, recordAudit } from '../audit/index.ts';
import { authorize, type Actor } from '../../platform/authz/index.ts';
import { newId } from '../../platform/ids.ts';
import { fail, ok, type Result } from '../../platform/result.ts';
import { activeMembersOf } from '../organisations/index.ts';
import { queueMessage } from '../outbox/index.ts';
import type { AnswerFields, ReportFields } from './places.reports.forms.ts';
import { reportTopicLabels } from './places.reports.labels.ts';
import { placeReports } from './places.reports.schema.ts';
import { places } from './places.schema.ts';

type Context = { baseUrl: string; requestId?: string };

/**
 * Records an error reported on a place's public page and tells the place's managers by e-mail (through the outbox,
 * in the same transaction). Anyone may report: the actor is whoever is signed in, or nobody.
 * @example await submitReport(tx, null, placeId, { topics: ['horaires'], message: 'Fermé le lundi', email: null }, { baseUrl })
 */
export async function submitReport(tx: Executor, actor: Actor | null, placeId: string, fields: ReportFields, context: Context): Promise<Result<{ id: string }, 'not_found'>> {
  const [place] = await tx.select({ id: places.id, name: places.name, managedBy: places.managedBy }).from(places).where(and(eq(places.id, placeId), isNull(places.mergedInto)));
  if (!place) return fail('not_found');
  const id = newId();
  await tx.insert(placeReports).values({ id, placeId, topics: fields.topics, message: fields.message, reporterEmail: fields.email });
  const managers = place.managedBy ? (await activeMembersOf(tx, place.managedBy)).filter((m) => m.role === 'place_manager') : [];
  const topics = fields.topics.map((t) => reportTopicLabels[t]).join(', ');
  for (const manager of managers) {
    await queueMessage(tx, {
      channel: 'email',
      recipient: manager.email,
      subject: `Erreur signalée sur « ${place.name} »`,
      text: [
        `Bonjour ${manager.name},`,
        '',
        `Une personne signale une erreur sur la page du lieu « ${place.name} ».`,
        `Ce qui n’est pas juste : ${topics}.`,
        '',
        fields.message,
        '',
        `Pour lire le signalement et répondre : ${context.baseUrl}/gestion/signalements/${id}`,
      ].join('\n'),
      purpose: 'place_report',
      dedupeKey: `place-report:${id}:${manager.userId}`,
    });
  }
  await recordAudit(tx, actor, {
    action: 'place.report',
    subjectType: 'place',
    subjectId: placeId,
    // The reporter's message and address stay in the report, not in the log.
    summary: `Erreur signalée sur « ${place.name} » (${topics})`,
    details: { reportId: id, topics: fields.topics, managersNotified: managers.length },
    requestId: context.requestId,
  });
  return ok({ id });
}

async function loadReport(tx: Executor, reportId: string) {
  const [row] = await tx
    .select({ report: placeReports, place: { id: places.id, name: places.name, province: places.province, managedBy: places.managedBy } })
    .from(placeReports)
    .innerJoin(places, eq(places.id, placeReports.placeId))
    .where(eq(placeReports.id, reportId));
  return row ?? null;
}

/**
 * A manager answers a report; the reporter gets the answer by e-mail when they left an address.
 * @example await answerReport(tx, actor, reportId, { answer: 'Merci, les horaires sont corrigés.' }, { baseUrl })
 */
export async function answerReport(tx: Executor, actor: Actor, reportId: string, fields: AnswerFields, context: Context): Promise<Result<null, 'not_found' | 'closed'>> {
  const found = await loadReport(tx, reportId);
  if (!found) return fail('not_found');
  const { report, place } = found;
  authorize(actor, 'place.manage', place);
  if (report.status === 'closed') return fail('closed');
  await tx
    .update(placeReports)
    .set({ status: 'answered', answer: fields.answer, answeredAt: new Date(), answeredBy: actorLabel(actor) })
    .where(eq(placeReports.id, reportId));
  if (report.reporterEmail) {
    await queueMessage(tx, {
      channel: 'email',
      recipient: report.reporterEmail,
      subject: `Réponse à votre message sur « ${place.name} »`,
      text: [
        'Bonjour,',
        '',
        `Vous avez signalé une erreur sur le lieu « ${place.name} ».`,
        'Voici la réponse du lieu :',
        '',
        fields.answer,
        '',
        'Merci pour votre aide.',
        `Voir le lieu : ${context.baseUrl}/lieux/${place.id}`,
      ].join('\n'),
      purpose: 'place_report_answer',
    });
  }
  await recordAudit(tx, actor, {
    action: 'place.report.answer',
    subjectType: 'place',
    subjectId: place.id,
    summary: `Réponse à un signalement sur « ${place.name} »`,
    details: { reportId, answerSentByEmail: report.reporterEmail !== null },
    requestId: context.requestId,
  });
  return ok(null);
}

/**
 * Closes a report: nothing more to do. The reporter's e-mail address is erased, as it only served to answer.
 * @example await closeReport(tx, actor, reportId)
 */
export async function closeReport(tx: Executor, actor: Actor, reportId: string, context: { requestId?: string } = {}): Promise<Result<null, 'not_found' | 'closed'>> {
  const found = await loadReport(tx, reportId);
  if (!found) return fail('not_found');
  const { report, place } = found;
  authorize(actor, 'place.manage', place);
  if (report.status === 'closed') return fail('closed');
  await tx.update(placeReports).set({ status: 'closed', closedAt: new Date(), reporterEmail: null }).where(eq(placeReports.id, reportId));
  await recordAudit(tx, actor, {
    action: 'place.report.close',
    subjectType: 'place',
    subjectId: place.id,
    summary: `Signalement clos sur « ${place.name} »`,
    details: { reportId },
    requestId: context.requestId,
  });
  return ok(null);
}

import { and, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { authorize, type Actor } from '../../../platform/authz/index.ts';
import { localDay } from '../../../platform/format.ts';
import { newId } from '../../../platform/ids.ts';
import { fail, ok, type Result } from '../../../platform/result.ts';
import { membershipsOf } from '../../accounts/index.ts';
import { userById } from '../../accounts/accounts.queries.ts';
import { recordActivity, recordingOrganisations, updateActivity, type ParticipantBreakdown } from '../../activities/index.ts';
import { recordAudit } from '../../audit/index.ts';
import { sessionSubject, type SessionView } from '../workshops.queries.ts';
import { workshopRegistrations, workshopRegistrationSensitive, workshopSessions } from '../workshops.schema.ts';
import type { DebriefFields, WalkInFields } from './day.forms.ts';
import { rosterLines, rosterOf } from './day.queries.ts';
import { attendedStatuses, workshopAttendance, workshopDebriefs, workshopRosters, type AttendanceStatus, type RosterTally } from './day.schema.ts';
import './day.policy.ts';

type Context = { requestId?: string | null; now?: Date };

const when = (session: SessionView) => `la séance de « ${session.series.title} » du ${localDay(session.startsAt)}`;

/** Locks the session's roster row (creating it open the first time) so that two closings cannot both succeed. */
async function lockRoster(tx: Executor, sessionId: string) {
  await tx.insert(workshopRosters).values({ sessionId }).onConflictDoNothing();
  const [row] = await tx.select().from(workshopRosters).where(eq(workshopRosters.sessionId, sessionId)).for('update');
  if (!row) throw new Error(`roster of ${sessionId} vanished`);
  return row;
}

/**
 * Marks registrants and walk-ins present, late or absent. `marks` is keyed by roster line (registration id or
 * walk-in id); lines that are not on this session's roster are ignored.
 * @example await markAttendance(tx, trainer, session, new Map([[registrationId, 'present']]))
 */
export async function markAttendance(tx: Executor, actor: Actor, session: SessionView, marks: ReadonlyMap<string, AttendanceStatus>, context: Context = {}): Promise<Result<{ marked: number }, 'closed'>> {
  authorize(actor, 'workshop.roster', sessionSubject(session));
  const roster = await lockRoster(tx, session.id);
  if (roster.closedAt) return fail('closed');
  const lines = await rosterLines(tx, session.id, { sensitive: false });
  const userId = actor.kind === 'person' ? actor.userId : null;
  const now = context.now ?? new Date();
  let marked = 0;
  for (const line of lines) {
    const status = marks.get(line.key);
    if (!status || status === line.status) continue;
    marked += 1;
    if (line.kind === 'walk_in') {
      await tx.update(workshopAttendance).set({ status, markedByUserId: userId, markedAt: now }).where(and(eq(workshopAttendance.id, line.key), eq(workshopAttendance.sessionId, session.id)));
    } else {
      await tx
        .insert(workshopAttendance)
        .values({ id: newId(), sessionId: session.id, registrationId: line.key, status, markedByUserId: userId, markedAt: now })
        .onConflictDoUpdate({ target: workshopAttendance.registrationId, targetWhere: sql`${workshopAttendance.registrationId} is not null`, set: { status, markedByUserId: userId, markedAt: now } });
    }
  }
  await tx.update(workshopRosters).set({ updatedAt: now }).where(eq(workshopRosters.sessionId, session.id));
  return ok({ marked });
}

/** Adds someone who came without registering. Their access needs are kept with the roster, as sensitive as a registrant's. */
export async function addWalkIn(tx: Executor, actor: Actor, session: SessionView, fields: WalkInFields, context: Context = {}): Promise<Result<{ id: string }, 'closed'>> {
  authorize(actor, 'workshop.roster', sessionSubject(session));
  const roster = await lockRoster(tx, session.id);
  if (roster.closedAt) return fail('closed');
  const id = newId();
  await tx.insert(workshopAttendance).values({
    id,
    sessionId: session.id,
    name: fields.name,
    communeCode: fields.communeCode,
    accessNeeds: fields.accessNeeds,
    accessNeedsText: fields.accessNeedsText,
    status: fields.status,
    markedByUserId: actor.kind === 'person' ? actor.userId : null,
    markedAt: context.now ?? new Date(),
  });
  await recordAudit(tx, actor, { action: 'workshop.roster.walk_in', subjectType: 'workshop_session', subjectId: session.id, summary: `Personne venue sans inscription ajoutée à la liste de ${when(session)}`, details: { attendanceId: id, accessNeeds: fields.accessNeeds.length }, requestId: context.requestId ?? null });
  return ok({ id });
}

export type CloseError = 'already_closed' | 'not_started' | 'cancelled' | 'nobody' | 'no_recorder' | 'no_theme' | 'invalid';

/**
 * The helper the workshop's activity record is in the name of: the closer when they may record (helper role, for
 * preference in a consortium organisation), otherwise the first trainer who may (a coordinator closes for them).
 */
async function recorderFor(tx: Executor, actor: Actor, session: SessionView, previousUserId: string | null): Promise<{ actor: Actor & { kind: 'person' }; organisationId: string } | null> {
  const consortium = new Set(session.programme.consortium.map((o) => o.id));
  const pick = (person: Actor & { kind: 'person' }) => {
    const orgs = recordingOrganisations(person);
    const chosen = orgs.find((o) => consortium.has(o.id)) ?? orgs[0];
    return chosen ? { actor: person, organisationId: chosen.id } : null;
  };
  // Reopened and closed again: the record stays in the name of the helper who holds it.
  const candidates = previousUserId ? [previousUserId] : [...(actor.kind === 'person' ? [actor.userId] : []), ...session.trainers.map((t) => t.id)];
  for (const userId of candidates) {
    if (actor.kind === 'person' && actor.userId === userId) {
      const mine = pick(actor);
      if (mine) return mine;
      continue;
    }
    const user = await userById(tx, userId);
    if (!user) continue;
    const found = pick({ kind: 'person', userId: user.id, name: user.name, email: user.email, memberships: await membershipsOf(tx, user.id) });
    if (found) return found;
  }
  return null;
}

/** Attending registrants who answered "oui" to the disability question (an aggregate: no name leaves the query). */
async function countWithDisability(tx: Executor, sessionId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(workshopAttendance)
    .innerJoin(workshopRegistrations, eq(workshopRegistrations.id, workshopAttendance.registrationId))
    .innerJoin(workshopRegistrationSensitive, eq(workshopRegistrationSensitive.registrationId, workshopRegistrations.id))
    .where(and(eq(workshopAttendance.sessionId, sessionId), inArray(workshopAttendance.status, [...attendedStatuses]), eq(workshopRegistrationSensitive.disability, 'yes')));
  return row?.n ?? 0;
}

/**
 * Closes the roster: unmarked registrants count as absent, and the collective activity record is written once
 * through the activities module (kind workshop, the series' title, themes and level, the attendees as anonymous
 * participants with the optional breakdown). Closing again after a reopening updates the same record. The counts
 * (attended, walk-ins, attendees living with a disability) are kept with the roster so that results survive the
 * purge of personal answers.
 * @example await closeRoster(tx, trainer, session, { gender: {}, ageBand: {}, status: {} })
 */
export async function closeRoster(
  tx: Executor,
  actor: Actor,
  session: SessionView,
  breakdown: ParticipantBreakdown,
  context: Context = {},
): Promise<Result<{ activityId: string; tally: RosterTally }, CloseError> & { fields?: Record<string, string> }> {
  authorize(actor, 'workshop.roster', sessionSubject(session));
  const now = context.now ?? new Date();
  const roster = await lockRoster(tx, session.id);
  if (roster.closedAt) return fail('already_closed');
  const [current] = await tx.select({ status: workshopSessions.status, purgedAt: workshopSessions.sensitivePurgedAt }).from(workshopSessions).where(eq(workshopSessions.id, session.id));
  if (current?.status === 'cancelled') return fail('cancelled');
  if (session.startsAt > now) return fail('not_started');
  if (session.series.themes.length === 0) return fail('no_theme');
  const lines = await rosterLines(tx, session.id, { sensitive: false });
  const attended = lines.filter((l) => l.status !== null && attendedStatuses.includes(l.status)).length;
  if (attended === 0) return fail('nobody');
  // After the purge the answers are gone: the count taken at the previous closing stands.
  const withDisability = current?.purgedAt ? (roster.tally?.withDisability ?? 0) : await countWithDisability(tx, session.id);
  const tally: RosterTally = { attended, walkIns: lines.filter((l) => l.kind === 'walk_in' && l.status !== null && attendedStatuses.includes(l.status)).length, absent: lines.length - attended, withDisability };
  const recorder = await recorderFor(tx, actor, session, roster.recorderUserId);
  if (!recorder) return fail('no_recorder');
  const durationMinutes = Math.max(1, Math.min(720, Math.round((session.endsAt.getTime() - session.startsAt.getTime()) / 60_000)));
  const input = {
    kind: 'workshop' as const,
    organisationId: recorder.organisationId,
    placeId: session.placeId,
    date: localDay(session.startsAt),
    durationMinutes,
    channel: session.placeId ? ('at_place' as const) : ('elsewhere' as const),
    themes: session.series.themes,
    title: session.series.title,
    level: session.series.level,
    anonymousParticipants: attended,
    participantBreakdown: breakdown,
    notes: `Liste d’émargement de la séance du programme ${session.programme.name}${tally.walkIns > 0 ? ` (dont ${tally.walkIns} sans inscription)` : ''}.`,
  };
  const recorded = roster.activityId ? await updateActivity(tx, recorder.actor, roster.activityId, input, { requestId: context.requestId ?? null }) : await recordActivity(tx, recorder.actor, input, { requestId: context.requestId ?? null });
  if (!recorded.ok) return { ok: false, error: 'invalid', fields: recorded.fields };
  const activityId = recorded.value.id;
  // Unmarked registrants count as absent; written only once the record is accepted, so a refusal leaves nothing.
  const unmarked = lines.filter((l) => l.status === null && l.registrationId !== null);
  if (unmarked.length > 0) {
    await tx
      .insert(workshopAttendance)
      .values(unmarked.map((l) => ({ id: newId(), sessionId: session.id, registrationId: l.registrationId, status: 'absent' as const, markedByUserId: actor.kind === 'person' ? actor.userId : null, markedAt: now })))
      .onConflictDoNothing();
  }
  await tx
    .update(workshopRosters)
    .set({ activityId, closedAt: now, closedByUserId: actor.kind === 'person' ? actor.userId : null, recorderUserId: recorder.actor.userId, tally, breakdown, updatedAt: now })
    .where(and(eq(workshopRosters.sessionId, session.id), isNull(workshopRosters.closedAt)));
  await recordAudit(tx, actor, {
    action: 'workshop.roster.close',
    subjectType: 'workshop_session',
    subjectId: session.id,
    summary: `Liste d’émargement de ${when(session)} clôturée : ${attended} participants${roster.activityId ? ' (atelier enregistré mis à jour)' : ''}`,
    details: { activityId, attended, walkIns: tally.walkIns, absent: tally.absent, disabilityCounted: !current?.purgedAt },
    requestId: context.requestId ?? null,
  });
  return ok({ activityId, tally });
}

/** Reopens a closed roster for a correction; the next closing updates the same activity record. */
export async function reopenRoster(tx: Executor, actor: Actor, session: SessionView, context: Context = {}): Promise<Result<null, 'not_closed'>> {
  authorize(actor, 'workshop.roster', sessionSubject(session));
  const roster = await lockRoster(tx, session.id);
  if (!roster.closedAt) return fail('not_closed');
  const now = context.now ?? new Date();
  await tx.update(workshopRosters).set({ closedAt: null, reopenedAt: now, updatedAt: now }).where(eq(workshopRosters.sessionId, session.id));
  await recordAudit(tx, actor, { action: 'workshop.roster.reopen', subjectType: 'workshop_session', subjectId: session.id, summary: `Liste d’émargement de ${when(session)} rouverte pour correction`, details: { activityId: roster.activityId }, requestId: context.requestId ?? null });
  return ok(null);
}

/** Writes or rewrites the session's debrief (one per session, its trainers write it). */
export async function saveDebrief(tx: Executor, actor: Actor & { kind: 'person' }, session: SessionView, fields: DebriefFields, context: Context = {}): Promise<Result<{ id: string }, never>> {
  authorize(actor, 'workshop.debrief.write', sessionSubject(session));
  const now = context.now ?? new Date();
  const [row] = await tx
    .insert(workshopDebriefs)
    .values({ id: newId(), sessionId: session.id, ...fields, authorUserId: actor.userId, authorName: actor.name, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: workshopDebriefs.sessionId, set: { ...fields, authorUserId: actor.userId, authorName: actor.name, updatedAt: now } })
    .returning({ id: workshopDebriefs.id });
  if (!row) throw new Error('debrief not saved');
  await recordAudit(tx, actor, { action: 'workshop.debrief.save', subjectType: 'workshop_session', subjectId: session.id, summary: `Bilan de ${when(session)} enregistré`, details: { debriefId: row.id, adaptationNeeds: fields.adaptationNeeds }, requestId: context.requestId ?? null });
  return ok({ id: row.id });
}

/**
 * Erases walk-ins' names and access needs (their commune stays, for the counts) on the sessions whose registrants' answers were purged (the workshops
 * module's daily purge sets sensitivePurgedAt). Idempotent; the roster's counts stay.
 */
export async function purgeWalkIns(tx: Executor, context: Context = {}): Promise<{ erased: number }> {
  const now = context.now ?? new Date();
  const erased = await tx
    .update(workshopAttendance)
    .set({ name: null, accessNeeds: [], accessNeedsText: null, purgedAt: now })
    .where(and(isNull(workshopAttendance.registrationId), isNull(workshopAttendance.purgedAt), sql`${workshopAttendance.sessionId} in (select id from workshop_sessions where sensitive_purged_at is not null)`))
    .returning({ id: workshopAttendance.id });
  if (erased.length > 0) {
    await recordAudit(tx, null, { action: 'workshop.roster.purge', subjectType: 'workshop_session', summary: `Noms et besoins de ${erased.length} personnes venues sans inscription effacés`, details: { erased: erased.length } });
  }
  return { erased: erased.length };
}

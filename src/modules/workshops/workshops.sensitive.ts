import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { authorize, type Actor } from '../../platform/authz/index.ts';
import { localDay } from '../../platform/format.ts';
import { recordAudit } from '../audit/index.ts';
import { findSession, sessionSubject } from './workshops.queries.ts';
import {
  workshopRegistrations,
  workshopRegistrationSensitive,
  workshopSensitiveTallies,
  workshopSeries,
  workshopSessions,
  accessibilityOptions,
  disabilityAnswers,
  type AccessibilityOption,
  type DisabilityAnswer,
  type RegistrationStatus,
  type SensitiveTally,
} from './workshops.schema.ts';

/** Counts below this are hidden in every aggregate of sensitive answers. */
export const smallCountThreshold = 5;

/** A count as published: null when it is between 1 and 4 (it could point at a person). */
export function hideSmall(n: number): number | null {
  return n > 0 && n < smallCountThreshold ? null : n;
}

export type SensitiveAnswer = {
  registrationId: string;
  name: string;
  status: RegistrationStatus;
  companion: boolean;
  accessNeeds: AccessibilityOption[];
  accessNeedsText: string | null;
  disability: DisabilityAnswer | null;
  disabilityConsentAt: Date | null;
};

/**
 * The access needs and disability answers of a session's registrants, for its trainers and the programme's
 * coordinators only; every read is written to the audit log (who, which session, how many answers).
 * Returns null for an unknown session; throws ForbiddenError for anyone else.
 */
export async function readSensitiveAnswers(tx: Executor, actor: Actor, sessionId: string, context: { requestId?: string | null } = {}): Promise<SensitiveAnswer[] | null> {
  const view = await findSession(tx, sessionId);
  if (!view) return null;
  authorize(actor, 'workshop.sensitive.read', sessionSubject(view));
  const rows = await tx
    .select({
      registrationId: workshopRegistrations.id,
      name: workshopRegistrations.name,
      status: workshopRegistrations.status,
      companion: workshopRegistrations.companion,
      accessNeeds: workshopRegistrationSensitive.accessNeeds,
      accessNeedsText: workshopRegistrationSensitive.accessNeedsText,
      disability: workshopRegistrationSensitive.disability,
      disabilityConsentAt: workshopRegistrationSensitive.disabilityConsentAt,
    })
    .from(workshopRegistrationSensitive)
    .innerJoin(workshopRegistrations, eq(workshopRegistrations.id, workshopRegistrationSensitive.registrationId))
    .where(eq(workshopRegistrations.sessionId, sessionId))
    .orderBy(workshopRegistrations.createdAt);
  await recordAudit(tx, actor, {
    action: 'workshop.sensitive.read',
    subjectType: 'workshop_session',
    subjectId: sessionId,
    summary: `Besoins et réponses sur le handicap lus pour la séance de « ${view.series.title} » du ${localDay(view.startsAt)} (${rows.length} réponses)`,
    details: { answers: rows.length },
    requestId: context.requestId ?? null,
  });
  return rows;
}

function emptyTally(): SensitiveTally {
  return { registrations: 0, disability: {}, accessNeeds: {} };
}

/** Per-session counts of the live (not yet purged) answers of registrations holding a seat. */
async function liveTallies(db: Executor, sessionIds: readonly string[]): Promise<Map<string, SensitiveTally>> {
  const result = new Map<string, SensitiveTally>();
  if (sessionIds.length === 0) return result;
  const rows = await db
    .select({ sessionId: workshopRegistrations.sessionId, accessNeeds: workshopRegistrationSensitive.accessNeeds, disability: workshopRegistrationSensitive.disability })
    .from(workshopRegistrations)
    .leftJoin(workshopRegistrationSensitive, eq(workshopRegistrationSensitive.registrationId, workshopRegistrations.id))
    .where(and(inArray(workshopRegistrations.sessionId, [...sessionIds]), eq(workshopRegistrations.status, 'confirmed')));
  for (const r of rows) {
    const t = result.get(r.sessionId) ?? emptyTally();
    t.registrations += 1;
    if (r.disability) t.disability[r.disability] = (t.disability[r.disability] ?? 0) + 1;
    for (const need of r.accessNeeds ?? []) t.accessNeeds[need] = (t.accessNeeds[need] ?? 0) + 1;
    result.set(r.sessionId, t);
  }
  return result;
}

/**
 * The daily job: for every session ended more than `retentionDays` days ago, keeps the counts (no names) and
 * deletes its registrants' access needs and disability answers. Idempotent (sensitivePurgedAt).
 */
export async function purgeSensitiveAnswers(tx: Executor, options: { retentionDays: number; now?: Date }): Promise<{ sessions: number; answers: number }> {
  const now = options.now ?? new Date();
  const before = new Date(now.getTime() - options.retentionDays * 24 * 3600_000);
  const due = await tx
    .select({ id: workshopSessions.id })
    .from(workshopSessions)
    .where(and(isNull(workshopSessions.sensitivePurgedAt), lt(workshopSessions.endsAt, before)))
    .limit(1000)
    .for('update');
  if (due.length === 0) return { sessions: 0, answers: 0 };
  const ids = due.map((d) => d.id);
  const tallies = await liveTallies(tx, ids);
  await tx
    .insert(workshopSensitiveTallies)
    .values(ids.map((sessionId) => ({ sessionId, tally: tallies.get(sessionId) ?? emptyTally(), purgedAt: now })))
    .onConflictDoNothing();
  const deleted = await tx
    .delete(workshopRegistrationSensitive)
    .where(sql`${workshopRegistrationSensitive.registrationId} in (select id from workshop_registrations where session_id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}))`)
    .returning({ id: workshopRegistrationSensitive.registrationId });
  await tx.update(workshopSessions).set({ sensitivePurgedAt: now }).where(inArray(workshopSessions.id, ids));
  await recordAudit(tx, null, {
    action: 'workshop.sensitive.purge',
    subjectType: 'workshop_session',
    summary: `Besoins et réponses sur le handicap effacés pour ${ids.length} séances (${deleted.length} réponses), ${options.retentionDays} jours après l’atelier`,
    details: { sessions: ids.length, answers: deleted.length },
  });
  return { sessions: ids.length, answers: deleted.length };
}

/** One cell of the reach aggregate: counts of one commune in one month; hidden counts are null. */
export type ReachRow = {
  communeCode: string;
  /** `YYYY-MM`, in the territory's calendar. */
  month: string;
  sessions: number;
  /** Registrations holding a seat (confirmed). Not sensitive: never hidden. */
  registrations: number;
  disability: Record<DisabilityAnswer, number | null>;
  accessNeeds: Partial<Record<AccessibilityOption, number | null>>;
};

/**
 * The reach of a programme by commune of the session and by month, from live answers and from the tallies kept at
 * purge time: the only way sensitive answers leave the module. Counts from 1 to 4 are null (hidden); totals are
 * given the same treatment. Cancelled sessions do not count.
 * @example const { rows, total } = await reachAggregates(db, programme.id)
 */
export async function reachAggregates(db: Executor, programmeId: string): Promise<{ rows: ReachRow[]; total: ReachRow }> {
  const sessions = await db
    .select({ id: workshopSessions.id, communeCode: workshopSessions.communeCode, startsAt: workshopSessions.startsAt, purgedAt: workshopSessions.sensitivePurgedAt })
    .from(workshopSessions)
    .innerJoin(workshopSeries, eq(workshopSeries.id, workshopSessions.seriesId))
    .where(and(eq(workshopSeries.programmeId, programmeId), eq(workshopSessions.status, 'scheduled')));
  const live = await liveTallies(db, sessions.filter((s) => !s.purgedAt).map((s) => s.id));
  const purgedIds = sessions.filter((s) => s.purgedAt).map((s) => s.id);
  const kept = purgedIds.length ? await db.select().from(workshopSensitiveTallies).where(inArray(workshopSensitiveTallies.sessionId, purgedIds)) : [];
  const keptBySession = new Map(kept.map((k) => [k.sessionId, k.tally]));
  type Raw = { communeCode: string; month: string; sessions: number; tally: SensitiveTally };
  const cells = new Map<string, Raw>();
  const all: Raw = { communeCode: '', month: '', sessions: 0, tally: emptyTally() };
  const add = (into: Raw, t: SensitiveTally) => {
    into.sessions += 1;
    into.tally.registrations += t.registrations;
    for (const k of disabilityAnswers) if (t.disability[k]) into.tally.disability[k] = (into.tally.disability[k] ?? 0) + (t.disability[k] ?? 0);
    for (const k of accessibilityOptions) if (t.accessNeeds[k]) into.tally.accessNeeds[k] = (into.tally.accessNeeds[k] ?? 0) + (t.accessNeeds[k] ?? 0);
  };
  for (const s of sessions) {
    const t = (s.purgedAt ? keptBySession.get(s.id) : live.get(s.id)) ?? emptyTally();
    const month = localDay(s.startsAt).slice(0, 7);
    const key = `${s.communeCode}|${month}`;
    const cell = cells.get(key) ?? { communeCode: s.communeCode, month, sessions: 0, tally: emptyTally() };
    add(cell, t);
    cells.set(key, cell);
    add(all, t);
  }
  const publish = (r: Raw): ReachRow => ({
    communeCode: r.communeCode,
    month: r.month,
    sessions: r.sessions,
    registrations: r.tally.registrations,
    disability: { yes: hideSmall(r.tally.disability.yes ?? 0), no: hideSmall(r.tally.disability.no ?? 0), prefer_not_to_say: hideSmall(r.tally.disability.prefer_not_to_say ?? 0) },
    accessNeeds: Object.fromEntries(accessibilityOptions.flatMap((k) => (r.tally.accessNeeds[k] ? [[k, hideSmall(r.tally.accessNeeds[k] ?? 0)]] : []))),
  });
  const rows = [...cells.values()].sort((a, b) => a.month.localeCompare(b.month) || a.communeCode.localeCompare(b.communeCode)).map(publish);
  return { rows, total: publish(all) };
}

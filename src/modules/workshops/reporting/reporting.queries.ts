import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { localDay } from '../../../platform/format.ts';
import { sessionsOfProgramme, type SessionView } from '../workshops.queries.ts';
import { debriefsOf, rostersOf } from '../day/day.queries.ts';
import { feedbackSummaries } from '../feedback/feedback.queries.ts';
import { workshopAdjustments, workshopAdjustmentSources } from './reporting.schema.ts';
import type { SessionFacts } from './reporting.results.ts';

export type Adjustment = typeof workshopAdjustments.$inferSelect & { feedbackIds: string[]; debriefIds: string[] };

/** The facts of every session of a programme, for the results (one query per table, whatever the number of sessions). */
export async function programmeSessionFacts(db: Executor, programmeId: string, sessions?: SessionView[]): Promise<(SessionFacts & { day: string; session: SessionView })[]> {
  const list = sessions ?? (await sessionsOfProgramme(db, programmeId));
  const ids = list.map((s) => s.id);
  const [rosters, feedback] = await Promise.all([rostersOf(db, ids), feedbackSummaries(db, ids)]);
  return list.map((s) => {
    const roster = rosters.get(s.id);
    const held = Boolean(roster?.closedAt && roster.tally);
    const day = localDay(s.startsAt);
    return {
      id: s.id,
      communeCode: s.communeCode,
      month: day.slice(0, 7),
      day,
      cancelled: s.status === 'cancelled',
      held,
      attended: held ? (roster?.tally?.attended ?? 0) : 0,
      withDisability: held ? (roster?.tally?.withDisability ?? 0) : 0,
      feedback: feedback.get(s.id) ?? null,
      session: s,
    };
  });
}

async function withSources(db: Executor, rows: (typeof workshopAdjustments.$inferSelect)[]): Promise<Adjustment[]> {
  if (rows.length === 0) return [];
  const sources = await db.select().from(workshopAdjustmentSources).where(inArray(workshopAdjustmentSources.adjustmentId, rows.map((r) => r.id)));
  return rows.map((r) => ({
    ...r,
    feedbackIds: sources.flatMap((s) => (s.adjustmentId === r.id && s.feedbackId ? [s.feedbackId] : [])),
    debriefIds: sources.flatMap((s) => (s.adjustmentId === r.id && s.debriefId ? [s.debriefId] : [])),
  }));
}

/** A programme's adjustments, newest first (a programme has tens of them: no pagination beyond 500). */
export async function adjustmentsOf(db: Executor, programmeId: string): Promise<Adjustment[]> {
  return withSources(db, await db.select().from(workshopAdjustments).where(eq(workshopAdjustments.programmeId, programmeId)).orderBy(desc(workshopAdjustments.createdAt)).limit(500));
}

/** "Vous avez dit, nous avons fait": done and public adjustments only, their public wording and month, nothing else. */
export async function publicAdjustmentsOf(db: Executor, programmeId: string): Promise<{ id: string; youSaid: string; weDid: string; doneOn: string | null }[]> {
  return db
    .select({ id: workshopAdjustments.id, youSaid: workshopAdjustments.youSaid, weDid: workshopAdjustments.weDid, doneOn: workshopAdjustments.doneOn })
    .from(workshopAdjustments)
    .where(and(eq(workshopAdjustments.programmeId, programmeId), eq(workshopAdjustments.status, 'done'), eq(workshopAdjustments.isPublic, true)))
    .orderBy(desc(workshopAdjustments.doneOn), asc(workshopAdjustments.id))
    .limit(100);
}

export async function findAdjustment(db: Executor, id: string): Promise<Adjustment | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const rows = await db.select().from(workshopAdjustments).where(eq(workshopAdjustments.id, id));
  return (await withSources(db, rows))[0] ?? null;
}

export { debriefsOf };

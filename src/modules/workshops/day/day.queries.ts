import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/client.ts';
import { workshopRegistrations, type AccessibilityOption } from '../workshops.schema.ts';
import { workshopAttendance, workshopDebriefs, workshopRosters, type AttendanceStatus } from './day.schema.ts';

export type Roster = typeof workshopRosters.$inferSelect;
export type Debrief = typeof workshopDebriefs.$inferSelect;

/** One line of the roster: a registrant (key = registration id) or a walk-in (key = attendance id). */
export type RosterLine = {
  key: string;
  kind: 'registration' | 'walk_in';
  registrationId: string | null;
  name: string;
  communeCode: string | null;
  companion: boolean;
  status: AttendanceStatus | null;
  /** Filled only when the caller asked for sensitive answers (and audited the read). */
  accessNeeds: AccessibilityOption[];
  accessNeedsText: string | null;
};

/** The roster's state, or null when nobody has marked anything yet (an open, empty roster). */
export async function rosterOf(db: Executor, sessionId: string): Promise<Roster | null> {
  const [row] = await db.select().from(workshopRosters).where(eq(workshopRosters.sessionId, sessionId));
  return row ?? null;
}

/** Rosters of several sessions, by session id. */
export async function rostersOf(db: Executor, sessionIds: readonly string[]): Promise<Map<string, Roster>> {
  if (sessionIds.length === 0) return new Map();
  const rows = await db.select().from(workshopRosters).where(inArray(workshopRosters.sessionId, [...sessionIds]));
  return new Map(rows.map((r) => [r.sessionId, r]));
}

/**
 * The roster's lines: confirmed registrants in registration order, then walk-ins in the order they were added.
 * With `sensitive`, access needs come too: registrants' as read (and audited) by readSensitiveAnswers, walk-ins'
 * from the roster; the caller has checked `workshop.sensitive.read`.
 */
export async function rosterLines(
  db: Executor,
  sessionId: string,
  options: { sensitive: boolean; registrantNeeds?: ReadonlyMap<string, { accessNeeds: AccessibilityOption[]; accessNeedsText: string | null }> },
): Promise<RosterLine[]> {
  const needs = options.sensitive ? (options.registrantNeeds ?? new Map()) : new Map<string, { accessNeeds: AccessibilityOption[]; accessNeedsText: string | null }>();
  const registrants = await db
    .select({ id: workshopRegistrations.id, name: workshopRegistrations.name, communeCode: workshopRegistrations.communeCode, companion: workshopRegistrations.companion })
    .from(workshopRegistrations)
    .where(and(eq(workshopRegistrations.sessionId, sessionId), eq(workshopRegistrations.status, 'confirmed')))
    .orderBy(asc(workshopRegistrations.createdAt), asc(workshopRegistrations.id));
  const marks = await db.select().from(workshopAttendance).where(eq(workshopAttendance.sessionId, sessionId)).orderBy(asc(workshopAttendance.createdAt), asc(workshopAttendance.id));
  const byRegistration = new Map(marks.flatMap((m) => (m.registrationId ? [[m.registrationId, m] as const] : [])));
  const lines: RosterLine[] = registrants.map((r) => ({
    key: r.id,
    kind: 'registration',
    registrationId: r.id,
    name: r.name,
    communeCode: r.communeCode,
    companion: r.companion,
    status: byRegistration.get(r.id)?.status ?? null,
    accessNeeds: needs.get(r.id)?.accessNeeds ?? [],
    accessNeedsText: needs.get(r.id)?.accessNeedsText ?? null,
  }));
  for (const m of marks) {
    if (m.registrationId) continue;
    lines.push({
      key: m.id,
      kind: 'walk_in',
      registrationId: null,
      name: m.name ?? 'Personne venue sans inscription',
      communeCode: m.communeCode,
      companion: false,
      status: m.status,
      accessNeeds: options.sensitive ? m.accessNeeds : [],
      accessNeedsText: options.sensitive ? m.accessNeedsText : null,
    });
  }
  return lines;
}

export async function debriefOf(db: Executor, sessionId: string): Promise<Debrief | null> {
  const [row] = await db.select().from(workshopDebriefs).where(eq(workshopDebriefs.sessionId, sessionId));
  return row ?? null;
}

/** Debriefs of several sessions, by session id. */
export async function debriefsOf(db: Executor, sessionIds: readonly string[]): Promise<Map<string, Debrief>> {
  if (sessionIds.length === 0) return new Map();
  const rows = await db.select().from(workshopDebriefs).where(inArray(workshopDebriefs.sessionId, [...sessionIds]));
  return new Map(rows.map((r) => [r.sessionId, r]));
}

import { and, count, desc, eq, gte, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import { nextDay, startOfLocalDay } from '../../platform/format.ts';
import type { Executor } from '../../db/client.ts';
import { auditEvents } from './audit.schema.ts';

export const auditPageSize = 20;

export type AuditFilters = {
  /** Matches the summary, the actor's label, the action code or the subject's id. */
  text?: string | undefined;
  action?: string | undefined;
  /** First local day included, `YYYY-MM-DD` in the territory's zone. */
  from?: string | undefined;
  /** Last local day included. */
  to?: string | undefined;
  page: number;
};

function escapeLike(text: string): string {
  return text.replace(/[%_\\]/g, (c) => `\\${c}`);
}

/**
 * Searches the audit log, newest first. Only administrators reach it (the route checks `audit.search`).
 * @example await searchAuditEvents(db, { text: 'CAFAT', page: 1 }, 'Pacific/Noumea')
 */
export async function searchAuditEvents(db: Executor, filters: AuditFilters, timeZone: string) {
  const pattern = filters.text ? `%${escapeLike(filters.text)}%` : null;
  const conditions: (SQL | undefined)[] = [
    pattern
      ? or(ilike(auditEvents.summary, pattern), ilike(auditEvents.actorLabel, pattern), ilike(auditEvents.action, pattern), ilike(auditEvents.subjectId, pattern))
      : undefined,
    filters.action ? eq(auditEvents.action, filters.action) : undefined,
    filters.from ? gte(auditEvents.at, startOfLocalDay(filters.from, timeZone)) : undefined,
    filters.to ? lt(auditEvents.at, startOfLocalDay(nextDay(filters.to), timeZone)) : undefined,
  ];
  const where = and(...conditions);
  const [total] = await db.select({ n: count() }).from(auditEvents).where(where);
  const n = total?.n ?? 0;
  const rows = await db
    .select()
    .from(auditEvents)
    .where(where)
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(auditPageSize)
    .offset((filters.page - 1) * auditPageSize);
  return { rows, total: n, pageCount: Math.max(1, Math.ceil(n / auditPageSize)) };
}

/** Every action code present in the log, for the filter's list. */
export async function auditActions(db: Executor): Promise<string[]> {
  // A loose index scan: one index probe per distinct code, instead of reading the whole log at every page view.
  const rows = await db
    .select({ action: sql<string>`action` })
    .from(
      sql`(with recursive codes(action) as (
        (select action from audit_events order by action limit 1)
        union all
        select (select e.action from audit_events e where e.action > codes.action order by e.action limit 1)
        from codes where codes.action is not null
      ) select action from codes where action is not null) as codes`,
    );
  return rows.map((r) => r.action);
}

/** One event, or null (unknown or malformed id). */
export async function findAuditEvent(db: Executor, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await db.select().from(auditEvents).where(eq(auditEvents.id, id));
  return row ?? null;
}

/**
 * The history of one record, newest first, paginated: what other modules show as "Historique".
 * @example await auditEventsOf(db, { subjectType: 'place', subjectId: id }, { page: 1, perPage: 20 })
 */
export async function auditEventsOf(db: Executor, subject: { subjectType: string; subjectId: string }, paging: { page: number; perPage: number }) {
  const where = and(eq(auditEvents.subjectType, subject.subjectType), eq(auditEvents.subjectId, subject.subjectId));
  const [total] = await db.select({ n: count() }).from(auditEvents).where(where);
  const rows = await db
    .select({ id: auditEvents.id, at: auditEvents.at, actorLabel: auditEvents.actorLabel, action: auditEvents.action, summary: auditEvents.summary, details: auditEvents.details })
    .from(auditEvents)
    .where(where)
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(paging.perPage)
    .offset((paging.page - 1) * paging.perPage);
  return { rows, total: total?.n ?? 0 };
}

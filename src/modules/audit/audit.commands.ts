import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../platform/authz/index.ts';
import { newId } from '../../platform/ids.ts';
import { auditEvents } from './audit.schema.ts';

export type AuditEntry = {
  /** A code: `person.invite`, `organisation.update`, `beneficiary.read`… */
  action: string;
  subjectType: string;
  subjectId?: string | null;
  /** One French sentence that an administrator can read without opening the details. */
  summary: string;
  details?: Record<string, unknown>;
  requestId?: string | null;
};

/** Who did it, as it should read in the log even if the account is later erased. */
export function actorLabel(actor: Actor | null): string {
  if (!actor) return 'Système';
  return actor.kind === 'person' ? `${actor.name} <${actor.email}>` : `Jeton d’API « ${actor.name} »`;
}

/**
 * Appends one event to the audit log, inside the caller's transaction so that the change and its trace stand or
 * fall together.
 * @example await recordAudit(tx, actor, { action: 'organisation.create', subjectType: 'organisation', subjectId: id, summary: 'Organisation « CAFAT » créée' })
 */
export async function recordAudit(tx: Executor, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await recordAudits(tx, actor, [entry]);
}

/** Appends several events in one statement (imports write hundreds at a time). */
export async function recordAudits(tx: Executor, actor: Actor | null, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(auditEvents).values(entries.map((entry) => ({
    id: newId(),
    actorUserId: actor?.kind === 'person' ? actor.userId : null,
    actorLabel: actorLabel(actor),
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId ?? null,
    summary: entry.summary,
    details: entry.details ?? {},
    requestId: entry.requestId ?? null,
  })));
}

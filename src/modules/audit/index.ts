import './audit.policy.ts';

export { recordAudit, recordAudits, actorLabel, type AuditEntry } from './audit.commands.ts';
export { auditEventsOf } from './audit.queries.ts';

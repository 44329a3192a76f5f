import './audit.policy.ts';

export { recordAudit, actorLabel, type AuditEntry } from './audit.commands.ts';
export { auditEventsOf } from './audit.queries.ts';

import type { ApplicationStatus } from './case-label.schema.ts';

/** What can happen to an application. */
export const applicationEvents = ['submit', 'request_changes', 'grant', 'refuse'] as const;
export type ApplicationEvent = (typeof applicationEvents)[number];

/**
 * The whole state machine, as data: from each status, the events allowed and where they lead.
 * Granted and refused are final: a new application starts a new cycle (renewal, second try).
 */
const transitions: Record<ApplicationStatus, Partial<Record<ApplicationEvent, ApplicationStatus>>> = {
  draft: { submit: 'submitted' },
  submitted: { request_changes: 'changes_requested', grant: 'granted', refuse: 'refused' },
  changes_requested: { submit: 'submitted' },
  granted: {},
  refused: {},
};

/** Why an event is refused in a status, in French, for the person who tried. */
const refusals: Record<ApplicationStatus, string> = {
  draft: 'Cette demande est encore un brouillon : elle doit d’abord être déposée par le lieu.',
  submitted: 'Cette demande est déjà déposée : elle attend la décision de la cellule numérique.',
  changes_requested: 'Cette demande attend des compléments du lieu : elle doit être déposée de nouveau avant une décision.',
  granted: 'Le label a déjà été accordé pour cette demande : elle ne peut plus changer. Faites une nouvelle demande pour le renouveler.',
  refused: 'Le label a été refusé pour cette demande : elle ne peut plus changer. Le lieu peut faire une nouvelle demande.',
};

export type Transition = { ok: true; to: ApplicationStatus } | { ok: false; message: string };

/**
 * The status after an event, or the French reason why the event cannot happen now.
 * @example nextStatus('draft', 'submit') // { ok: true, to: 'submitted' }
 * @example nextStatus('granted', 'refuse') // { ok: false, message: 'Le label a déjà été accordé…' }
 */
export function nextStatus(from: ApplicationStatus, event: ApplicationEvent): Transition {
  const to = transitions[from][event];
  return to ? { ok: true, to } : { ok: false, message: refusals[from] };
}

/** The applicant may change evidence only while the application is theirs to complete. */
export function isEditable(status: ApplicationStatus): boolean {
  return status === 'draft' || status === 'changes_requested';
}

/** An application still in progress (at most one per place). */
export function isOpen(status: ApplicationStatus): boolean {
  return status === 'draft' || status === 'submitted' || status === 'changes_requested';
}

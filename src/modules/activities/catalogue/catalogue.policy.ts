import { allow, definePolicy, type Actor } from '../../../platform/authz/index.ts';

/** A procedure, or the partner a new one is added to. */
export type ProcedureSubject = { partnerOrganisationId: string };

/**
 * Partner référents keep their own organisation's procedures; coordinators and administrators keep every partner's
 * (they add the first procedures of a new partner, or fix a mistake).
 */
export const cataloguePolicy = definePolicy({
  name: 'catalogue',
  rules: [
    allow<ProcedureSubject>('partner_referent', 'procedure.manage', (m, s) => m.organisationId === s.partnerOrganisationId),
    allow('coordinator', 'procedure.manage'),
    allow('administrator', 'procedure.manage'),
  ],
});

/** The organisations whose catalogue this person keeps as référent (null: every partner, for coordinators and administrators). */
export function referentOrganisations(actor: Actor | null): string[] | null {
  if (!actor || actor.kind !== 'person') return [];
  if (actor.memberships.some((m) => m.role === 'coordinator' || m.role === 'administrator')) return null;
  return [...new Set(actor.memberships.filter((m) => m.role === 'partner_referent').map((m) => m.organisationId))];
}

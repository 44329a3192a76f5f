import { allow, can, definePolicy, type Actor, type Membership } from '../../platform/authz/index.ts';
import type { Province } from '../../territory/index.ts';

/** What the rules need to know about an agency that takes appointments. */
export type AgencySubject = { organisationId: string; province: Province };

const memberOf = (m: Membership, a: AgencySubject) => m.organisationId === a.organisationId;
const inScope = (m: Membership, a: AgencySubject) => m.scopeProvince === null || m.scopeProvince === a.province;

/**
 * Booking is public (no rule). The agency's helpers and place managers keep its reasons and opening hours and see
 * its day of appointments (names and phones: only them); coordinators of its province and administrators keep the
 * reasons and hours too, without the people's details. A helper turns a seen appointment into an activity record.
 */
export const appointmentsPolicy = definePolicy({
  name: 'appointments',
  rules: [
    allow<AgencySubject>('helper', 'appointment.settings', memberOf),
    allow<AgencySubject>('place_manager', 'appointment.settings', memberOf),
    allow<AgencySubject>('coordinator', 'appointment.settings', inScope),
    allow('administrator', 'appointment.settings'),
    allow<AgencySubject>('helper', 'appointment.agenda', memberOf),
    allow<AgencySubject>('place_manager', 'appointment.agenda', memberOf),
    allow<AgencySubject>('helper', 'appointment.record', memberOf),
    // The network's view: the list of agencies and their settings, for those who keep several.
    allow('coordinator', 'appointment.network'),
    allow('administrator', 'appointment.network'),
  ],
});

/** What the agenda and settings pages may show, from the same rules as the routes (STYLE 17). */
export function agencyPermissions(actor: Actor | null, agency: AgencySubject) {
  return {
    settings: can(actor, 'appointment.settings', agency),
    agenda: can(actor, 'appointment.agenda', agency),
    record: can(actor, 'appointment.record', agency),
  };
}

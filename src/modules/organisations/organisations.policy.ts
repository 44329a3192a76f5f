import { allow, definePolicy, roles, type Membership, type Role } from '../../platform/authz/index.ts';
import type { Province } from '../../territory/index.ts';

type OrganisationSubject = { id: string; province: Province };
type InvitationSubject = { organisationId: string; province: Province; role: Role };
type MembershipSubject = { organisationId: string; province: Province; role: Role };

const inScope = (m: Membership, province: Province) => m.scopeProvince === null || m.scopeProvince === province;
/** Coordinators bring people into the network, but only administrators make administrators and coordinators. */
const coordinatorMayGrant = (role: Role) => role !== 'administrator' && role !== 'coordinator';

export const organisationsPolicy = definePolicy({
  name: 'organisations',
  rules: [
    allow('administrator', 'organisation.list'),
    allow('administrator', 'organisation.view'),
    allow('administrator', 'organisation.create'),
    allow('administrator', 'organisation.update'),
    allow('administrator', 'person.invite'),
    allow('administrator', 'membership.end'),
    allow('coordinator', 'organisation.list'),
    allow<OrganisationSubject>('coordinator', 'organisation.view', (m, o) => inScope(m, o.province)),
    allow<OrganisationSubject>('coordinator', 'organisation.create', (m, o) => inScope(m, o.province)),
    allow<OrganisationSubject>('coordinator', 'organisation.update', (m, o) => inScope(m, o.province)),
    allow<InvitationSubject>('coordinator', 'person.invite', (m, s) => inScope(m, s.province) && coordinatorMayGrant(s.role)),
    allow<MembershipSubject>('coordinator', 'membership.end', (m, s) => inScope(m, s.province) && coordinatorMayGrant(s.role)),
    // Everyone sees the page of the organisations they belong to, with its members.
    ...roles.map((role) => allow<OrganisationSubject>(role, 'organisation.view', (m, o) => m.organisationId === o.id)),
  ],
  scopes: {
    'api.organisations.read': 'organisations:read',
    'api.organisations.write': 'organisations:write',
    // The API creates organisations through the same command as the pages, which checks this action.
    'organisation.create': 'organisations:write',
  },
});

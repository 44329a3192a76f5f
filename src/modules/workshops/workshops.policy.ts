import { allow, definePolicy, type Actor, type Membership, type Role } from '../../platform/authz/index.ts';

/** What the rules need to know about a programme: its consortium's organisations. */
export type ProgrammeSubject = { consortium: readonly string[] };
/** A session: its programme's consortium and its trainers (user ids). */
export type SessionSubject = ProgrammeSubject & { trainers: readonly string[] };

const inConsortium = (m: Membership, p: ProgrammeSubject) => p.consortium.includes(m.organisationId);
const trains = (_m: Membership, s: SessionSubject, actor: Actor & { kind: 'person' }) => s.trainers.includes(actor.userId);
const runs = (m: Membership, s: SessionSubject, actor: Actor & { kind: 'person' }) => inConsortium(m, s) || trains(m, s, actor);

/** Roles whose members may belong to a consortium or train: helpers and associations' contacts, mostly. */
const memberRoles: Role[] = ['helper', 'association_contact', 'place_manager', 'partner_referent'];

/**
 * Programmes and workshops. Coordinators (the role) manage every programme; members of a programme's consortium
 * organisations manage theirs; trainers see their own sessions and their registrants. Access needs and disability
 * answers are read only by the session's trainers and the consortium's members holding a role that signs in with a
 * second factor (helper, coordinator) — not by administrators nor by coordinators outside the consortium.
 * Helpers and coordinators may register a person on their behalf.
 */
export const workshopsPolicy = definePolicy({
  name: 'workshops',
  rules: [
    allow('administrator', 'workshop.workspace'),
    allow('coordinator', 'workshop.workspace'),
    ...memberRoles.map((r) => allow(r, 'workshop.workspace')),
    allow('administrator', 'programme.create'),
    allow('coordinator', 'programme.create'),
    allow('administrator', 'programme.manage'),
    allow('coordinator', 'programme.manage'),
    ...memberRoles.map((r) => allow<ProgrammeSubject>(r, 'programme.manage', inConsortium)),
    allow('administrator', 'workshop.session.view'),
    allow('coordinator', 'workshop.session.view'),
    ...memberRoles.map((r) => allow<SessionSubject>(r, 'workshop.session.view', runs)),
    allow<SessionSubject>('coordinator', 'workshop.sensitive.read', runs),
    allow<SessionSubject>('helper', 'workshop.sensitive.read', runs),
    allow('coordinator', 'workshop.register_for'),
    allow('helper', 'workshop.register_for'),
    ...memberRoles.filter((r) => r !== 'helper').map((r) => allow<SessionSubject>(r, 'workshop.register_for', trains)),
  ],
});

import { allow, definePolicy, type Actor, type Membership, type Role } from '../../../platform/authz/index.ts';
import type { ProgrammeSubject, SessionSubject } from '../workshops.policy.ts';
import '../workshops.policy.ts';

const inConsortium = (m: Membership, p: ProgrammeSubject) => p.consortium.includes(m.organisationId);
const trains = (_m: Membership, s: SessionSubject, actor: Actor & { kind: 'person' }) => s.trainers.includes(actor.userId);
const runs = (m: Membership, s: SessionSubject, actor: Actor & { kind: 'person' }) => inConsortium(m, s) || trains(m, s, actor);

/** Roles whose members may train or belong to a programme's consortium (the workshops policy's list). */
export const memberRoles: Role[] = ['helper', 'association_contact', 'place_manager', 'partner_referent'];

/**
 * On the day. The roster of a session (marking, walk-ins, closing) belongs to its trainers and the members of its
 * programme's consortium; coordinators (the role) may do it for every session. The debrief is the trainers' own
 * (a consortium member who is not a trainer reads it, as coordinators do). `workshop.day` opens the follow-up page.
 */
export const dayPolicy = definePolicy({
  name: 'workshops-day',
  rules: [
    allow('coordinator', 'workshop.day'),
    ...memberRoles.map((r) => allow(r, 'workshop.day')),
    allow('coordinator', 'workshop.roster'),
    ...memberRoles.map((r) => allow<SessionSubject>(r, 'workshop.roster', runs)),
    ...memberRoles.map((r) => allow<SessionSubject>(r, 'workshop.debrief.write', trains)),
    allow('coordinator', 'workshop.debrief.read'),
    ...memberRoles.map((r) => allow<SessionSubject>(r, 'workshop.debrief.read', runs)),
  ],
});

export { inConsortium, runs, trains };
export type { ProgrammeSubject, SessionSubject };

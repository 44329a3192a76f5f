import { allow, definePolicy } from '../../../platform/authz/index.ts';
import { memberRoles, runs, type SessionSubject } from '../day/day.policy.ts';

/**
 * Participants' feedback. Anyone may answer through a session's public link (no account: the route is public and
 * there is no rule for it). A signed-in helper, a trainer of the session or a coordinator may fill it in with the
 * person (marked as assisted); the session's trainers, consortium members and coordinators type paper answers
 * (marked as paper) and read the answers.
 */
export const feedbackPolicy = definePolicy({
  name: 'workshops-feedback',
  rules: [
    allow('coordinator', 'workshop.feedback.assist'),
    allow('helper', 'workshop.feedback.assist'),
    ...memberRoles.filter((r) => r !== 'helper').map((r) => allow<SessionSubject>(r, 'workshop.feedback.assist', runs)),
    allow('coordinator', 'workshop.feedback.enter'),
    ...memberRoles.map((r) => allow<SessionSubject>(r, 'workshop.feedback.enter', runs)),
    allow('coordinator', 'workshop.feedback.read'),
    ...memberRoles.map((r) => allow<SessionSubject>(r, 'workshop.feedback.read', runs)),
  ],
});

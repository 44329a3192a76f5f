import { allow, definePolicy } from '../../../platform/authz/index.ts';
import { inConsortium, memberRoles, type ProgrammeSubject } from '../day/day.policy.ts';

/**
 * Co-construction and reporting belong to those who steer a programme: coordinators (the role) for every programme,
 * members of its consortium's organisations for theirs. Administrators read the funder report.
 */
export const reportingPolicy = definePolicy({
  name: 'workshops-reporting',
  rules: [
    allow('coordinator', 'workshop.coconstruction'),
    ...memberRoles.map((r) => allow<ProgrammeSubject>(r, 'workshop.coconstruction', inConsortium)),
    allow('coordinator', 'workshop.report'),
    allow('administrator', 'workshop.report'),
    ...memberRoles.map((r) => allow<ProgrammeSubject>(r, 'workshop.report', inConsortium)),
  ],
});

import { allow, definePolicy } from '../../platform/authz/index.ts';

/** Coordinators and administrators make teams, bring helpers in and end their membership. */
export const teamsPolicy = definePolicy({
  name: 'teams',
  rules: [allow('coordinator', 'team.manage'), allow('administrator', 'team.manage')],
});

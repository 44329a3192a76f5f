import { allow, definePolicy } from '../../platform/authz/index.ts';

export const auditPolicy = definePolicy({
  name: 'audit',
  rules: [allow('administrator', 'audit.search')],
});

import { allow, definePolicy } from '../../platform/authz/index.ts';

export const outboxPolicy = definePolicy({
  name: 'outbox',
  rules: [allow('administrator', 'outbox.view')],
});

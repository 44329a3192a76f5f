import { allow, definePolicy } from '../../platform/authz/index.ts';

export const apiTokensPolicy = definePolicy({
  name: 'api-tokens',
  rules: [allow('administrator', 'apiToken.manage')],
});

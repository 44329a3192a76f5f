import { allow, definePolicy } from '../../platform/authz/index.ts';

export const sitePolicy = definePolicy({
  name: 'site',
  rules: [allow('administrator', 'metrics.read')],
  scopes: { 'metrics.read': 'metrics:read' },
});

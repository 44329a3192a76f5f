export { demoAccounts, demoOrganisations } from '../../src/cli/seed.ts';
export { demoPassword } from '../../src/modules/accounts/index.ts';

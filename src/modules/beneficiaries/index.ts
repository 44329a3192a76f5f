import './beneficiaries.policy.ts';

export { beneficiaryRoutes } from './beneficiaries.routes.tsx';
export { beneficiariesPolicy, type FileSubject } from './beneficiaries.policy.ts';
export { findBeneficiaries, findBeneficiary, followingOrganisations, type Beneficiary } from './beneficiaries.queries.ts';
export { createBeneficiary, eraseBeneficiary, eraseBeneficiary as anonymiseBeneficiary, purgeInactiveBeneficiaries } from './beneficiaries.commands.ts';
export { activeCategories, mandateState, type MandateState } from './mandates.states.ts';
export { seedBeneficiariesDemo } from './beneficiaries.demo.ts';
export { runBeneficiaryPurge } from './beneficiaries.purge.ts';

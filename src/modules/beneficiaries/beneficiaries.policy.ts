import { allow, definePolicy, type Membership } from '../../platform/authz/index.ts';
import type { Province } from '../../territory/index.ts';

/** What the rules need to know about a followed person's file: the structure that follows them, and its province. */
export type FileSubject = { organisationId: string; province: Province };

/** A member of the following structure: a helper, or a coordinator of that structure whose scope covers it. */
const helperOfIt = (m: Membership, s: FileSubject) => m.organisationId === s.organisationId;
const coordinatorOfIt = (m: Membership, s: FileSubject) => m.organisationId === s.organisationId && (m.scopeProvince === null || m.scopeProvince === s.province);

/** Every action on a file or its mandates: the same people, the members of the following structure. */
export const beneficiaryActions = [
  'beneficiary.list',
  'beneficiary.read',
  'beneficiary.create',
  'beneficiary.update',
  'beneficiary.merge',
  'beneficiary.export',
  'beneficiary.erase',
  'mandate.manage',
  'mandate.use',
] as const;

/**
 * Files of followed people are sensitive: only the members of the structure that follows the person see them
 * (its helpers, and its coordinators within their province). Nobody else — not administrators, not the
 * government's coordinators, not API tokens: the statistics they need are anonymous.
 */
export const beneficiariesPolicy = definePolicy({
  name: 'beneficiaries',
  rules: beneficiaryActions.flatMap((action) => [allow<FileSubject>('helper', action, helperOfIt), allow<FileSubject>('coordinator', action, coordinatorOfIt)]),
});

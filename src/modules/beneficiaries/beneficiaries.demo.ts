import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../platform/authz/index.ts';
import { communeByName, type Province } from '../../territory/index.ts';
import { createBeneficiary } from './beneficiaries.commands.ts';
import { currentFollowConsentVersion } from './beneficiaries.consent.ts';
import type { BeneficiaryFields } from './beneficiaries.forms.ts';
import { findBeneficiary } from './beneficiaries.queries.ts';
import { createMandate } from './mandates.commands.ts';

/** Invented people (no real person): four followed by the OPT agency of Koné, two of whom look like one person. */
const people: (Omit<BeneficiaryFields, 'communeCode'> & { commune: string })[] = [
  { firstName: 'Marie-Josée', lastName: 'Wéma', phone: '+687751234', noPhone: false, birthYear: 1952, commune: 'Koné', gender: 'female', status: 'retired' },
  { firstName: 'Marie-Josee', lastName: 'Wema', phone: null, noPhone: true, birthYear: 1952, commune: 'Koné', gender: 'female', status: 'retired' },
  { firstName: 'Jean-Baptiste', lastName: 'Poiwi', phone: '+687789012', noPhone: false, birthYear: 1987, commune: 'Pouembout', gender: 'male', status: 'unemployed' },
  { firstName: 'Sonia', lastName: 'Tidjine', phone: null, noPhone: true, birthYear: 2001, commune: 'Koné', gender: 'not_communicated', status: 'not_communicated' },
];

/**
 * Demonstration files for the demo helper of OPT Koné, created through the same command as the form (consent
 * text stored, audit written), and one active mandate (papers and social, six months, given in person).
 */
export async function seedBeneficiariesDemo(tx: Executor, options: { helper: Actor & { kind: 'person' }; organisationId: string; organisationName: string; province: Province }): Promise<void> {
  const subject = { organisationId: options.organisationId, province: options.province };
  const ids: string[] = [];
  for (const p of people) {
    const communeCode = communeByName(p.commune)?.code;
    if (!communeCode) throw new Error(`seed: unknown commune ${p.commune}`);
    const { commune: _commune, ...fields } = p;
    const created = await createBeneficiary(tx, options.helper, subject, { ...fields, communeCode, consentVersion: currentFollowConsentVersion });
    ids.push(created.id);
  }
  const first = await findBeneficiary(tx, ids[2] ?? '');
  if (first) {
    const mandate = await createMandate(tx, options.helper, subject, first, options.organisationName, { categories: ['papers', 'social'], duration: 'six_months', consentMethod: 'in_person', agreed: true }, null);
    if (!mandate.ok) throw new Error(`seed: mandate: ${mandate.error}`);
  }
}

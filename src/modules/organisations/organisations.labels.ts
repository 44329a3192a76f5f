import type { OrganisationKind } from './organisations.schema.ts';

export const organisationKindLabels = {
  government_unit: 'Service numérique du gouvernement',
  opt_agency: 'Agence OPT / Point Conseil Numérique',
  place_operator: 'Gestionnaire de lieu (EPN, médiathèque, commune, province)',
  partner: 'Partenaire (CAFAT, Enercal…)',
  association: 'Association',
  donor_company: 'Entreprise donatrice',
  refurbisher: 'Reconditionneur',
  consortium: 'Consortium de programme',
} as const satisfies Record<OrganisationKind, string>;

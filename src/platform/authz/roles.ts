/** Roles a person holds through a membership of an organisation. */
export const roles = [
  'administrator',
  'coordinator',
  'place_manager',
  'helper',
  'partner_referent',
  'refurbisher_operator',
  'association_contact',
  'donor_contact',
] as const;
export type Role = (typeof roles)[number];

export const roleLabels = {
  administrator: 'Administrateur',
  coordinator: 'Coordinateur',
  place_manager: 'Responsable de lieu',
  helper: 'Aidant, conseiller ou animateur numérique',
  partner_referent: 'Référent partenaire',
  refurbisher_operator: 'Opérateur de reconditionnement',
  association_contact: 'Contact d’association',
  donor_contact: 'Contact d’entreprise donatrice',
} as const satisfies Record<Role, string>;

/**
 * Roles that can see sensitive data (disability, health, people followed): their accounts must use a second factor.
 * Kept here, next to the roles, so that adding a role forces the question.
 */
export const rolesRequiringSecondFactor = {
  administrator: true,
  coordinator: true,
  place_manager: false,
  helper: true,
  partner_referent: false,
  refurbisher_operator: false,
  association_contact: false,
  donor_contact: false,
} as const satisfies Record<Role, boolean>;

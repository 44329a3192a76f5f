import './organisations.policy.ts';

export { organisationRoutes } from './organisations.routes.tsx';
export { createOrganisation, updateOrganisation, endMembership } from './organisations.commands.ts';
export { listOrganisations, findOrganisation, organisationByName, activeMembersOf, activeMembership, holdsRole, keptRoles } from './organisations.queries.ts';
export { organisationKinds, type OrganisationKind } from './organisations.schema.ts';
export { organisationKindLabels } from './organisations.labels.ts';
export { normaliseRidet, organisationFields, type OrganisationFields } from './organisations.forms.ts';

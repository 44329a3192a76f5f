import './catalogue.policy.ts';

export { catalogueRoutes } from './catalogue.routes.tsx';
export { activeProceduresByPartner, procedureIdsOf, procedureNames, partnersKeptBy, partnersWithProcedures, type PartnerCatalogue } from './catalogue.queries.ts';
export { createProcedure, updateProcedure, removeProcedure } from './catalogue.commands.ts';
export { seedCatalogueDemo, demoCatalogue } from './catalogue.demo.ts';
export { referentOrganisations } from './catalogue.policy.ts';

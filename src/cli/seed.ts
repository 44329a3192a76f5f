import { readFileSync } from 'node:fs';
import { count } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Executor } from '../db/client.ts';
import { rolesRequiringSecondFactor, type Role } from '../platform/authz/index.ts';
import { createAccount, demoPassword, invitePerson, membershipsOf, newTotpSecret, userByEmail } from '../modules/accounts/index.ts';
import { createOrganisation, type OrganisationKind } from '../modules/organisations/index.ts';
import { organisations } from '../modules/organisations/organisations.schema.ts';
import { applyImport, demoPlacesFile, placesOfOrganisation, planImport } from '../modules/places/index.ts';
import { seedCaseLabelDemo } from '../modules/case-label/index.ts';
import { seedCatalogueDemo } from '../modules/activities/catalogue/index.ts';
import { seedTeamsDemo } from '../modules/teams/index.ts';
import { localDay } from '../platform/format.ts';
import { seedWorkshopsDemo } from '../modules/workshops/index.ts';
import { seedWorkshopDayDemo } from '../modules/workshops/day/index.ts';
import { seedAppointmentsDemo } from '../modules/appointments/index.ts';
import { seedBeneficiariesDemo } from '../modules/beneficiaries/index.ts';
import { seedActivitiesDemo } from '../modules/activities/index.ts';
import { communeByName, type Province } from '../territory/index.ts';

export async function isEmptyDatabase(db: Executor): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(organisations);
  return (row?.n ?? 0) === 0;
}

/** Communes are given by name (read back through communes.csv), so that a wrong code cannot slip in. */
type DemoOrganisation = { key: string; name: string; kind: OrganisationKind; commune: string; ridet?: string };

/** Organisations named in PRODUCT.md: the six OPT agencies of the PCN pilot, the partners, Numé-Raï's consortium… */
export const demoOrganisations: DemoOrganisation[] = [
  { key: 'dinum', name: 'Direction du numérique et de la modernisation (gouvernement)', kind: 'government_unit', commune: 'Nouméa' },
  { key: 'opt-tontouta', name: 'Agence OPT de Tontouta (Païta)', kind: 'opt_agency', commune: 'Païta' },
  { key: 'opt-koumac', name: 'Agence OPT de Koumac', kind: 'opt_agency', commune: 'Koumac' },
  { key: 'opt-bourail', name: 'Agence OPT de Bourail', kind: 'opt_agency', commune: 'Bourail' },
  { key: 'opt-yate', name: 'Agence OPT de Yaté', kind: 'opt_agency', commune: 'Yaté' },
  { key: 'opt-kone', name: 'Agence OPT de Koné', kind: 'opt_agency', commune: 'Koné' },
  { key: 'opt-tadine', name: 'Agence OPT de Tadine (Maré)', kind: 'opt_agency', commune: 'Maré' },
  { key: 'province-sud', name: 'Province Sud', kind: 'place_operator', commune: 'Nouméa' },
  { key: 'cafat', name: 'CAFAT (Caisse de compensation des prestations familiales, des accidents du travail et de prévoyance)', kind: 'partner', commune: 'Nouméa' },
  { key: 'enercal', name: 'Enercal', kind: 'partner', commune: 'Nouméa' },
  { key: 'eec', name: 'EEC (Électricité et eau de Calédonie)', kind: 'partner', commune: 'Nouméa' },
  { key: 'cde', name: 'Calédonienne des eaux', kind: 'partner', commune: 'Nouméa' },
  { key: 'sic', name: 'SIC (Société immobilière de Nouvelle-Calédonie)', kind: 'partner', commune: 'Nouméa' },
  { key: 'dfp', name: 'Direction des finances publiques', kind: 'partner', commune: 'Nouméa' },
  { key: 'open-nc', name: 'OPEN NC', kind: 'association', commune: 'Nouméa' },
  { key: 'collectif-handicaps', name: 'Collectif Handicaps', kind: 'association', commune: 'Nouméa' },
  { key: 'numerai', name: 'Consortium Numé-Raï', kind: 'consortium', commune: 'Nouméa' },
  { key: 'reconditionneur', name: 'Atelier Seconde Vie Numérique (démonstration)', kind: 'refurbisher', commune: 'Dumbéa', ridet: '1000001.001' },
  { key: 'donateur', name: 'Pacifique Bureautique (démonstration)', kind: 'donor_company', commune: 'Nouméa', ridet: '1000002.001' },
  { key: 'asso-kone', name: 'Association Lire et Relier, Koné (démonstration)', kind: 'association', commune: 'Koné' },
  { key: 'asso-lifou', name: 'Association Wetr Numérique, Lifou (démonstration)', kind: 'association', commune: 'Lifou' },
  { key: 'mairie-bourail', name: 'Commune de Bourail', kind: 'place_operator', commune: 'Bourail' },
];

type DemoAccount = { email: string; name: string; memberships: { org: string; role: Role; scopeProvince?: Province }[] };

/** One account per role, each in a believable organisation. */
export const demoAccounts: DemoAccount[] = [
  { email: 'administrateur@demo.relais.nc', name: 'Sophie Martin', memberships: [{ org: 'dinum', role: 'administrator' }] },
  { email: 'coordinateur@demo.relais.nc', name: 'Paul Néa', memberships: [{ org: 'dinum', role: 'coordinator' }] },
  { email: 'responsable-lieu@demo.relais.nc', name: 'Léa Wenisso', memberships: [{ org: 'mairie-bourail', role: 'place_manager' }] },
  { email: 'aidant@demo.relais.nc', name: 'Henri Poadja', memberships: [{ org: 'opt-kone', role: 'helper' }] },
  { email: 'referent@demo.relais.nc', name: 'Nadia Tui', memberships: [{ org: 'cafat', role: 'partner_referent' }] },
  { email: 'reconditionneur@demo.relais.nc', name: 'Marc Dupuy', memberships: [{ org: 'reconditionneur', role: 'refurbisher_operator' }] },
  { email: 'association@demo.relais.nc', name: 'Alice Hnawia', memberships: [{ org: 'asso-kone', role: 'association_contact' }] },
  { email: 'donateur@demo.relais.nc', name: 'Thomas Leroy', memberships: [{ org: 'donateur', role: 'donor_contact' }] },
  { email: 'formateur@demo.relais.nc', name: 'Julie Wahnyamalla', memberships: [{ org: 'open-nc', role: 'helper' }] },
];

/**
 * Fills a new database with demonstration data, in one transaction: organisations and one account per role.
 * Accounts whose role requires a second factor get one (with a random secret), so that the real sign-in works.
 */
export async function seedDemo(db: Executor, logger?: Logger, options: { baseUrl: string } = { baseUrl: 'http://localhost:3000' }): Promise<void> {
  await db.transaction(async (tx) => {
    const ids = new Map<string, string>();
    for (const o of demoOrganisations) {
      const commune = communeByName(o.commune);
      if (!commune) throw new Error(`seed: unknown commune ${o.commune}`);
      const created = await createOrganisation(tx, null, { name: o.name, kind: o.kind, communeCode: commune.code, ridet: o.ridet ?? null });
      if (!created.ok) throw new Error(`seed: ${o.name}: ${created.error}`);
      ids.set(o.key, created.value.id);
    }
    for (const a of demoAccounts) {
      const created = await createAccount(tx, null, {
        email: a.email,
        name: a.name,
        password: demoPassword,
        isDemo: true,
        totpSecret: a.memberships.some((m) => rolesRequiringSecondFactor[m.role]) ? newTotpSecret() : undefined,
        memberships: a.memberships.map((m) => {
          const organisationId = ids.get(m.org);
          if (!organisationId) throw new Error(`seed: unknown organisation ${m.org}`);
          return { organisationId, role: m.role, scopeProvince: m.scopeProvince ?? null };
        }),
      });
      if (!created.ok) throw new Error(`seed: ${a.email}: ${created.error}`);
    }
    // The 92 real places of the 2023–2024 collection; the Commune de Bourail manages Bourail's (the demo place
    // manager's), the Province Sud its own espaces connectés.
    const plan = await planImport(tx, readFileSync(demoPlacesFile, 'utf8'), demoPlacesFile);
    const bourail = communeByName('Bourail')?.code;
    const imported = await applyImport(tx, null, plan, {
      managedBy: ({ fields }) => {
        if (fields.communeCode === bourail) return ids.get('mairie-bourail') ?? null;
        if (/^province sud$/i.test(fields.parentStructure ?? '')) return ids.get('province-sud') ?? null;
        return null;
      },
    });
    if (!imported.ok) throw new Error(`seed: places: ${imported.error}`);
    // The Case numérique label: one Bourail place labelled, another with an application waiting for review.
    const bourailPlaces = await placesOfOrganisation(tx, ids.get('mairie-bourail') ?? '');
    const manager = await userByEmail(tx, 'responsable-lieu@demo.relais.nc');
    const [labelled, pending] = bourailPlaces;
    if (labelled && pending && manager) {
      await seedCaseLabelDemo(tx, { labelledPlaceId: labelled.id, pendingPlaceId: pending.id, applicant: { userId: manager.id, name: manager.name, email: manager.email } });
    }
    // The partners' catalogue of procedures (before any activity names one), and a team followed by the coordinator.
    await seedCatalogueDemo(tx);
    await seedTeamsDemo(tx, localDay(new Date()));
    // Followed people (with consent) of the demo helper at OPT Koné, one active mandate, one possible duplicate.
    const helper = await userByEmail(tx, 'aidant@demo.relais.nc');
    const kone = ids.get('opt-kone');
    if (helper && kone) {
      const helperActor = { kind: 'person' as const, userId: helper.id, name: helper.name, email: helper.email, memberships: await membershipsOf(tx, helper.id) };
      await seedBeneficiariesDemo(tx, { helper: helperActor, organisationId: kone, organisationName: 'Agence OPT de Koné', province: 'nord' });
    }
    // Appointments at the six OPT agencies' Points Conseil Numérique; a few today at OPT Koné.
    await seedAppointmentsDemo(tx);
    // About 1 500 activity records over the last year (until yesterday): the demo helper's, and five other structures'.
    await seedActivitiesDemo(tx);
    // Numé-Raï: the programme, its 30 sessions in nine communes, registrations on the sessions already held.
    const trainer = await userByEmail(tx, 'formateur@demo.relais.nc');
    const openNc = ids.get('open-nc');
    const collectif = ids.get('collectif-handicaps');
    if (openNc && collectif) {
      const numerai = await seedWorkshopsDemo(tx, { openNcId: openNc, collectifId: collectif, trainerUserId: trainer?.id ?? null });
      const coordinator = await userByEmail(tx, 'coordinateur@demo.relais.nc');
      if (trainer) await seedWorkshopDayDemo(tx, { programmeId: numerai.programmeId, trainerUserId: trainer.id, coordinatorUserId: coordinator?.id ?? null });
    }
    // A pending invitation, so that the outbox and the invitation page have something real to show.
    const admin = await userByEmail(tx, 'administrateur@demo.relais.nc');
    const koumac = ids.get('opt-koumac');
    if (admin && koumac) {
      const actor = { kind: 'person' as const, userId: admin.id, name: admin.name, email: admin.email, memberships: await membershipsOf(tx, admin.id) };
      await invitePerson(tx, actor, { email: 'nouvelle.aidante@demo.relais.nc', organisationId: koumac, role: 'helper', scopeProvince: null }, { baseUrl: options.baseUrl });
    }
  });
  logger?.info({ organisations: demoOrganisations.length, accounts: demoAccounts.length, places: 92 }, 'demonstration data seeded');
}

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../../db/schema.ts';
import { testApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { organisationByName } from '../../organisations/index.ts';
import { procedures } from '../activities.schema.ts';
import { individualRecord, insertRecord } from '../statistics/statistics.fixtures.ts';
import { userByEmail } from '../../accounts/index.ts';
import { activeProceduresByPartner } from './catalogue.queries.ts';

const referent = 'referent@demo.relais.nc';
const coordinator = 'coordinateur@demo.relais.nc';
const helper = 'aidant@demo.relais.nc';
const cafatName = 'CAFAT (Caisse de compensation des prestations familiales, des accidents du travail et de prévoyance)';

describe('partner procedure catalogue pages', () => {
  let t: TestApp;
  let cafatId: string;
  let eecId: string;

  before(async () => {
    t = await testApp({ seed: true });
    const cafat = await organisationByName(t.database.db, cafatName);
    const eec = await organisationByName(t.database.db, 'EEC (Électricité et eau de Calédonie)');
    assert.ok(cafat && eec);
    cafatId = cafat.id;
    eecId = eec.id;
  });
  after(() => t.close());

  const named = async (partnerId: string, name: string) => (await t.database.db.select().from(procedures).where(and(eq(procedures.partnerOrganisationId, partnerId), eq(procedures.name, name))))[0];

  it('sends anonymous visitors to sign in and refuses helpers', async () => {
    assert.equal((await t.request('/catalogue-demarches')).status, 303);
    assert.equal((await t.request('/catalogue-demarches', { cookie: await t.cookieFor(helper) })).status, 403);
  });

  it('shows a référent their partner’s procedures only', async () => {
    const html = await (await t.request('/catalogue-demarches', { cookie: await t.cookieFor(referent) })).text();
    assert.match(html, /Déclaration de ressources/);
    assert.doesNotMatch(html, /Déclaration de revenus en ligne/);
    assert.doesNotMatch(html, /EEC \(Électricité/);
  });

  it('lets a référent add a procedure to their own catalogue, never to another partner’s', async () => {
    const cookie = await t.cookieFor(referent);
    const form = await (await t.request('/catalogue-demarches/nouvelle', { cookie })).text();
    assert.match(form, /Partenaire : <strong>CAFAT/);
    const res = await t.request('/catalogue-demarches/nouvelle', { cookie, form: { partnerOrganisationId: cafatId, name: 'Changement d’adresse', description: '', position: '60', active: 'oui' } });
    assert.equal(res.status, 303);
    assert.ok(await named(cafatId, 'Changement d’adresse'));
    const forged = await t.request('/catalogue-demarches/nouvelle', { cookie, form: { partnerOrganisationId: eecId, name: 'Démarche glissée', description: '', position: '10', active: 'oui' } });
    assert.equal(forged.status, 422);
    assert.equal(await named(eecId, 'Démarche glissée'), undefined);
  });

  it('answers 422 with French messages, keeping the input, for a missing name or a name already used', async () => {
    const cookie = await t.cookieFor(referent);
    const empty = await t.request('/catalogue-demarches/nouvelle', { cookie, form: { partnerOrganisationId: cafatId, name: ' ', description: 'Texte gardé', position: 'dix', active: 'oui' } });
    assert.equal(empty.status, 422);
    const html = await empty.text();
    assert.match(html, /<title>Erreur : /);
    assert.match(html, /Entrez le nom de la démarche/);
    assert.match(html, /Entrez un numéro d’ordre, par exemple 10/);
    assert.match(html, /Texte gardé/);
    const twice = await t.request('/catalogue-demarches/nouvelle', { cookie, form: { partnerOrganisationId: cafatId, name: 'déclaration de ressources', description: '', position: '10', active: 'oui' } });
    assert.equal(twice.status, 422);
    assert.match(await twice.text(), /a déjà une démarche de ce nom/);
  });

  it('answers 404 when a référent opens another partner’s procedure', async () => {
    const eec = await named(eecId, 'Mensualisation');
    assert.ok(eec);
    const cookie = await t.cookieFor(referent);
    assert.equal((await t.request(`/catalogue-demarches/${eec.id}/modifier`, { cookie })).status, 404);
    assert.equal((await t.request(`/catalogue-demarches/${eec.id}/retirer`, { cookie, form: {} })).status, 404);
    assert.equal((await named(eecId, 'Mensualisation'))?.active, true);
  });

  it('retires a used procedure (kept for its records) and deletes an unused one, after a confirmation page', async () => {
    const cookie = await t.cookieFor(referent);
    const used = await named(cafatId, 'Demande de carte CAFAT');
    const unused = await named(cafatId, 'Changement d’adresse');
    assert.ok(used && unused);
    const kone = await organisationByName(t.database.db, 'Agence OPT de Koné');
    const henri = await userByEmail(t.database.db, helper);
    assert.ok(kone && henri);
    await insertRecord(t.database.db, individualRecord({ organisationId: kone.id, partnerId: cafatId, helpers: [henri.id], procedures: [], people: [] }, { procedureId: used.id }));
    const confirm = await (await t.request(`/catalogue-demarches/${used.id}/retirer`, { cookie })).text();
    assert.match(confirm, /elle restera dans les accompagnements passés/);
    assert.equal((await t.request(`/catalogue-demarches/${used.id}/retirer`, { cookie, form: {} })).status, 303);
    assert.equal((await named(cafatId, 'Demande de carte CAFAT'))?.active, false);
    assert.match(await (await t.request(`/catalogue-demarches/${unused.id}/retirer`, { cookie })).text(), /elle sera supprimée du catalogue/);
    assert.equal((await t.request(`/catalogue-demarches/${unused.id}/retirer`, { cookie, form: {} })).status, 303);
    assert.equal(await named(cafatId, 'Changement d’adresse'), undefined);
    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'procedure.retire'));
    assert.equal(audit.length, 1);
    // The recording form's list leaves the retired procedure out.
    const cafat = (await activeProceduresByPartner(t.database.db)).find((g) => g.partnerId === cafatId);
    assert.ok(cafat && !cafat.procedures.some((p) => p.name === 'Demande de carte CAFAT'));
  });

  it('lets a coordinator add a procedure for any partner, the Province Sud included', async () => {
    const cookie = await t.cookieFor(coordinator);
    const form = await (await t.request('/catalogue-demarches/nouvelle', { cookie })).text();
    assert.match(form, /<option value="[0-9a-f-]{36}">Province Sud<\/option>/);
    const res = await t.request('/catalogue-demarches/nouvelle', { cookie, form: { partnerOrganisationId: eecId, name: 'Coupure programmée', description: '', position: '90', active: 'oui' } });
    assert.equal(res.status, 303);
    assert.ok(await named(eecId, 'Coupure programmée'));
  });
});

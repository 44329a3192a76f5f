import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import readXlsxFile from 'read-excel-file/node';
import { testApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { newId } from '../../../platform/ids.ts';
import { communeByName } from '../../../territory/index.ts';
import { createAccount, demoPassword } from '../../accounts/index.ts';
import { organisationByName } from '../../organisations/index.ts';
import { procedures } from '../activities.schema.ts';
import { individualRecord, insertRecord, type Fixture } from './statistics.fixtures.ts';

const coordinator = 'coordinateur@demo.relais.nc';
const referent = 'referent@demo.relais.nc';
const manager = 'responsable-lieu@demo.relais.nc';
const helperEmail = 'aidante.stats@test.nc';
const cafatName = 'CAFAT (Caisse de compensation des prestations familiales, des accidents du travail et de prévoyance)';
// A year the demo data never reaches: these stories count only their own records.
const year = '?du=2019-01-01&au=2019-12-31';

/** The text of a table row whose header cell is `label`. */
function rowText(html: string, label: string): string {
  const at = html.indexOf(`>${label}</th>`);
  return at === -1 ? '' : html.slice(at, html.indexOf('</tr>', at)).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe('statistics pages', () => {
  let t: TestApp;
  let f: Fixture;
  let helperId: string;
  let cafatProcedure: { id: string; name: string };
  let eecProcedure: { id: string; name: string };
  let eecId: string;

  before(async () => {
    t = await testApp({ seed: true });
    const db = t.database.db;
    const kone = await organisationByName(db, 'Agence OPT de Koné');
    const cafat = await organisationByName(db, cafatName);
    const eec = await organisationByName(db, 'EEC (Électricité et eau de Calédonie)');
    assert.ok(kone && cafat && eec);
    eecId = eec.id;
    const created = await createAccount(db, null, { email: helperEmail, name: 'Aidante Statistiques', password: demoPassword, memberships: [{ organisationId: kone.id, role: 'helper' }] });
    assert.ok(created.ok);
    helperId = created.value.userId;
    const [c] = await db.select({ id: procedures.id, name: procedures.name }).from(procedures).where(eq(procedures.partnerOrganisationId, cafat.id)).limit(1);
    const [e] = await db.select({ id: procedures.id, name: procedures.name }).from(procedures).where(eq(procedures.partnerOrganisationId, eec.id)).limit(1);
    assert.ok(c && e);
    cafatProcedure = c;
    eecProcedure = e;
    f = { organisationId: kone.id, partnerId: cafat.id, helpers: [helperId], procedures: [c.id], people: [] };
    const koné = communeByName('Koné')?.code ?? null;
    // Three people helped in Koné in March 2019: two for a CAFAT procedure, one for an EEC procedure.
    await insertRecord(db, individualRecord(f, { date: '2019-03-10', communeCode: koné, procedureId: c.id, procedureOutcome: 'completed' }));
    await insertRecord(db, individualRecord(f, { date: '2019-03-20', communeCode: koné, procedureId: c.id, procedureOutcome: 'to_continue' }));
    await insertRecord(db, individualRecord(f, { date: '2019-03-28', communeCode: koné, procedureId: e.id }));
    // A workshop of 10 in Koné in May 2019.
    await insertRecord(db, { ...individualRecord(f, { date: '2019-05-07', communeCode: koné }), id: newId(), kind: 'workshop', title: 'Premiers pas', anonymousParticipants: 10, participantCount: 10 });
  });
  after(() => t.close());

  it('sends anonymous visitors to sign in, and refuses people without a statistics role', async () => {
    const res = await t.request('/statistiques');
    assert.equal(res.status, 303);
    assert.match(res.headers.get('location') ?? '', /^\/connexion/);
    assert.equal((await t.request('/statistiques', { cookie: await t.cookieFor(manager) })).status, 403);
    assert.equal((await t.request('/statistiques/export.xlsx', { cookie: await t.cookieFor(manager) })).status, 403);
  });

  it('shows a helper their own records, a workshop of 10 counting for 10 accompaniments, small counts not hidden', async () => {
    const res = await t.request(`/statistiques${year}`, { cookie: await t.cookieFor(helperEmail) });
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<h1>Mes statistiques<\/h1>/);
    assert.match(html, /Accompagnements<\/dt><dd class="r-summary-list__value"><strong>13<\/strong>/);
    assert.match(html, /Fiches d’activité<\/dt><dd class="r-summary-list__value"><strong>4<\/strong>/);
    assert.match(html, /un atelier de 10 personnes compte pour 10 accompagnements/);
    assert.match(rowText(html, 'Koné'), /Koné 13 4/);
    assert.doesNotMatch(html, /Petits nombres cachés/);
  });

  it('refuses a helper the network and team views', async () => {
    const cookie = await t.cookieFor(helperEmail);
    assert.equal((await t.request('/statistiques?vue=reseau', { cookie })).status, 403);
    assert.equal((await t.request('/statistiques?vue=equipe', { cookie })).status, 403);
  });

  it('hides small counts of the communes in the network view', async () => {
    const html = await (await t.request(`/statistiques${year}&vue=reseau&type=individuel`, { cookie: await t.cookieFor(coordinator) })).text();
    assert.match(html, /Petits nombres cachés/);
    assert.match(rowText(html, 'Koné'), /Koné &lt; 5/);
    assert.doesNotMatch(rowText(html, 'Koné'), /Koné 3/);
  });

  it('shows a partner référent only its own procedures, and answers 404 for another partner’s', async () => {
    const cookie = await t.cookieFor(referent);
    const html = await (await t.request(`/statistiques${year}`, { cookie })).text();
    assert.match(html, /Statistiques des démarches : CAFAT/);
    assert.ok(html.includes(cafatProcedure.name), 'the CAFAT procedure is listed');
    assert.ok(!html.includes(`${eecProcedure.name} (EEC`), 'the EEC procedure is not');
    assert.match(html, /Accompagnements<\/dt><dd class="r-summary-list__value"><strong>2<\/strong>/);
    assert.equal((await t.request(`/statistiques?vue=partenaire&partenaire=${eecId}`, { cookie })).status, 404);
    assert.equal((await t.request('/statistiques?vue=reseau', { cookie })).status, 403);
  });

  it('counts a record for a team only when its helper was a member on its date, past members included', async () => {
    const cookie = await t.cookieFor(coordinator);
    const created = await t.request('/equipes/nouvelle', { cookie, form: { name: 'Équipe des tests de statistiques', description: '' } });
    assert.equal(created.status, 303);
    const teamId = (created.headers.get('location') ?? '').split('/').pop() ?? '';
    assert.equal((await t.request(`/equipes/${teamId}/membres`, { cookie, form: { userId: helperId, startsOn: '15/03/2019' } })).status, 303);
    const during = await (await t.request(`/statistiques${year}&vue=equipe&equipe=${teamId}`, { cookie })).text();
    // From 15 March: the records of the 20th and 28th of March and the workshop of May.
    assert.match(during, /Fiches d’activité<\/dt><dd class="r-summary-list__value"><strong>3<\/strong>/);
    const page = await (await t.request(`/equipes/${teamId}`, { cookie })).text();
    const membershipId = /\/membres\/([0-9a-f-]{36})\/fin/.exec(page)?.[1] ?? '';
    assert.equal((await t.request(`/equipes/${teamId}/membres/${membershipId}/fin`, { cookie, form: { endsOn: '2019-03-25' } })).status, 303);
    const afterLeaving = await (await t.request(`/statistiques${year}&vue=equipe&equipe=${teamId}`, { cookie })).text();
    // Only the record of the 20th: she had left by the 28th.
    assert.match(afterLeaving, /Fiches d’activité<\/dt><dd class="r-summary-list__value"><strong>1<\/strong>/);
    assert.equal((await t.request(`/statistiques?vue=equipe&equipe=${newId()}`, { cookie })).status, 404);
  });

  it('exports the same figures to XLSX, with the filters used written at the top', async () => {
    const res = await t.request(`/statistiques/export.xlsx${year}&vue=reseau&type=individuel`, { cookie: await t.cookieFor(coordinator) });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /spreadsheetml/);
    const sheets = await readXlsxFile(Buffer.from(await res.arrayBuffer()));
    const summary = sheets.find((s) => s.sheet === 'Résumé')?.data ?? [];
    const lines = summary.map((row) => row[0]);
    assert.ok(lines.includes('Période : du 01/01/2019 au 31/12/2019.'));
    assert.ok(lines.includes('Type de fiche : Accompagnement individuel.'));
    assert.deepEqual(summary.find((row) => row[0] === 'Accompagnements')?.slice(0, 2), ['Accompagnements', 3]);
    const communes = sheets.find((s) => s.sheet === 'Par commune')?.data ?? [];
    assert.deepEqual(communes.find((row) => row[0] === 'Koné')?.slice(0, 2), ['Koné', '< 5']);
  });
});

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, like } from 'drizzle-orm';
import { auditEvents, outboxMessages } from '../../db/schema.ts';
import { newId } from '../../platform/ids.ts';
import { localDay } from '../../platform/format.ts';
import { communeByName } from '../../territory/index.ts';
import { testApp, type TestApp } from '../../../tests/support/test-app.ts';
import { createAccount, demoPassword } from '../accounts/index.ts';
import { createOrganisation, organisationByName } from '../organisations/index.ts';
import { places } from '../places/places.schema.ts';
import { defaultExpiry } from './case-label.forms.ts';
import { caseLabelOf, labelledPlaceIds, listCriteria } from './case-label.queries.ts';
import { labelApplications, labelComments, labelEvidence, labelFiles } from './case-label.schema.ts';

const manager = 'responsable-lieu@demo.relais.nc';
const coordinator = 'coordinateur@demo.relais.nc';
const helper = 'aidant@demo.relais.nc';
const otherManager = 'autre-lieu@test.nc';

const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n');

describe('Case numérique label pages', () => {
  let t: TestApp;
  let dataDir: string;
  let placeId: string;
  let secondPlaceId: string;
  let applicationId: string;
  let fileId: string;

  async function addPlace(name: string, organisation: string): Promise<string> {
    const org = await organisationByName(t.database.db, organisation);
    const commune = communeByName('Bourail');
    assert.ok(org && commune);
    const id = newId();
    await t.database.db.insert(places).values({ id, name, communeCode: commune.code, province: commune.province, postcode: '98870', address: '12 rue Simone-Dremon', managedBy: org.id });
    return id;
  }

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'relais-label-'));
    t = await testApp({ seed: true, env: { DATA_DIR: dataDir } });
    // These stories start from no label at all: the demo's example applications are removed first.
    await t.database.db.delete(labelComments);
    await t.database.db.delete(labelEvidence);
    await t.database.db.delete(labelFiles);
    await t.database.db.delete(labelApplications);
    placeId = await addPlace('Médiathèque de Bourail', 'Commune de Bourail');
    secondPlaceId = await addPlace('Maison de quartier de Bourail', 'Commune de Bourail');
    // A place manager of another organisation, with no link to Bourail's places.
    const created = await t.database.db.transaction(async (tx) => {
      const org = await createOrganisation(tx, null, { name: 'Maison commune de Ouvéa (test)', kind: 'place_operator', communeCode: communeByName('Ouvéa')?.code ?? '', ridet: null });
      if (!org.ok) throw new Error(org.error);
      return createAccount(tx, null, { email: otherManager, name: 'Autre Lieu', password: demoPassword, memberships: [{ organisationId: org.value.id, role: 'place_manager' }] });
    });
    assert.ok(created.ok);
  });
  after(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const status = async () => (await t.database.db.select().from(labelApplications).where(eq(labelApplications.id, applicationId)))[0]?.status;

  function upload(path: string, cookie: string, text: string, file?: { name: string; bytes: Uint8Array<ArrayBuffer>; type: string }) {
    const body = new FormData();
    body.set('text', text);
    if (file) body.set('fichier', new File([file.bytes], file.name, { type: file.type }));
    return t.request(path, { cookie, method: 'POST', body });
  }

  it('shows the public list to anonymous visitors, and sends them to sign in for the label pages', async () => {
    const list = await t.request('/cases-numeriques');
    assert.equal(list.status, 200);
    assert.match(await list.text(), /Aucun lieu n’a le label pour le moment/);
    const res = await t.request('/label');
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/connexion?retour=%2Flabel');
    const start = await t.request(`/label/lieux/${placeId}/demande`, { form: {} });
    assert.equal(start.status, 303);
    assert.match(start.headers.get('location') ?? '', /^\/connexion/);
  });

  it('refuses the label pages to a helper', async () => {
    assert.equal((await t.request('/label', { cookie: await t.cookieFor(helper) })).status, 403);
  });

  it('answers 404 when a place manager of another organisation applies for a place that is not theirs', async () => {
    const res = await t.request(`/label/lieux/${placeId}/demande`, { cookie: await t.cookieFor(otherManager), form: {} });
    assert.equal(res.status, 404);
    const rows = await t.database.db.select().from(labelApplications).where(eq(labelApplications.placeId, placeId));
    assert.equal(rows.length, 0);
  });

  it('lists the manager’s places and lets them start one application per place', async () => {
    const cookie = await t.cookieFor(manager);
    const page = await (await t.request('/label', { cookie })).text();
    assert.match(page, /Médiathèque de Bourail/);
    assert.match(page, /Demander le label/);
    assert.doesNotMatch(page, /Demandes à examiner/);
    const res = await t.request(`/label/lieux/${placeId}/demande`, { cookie, form: {} });
    assert.equal(res.status, 303);
    const location = res.headers.get('location') ?? '';
    assert.match(location, /^\/label\/demandes\/[0-9a-f-]{36}$/);
    applicationId = location.split('/').pop() ?? '';
    const again = await t.request(`/label/lieux/${placeId}/demande`, { cookie, form: {} });
    assert.equal(again.headers.get('location'), '/label');
    assert.equal((await t.database.db.select().from(labelApplications).where(eq(labelApplications.placeId, placeId))).length, 1);
    const audit = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'label.application.start'), eq(auditEvents.subjectId, applicationId)));
    assert.equal(audit.length, 1);
  });

  it('hides the application from a place manager of another organisation', async () => {
    const res = await t.request(`/label/demandes/${applicationId}`, { cookie: await t.cookieFor(otherManager) });
    assert.equal(res.status, 404);
  });

  it('refuses to submit an application with a criterion left without evidence', async () => {
    const res = await t.request(`/label/demandes/${applicationId}/deposer`, { cookie: await t.cookieFor(manager), form: {} });
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /<title>Erreur : /);
    assert.match(html, /Donnez une preuve \(un texte ou un fichier\) pour chaque critère/);
    assert.equal(await status(), 'draft');
  });

  it('refuses a file that is not really a PDF, JPEG or PNG, and keeps the text typed', async () => {
    const [first] = await listCriteria(t.database.db, { includeRetired: false });
    assert.ok(first);
    const res = await upload(`/label/demandes/${applicationId}/criteres/${first.id}`, await t.cookieFor(manager), 'Horaires affichés à l’entrée', {
      name: 'horaires.pdf',
      bytes: new TextEncoder().encode('<html>pas un PDF</html>'),
      type: 'application/pdf',
    });
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /n’est ni un PDF, ni une image JPEG, ni une image PNG/);
    assert.match(html, /Horaires affichés à l’entrée/);
    assert.equal((await t.database.db.select().from(labelFiles).where(eq(labelFiles.applicationId, applicationId))).length, 0);
  });

  it('refuses a file larger than 5 MB', async () => {
    const [first] = await listCriteria(t.database.db, { includeRetired: false });
    assert.ok(first);
    const big = new Uint8Array(5 * 1024 * 1024 + 10);
    big.set(pdf);
    const res = await upload(`/label/demandes/${applicationId}/criteres/${first.id}`, await t.cookieFor(manager), 'Trop gros', { name: 'gros.pdf', bytes: big, type: 'application/pdf' });
    assert.equal(res.status, 422);
    assert.match(await res.text(), /dépasse 5 Mo/);
  });

  it('stores a real PDF under DATA_DIR/fichiers and records the evidence for every criterion', async () => {
    const cookie = await t.cookieFor(manager);
    const criteria = await listCriteria(t.database.db, { includeRetired: false });
    assert.equal(criteria.length, 6);
    for (const [index, criterion] of criteria.entries()) {
      const res = await upload(`/label/demandes/${applicationId}/criteres/${criterion.id}`, cookie, `Preuve pour ${criterion.title}`, index === 1 ? { name: 'attestation-formation.pdf', bytes: pdf, type: 'application/pdf' } : undefined);
      assert.equal(res.status, 303, `${criterion.title}: ${res.status}`);
    }
    const files = await t.database.db.select().from(labelFiles).where(eq(labelFiles.applicationId, applicationId));
    assert.equal(files.length, 1);
    fileId = files[0]?.id ?? '';
    assert.equal(files[0]?.mimeType, 'application/pdf');
    assert.deepEqual(await readdir(join(dataDir, 'fichiers', 'label')), [files[0]?.storageKey.split('/')[1]]);
  });

  it('serves an evidence file to its applicant and its reviewer only', async () => {
    const path = `/label/demandes/${applicationId}/fichiers/${fileId}`;
    assert.equal((await t.request(path)).status, 303);
    assert.equal((await t.request(path, { cookie: await t.cookieFor(otherManager) })).status, 404);
    assert.equal((await t.request(path, { cookie: await t.cookieFor(helper) })).status, 403);
    for (const email of [manager, coordinator]) {
      const res = await t.request(path, { cookie: await t.cookieFor(email) });
      assert.equal(res.status, 200, email);
      assert.equal(res.headers.get('content-type'), 'application/pdf');
      assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename\*=UTF-8''attestation-formation\.pdf$/);
      assert.deepEqual(new Uint8Array(await res.arrayBuffer()), pdf);
    }
  });

  it('does not let a reviewer decide on a draft', async () => {
    const res = await t.request(`/label/demandes/${applicationId}/decision`, { cookie: await t.cookieFor(coordinator), form: { decision: 'accordee', message: '', grantedOn: '2026-03-03', expiresOn: '2028-03-02' } });
    assert.equal(res.status, 422);
    assert.match(await res.text(), /Cette demande est encore un brouillon : elle doit d’abord être déposée par le lieu/);
    assert.equal(await status(), 'draft');
  });

  it('submits the application and tells the applicant through the outbox', async () => {
    const res = await t.request(`/label/demandes/${applicationId}/deposer`, { cookie: await t.cookieFor(manager), form: {} });
    assert.equal(res.status, 303);
    assert.equal(await status(), 'submitted');
    const sent = await t.database.db.select().from(outboxMessages).where(and(eq(outboxMessages.recipient, manager), eq(outboxMessages.purpose, 'label.submitted')));
    assert.equal(sent.length, 1);
    // Evidence is frozen once submitted.
    const [first] = await listCriteria(t.database.db, { includeRetired: false });
    assert.ok(first);
    const edit = await upload(`/label/demandes/${applicationId}/criteres/${first.id}`, await t.cookieFor(manager), 'Changement en douce');
    assert.equal(edit.status, 303);
    assert.equal(edit.headers.get('location'), `/label/demandes/${applicationId}`);
  });

  it('does not let the applicant decide on their own application', async () => {
    const res = await t.request(`/label/demandes/${applicationId}/decision`, { cookie: await t.cookieFor(manager), form: { decision: 'accordee', grantedOn: '2026-03-03', expiresOn: '2028-03-02' } });
    assert.equal(res.status, 403);
  });

  it('requires a message to ask for changes, then sends the application back to the place', async () => {
    const cookie = await t.cookieFor(coordinator);
    const empty = await t.request(`/label/demandes/${applicationId}/decision`, { cookie, form: { decision: 'a_completer', message: '' } });
    assert.equal(empty.status, 422);
    assert.match(await empty.text(), /Écrivez ce que le lieu doit compléter/);
    const res = await t.request(`/label/demandes/${applicationId}/decision`, { cookie, form: { decision: 'a_completer', message: 'Joignez le programme des ateliers de juillet.' } });
    assert.equal(res.status, 303);
    assert.equal(await status(), 'changes_requested');
    const page = await (await t.request(`/label/demandes/${applicationId}`, { cookie: await t.cookieFor(manager) })).text();
    assert.match(page, /À compléter/);
    assert.match(page, /Joignez le programme des ateliers de juillet/);
    const mail = await t.database.db.select().from(outboxMessages).where(and(eq(outboxMessages.recipient, manager), eq(outboxMessages.purpose, 'label.changes_requested')));
    assert.equal(mail.length, 1);
  });

  it('lets the applicant complete and submit again, then a reviewer grants the label for two years by default', async () => {
    const manage = await t.cookieFor(manager);
    const criteria = await listCriteria(t.database.db, { includeRetired: false });
    const workshops = criteria.find((k) => k.title.startsWith('Programme'));
    assert.ok(workshops);
    assert.equal((await upload(`/label/demandes/${applicationId}/criteres/${workshops.id}`, manage, 'Programme de juillet : premiers pas, CAFAT en ligne.')).status, 303);
    assert.equal((await t.request(`/label/demandes/${applicationId}/deposer`, { cookie: manage, form: {} })).status, 303);
    assert.equal(await status(), 'submitted');

    const review = await t.cookieFor(coordinator);
    const form = await (await t.request(`/label/demandes/${applicationId}/decision`, { cookie: review })).text();
    const today = localDay(new Date());
    assert.match(form, new RegExp(`value="${defaultExpiry(today)}"`));
    const res = await t.request(`/label/demandes/${applicationId}/decision`, { cookie: review, form: { decision: 'accordee', message: '', grantedOn: today, expiresOn: defaultExpiry(today) } });
    assert.equal(res.status, 303);
    assert.equal(await status(), 'granted');
    const label = await caseLabelOf(t.database.db, placeId);
    assert.equal(label?.expiresOn, defaultExpiry(today));
    assert.equal(label?.expired, false);
    assert.deepEqual(await labelledPlaceIds(t.database.db), [placeId]);
    const audit = await t.database.db.select().from(auditEvents).where(and(like(auditEvents.action, 'label.%'), eq(auditEvents.subjectId, applicationId)));
    const actions = new Set(audit.map((a) => a.action));
    for (const action of ['label.application.start', 'label.evidence.save', 'label.file.add', 'label.application.submit', 'label.application.request_changes', 'label.application.grant']) assert.ok(actions.has(action), action);
  });

  it('shows the labelled place on the public list with its end date in full', async () => {
    const html = await (await t.request('/cases-numeriques')).text();
    assert.match(html, /Médiathèque de Bourail/);
    assert.match(html, /Le label est valable jusqu’au (lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) \d{1,2} \S+ \d{4}\./);
  });

  it('refuses to refuse a label already granted, with a French message', async () => {
    const res = await t.request(`/label/demandes/${applicationId}/decision`, { cookie: await t.cookieFor(coordinator), form: { decision: 'refusee', message: 'Trop tard.' } });
    assert.equal(res.status, 422);
    assert.match(await res.text(), /Le label a déjà été accordé pour cette demande : elle ne peut plus changer/);
    assert.equal(await status(), 'granted');
  });

  it('requires reasons to refuse, and tells the applicant the reasons', async () => {
    const manage = await t.cookieFor(manager);
    const start = await t.request(`/label/lieux/${secondPlaceId}/demande`, { cookie: manage, form: {} });
    const secondId = start.headers.get('location')?.split('/').pop() ?? '';
    for (const criterion of await listCriteria(t.database.db, { includeRetired: false })) {
      assert.equal((await upload(`/label/demandes/${secondId}/criteres/${criterion.id}`, manage, 'Bientôt.')).status, 303);
    }
    assert.equal((await t.request(`/label/demandes/${secondId}/deposer`, { cookie: manage, form: {} })).status, 303);
    const review = await t.cookieFor(coordinator);
    const empty = await t.request(`/label/demandes/${secondId}/decision`, { cookie: review, form: { decision: 'refusee', message: '' } });
    assert.equal(empty.status, 422);
    assert.match(await empty.text(), /Écrivez les motifs du refus : ils sont obligatoires/);
    const res = await t.request(`/label/demandes/${secondId}/decision`, { cookie: review, form: { decision: 'refusee', message: 'Aucun poste en libre accès pour le moment.' } });
    assert.equal(res.status, 303);
    const mail = await t.database.db.select().from(outboxMessages).where(and(eq(outboxMessages.recipient, manager), eq(outboxMessages.purpose, 'label.refused')));
    assert.match(mail[0]?.bodyText ?? '', /Aucun poste en libre accès pour le moment/);
  });

  it('lets a coordinator add a criterion, and refuses the criteria page to a place manager', async () => {
    assert.equal((await t.request('/label/criteres', { cookie: await t.cookieFor(manager) })).status, 403);
    const cookie = await t.cookieFor(coordinator);
    const invalid = await t.request('/label/criteres/nouveau', { cookie, form: { title: '', description: '', position: 'dix', active: 'oui' } });
    assert.equal(invalid.status, 422);
    assert.match(await invalid.text(), /Entrez le nom du critère/);
    const res = await t.request('/label/criteres/nouveau', { cookie, form: { title: 'Affichage des droits des usagers', description: '', position: '70', active: 'oui' } });
    assert.equal(res.status, 303);
    assert.match(await (await t.request('/label/criteres', { cookie })).text(), /Affichage des droits des usagers/);
    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'label.criterion.create'));
    assert.equal(audit.length, 1);
  });
});

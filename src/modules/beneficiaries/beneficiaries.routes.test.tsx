import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { auditEvents, outboxMessages } from '../../db/schema.ts';
import { newId } from '../../platform/ids.ts';
import { localDay } from '../../platform/format.ts';
import { phoneMessage } from '../../platform/phone.ts';
import { communeByName } from '../../territory/index.ts';
import { testApp, type TestApp } from '../../../tests/support/test-app.ts';
import { createAccount, demoPassword, userByEmail } from '../accounts/index.ts';
import { organisationByName } from '../organisations/index.ts';
import { activities, activityParticipants } from '../activities/activities.schema.ts';
import { followConsentTexts, currentFollowConsentVersion } from './beneficiaries.consent.ts';
import { beneficiaries, mandates, mandateUses } from './beneficiaries.schema.ts';
import { runBeneficiaryPurge } from './beneficiaries.purge.ts';

const helper = 'aidant@demo.relais.nc';
const otherHelper = 'aidante.bourail@test.nc';
const manager = 'responsable-lieu@demo.relais.nc';
const kone = communeByName('Koné')?.code ?? '';
function errorText(error: unknown): string {
  return error instanceof Error ? `${error.message} ${errorText(error.cause)}` : '';
}
const nextYear = String(Number(localDay(new Date()).slice(0, 4)) + 1);

describe('Followed people pages', () => {
  let t: TestApp;
  let dataDir: string;
  let koneId: string;
  let helperId: string;

  const byName = async (firstName: string, lastName: string) =>
    (await t.database.db.select().from(beneficiaries).where(and(eq(beneficiaries.firstName, firstName), eq(beneficiaries.lastName, lastName))))[0];
  const countFiles = async () => (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(beneficiaries))[0]?.n ?? 0;
  const auditCount = async (action: string, subjectId: string) => (await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.subjectId, subjectId)))).length;

  /** A record written straight in the table (the activities module's form is not what these tests are about). */
  async function addActivity(values: Partial<typeof activities.$inferInsert> & { participantCount: number }): Promise<string> {
    const id = newId();
    await t.database.db.insert(activities).values({ id, kind: 'individual', organisationId: koneId, helperUserId: helperId, date: localDay(new Date()), durationMinutes: 30, channel: 'at_place', ...values });
    return id;
  }

  const newPerson = (fields: Record<string, string>) => ({
    firstName: 'Léon',
    lastName: 'Gowé',
    phone: '',
    noPhone: 'oui',
    birthYear: '1960',
    communeCode: kone,
    gender: 'male',
    status: 'retired',
    consent: 'oui',
    consentVersion: currentFollowConsentVersion,
    ...fields,
  });

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'relais-beneficiaires-'));
    t = await testApp({ seed: true, env: { DATA_DIR: dataDir } });
    const org = await organisationByName(t.database.db, 'Agence OPT de Koné');
    const user = await userByEmail(t.database.db, helper);
    assert.ok(org && user);
    koneId = org.id;
    helperId = user.id;
    // A helper of another structure, who must learn nothing about Koné's files.
    const created = await t.database.db.transaction(async (tx) => {
      const other = await organisationByName(tx, 'Agence OPT de Bourail');
      if (!other) throw new Error('no Bourail agency');
      return createAccount(tx, null, { email: otherHelper, name: 'Autre Aidante', password: demoPassword, memberships: [{ organisationId: other.id, role: 'helper' }] });
    });
    assert.ok(created.ok);
  });
  after(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('sends anonymous visitors to sign in, for the list, a file and an erasure', async () => {
    const file = await byName('Sonia', 'Tidjine');
    assert.ok(file);
    for (const path of ['/beneficiaires', `/beneficiaires/${file.id}`, `/beneficiaires/${file.id}/export.json`]) {
      const res = await t.request(path);
      assert.equal(res.status, 303, path);
      assert.match(res.headers.get('location') ?? '', /^\/connexion/);
    }
    const erase = await t.request(`/beneficiaires/${file.id}/effacer`, { form: {} });
    assert.equal(erase.status, 303);
    assert.ok(await byName('Sonia', 'Tidjine'));
  });

  it('shows nothing of another structure’s files to a helper of another structure: empty list, 404 everywhere', async () => {
    const cookie = await t.cookieFor(otherHelper);
    const list = await (await t.request('/beneficiaires?q=wema', { cookie })).text();
    assert.doesNotMatch(list, /Wéma|Wema/);
    const file = await byName('Jean-Baptiste', 'Poiwi');
    assert.ok(file);
    const [mandate] = await t.database.db.select().from(mandates).where(eq(mandates.beneficiaryId, file.id));
    assert.ok(mandate);
    for (const path of [`/beneficiaires/${file.id}`, `/beneficiaires/${file.id}/modifier`, `/beneficiaires/${file.id}/export`, `/beneficiaires/${file.id}/export.json`, `/beneficiaires/${file.id}/effacer`, `/beneficiaires/${file.id}/mandats/${mandate.id}`, `/beneficiaires/${file.id}/mandats/${mandate.id}/utilisation`]) {
      assert.equal((await t.request(path, { cookie })).status, 404, path);
    }
    const erase = await t.request(`/beneficiaires/${file.id}/effacer`, { cookie, form: {} });
    assert.equal(erase.status, 404);
    const use = await t.request(`/beneficiaires/${file.id}/mandats/${mandate.id}/utilisation`, { cookie, form: { category: 'papers', procedure: 'Passeport', usedOn: localDay(new Date()) } });
    assert.equal(use.status, 404);
    assert.equal((await t.database.db.select().from(mandateUses).where(eq(mandateUses.mandateId, mandate.id))).length, 0);
    assert.ok(await byName('Jean-Baptiste', 'Poiwi'));
    const other = await byName('Sonia', 'Tidjine');
    assert.ok(other);
    const merge = await t.request(`/beneficiaires/fusion?garder=${file.id}&retirer=${other.id}`, { cookie });
    assert.equal(merge.status, 404);
  });

  it('refuses the pages to roles that follow nobody, and shows the navigation entry to helpers', async () => {
    assert.equal((await t.request('/beneficiaires', { cookie: await t.cookieFor(manager) })).status, 403);
    const home = await (await t.request('/beneficiaires', { cookie: await t.cookieFor(helper) })).text();
    assert.match(home, /<a[^>]*href="\/beneficiaires"[^>]*>Personnes suivies<\/a>/);
  });

  it('finds people without accents, with a typo, or by phone', async () => {
    const cookie = await t.cookieFor(helper);
    const accents = await (await t.request('/beneficiaires?q=WEMA', { cookie })).text();
    assert.match(accents, /Marie-Josée Wéma/);
    assert.match(accents, /Marie-Josee Wema/);
    const typo = await (await t.request('/beneficiaires?q=tidjinne', { cookie })).text();
    assert.match(typo, /Sonia Tidjine/);
    const phone = await (await t.request('/beneficiaires?q=78%2090%2012', { cookie })).text();
    assert.match(phone, /Jean-Baptiste Poiwi/);
    assert.doesNotMatch(phone, /Sonia/);
    const none = await (await t.request('/beneficiaires?q=zzzzqq', { cookie })).text();
    assert.match(none, /Aucune personne suivie ne correspond/);
  });

  it('offers a choice that goes back to the activity form (picker), only to a path on Relais', async () => {
    const cookie = await t.cookieFor(helper);
    const html = await (await t.request('/beneficiaires?q=poiwi&retour=%2Factivites%2Fnouvelle', { cookie })).text();
    const file = await byName('Jean-Baptiste', 'Poiwi');
    assert.ok(file);
    assert.ok(html.includes(`href="/activites/nouvelle?beneficiaire=${file.id}"`));
    const outside = await (await t.request('/beneficiaires?q=poiwi&retour=%2F%2Fevil.example', { cookie })).text();
    assert.ok(!outside.includes('evil.example'));
  });

  it('audits every read of a file', async () => {
    const file = await byName('Sonia', 'Tidjine');
    assert.ok(file);
    const before = await auditCount('beneficiary.read', file.id);
    const res = await t.request(`/beneficiaires/${file.id}`, { cookie: await t.cookieFor(helper) });
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /Sonia Tidjine/);
    assert.ok(html.includes(followConsentTexts[currentFollowConsentVersion].slice(0, 60)));
    assert.equal(await auditCount('beneficiary.read', file.id), before + 1);
  });

  it('refuses to create a file without the person’s consent, and saves nothing', async () => {
    const before = await countFiles();
    const res = await t.request('/beneficiaires/nouvelle', { cookie: await t.cookieFor(helper), form: newPerson({ consent: '' }) });
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /<title>Erreur : /);
    assert.match(html, /Cochez la case si la personne est d’accord/);
    assert.match(html, /value="Léon"/);
    assert.equal(await countFiles(), before);
  });

  it('refuses a phone that is not a phone and a birth year in the future, with French messages on the fields', async () => {
    const cookie = await t.cookieFor(helper);
    const before = await countFiles();
    const phone = await t.request('/beneficiaires/nouvelle', { cookie, form: newPerson({ phone: '12ab', noPhone: '' }) });
    assert.equal(phone.status, 422);
    const phoneHtml = await phone.text();
    assert.ok(phoneHtml.includes(phoneMessage));
    assert.match(phoneHtml, /href="#phone"/);
    const year = await t.request('/beneficiaires/nouvelle', { cookie, form: newPerson({ birthYear: nextYear }) });
    assert.equal(year.status, 422);
    const yearHtml = await year.text();
    assert.match(yearHtml, /L’année de naissance ne peut pas être dans le futur/);
    assert.match(yearHtml, /href="#birthYear"/);
    const neither = await t.request('/beneficiaires/nouvelle', { cookie, form: newPerson({ noPhone: '' }) });
    assert.equal(neither.status, 422);
    assert.match(await neither.text(), /cochez « La personne n’a pas de téléphone »/);
    assert.equal(await countFiles(), before);
  });

  it('creates a file with the consent text shown, its version, the date and who took it', async () => {
    const res = await t.request('/beneficiaires/nouvelle', { cookie: await t.cookieFor(helper), form: newPerson({}) });
    assert.equal(res.status, 303);
    const file = await byName('Léon', 'Gowé');
    assert.ok(file);
    assert.equal(res.headers.get('location'), `/beneficiaires/${file.id}`);
    assert.equal(file.consentText, followConsentTexts[currentFollowConsentVersion]);
    assert.equal(file.consentVersion, currentFollowConsentVersion);
    assert.equal(file.consentTakenByUserId, helperId);
    assert.ok(Date.now() - file.consentGivenAt.getTime() < 60_000);
    assert.equal(file.organisationId, koneId);
    assert.equal(file.searchName, 'leon gowe');
    assert.equal(await auditCount('beneficiary.create', file.id), 1);
    const [audit] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'beneficiary.create'), eq(auditEvents.subjectId, file.id)));
    assert.doesNotMatch(JSON.stringify(audit), /Gowé|Léon/, 'the append-only audit never names the person');
  });

  describe('duplicate detection', () => {
    const attempts: [string, Record<string, string>][] = [
      ['the same name without accents or hyphens, in capitals', { firstName: 'JEAN BAPTISTE', lastName: 'POIWI' }],
      ['a similar name (one letter off)', { firstName: 'Jean-Baptiste', lastName: 'Poiwy' }],
      ['first and last names swapped', { firstName: 'Poiwi', lastName: 'Jean-Baptiste' }],
      ['the same phone under another name', { firstName: 'Paul', lastName: 'Durand', phone: '78.90.12', noPhone: '' }],
    ];
    for (const [what, fields] of attempts) {
      it(`warns before creating a file with ${what}, and saves nothing until confirmed`, async () => {
        const before = await countFiles();
        const res = await t.request('/beneficiaires/nouvelle', { cookie: await t.cookieFor(helper), form: newPerson(fields) });
        assert.equal(res.status, 422);
        const html = await res.text();
        assert.match(html, /Cette personne a peut-être déjà une fiche/);
        assert.match(html, /Jean-Baptiste Poiwi/);
        assert.equal(await countFiles(), before);
      });
    }

    it('does not warn for a different person', async () => {
      const res = await t.request('/beneficiaires/nouvelle', { cookie: await t.cookieFor(helper), form: newPerson({ firstName: 'Hélène', lastName: 'Nékaré' }) });
      assert.equal(res.status, 303);
    });

    it('creates the file when the helper confirms it is someone else', async () => {
      const before = await countFiles();
      const res = await t.request('/beneficiaires/nouvelle', { cookie: await t.cookieFor(helper), form: newPerson({ firstName: 'Jean-Baptiste', lastName: 'Poiwy', notDuplicate: 'oui' }) });
      assert.equal(res.status, 303);
      assert.equal(await countFiles(), before + 1);
    });

    it('lists the possible duplicates recorded on creation and correction, and forgets a pair said to be two people', async () => {
      const cookie = await t.cookieFor(helper);
      const html = await (await t.request('/beneficiaires/doublons', { cookie })).text();
      assert.match(html, /Marie-Josée Wéma \(1952\)/);
      assert.match(html, /même nom/);
      assert.doesNotMatch(html, /Poiwy/, 'a pair the helper confirmed as two people is not listed');
      // A correction that gives Sonia Jean-Baptiste's phone makes a new pair.
      const sonia = await byName('Sonia', 'Tidjine');
      const jb = await byName('Jean-Baptiste', 'Poiwi');
      assert.ok(sonia && jb);
      const fix = await t.request(`/beneficiaires/${sonia.id}/modifier`, { cookie, form: { firstName: 'Sonia', lastName: 'Tidjine', phone: '78 90 12', noPhone: '', birthYear: '2001', communeCode: kone, gender: 'not_communicated', status: 'not_communicated' } });
      assert.equal(fix.status, 303);
      const after = await (await t.request('/beneficiaires/doublons', { cookie })).text();
      assert.match(after, /Sonia Tidjine \(2001\)[\s\S]*même téléphone|même téléphone[\s\S]*Sonia Tidjine/);
      const other = await (await t.request('/beneficiaires/doublons', { cookie: await t.cookieFor(otherHelper) })).text();
      assert.match(other, /Aucun doublon possible/);
      const refused = await t.request('/beneficiaires/doublons/ignorer', { cookie: await t.cookieFor(otherHelper), form: { first: sonia.id, second: jb.id } });
      assert.equal(refused.status, 404);
      const dismiss = await t.request('/beneficiaires/doublons/ignorer', { cookie, form: { first: sonia.id, second: jb.id } });
      assert.equal(dismiss.status, 303);
      assert.doesNotMatch(await (await t.request('/beneficiaires/doublons', { cookie })).text(), /Sonia Tidjine/);
      assert.equal(await auditCount('beneficiary.duplicate.dismiss', sonia.id < jb.id ? sonia.id : jb.id), 1);
    });
  });

  it('merges two files field by field and moves the removed file’s records and mandates', async () => {
    const keep = await byName('Marie-Josée', 'Wéma');
    const remove = await byName('Marie-Josee', 'Wema');
    assert.ok(keep && remove);
    const individual = await addActivity({ beneficiaryId: remove.id, participantCount: 1 });
    const workshop = await addActivity({ kind: 'workshop', title: 'Premiers pas', participantCount: 3, anonymousParticipants: 1 });
    await t.database.db.insert(activityParticipants).values([
      { activityId: workshop, beneficiaryId: keep.id },
      { activityId: workshop, beneficiaryId: remove.id },
    ]);
    const cookie = await t.cookieFor(helper);
    const screen = await (await t.request(`/beneficiaires/fusion?garder=${keep.id}&retirer=${remove.id}`, { cookie })).text();
    assert.match(screen, /Fiche 1 : Marie-Josée/);
    assert.match(screen, /Fiche 2 : Marie-Josee/);
    const res = await t.request('/beneficiaires/fusion', {
      cookie,
      form: { keep: keep.id, remove: remove.id, firstName: 'keep', lastName: 'keep', phone: 'remove', birthYear: 'keep', communeCode: 'keep', gender: 'keep', status: 'keep' },
    });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), `/beneficiaires/${keep.id}`);
    assert.equal(await byName('Marie-Josee', 'Wema'), undefined);
    const kept = await byName('Marie-Josée', 'Wéma');
    assert.ok(kept);
    assert.equal(kept.phone, null);
    assert.equal(kept.noPhone, true);
    const [moved] = await t.database.db.select().from(activities).where(eq(activities.id, individual));
    assert.equal(moved?.beneficiaryId, keep.id);
    const participants = await t.database.db.select().from(activityParticipants).where(eq(activityParticipants.activityId, workshop));
    assert.deepEqual(participants.map((p) => p.beneficiaryId), [keep.id]);
    const [w] = await t.database.db.select().from(activities).where(eq(activities.id, workshop));
    assert.equal(w?.participantCount, 2, 'one person counted twice in a workshop is now counted once');
    assert.equal(await auditCount('beneficiary.merge', keep.id), 1);
  });

  it('exports everything held about the person, as JSON and as a printable page, and audits it', async () => {
    const file = await byName('Jean-Baptiste', 'Poiwi');
    assert.ok(file);
    await addActivity({ beneficiaryId: file.id, participantCount: 1, themes: ['email'] });
    const cookie = await t.cookieFor(helper);
    const before = await auditCount('beneficiary.read', file.id);
    const res = await t.request(`/beneficiaires/${file.id}/export.json`, { cookie });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-disposition') ?? '', /attachment/);
    const data: unknown = await res.json();
    const text = JSON.stringify(data);
    assert.match(text, /"prenom":"Jean-Baptiste"/);
    assert.match(text, /"telephone":"\+687789012"/);
    assert.match(text, /"anneeDeNaissance":1987/);
    assert.ok(text.includes(JSON.stringify(followConsentTexts[currentFollowConsentVersion])));
    assert.match(text, /"accompagnements":\[\{[^\]]*"Messagerie|"accompagnements":\[\{/);
    assert.match(text, /"categories":\["Papiers","Social"\]/);
    assert.match(text, /Relais ne garde aucun mot de passe/);
    assert.match(text, /"historiqueDeLaFiche":\[\{/);
    const printable = await t.request(`/beneficiaires/${file.id}/export`, { cookie });
    assert.equal(printable.status, 200);
    assert.match(await printable.text(), /Données gardées sur Jean-Baptiste Poiwi/);
    assert.equal(await auditCount('beneficiary.read', file.id), before + 2);
  });

  it('corrects a file, audits which fields changed, and refuses bad input', async () => {
    const file = await byName('Léon', 'Gowé');
    assert.ok(file);
    const cookie = await t.cookieFor(helper);
    const bad = await t.request(`/beneficiaires/${file.id}/modifier`, { cookie, form: { ...newPerson({}), birthYear: nextYear } });
    assert.equal(bad.status, 422);
    assert.equal((await byName('Léon', 'Gowé'))?.birthYear, 1960);
    const res = await t.request(`/beneficiaires/${file.id}/modifier`, { cookie, form: { ...newPerson({}), birthYear: '1961' } });
    assert.equal(res.status, 303);
    assert.equal((await byName('Léon', 'Gowé'))?.birthYear, 1961);
    const [audit] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'beneficiary.update'), eq(auditEvents.subjectId, file.id)));
    assert.deepEqual(audit?.details.champs, ['birthYear']);
  });

  it('erases a file after confirmation: the person is gone, the statistics counts are unchanged', async () => {
    const file = await byName('Léon', 'Gowé');
    assert.ok(file);
    const individual = await addActivity({ beneficiaryId: file.id, participantCount: 1, notes: 'Léon veut écrire à sa fille' });
    const workshop = await addActivity({ kind: 'workshop', title: 'Tablette', participantCount: 2, anonymousParticipants: 1, participantBreakdown: { gender: { female: 1 }, ageBand: {}, status: {} } });
    await t.database.db.insert(activityParticipants).values({ activityId: workshop, beneficiaryId: file.id });
    const total = async () => (await t.database.db.select({ n: sql<number>`coalesce(sum(participant_count), 0)::int` }).from(activities))[0]?.n ?? 0;
    const before = await total();
    const cookie = await t.cookieFor(helper);
    const confirm = await t.request(`/beneficiaires/${file.id}/effacer`, { cookie });
    assert.equal(confirm.status, 200);
    assert.match(await confirm.text(), /On ne peut pas annuler/);
    assert.ok(await byName('Léon', 'Gowé'), 'the confirmation page erases nothing');
    const res = await t.request(`/beneficiaires/${file.id}/effacer`, { cookie, form: {} });
    assert.equal(res.status, 303);
    assert.equal(await byName('Léon', 'Gowé'), undefined);
    assert.equal(await total(), before);
    const [a] = await t.database.db.select().from(activities).where(eq(activities.id, individual));
    assert.equal(a?.beneficiaryId, null);
    assert.equal(a?.communeCode, kone);
    assert.equal(a?.gender, 'male');
    assert.equal(a?.status, 'retired');
    assert.equal(a?.ageBand, 'from_60_to_69');
    assert.equal(a?.notes, '');
    const [w] = await t.database.db.select().from(activities).where(eq(activities.id, workshop));
    assert.equal(w?.anonymousParticipants, 2);
    assert.equal(w?.participantCount, 2);
    assert.deepEqual(w?.participantBreakdown?.gender, { female: 1, male: 1 });
    assert.equal((await t.database.db.select().from(activityParticipants).where(eq(activityParticipants.beneficiaryId, file.id))).length, 0);
    assert.equal(await auditCount('beneficiary.erase', file.id), 1);
    assert.equal((await t.request(`/beneficiaires/${file.id}`, { cookie })).status, 404);
  });

  it('purges files inactive for longer than the configured period, once, with an audit row each', async () => {
    const file = await byName('Hélène', 'Nékaré');
    assert.ok(file);
    const old = new Date();
    old.setUTCMonth(old.getUTCMonth() - 25);
    await t.database.db.update(beneficiaries).set({ lastActivityAt: old }).where(eq(beneficiaries.id, file.id));
    const used = await addActivity({ beneficiaryId: file.id, participantCount: 1 });
    const before = await countFiles();
    const first = await runBeneficiaryPurge(t.database.db, { months: t.config.beneficiaryRetentionMonths, dataDir });
    assert.equal(t.config.beneficiaryRetentionMonths, 24);
    assert.equal(first.erased, 1);
    assert.equal(await countFiles(), before - 1);
    assert.equal(await byName('Hélène', 'Nékaré'), undefined);
    const [a] = await t.database.db.select().from(activities).where(eq(activities.id, used));
    assert.equal(a?.beneficiaryId, null);
    assert.equal(await auditCount('beneficiary.purge', file.id), 1);
    const again = await runBeneficiaryPurge(t.database.db, { months: 24, dataDir });
    assert.equal(again.erased, 0);
    assert.equal(await countFiles(), before - 1);
    // A longer period keeps a file that the default would purge.
    const sonia = await byName('Sonia', 'Tidjine');
    assert.ok(sonia);
    await t.database.db.update(beneficiaries).set({ lastActivityAt: old }).where(eq(beneficiaries.id, sonia.id));
    assert.equal((await runBeneficiaryPurge(t.database.db, { months: 36, dataDir })).erased, 0);
    assert.ok(await byName('Sonia', 'Tidjine'));
    await t.database.db.update(beneficiaries).set({ lastActivityAt: new Date() }).where(eq(beneficiaries.id, sonia.id));
  });

  describe('mandates', () => {
    let fileId: string;
    let mandateId: string;
    const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n');

    before(async () => {
      const file = await byName('Jean-Baptiste', 'Poiwi');
      assert.ok(file);
      fileId = file.id;
      const [m] = await t.database.db.select().from(mandates).where(eq(mandates.beneficiaryId, file.id));
      assert.ok(m);
      mandateId = m.id;
    });

    function multipart(fields: Record<string, string | string[]>, file?: { name: string; bytes: Uint8Array<ArrayBuffer> }) {
      const body = new FormData();
      for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
      if (file) body.set('fichier', new File([file.bytes], file.name, { type: 'application/pdf' }));
      return body;
    }

    it('says on every mandate screen that Relais never stores passwords or codes', async () => {
      const cookie = await t.cookieFor(helper);
      for (const path of [`/beneficiaires/${fileId}/mandats/nouveau`, `/beneficiaires/${fileId}/mandats/${mandateId}`, `/beneficiaires/${fileId}/mandats/${mandateId}/utilisation`]) {
        const html = await (await t.request(path, { cookie })).text();
        assert.match(html, /Relais ne garde jamais les mots de passe ni les codes/, path);
      }
    });

    it('records a use in the journal when the mandate is active for that category', async () => {
      const res = await t.request(`/beneficiaires/${fileId}/mandats/${mandateId}/utilisation`, { cookie: await t.cookieFor(helper), form: { category: 'social', procedure: 'Déclaration de ressources CAFAT', usedOn: localDay(new Date()) } });
      assert.equal(res.status, 303);
      const uses = await t.database.db.select().from(mandateUses).where(eq(mandateUses.mandateId, mandateId));
      assert.equal(uses.length, 1);
      assert.equal(uses[0]?.procedure, 'Déclaration de ressources CAFAT');
      assert.equal(uses[0]?.userId, helperId);
    });

    it('refuses a use for a category the mandate does not cover, or a future date, and notes nothing', async () => {
      const cookie = await t.cookieFor(helper);
      const wrong = await t.request(`/beneficiaires/${fileId}/mandats/${mandateId}/utilisation`, { cookie, form: { category: 'money', procedure: 'Déclaration d’impôts', usedOn: localDay(new Date()) } });
      assert.equal(wrong.status, 422);
      assert.match(await wrong.text(), /Le mandat ne permet pas les démarches « Argent »/);
      const future = await t.request(`/beneficiaires/${fileId}/mandats/${mandateId}/utilisation`, { cookie, form: { category: 'papers', procedure: 'Passeport', usedOn: `${nextYear}-01-01` } });
      assert.equal(future.status, 422);
      assert.match(await future.text(), /La date ne peut pas être dans le futur/);
      assert.equal((await t.database.db.select().from(mandateUses).where(eq(mandateUses.mandateId, mandateId))).length, 1);
    });

    it('revokes one category: the mandate is partly revoked and refuses that category from then on', async () => {
      const cookie = await t.cookieFor(helper);
      const res = await t.request(`/beneficiaires/${fileId}/mandats/${mandateId}/revoquer`, { cookie, form: { scope: 'categories', categories: ['social'] } });
      assert.equal(res.status, 303);
      const page = await (await t.request(`/beneficiaires/${fileId}/mandats/${mandateId}`, { cookie })).text();
      assert.match(page, /Partiellement révoqué/);
      const refused = await t.request(`/beneficiaires/${fileId}/mandats/${mandateId}/utilisation`, { cookie, form: { category: 'social', procedure: 'Attestation CAFAT', usedOn: localDay(new Date()) } });
      assert.equal(refused.status, 422);
      const allowed = await t.request(`/beneficiaires/${fileId}/mandats/${mandateId}/utilisation`, { cookie, form: { category: 'papers', procedure: 'Pré-demande de passeport', usedOn: localDay(new Date()) } });
      assert.equal(allowed.status, 303);
    });

    it('refuses an in-person mandate without the person’s agreement, and a signed-paper one without the paper', async () => {
      const cookie = await t.cookieFor(helper);
      const before = (await t.database.db.select().from(mandates)).length;
      const agreed = await t.request(`/beneficiaires/${fileId}/mandats/nouveau`, { cookie, method: 'POST', body: multipart({ categories: ['housing'], duration: 'one_month', consentMethod: 'in_person' }) });
      assert.equal(agreed.status, 422);
      assert.match(await agreed.text(), /Cochez la case si la personne a entendu le texte/);
      const paper = await t.request(`/beneficiaires/${fileId}/mandats/nouveau`, { cookie, method: 'POST', body: multipart({ categories: ['housing'], duration: 'one_month', consentMethod: 'signed_paper' }) });
      assert.equal(paper.status, 422);
      assert.match(await paper.text(), /Joignez le papier signé/);
      const none = await t.request(`/beneficiaires/${fileId}/mandats/nouveau`, { cookie, method: 'POST', body: multipart({ duration: 'one_month', consentMethod: 'in_person', agreed: 'oui' }) });
      assert.equal(none.status, 422);
      assert.match(await none.text(), /Cochez au moins une catégorie/);
      assert.equal((await t.database.db.select().from(mandates)).length, before);
    });

    it('stores a signed paper, shows it to the structure only, and deletes it with the file', async () => {
      const cookie = await t.cookieFor(helper);
      const res = await t.request(`/beneficiaires/${fileId}/mandats/nouveau`, { cookie, method: 'POST', body: multipart({ categories: ['housing', 'money'], duration: 'one_year', consentMethod: 'signed_paper' }, { name: 'mandat-signé.pdf', bytes: pdf }) });
      assert.equal(res.status, 303);
      const id = (res.headers.get('location') ?? '').split('/').pop() ?? '';
      const [m] = await t.database.db.select().from(mandates).where(eq(mandates.id, id));
      assert.ok(m?.consentFileKey);
      assert.ok(m.consentGivenAt);
      assert.equal(m.consentFileName, 'mandat-signé.pdf');
      const paper = await t.request(`/beneficiaires/${fileId}/mandats/${id}/papier`, { cookie });
      assert.equal(paper.status, 200);
      assert.equal(paper.headers.get('content-type'), 'application/pdf');
      assert.equal((await t.request(`/beneficiaires/${fileId}/mandats/${id}/papier`, { cookie: await t.cookieFor(otherHelper) })).status, 404);
      assert.equal((await readdir(join(dataDir, 'fichiers', 'mandats'))).length, 1);
    });

    it('asks by SMS through the outbox, waits, and becomes active when the person answers yes', async () => {
      const cookie = await t.cookieFor(helper);
      const res = await t.request(`/beneficiaires/${fileId}/mandats/nouveau`, { cookie, method: 'POST', body: multipart({ categories: ['work'], duration: 'one_day', consentMethod: 'sms_reply' }) });
      assert.equal(res.status, 303);
      const id = (res.headers.get('location') ?? '').split('/').pop() ?? '';
      const [sms] = await t.database.db.select().from(outboxMessages).where(eq(outboxMessages.dedupeKey, `mandate-consent:${id}`));
      assert.equal(sms?.channel, 'sms');
      assert.equal(sms?.recipient, '+687789012');
      assert.match(sms?.bodyText ?? '', /Répondez OUI pour accepter/);
      assert.match(await (await t.request(`/beneficiaires/${fileId}/mandats/${id}`, { cookie })).text(), /En attente de consentement/);
      const early = await t.request(`/beneficiaires/${fileId}/mandats/${id}/utilisation`, { cookie, form: { category: 'work', procedure: 'Inscription', usedOn: localDay(new Date()) } });
      assert.equal(early.status, 422);
      const yes = await t.request(`/beneficiaires/${fileId}/mandats/${id}/reponse`, { cookie, form: { answer: 'oui' } });
      assert.equal(yes.status, 303);
      assert.match(await (await t.request(`/beneficiaires/${fileId}/mandats/${id}`, { cookie })).text(), /Actif/);
    });

    it('keeps the journal append-only: the database refuses UPDATE and DELETE', async () => {
      await assert.rejects(t.database.db.update(mandateUses).set({ procedure: 'changé' }).where(eq(mandateUses.mandateId, mandateId)), (error) => {
        assert.match(errorText(error), /mandate_uses is append-only \(UPDATE refused\)/);
        return true;
      });
      await assert.rejects(t.database.db.delete(mandateUses).where(eq(mandateUses.mandateId, mandateId)), (error) => {
        assert.match(errorText(error), /mandate_uses is append-only \(DELETE refused\)/);
        return true;
      });
      assert.equal((await t.database.db.select().from(mandateUses).where(eq(mandateUses.mandateId, mandateId))).length, 2);
    });

    it('erases the mandates and their papers with the file, and keeps the journal without a name', async () => {
      const cookie = await t.cookieFor(helper);
      const smsTo = () => t.database.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, '+687789012'));
      assert.ok((await smsTo()).length >= 1, 'the consent SMS was queued for this person');
      const res = await t.request(`/beneficiaires/${fileId}/effacer`, { cookie, form: {} });
      assert.equal(res.status, 303);
      assert.equal((await t.database.db.select().from(mandates).where(eq(mandates.beneficiaryId, fileId))).length, 0);
      assert.equal((await readdir(join(dataDir, 'fichiers', 'mandats'))).length, 0);
      assert.equal((await smsTo()).length, 0, 'the copy of the consent SMS, with the phone number, went with the file');
      assert.equal((await t.database.db.select().from(mandateUses).where(eq(mandateUses.mandateId, mandateId))).length, 2);
    });
  });
});

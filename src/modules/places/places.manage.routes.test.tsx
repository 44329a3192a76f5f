import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, desc, eq } from 'drizzle-orm';
import { auditEvents, outboxMessages, rateLimitEvents } from '../../db/schema.ts';
import { testApp, type TestApp } from '../../../tests/support/test-app.ts';
import { organisationByName } from '../organisations/index.ts';
import { createPlace } from './places.commands.ts';
import { placeFields } from './places.forms.ts';
import { placeReports } from './places.reports.schema.ts';
import { places } from './places.schema.ts';

/** Like assert.match, without printing the whole page when it fails. */
function shows(text: string, pattern: RegExp, message?: string): void {
  assert.ok(pattern.test(text), message ?? `expected ${pattern}`);
}
function lacks(text: string, pattern: RegExp, message?: string): void {
  assert.ok(!pattern.test(text), message ?? `did not expect ${pattern}`);
}

const coordinator = 'coordinateur@demo.relais.nc';
const placeManager = 'responsable-lieu@demo.relais.nc';
const helper = 'aidant@demo.relais.nc';

describe('managing places', () => {
  let t: TestApp;
  /** Managed by the Commune de Bourail, whose place manager is Léa Wenisso. */
  let bourail: string;
  /** Managed by the Agence OPT de Koné: not Léa's. */
  let kone: string;

  async function orgId(name: string): Promise<string> {
    const found = await organisationByName(t.database.db, name);
    assert.ok(found, `organisation ${name} missing`);
    return found.id;
  }

  async function addPlace(input: Record<string, unknown>, managedBy: string | null): Promise<string> {
    const fields = placeFields.parse(input);
    const created = await t.database.db.transaction((tx) => createPlace(tx, null, fields, { managedBy }));
    assert.ok(created.ok);
    return created.value.id;
  }

  async function placeRow(id: string) {
    const [row] = await t.database.db.select().from(places).where(eq(places.id, id));
    assert.ok(row);
    return row;
  }

  async function reportsOf(placeId: string) {
    return t.database.db.select().from(placeReports).where(eq(placeReports.placeId, placeId)).orderBy(desc(placeReports.createdAt));
  }

  before(async () => {
    t = await testApp({ seed: true });
    bourail = await addPlace(
      { name: 'Médiathèque de Bourail (test)', communeCode: '98803', postcode: '98870', address: '1 rue de la Mairie', services: ['aide_demarches'], phone: '44 12 34' },
      await orgId('Commune de Bourail'),
    );
    kone = await addPlace({ name: 'Espace numérique de Koné (test)', communeCode: '98811', postcode: '98860', services: ['outils_quotidien'] }, await orgId('Agence OPT de Koné'));
  });
  after(() => t.close());

  describe('who may reach the pages', () => {
    it('sends an anonymous visitor to the sign-in page, for the list and for a change', async () => {
      const list = await t.request('/gestion/lieux');
      assert.equal(list.status, 303);
      assert.equal(list.headers.get('location'), '/connexion?retour=%2Fgestion%2Flieux');
      const change = await t.request(`/gestion/lieux/${bourail}/modifier`, { form: { name: 'Piraté' } });
      assert.equal(change.status, 303);
      shows(change.headers.get('location') ?? '', /^\/connexion/);
      assert.equal((await placeRow(bourail)).name, 'Médiathèque de Bourail (test)');
    });

    it('answers 404 to a place manager who asks for a place of another organisation, and changes nothing', async () => {
      const cookie = await t.cookieFor(placeManager);
      assert.equal((await t.request(`/gestion/lieux/${kone}/modifier`, { cookie })).status, 404);
      assert.equal((await t.request(`/gestion/lieux/${kone}/historique`, { cookie })).status, 404);
      const post = await t.request(`/gestion/lieux/${kone}/modifier`, { cookie, form: { name: 'Pas à moi', communeCode: '98811', postcode: '98860' } });
      assert.equal(post.status, 404);
      assert.equal((await placeRow(kone)).name, 'Espace numérique de Koné (test)');
    });

    it('refuses the pages to roles that manage no place, and creation and merging to place managers', async () => {
      const helperCookie = await t.cookieFor(helper);
      assert.equal((await t.request('/gestion/lieux', { cookie: helperCookie })).status, 403);
      assert.equal((await t.request('/gestion/signalements', { cookie: helperCookie })).status, 403);
      const managerCookie = await t.cookieFor(placeManager);
      assert.equal((await t.request('/gestion/lieux/nouveau', { cookie: managerCookie })).status, 403);
      assert.equal((await t.request('/gestion/lieux/fusion', { cookie: managerCookie })).status, 403);
    });
  });

  describe('list, creation and change', () => {
    it('lists only the places of the place manager’s organisation, and every place to a coordinator', async () => {
      const mine = await (await t.request('/gestion/lieux', { cookie: await t.cookieFor(placeManager) })).text();
      shows(mine, /Médiathèque de Bourail \(test\)/);
      lacks(mine, /Espace numérique de Koné/);
      lacks(mine, /Ajouter un lieu/);
      const all = await (await t.request('/gestion/lieux?q=kone', { cookie: await t.cookieFor(coordinator) })).text();
      shows(all, /Espace numérique de Koné \(test\)/);
      lacks(all, /Médiathèque de Bourail/);
      shows(all, /Ajouter un lieu/);
    });

    it('shows the navigation entry to a place manager', async () => {
      const html = await (await t.request('/gestion/lieux', { cookie: await t.cookieFor(placeManager) })).text();
      shows(html, /href="\/gestion\/lieux"[^>]*>Gérer les lieux/);
    });

    it('shows every field of the place in the form, enumerations as checked boxes with the standard’s labels', async () => {
      const html = await (await t.request(`/gestion/lieux/${bourail}/modifier`, { cookie: await t.cookieFor(placeManager) })).text();
      shows(html, /value="Médiathèque de Bourail \(test\)"/);
      shows(html, /value="aide_demarches" checked/);
      shows(html, /Aide aux démarches administratives/);
      shows(html, /Boucle magnétique pour les personnes malentendantes/);
      shows(html, /<legend[^>]*>Accessibilité<\/legend>/);
      shows(html, /value="\+687441234"/);
    });

    it('saves a change, keeps the search text right and records the difference in the history', async () => {
      const cookie = await t.cookieFor(placeManager);
      const res = await t.request(`/gestion/lieux/${bourail}/modifier`, {
        cookie,
        form: {
          name: 'Médiathèque de Bourail (test)',
          communeCode: '98803',
          postcode: '98870',
          address: '1 rue de la Mairie',
          phone: '44 12 34',
          services: ['aide_demarches', 'usage_securise'],
          accessibility: ['entree_plain_pied'],
          ...Object.fromEntries(
            ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi'].flatMap((day) => [
              [`horaires-${day}-debut-1`, '7:30'],
              [`horaires-${day}-fin-1`, '11:30'],
              [`horaires-${day}-debut-2`, '12h15'],
              [`horaires-${day}-fin-2`, '16:00'],
            ]),
          ),
          'horaires-feries': 'oui',
          emails: 'mediatheque@bourail.nc\naccueil@bourail.nc',
        },
      });
      assert.equal(res.status, 303);
      const row = await placeRow(bourail);
      assert.deepEqual(row.services, ['aide_demarches', 'usage_securise']);
      assert.deepEqual(row.emails, ['mediatheque@bourail.nc', 'accueil@bourail.nc']);
      assert.equal(row.openingHours, 'Mo-Fr 07:30-11:30,12:15-16:00; PH off');
      shows(row.searchText, /securise/);
      const form = await (await t.request(`/gestion/lieux/${bourail}/modifier`, { cookie })).text();
      shows(form, /id="horaires-lundi-debut-2" name="horaires-lundi-debut-2" type="text" value="12:15"/, 'the stored hours come back in the per-day fields');
      const history = await (await t.request(`/gestion/lieux/${bourail}/historique`, { cookie })).text();
      shows(history, /Historique de « Médiathèque de Bourail \(test\) »/);
      shows(history, /Léa Wenisso/);
      shows(history, /Utilisation sécurisée du numérique/);
      // Newest first: the change comes before the creation.
      assert.ok(history.indexOf('modifié') < history.indexOf('créé'), 'the change is listed before the creation');
    });

    it('refuses invalid hours and a wrong RIDET with French messages, keeping what was typed, and writes nothing', async () => {
      const before = await placeRow(bourail);
      const res = await t.request(`/gestion/lieux/${bourail}/modifier`, {
        cookie: await t.cookieFor(placeManager),
        form: { name: 'Nom changé', communeCode: '98803', postcode: '98870', ridet: '12345', 'horaires-osm': 'tous les jours sauf quand il pleut', services: ['loisirs_creations'] },
      });
      assert.equal(res.status, 422);
      const html = await res.text();
      shows(html, /<title>Erreur : /);
      shows(html, /RIDET de 7 chiffres/);
      shows(html, /ne sont pas au format OpenStreetMap/);
      shows(html, /value="Nom changé"/);
      shows(html, /value="loisirs_creations" checked/);
      assert.equal((await placeRow(bourail)).name, before.name);
    });

    it('names the day and the field when an hour cannot be read', async () => {
      const res = await t.request(`/gestion/lieux/${bourail}/modifier`, {
        cookie: await t.cookieFor(placeManager),
        form: { name: 'Médiathèque de Bourail (test)', communeCode: '98803', postcode: '98803', 'horaires-mardi-debut-1': '25:00', 'horaires-mardi-fin-1': '12:00' },
      });
      assert.equal(res.status, 422);
      const html = await res.text();
      shows(html, /<a href="#horaires-mardi-debut-1">L’heure « 25:00 » du mardi n’est pas valide/);
      shows(html, /value="25:00"/);
    });

    it('lets a coordinator add a place: its province is its commune’s, and the creation is audited', async () => {
      const res = await t.request('/gestion/lieux/nouveau', {
        cookie: await t.cookieFor(coordinator),
        form: { name: 'Case numérique de Poum (test)', communeCode: '98826', postcode: '98826', services: ['acces_internet_materiel'] },
      });
      assert.equal(res.status, 303);
      const [row] = await t.database.db.select().from(places).where(eq(places.name, 'Case numérique de Poum (test)'));
      assert.ok(row);
      assert.equal(row.province, 'nord');
      assert.equal(res.headers.get('location'), `/gestion/lieux/${row.id}/modifier`);
      const audit = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'place.create'), eq(auditEvents.subjectId, row.id)));
      assert.equal(audit.length, 1);
    });
  });

  describe('which organisation manages a place', () => {
    it('lets a coordinator hand a place to an organisation, whose place manager can then edit it; a place manager cannot choose', async () => {
      const cookie = await t.cookieFor(coordinator);
      const managerCookie = await t.cookieFor(placeManager);
      assert.equal((await t.request(`/gestion/lieux/${kone}/gestionnaire`, { cookie: managerCookie })).status, 403);
      assert.equal((await t.request(`/gestion/lieux/${kone}/modifier`, { cookie: managerCookie })).status, 404, 'not Léa’s place yet');
      const edit = await (await t.request(`/gestion/lieux/${kone}/modifier`, { cookie })).text();
      shows(edit, /Choisir l’organisation qui gère ce lieu/);
      const bad = await t.request(`/gestion/lieux/${kone}/gestionnaire`, { cookie, form: { organisationId: 'pas-un-id' } });
      assert.equal(bad.status, 422);
      shows(await bad.text(), /Choisissez une organisation dans la liste/);
      const done = await t.request(`/gestion/lieux/${kone}/gestionnaire`, { cookie, form: { organisationId: await orgId('Commune de Bourail') } });
      assert.equal(done.status, 303);
      assert.equal((await placeRow(kone)).managedBy, await orgId('Commune de Bourail'));
      assert.equal((await t.request(`/gestion/lieux/${kone}/modifier`, { cookie: managerCookie })).status, 200);
      const [event] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'place.assign'), eq(auditEvents.subjectId, kone)));
      assert.ok(event, 'the hand-over is audited');
      // Back to the agency, so that the other stories keep their starting point.
      await t.request(`/gestion/lieux/${kone}/gestionnaire`, { cookie, form: { organisationId: await orgId('Agence OPT de Koné') } });
    });
  });

  describe('error reports', () => {
    it('shows a plain-words public form with a hidden trap for robots', async () => {
      const res = await t.request(`/lieux/${bourail}/signaler`);
      assert.equal(res.status, 200);
      const html = await res.text();
      shows(html, /<h1>Signaler une erreur sur « Médiathèque de Bourail \(test\) »<\/h1>/);
      shows(html, /Qu’est-ce qui n’est pas juste/);
      shows(html, /name="site_web"[^>]*tabindex="-1"|tabindex="-1"[^>]*name="site_web"/);
      assert.equal((await t.request('/lieux/00000000-0000-7000-8000-000000000000/signaler')).status, 404);
    });

    it('refuses an empty report with messages in plain words', async () => {
      const res = await t.request(`/lieux/${bourail}/signaler`, { form: { message: '', email: 'pas-une-adresse' } });
      assert.equal(res.status, 422);
      const html = await res.text();
      shows(html, /Cochez ce qui n’est pas juste/);
      shows(html, /Écrivez ce qui n’est pas juste/);
      shows(html, /Écrivez une adresse e-mail juste/);
      assert.equal((await reportsOf(bourail)).length, 0);
    });

    it('drops silently a report whose hidden field a robot filled', async () => {
      const res = await t.request(`/lieux/${bourail}/signaler`, { form: { topics: 'horaires', message: 'Achetez des montres pas chères', site_web: 'http://spam.example' } });
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), `/lieux/${bourail}/signaler/merci`);
      assert.equal((await reportsOf(bourail)).length, 0);
    });

    it('stores a report and tells the place’s managers by e-mail through the outbox', async () => {
      const res = await t.request(`/lieux/${bourail}/signaler`, {
        form: { topics: ['horaires', 'contact'], message: 'Le lieu ouvre à 8 heures, pas à 7 heures 30.', email: 'Marie@exemple.nc', site_web: '' },
      });
      assert.equal(res.status, 303);
      const thanks = await t.request(res.headers.get('location') ?? '');
      shows(await thanks.text(), /Merci, votre message est envoyé/);
      const [report] = await reportsOf(bourail);
      assert.ok(report);
      assert.deepEqual(report.topics, ['horaires', 'contact']);
      assert.equal(report.reporterEmail, 'marie@exemple.nc');
      const mails = await t.database.db.select().from(outboxMessages).where(eq(outboxMessages.purpose, 'place_report'));
      assert.deepEqual(
        mails.map((m) => m.recipient),
        ['responsable-lieu@demo.relais.nc'],
      );
      shows(mails[0]?.bodyText ?? '', new RegExp(`/gestion/signalements/${report.id}`));
      shows(mails[0]?.bodyText ?? '', /Les horaires, Le téléphone ou l’e-mail/);
    });

    it('shows the report to the place’s manager only: another organisation gets 404', async () => {
      const [report] = await reportsOf(bourail);
      assert.ok(report);
      const inbox = await (await t.request('/gestion/signalements', { cookie: await t.cookieFor(placeManager) })).text();
      shows(inbox, /Médiathèque de Bourail \(test\) \(Bourail\)/);
      await t.database.db.transaction(async (tx) => {
        // A report on Koné's place must not show in Léa's inbox.
        await tx.insert(placeReports).values({ id: '01900000-0000-7000-8000-00000000aaaa', placeId: kone, topics: ['adresse'], message: 'Mauvaise rue' });
      });
      const again = await (await t.request('/gestion/signalements', { cookie: await t.cookieFor(placeManager) })).text();
      lacks(again, /Espace numérique de Koné/);
      const other = await t.request('/gestion/signalements/01900000-0000-7000-8000-00000000aaaa', { cookie: await t.cookieFor(placeManager) });
      assert.equal(other.status, 404);
      const answer = await t.request('/gestion/signalements/01900000-0000-7000-8000-00000000aaaa/repondre', { cookie: await t.cookieFor(placeManager), form: { answer: 'Non' } });
      assert.equal(answer.status, 404);
    });

    it('sends the manager’s answer to the reporter, then closes the report and forgets the address', async () => {
      const [report] = await reportsOf(bourail);
      assert.ok(report);
      const cookie = await t.cookieFor(placeManager);
      const empty = await t.request(`/gestion/signalements/${report.id}/repondre`, { cookie, form: { answer: '' } });
      assert.equal(empty.status, 422);
      const res = await t.request(`/gestion/signalements/${report.id}/repondre`, { cookie, form: { answer: 'Merci, les horaires sont corrigés.' } });
      assert.equal(res.status, 303);
      const answered = (await reportsOf(bourail))[0];
      assert.equal(answered?.status, 'answered');
      shows(answered?.answeredBy ?? '', /Léa Wenisso/);
      const [mail] = await t.database.db.select().from(outboxMessages).where(eq(outboxMessages.purpose, 'place_report_answer'));
      assert.equal(mail?.recipient, 'marie@exemple.nc');
      shows(mail?.bodyText ?? '', /Merci, les horaires sont corrigés\./);
      const close = await t.request(`/gestion/signalements/${report.id}/clore`, { cookie, form: {} });
      assert.equal(close.status, 303);
      const closed = (await reportsOf(bourail))[0];
      assert.equal(closed?.status, 'closed');
      assert.equal(closed?.reporterEmail, null);
      const page = await (await t.request(`/gestion/signalements/${report.id}`, { cookie })).text();
      lacks(page, /Envoyer la réponse/);
      const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, bourail));
      assert.deepEqual(
        ['place.report', 'place.report.answer', 'place.report.close'].map((a) => audit.some((e) => e.action === a)),
        [true, true, true],
      );
    });
  });

  describe('report flooding', () => {
    it('refuses an eleventh report in an hour from the same network address, in French, keeping what was typed', async () => {
      await t.database.db.delete(rateLimitEvents);
      const form = { topics: 'horaires', message: 'Les horaires du samedi ont changé.', email: '' };
      for (let i = 0; i < 10; i++) assert.equal((await t.request(`/lieux/${bourail}/signaler`, { form })).status, 303);
      const refused = await t.request(`/lieux/${bourail}/signaler`, { form });
      assert.equal(refused.status, 429);
      const html = await refused.text();
      shows(html, /Attendez une heure/);
      shows(html, /Les horaires du samedi ont changé/);
      await t.database.db.delete(rateLimitEvents);
    });
  });

  describe('merging duplicates', () => {
    let first: string;
    let second: string;

    before(async () => {
      first = await addPlace({ name: 'Cyber-case de Lifou (test)', communeCode: '98814', postcode: '98820', services: ['aide_demarches'] }, null);
      second = await addPlace(
        { name: 'Cybercase Lifou (test)', communeCode: '98814', postcode: '98820', phone: '45 11 22', services: ['outils_quotidien'], locality: 'Tribu de Wé' },
        await orgId('Association Wetr Numérique, Lifou (démonstration)'),
      );
      await t.database.db.insert(placeReports).values({ id: '01900000-0000-7000-8000-00000000bbbb', placeId: second, topics: ['autre'], message: 'Doublon' });
    });

    it('finds the duplicates, then shows the differing fields side by side with a choice for each', async () => {
      const cookie = await t.cookieFor(coordinator);
      const search = await (await t.request('/gestion/lieux/fusion?q=lifou', { cookie })).text();
      shows(search, /Cyber-case de Lifou \(test\)/);
      shows(search, /Cybercase Lifou \(test\)/);
      const one = await t.request(`/gestion/lieux/fusion/comparer?lieux=${first}`, { cookie });
      assert.equal(one.status, 422);
      shows(await one.text(), /Cochez deux lieux/);
      const compare = await t.request(`/gestion/lieux/fusion/comparer?lieux=${first}&lieux=${second}`, { cookie });
      assert.equal(compare.status, 200);
      const html = await compare.text();
      shows(html, /Lieu 1 : Aide aux démarches administratives/);
      shows(html, /Lieu 2 : Maîtrise des outils numériques du quotidien/);
      // The phone is empty in the first place: the second's is chosen by default.
      shows(html, /id="phone-2" name="phone" value="b" checked/);
    });

    it('merges field by field after a confirmation: the kept place takes the choices and the reports, the other disappears', async () => {
      const cookie = await t.cookieFor(coordinator);
      const query = `a=${first}&b=${second}&garder=a&name=a&phone=b&services=b&locality=b`;
      const confirm = await t.request(`/gestion/lieux/fusion/confirmer?${query}`, { cookie });
      assert.equal(confirm.status, 200);
      const html = await confirm.text();
      shows(html, /La fiche « Cybercase Lifou \(test\) » va disparaître/);
      shows(html, /\+687451122/);
      assert.equal((await placeRow(second)).mergedInto, null, 'nothing is merged before the POST');
      const res = await t.request('/gestion/lieux/fusion/confirmer', {
        cookie,
        form: { a: first, b: second, garder: 'a', name: 'a', phone: 'b', services: 'b', locality: 'b' },
      });
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), `/gestion/lieux/${first}/historique`);
      const kept = await placeRow(first);
      assert.equal(kept.name, 'Cyber-case de Lifou (test)');
      assert.equal(kept.phone, '+687451122');
      assert.deepEqual(kept.services, ['outils_quotidien']);
      assert.equal(kept.locality, 'Tribu de Wé');
      assert.equal(kept.managedBy, await orgId('Association Wetr Numérique, Lifou (démonstration)'));
      assert.equal((await placeRow(second)).mergedInto, first);
      assert.equal((await reportsOf(first)).length, 1);
      const merges = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'place.merge'));
      assert.deepEqual(merges.map((e) => e.subjectId).sort(), [first, second].sort());
      assert.equal((await t.request(`/gestion/lieux/${second}/modifier`, { cookie })).status, 404);
      assert.equal((await t.request(`/lieux/${second}/signaler`)).status, 404);
      const oldLink = await t.request(`/lieux/${second}`);
      assert.equal(oldLink.status, 301, 'old links to the duplicate lead to the kept place');
      assert.equal(oldLink.headers.get('location'), `/lieux/${first}`);
    });
  });
});

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, count, eq } from 'drizzle-orm';
import { activities, outboxMessages, rateLimitEvents } from '../../db/schema.ts';
import { localDay } from '../../platform/format.ts';
import { phoneMessage } from '../../platform/phone.ts';
import { countEvent } from '../../platform/rate-limit/index.ts';
import { communeByName } from '../../territory/index.ts';
import { testApp, type TestApp } from '../../../tests/support/test-app.ts';
import { createAccount, demoPassword } from '../accounts/index.ts';
import { organisationByName } from '../organisations/index.ts';
import { appointmentMotifs, appointmentOpenings, appointments } from './appointments.schema.ts';

const helper = 'aidant@demo.relais.nc';
const coordinator = 'coordinateur@demo.relais.nc';
const referent = 'referent@demo.relais.nc';
const koumacHelper = 'aidante.koumac@test.nc';

describe('appointment pages', () => {
  let t: TestApp;
  let kone = '';

  before(async () => {
    t = await testApp({ seed: true });
    const org = await organisationByName(t.database.db, 'Agence OPT de Koné');
    const koumac = await organisationByName(t.database.db, 'Agence OPT de Koumac');
    assert.ok(org && koumac && communeByName('Koumac'));
    kone = org.id;
    const created = await createAccount(t.database.db, null, { email: koumacHelper, name: 'Aidante Koumac', password: demoPassword, memberships: [{ organisationId: koumac.id, role: 'helper' }] });
    assert.ok(created.ok);
  });
  after(() => t.close());

  const count_ = async () => (await t.database.db.select({ n: count() }).from(appointments))[0]?.n ?? 0;
  const activityCount = async () => (await t.database.db.select({ n: count() }).from(activities))[0]?.n ?? 0;
  const byName = async (name: string) => {
    const [row] = await t.database.db.select().from(appointments).where(and(eq(appointments.personName, name), eq(appointments.organisationId, kone)));
    assert.ok(row, name);
    return row;
  };
  const motifOf = async (mode: 'in_person' | 'phone') => {
    const [row] = await t.database.db.select().from(appointmentMotifs).where(and(eq(appointmentMotifs.organisationId, kone), eq(appointmentMotifs.mode, mode)));
    assert.ok(row);
    return row.id;
  };

  /** The first free slot offered over the three weeks, as the public page shows it. */
  async function firstFreeSlot(motif: string): Promise<string> {
    for (const week of [1, 2, 3]) {
      const html = await (await t.request(`/rendez-vous/creneau?agence=${kone}&motif=${motif}&semaine=${week}`)).text();
      const key = /name="creneau" value="([^"]+)"/.exec(html)?.[1];
      if (key) return key;
    }
    assert.fail('no free slot in three weeks');
  }

  it('sends anonymous visitors to sign in for the agency’s pages, and answers 403 to roles without appointments', async () => {
    for (const path of ['/rendez-vous/agenda', '/rendez-vous/gestion', `/rendez-vous/gestion/${kone}`]) {
      const res = await t.request(path);
      assert.equal(res.status, 303, path);
      assert.match(res.headers.get('location') ?? '', /^\/connexion/);
    }
    const cookie = await t.cookieFor(referent);
    assert.equal((await t.request('/rendez-vous/agenda', { cookie })).status, 403);
    assert.equal((await t.request('/rendez-vous/gestion', { cookie })).status, 403);
    // A coordinator keeps the agencies' settings but never sees people's names.
    const coord = await t.cookieFor(coordinator);
    assert.equal((await t.request('/rendez-vous/agenda', { cookie: coord })).status, 403);
    const list = await (await t.request('/rendez-vous/gestion', { cookie: coord })).text();
    for (const name of ['Koné', 'Koumac', 'Bourail', 'Yaté', 'Tontouta', 'Tadine']) assert.match(list, new RegExp(`Agence OPT de ${name}`));
    assert.equal((await t.request(`/rendez-vous/gestion/${kone}`, { cookie: coord })).status, 200);
  });

  it('hides another agency’s appointments and settings from a helper of another organisation', async () => {
    const cookie = await t.cookieFor(koumacHelper);
    const marie = await byName('Marie Wamytan');
    assert.equal((await t.request(`/rendez-vous/agenda?agence=${kone}`, { cookie })).status, 404);
    assert.equal((await t.request(`/rendez-vous/agenda/${marie.id}/etat`, { cookie, form: { statut: 'absent' } })).status, 404);
    assert.equal((await t.request(`/rendez-vous/agenda/${marie.id}/accompagnement`, { cookie })).status, 404);
    assert.equal((await t.request(`/rendez-vous/gestion/${kone}`, { cookie })).status, 404);
    assert.equal((await t.request(`/rendez-vous/gestion/${kone}/raisons/nouvelle`, { cookie, form: { label: 'Intrus', durationMinutes: '30', mode: 'in_person', position: '1', active: 'oui' } })).status, 404);
    assert.equal((await byName('Marie Wamytan')).status, 'booked');
    // Their own agency's day opens, and shows none of Koné's people.
    const own = await t.request('/rendez-vous/agenda', { cookie });
    assert.equal(own.status, 200);
    assert.doesNotMatch(await own.text(), /Marie Wamytan/);
  });

  it('lets anyone book without an account, confirms by SMS, and cancels by the link after a confirmation page', async () => {
    const start = await (await t.request('/rendez-vous')).text();
    assert.match(start, /Koné : Agence OPT de Koné/);
    assert.match(start, /Étape 1 sur 4/);
    const home = await (await t.request('/')).text();
    assert.match(home, /href="\/rendez-vous"/);
    const motifs = await (await t.request(`/rendez-vous/motif?agence=${kone}`)).text();
    assert.match(motifs, /Créer ou ouvrir un compte en ligne/);
    const motif = await motifOf('in_person');
    const slot = await firstFreeSlot(motif);
    const details = await t.request(`/rendez-vous/coordonnees?agence=${kone}&motif=${motif}&creneau=${slot}`);
    assert.equal(details.status, 200);
    const before = await count_();
    const res = await t.request('/rendez-vous', { form: { agence: kone, motif, creneau: slot, nom: 'Lucie Kaouma', telephone: '75 44 33', email: '', site_web: '' } });
    assert.equal(res.status, 303);
    const location = res.headers.get('location') ?? '';
    const token = /^\/rendez-vous\/r\/([A-Za-z0-9_-]{43})$/.exec(location)?.[1];
    assert.ok(token, location);
    assert.equal(await count_(), before + 1);
    const booked = await byName('Lucie Kaouma');
    assert.equal(booked.phone, '+687754433');
    assert.notEqual(booked.cancelTokenHash, token);
    const [sms] = await t.database.db.select().from(outboxMessages).where(and(eq(outboxMessages.purpose, 'appointment.confirmation'), eq(outboxMessages.recipient, '+687754433')));
    assert.ok(sms?.bodyText.includes(`/rendez-vous/r/${token}/annuler`));
    const mine = await t.request(location);
    assert.equal(mine.status, 200);
    assert.equal(mine.headers.get('cache-control'), 'private, no-store');
    assert.match(await mine.text(), /Annuler le rendez-vous/);
    // Cancelling asks first, then cancels.
    const confirm = await t.request(`${location}/annuler`);
    assert.match(await confirm.text(), /Voulez-vous annuler votre rendez-vous/);
    assert.equal((await byName('Lucie Kaouma')).status, 'booked');
    const cancelled = await t.request(`${location}/annuler`, { method: 'POST' });
    assert.equal(cancelled.status, 303);
    assert.equal((await byName('Lucie Kaouma')).status, 'cancelled');
    assert.match(await (await t.request(location)).text(), /Ce rendez-vous est annulé/);
    // A made-up link leads nowhere.
    assert.equal((await t.request(`/rendez-vous/r/${'A'.repeat(43)}`)).status, 404);
    assert.equal((await t.request(`/rendez-vous/r/${'A'.repeat(43)}/annuler`, { method: 'POST' })).status, 404);
  });

  it('answers bad input with a French message on the field, keeps what was typed and saves nothing', async () => {
    const motif = await motifOf('in_person');
    const slot = await firstFreeSlot(motif);
    const before = await count_();
    const post = (form: Record<string, string>) => t.request('/rendez-vous', { form: { agence: kone, motif, creneau: slot, nom: 'Lucie Kaouma', telephone: '', email: '', site_web: '', ...form } });

    const badPhone = await post({ telephone: '12' });
    assert.equal(badPhone.status, 422);
    const html = await badPhone.text();
    assert.match(html, /<title>Erreur : /);
    assert.ok(html.includes(phoneMessage));
    assert.match(html, /id="telephone-error"/);
    assert.match(html, /value="12"/);
    assert.match(html, /value="Lucie Kaouma"/);

    const noContact = await post({});
    assert.equal(noContact.status, 422);
    assert.match(await noContact.text(), /Donnez un numéro de téléphone ou une adresse e-mail/);

    const past = await post({ telephone: '75 44 33', creneau: '2020-01-06T08:00' });
    assert.equal(past.status, 422);
    assert.match(await past.text(), /Cette heure n’est pas possible : elle est passée/);

    const unknownMotif = await post({ telephone: '75 44 33', motif: '01a20135-0000-7000-8000-000000000000' });
    assert.equal(unknownMotif.status, 422);
    assert.match(await unknownMotif.text(), /Cette raison n’est pas proposée/);

    const phoneMotif = await t.request('/rendez-vous', { form: { agence: kone, motif: await motifOf('phone'), creneau: await firstFreeSlot(await motifOf('phone')), nom: 'Lucie Kaouma', telephone: '', email: 'lucie@exemple.nc', site_web: '' } });
    assert.equal(phoneMotif.status, 422);
    assert.match(await phoneMotif.text(), /l’aidant vous appelle/);

    const badEmail = await post({ email: 'lucie@' });
    assert.equal(badEmail.status, 422);
    assert.match(await badEmail.text(), /Écrivez une adresse e-mail juste/);
    assert.equal(await count_(), before);

    // Steps of the journey given nonsense go back to the step to redo, with its message.
    const noAgency = await t.request('/rendez-vous/motif?agence=nimporte');
    assert.equal(noAgency.status, 422);
    assert.match(await noAgency.text(), /Cette agence ne prend pas de rendez-vous/);
    const noSlot = await t.request(`/rendez-vous/coordonnees?agence=${kone}&motif=${motif}&creneau=2020-01-06T08:00`);
    assert.equal(noSlot.status, 422);
  });

  it('drops a booking that fills the hidden field, and limits bookings from one address', async () => {
    const motif = await motifOf('in_person');
    const slot = await firstFreeSlot(motif);
    const before = await count_();
    const robot = await t.request('/rendez-vous', { form: { agence: kone, motif, creneau: slot, nom: 'Robot', telephone: '75 44 33', site_web: 'http://spam' } });
    assert.equal(robot.status, 303);
    assert.equal(robot.headers.get('location'), '/rendez-vous');
    assert.equal(await count_(), before);
    await countEvent(t.database.db, ...Array.from({ length: 6 }, () => 'appointment:ip:inconnue'));
    const limited = await t.request('/rendez-vous', { form: { agence: kone, motif, creneau: slot, nom: 'Lucie Kaouma', telephone: '75 44 33', site_web: '' } });
    assert.equal(limited.status, 429);
    assert.match(await limited.text(), /Attendez une heure/);
    assert.equal(await count_(), before);
    await t.database.db.delete(rateLimitEvents);
  });

  it('shows the helper the day at OPT Koné and marks an appointment seen', async () => {
    const cookie = await t.cookieFor(helper);
    const day = await t.request('/rendez-vous/agenda', { cookie });
    assert.equal(day.status, 200);
    const html = await day.text();
    for (const name of ['Marie Wamytan', 'Jean-Pierre Gowé', 'Sylvie Néaoutyine', 'Paul Tein']) assert.match(html, new RegExp(name));
    assert.match(html, /href="\/rendez-vous\/agenda"[^>]*aria-current="page"|aria-current="page"[^>]*href="\/rendez-vous\/agenda"/);
    const marie = await byName('Marie Wamytan');
    const res = await t.request(`/rendez-vous/agenda/${marie.id}/etat`, { cookie, form: { statut: 'vu' } });
    assert.equal(res.status, 303);
    assert.equal((await byName('Marie Wamytan')).status, 'seen');
    const absent = await byName('Sylvie Néaoutyine');
    await t.request(`/rendez-vous/agenda/${absent.id}/etat`, { cookie, form: { statut: 'absent' } });
    assert.equal((await byName('Sylvie Néaoutyine')).status, 'absent');
    // Another day: empty state.
    const empty = await (await t.request(`/rendez-vous/agenda?agence=${kone}&jour=2020-01-06`, { cookie })).text();
    assert.match(empty, /Aucun rendez-vous ce jour-là/);
  });

  it('turns a seen appointment into one activity record, prefilled, and never twice', async () => {
    const cookie = await t.cookieFor(helper);
    const marie = await byName('Marie Wamytan');
    assert.equal(marie.status, 'seen');
    const form = await (await t.request(`/rendez-vous/agenda/${marie.id}/accompagnement`, { cookie })).text();
    assert.match(form, new RegExp(`id="date" name="date" type="date" value="${localDay(new Date())}"`));
    assert.match(form, /id="duration" name="duration" type="number" value="30"/);
    assert.match(form, /value="at_place" checked=""/);
    const before = await activityCount();

    const noTheme = await t.request(`/rendez-vous/agenda/${marie.id}/accompagnement`, { cookie, form: { date: localDay(new Date()), duration: '30', channel: 'at_place', notes: 'Espace CAFAT créé' } });
    assert.equal(noTheme.status, 422);
    const noThemeHtml = await noTheme.text();
    assert.match(noThemeHtml, /Choisissez au moins un thème/);
    assert.match(noThemeHtml, /Espace CAFAT créé/);
    const future = await t.request(`/rendez-vous/agenda/${marie.id}/accompagnement`, { cookie, form: { date: '2099-01-01', duration: '30', channel: 'at_place', themes: 'administrative_procedures' } });
    assert.equal(future.status, 422);
    assert.match(await future.text(), /La date ne peut pas être dans le futur/);
    const unknownTheme = await t.request(`/rendez-vous/agenda/${marie.id}/accompagnement`, { cookie, form: { date: localDay(new Date()), duration: '30', channel: 'au-bar', themes: 'cuisine' } });
    assert.equal(unknownTheme.status, 422);
    const unknownHtml = await unknownTheme.text();
    assert.match(unknownHtml, /Choisissez un thème de la liste/);
    assert.match(unknownHtml, /Choisissez où l’accompagnement a eu lieu/);
    const zero = await t.request(`/rendez-vous/agenda/${marie.id}/accompagnement`, { cookie, form: { date: localDay(new Date()), duration: '0', channel: 'at_place', themes: 'email' } });
    assert.equal(zero.status, 422);
    assert.match(await zero.text(), /id="duration-error"/);
    assert.equal(await activityCount(), before);

    const ok = { date: localDay(new Date()), duration: '30', channel: 'at_place', themes: ['administrative_procedures', 'email'], autonomy: 'partly_autonomous', notes: '' };
    const [first, second] = await Promise.all([
      t.request(`/rendez-vous/agenda/${marie.id}/accompagnement`, { cookie, form: ok }),
      t.request(`/rendez-vous/agenda/${marie.id}/accompagnement`, { cookie, form: ok }),
    ]);
    assert.deepEqual([first.status, second.status], [303, 303]);
    assert.equal(await activityCount(), before + 1);
    const linked = await byName('Marie Wamytan');
    assert.ok(linked.activityId);
    const [activity] = await t.database.db.select().from(activities).where(eq(activities.id, linked.activityId));
    assert.equal(activity?.durationMinutes, 30);
    assert.equal(activity?.channel, 'at_place');
    assert.equal(activity?.placeId, linked.placeId);
    assert.equal(activity?.organisationId, kone);
    // Once more, later: refused, nothing new; the mark cannot change under the record either.
    const again = await t.request(`/rendez-vous/agenda/${marie.id}/accompagnement`, { cookie, form: ok });
    assert.equal(again.status, 303);
    assert.equal(await activityCount(), before + 1);
    await t.request(`/rendez-vous/agenda/${marie.id}/etat`, { cookie, form: { statut: 'absent' } });
    assert.equal((await byName('Marie Wamytan')).status, 'seen');
    const day = await (await t.request('/rendez-vous/agenda', { cookie })).text();
    assert.ok(day.includes(`href="/activites/${linked.activityId}"`));
    // Deleting the record (a mistake) unlinks the appointment, which can then be recorded again.
    const deleted = await t.request(`/activites/${linked.activityId}/supprimer`, { cookie, method: 'POST' });
    assert.equal(deleted.status, 303);
    assert.equal((await byName('Marie Wamytan')).activityId, null);
    assert.equal(await activityCount(), before);
    assert.equal((await t.request(`/rendez-vous/agenda/${marie.id}/accompagnement`, { cookie, form: ok })).status, 303);
    assert.equal(await activityCount(), before + 1);
    // Only a seen appointment becomes a record.
    const jean = await byName('Jean-Pierre Gowé');
    const notSeen = await t.request(`/rendez-vous/agenda/${jean.id}/accompagnement`, { cookie, form: ok });
    assert.equal(notSeen.status, 303);
    assert.equal(await activityCount(), before + 1);
  });

  it('prefills a phone appointment as remote help', async () => {
    const cookie = await t.cookieFor(helper);
    const paul = await byName('Paul Tein');
    await t.request(`/rendez-vous/agenda/${paul.id}/etat`, { cookie, form: { statut: 'vu' } });
    const form = await (await t.request(`/rendez-vous/agenda/${paul.id}/accompagnement`, { cookie })).text();
    assert.match(form, /value="remote" checked=""/);
    assert.match(form, /id="duration" name="duration" type="number" value="15"/);
  });

  it('lets the agency keep its reasons, hours and closed days, with messages on bad input', async () => {
    const cookie = await t.cookieFor(helper);
    const base = `/rendez-vous/gestion/${kone}`;
    assert.equal((await t.request(base, { cookie })).status, 200);
    const badMotif = await t.request(`${base}/raisons/nouvelle`, { cookie, form: { label: 'Imprimer un document', durationMinutes: '0', mode: 'in_person', position: '10', active: 'oui' } });
    assert.equal(badMotif.status, 422);
    assert.match(await badMotif.text(), /Entrez une durée entre 5 et 240 minutes/);
    const added = await t.request(`${base}/raisons/nouvelle`, { cookie, form: { label: 'Imprimer un document', durationMinutes: '15', mode: 'in_person', position: '10', active: 'oui' } });
    assert.equal(added.status, 303);
    assert.match(await (await t.request(`/rendez-vous/motif?agence=${kone}`)).text(), /Imprimer un document/);

    const openings = async () => (await t.database.db.select({ n: count() }).from(appointmentOpenings).where(eq(appointmentOpenings.organisationId, kone)))[0]?.n ?? 0;
    const n = await openings();
    const overlap = await t.request(`${base}/horaires`, { cookie, form: { weekday: '1', start: '09:00', end: '10:00', counters: '1' } });
    assert.equal(overlap.status, 422);
    assert.match(await overlap.text(), /chevauche un autre horaire/);
    const backwards = await t.request(`${base}/horaires`, { cookie, form: { weekday: '6', start: '11:00', end: '09:00', counters: '1' } });
    assert.equal(backwards.status, 422);
    assert.match(await backwards.text(), /L’heure de fin doit être après l’heure de début/);
    assert.equal(await openings(), n);
    assert.equal((await t.request(`${base}/horaires`, { cookie, form: { weekday: '6', start: '8h', end: '11:00', counters: '2' } })).status, 303);
    assert.equal(await openings(), n + 1);

    const closed = await t.request(`${base}/fermetures`, { cookie, form: { day: '2020-01-06', reason: '' } });
    assert.equal(closed.status, 422);
    assert.equal((await t.request(`${base}/reglages`, { cookie, form: { placeId: '', published: 'non' } })).status, 303);
    assert.doesNotMatch(await (await t.request('/rendez-vous')).text(), /Agence OPT de Koné/);
    assert.equal((await t.request(`${base}/reglages`, { cookie, form: { placeId: '01a20135-0000-7000-8000-000000000000', published: 'oui' } })).status, 422);
  });
});

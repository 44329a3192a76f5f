import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { and, eq } from 'drizzle-orm';
import { auditEvents, outboxMessages, rateLimitEvents } from '../../db/schema.ts';
import { testApp, type TestApp } from '../../../tests/support/test-app.ts';
import { userByEmail } from '../accounts/index.ts';
import { communeByName } from '../../territory/index.ts';
import { register } from './workshops.commands.ts';
import { answers, makeProgramme, makeSession } from './workshops.fixtures.ts';
import { workshopRegistrations, workshopRegistrationSensitive, workshopSessions } from './workshops.schema.ts';

const trainerEmail = 'formateur@demo.relais.nc';
const coordinatorEmail = 'coordinateur@demo.relais.nc';
const otherHelperEmail = 'aidant@demo.relais.nc';
const context = { baseUrl: 'http://localhost:3000' };

/** The VEVENT blocks of an iCalendar text, lines unfolded (RFC 5545 §3.1), as name → value maps. */
function parseEvents(ics: string): Map<string, string>[] {
  const lines = ics.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  const events: Map<string, string>[] = [];
  let current: Map<string, string> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = new Map();
    else if (line === 'END:VEVENT' && current) {
      events.push(current);
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      current.set(line.slice(0, colon).split(';')[0] ?? '', line.slice(colon + 1));
    }
  }
  return events;
}

describe('workshop pages', () => {
  let t: TestApp;
  let seriesId: string;
  let slug: string;
  let sessionId: string;
  let fullId: string;

  const form = (overrides: Record<string, string | string[]> = {}) => ({
    name: 'Marie Wamytan',
    phone: '75 12 34',
    email: '',
    communeCode: communeByName('Lifou')?.code ?? '',
    accessNeeds: ['lsf_interpreter'],
    accessNeedsText: '',
    disability: 'yes',
    disabilityConsent: 'oui',
    ...overrides,
  });
  const registrationsOf = (id: string) => t.database.db.select().from(workshopRegistrations).where(eq(workshopRegistrations.sessionId, id));

  before(async () => {
    t = await testApp({ seed: true });
    const trainer = await userByEmail(t.database.db, trainerEmail);
    assert.ok(trainer);
    ({ seriesId, slug } = await makeProgramme(t.database.db));
    sessionId = await makeSession(t.database.db, seriesId, { capacity: 5, trainers: [trainer.id] });
    fullId = await makeSession(t.database.db, seriesId, { capacity: 1, daysAhead: 20 });
    await t.database.db.transaction((tx) => register(tx, null, fullId, answers(), context));
  });
  after(() => t.close());

  it('shows the agenda, a session and the programme to anonymous visitors', async () => {
    const agenda = await t.request('/ateliers');
    assert.equal(agenda.status, 200);
    const html = await agenda.text();
    assert.match(html, /Les ateliers numériques/);
    assert.match(html, new RegExp(`/ateliers/${sessionId}`));
    const one = await t.request(`/ateliers/${sessionId}`);
    const page = await one.text();
    assert.equal(one.status, 200);
    assert.match(page, /Il reste 5 places/);
    assert.match(page, /Interprète en langue des signes/);
    assert.match(page, /Salle de la tribu de Hnathalo/);
    assert.match(page, /<svg[^>]*aria-hidden="true"/);
    const full = await (await t.request(`/ateliers/${fullId}`)).text();
    assert.match(full, /liste d’attente/);
    const programme = await t.request(`/programmes/${slug}`);
    assert.equal(programme.status, 200);
    assert.match(await programme.text(), /OPEN NC/);
    assert.equal((await t.request('/programmes/inconnu')).status, 404);
    assert.equal((await t.request('/ateliers/pas-un-id')).status, 404);
  });

  it('filters the agenda from the address (commune, month, theme, accessibility)', async () => {
    const lifou = communeByName('Lifou')?.code ?? '';
    const koné = communeByName('Koné')?.code ?? '';
    assert.match(await (await t.request(`/ateliers?commune=${lifou}&accessibilite=lsf_interpreter&programme=${slug}`)).text(), new RegExp(sessionId));
    assert.doesNotMatch(await (await t.request(`/ateliers?commune=${koné}&programme=${slug}`)).text(), new RegExp(sessionId));
    assert.doesNotMatch(await (await t.request(`/ateliers?theme=health&programme=${slug}`)).text(), new RegExp(sessionId));
    assert.doesNotMatch(await (await t.request(`/ateliers?accessibilite=hearing_loop&programme=${slug}`)).text(), new RegExp(sessionId));
    assert.doesNotMatch(await (await t.request(`/ateliers?mois=2020-01`)).text(), new RegExp(sessionId));
    // Nonsense in the address is ignored, not an error.
    assert.equal((await t.request('/ateliers?commune=%00&mois=abc&theme=x&page=-3')).status, 200);
  });

  it('registers without an account: 303, the registration, its sensitive answers and the SMS, all at once', async () => {
    const res = await t.request(`/ateliers/${sessionId}/inscription`, { form: form() });
    assert.equal(res.status, 303);
    assert.match(res.headers.get('location') ?? '', /inscription\/faite\?etat=inscrit/);
    const [row] = (await registrationsOf(sessionId)).filter((r) => r.name === 'Marie Wamytan');
    assert.ok(row);
    assert.equal(row.phone, '+687751234');
    assert.equal(row.status, 'confirmed');
    const [sensitive] = await t.database.db.select().from(workshopRegistrationSensitive).where(eq(workshopRegistrationSensitive.registrationId, row.id));
    assert.equal(sensitive?.disability, 'yes');
    const sms = await t.database.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, '+687751234'));
    assert.equal(sms.length, 1);
    assert.match(sms[0]?.bodyText ?? '', /vous êtes inscrit/);
  });

  it('refuses bad input in French, keeps what was typed, and saves nothing', async () => {
    const before = (await registrationsOf(sessionId)).length;
    const res = await t.request(`/ateliers/${sessionId}/inscription`, { form: form({ name: 'Paul Gope', phone: '12', email: 'pas-une-adresse' }) });
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /Entrez un numéro de téléphone à 6 chiffres/);
    assert.match(html, /Écrivez une adresse e-mail juste/);
    assert.match(html, /value="Paul Gope"/);
    const none = await t.request(`/ateliers/${sessionId}/inscription`, { form: form({ phone: '', email: '' }) });
    assert.equal(none.status, 422);
    assert.match(await none.text(), /numéro de téléphone ou votre adresse e-mail/);
    assert.equal((await registrationsOf(sessionId)).length, before);
  });

  it('refuses registrations for a past or cancelled session with a French message', async () => {
    const past = await makeSession(t.database.db, seriesId, { daysAhead: -1 });
    const cancelled = await makeSession(t.database.db, seriesId);
    await t.database.db.update(workshopSessions).set({ status: 'cancelled', cancellationReason: 'Cyclone.' }).where(eq(workshopSessions.id, cancelled));
    const onPast = await t.request(`/ateliers/${past}/inscription`, { form: form() });
    assert.equal(onPast.status, 409);
    assert.match(await onPast.text(), /a déjà eu lieu/);
    const onCancelled = await t.request(`/ateliers/${cancelled}/inscription`, { form: form() });
    assert.equal(onCancelled.status, 409);
    assert.match(await onCancelled.text(), /est annulé/);
    assert.equal((await registrationsOf(past)).length + (await registrationsOf(cancelled)).length, 0);
  });

  it('drops robots silently (honeypot)', async () => {
    const before = (await registrationsOf(sessionId)).length;
    const res = await t.request(`/ateliers/${sessionId}/inscription`, { form: form({ site_web: 'http://spam.example' }) });
    assert.equal(res.status, 303);
    assert.equal((await registrationsOf(sessionId)).length, before);
  });

  it('limits anonymous registrations from one address', async () => {
    const target = await makeSession(t.database.db, seriesId, { capacity: 50 });
    await t.database.db.delete(rateLimitEvents);
    let last = 0;
    for (let i = 0; i < 16; i += 1) last = (await t.request(`/ateliers/${target}/inscription`, { form: form({ name: `Robot ${i}`, phone: '', email: `r${i}@exemple.nc` }) })).status;
    assert.equal(last, 429);
    assert.equal((await registrationsOf(target)).length, 15);
  });

  it('cancels by the link of the message, and the page of the link says so', async () => {
    const r = await t.database.db.transaction((tx) => register(tx, null, sessionId, answers(), context));
    assert.ok(r.ok);
    const page = await t.request(`/ateliers/mon-inscription/${r.value.token}`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Annuler mon inscription/);
    const done = await t.request(`/ateliers/mon-inscription/${r.value.token}/annuler`, { method: 'POST', form: {} });
    assert.equal(done.status, 200);
    const [row] = await t.database.db.select().from(workshopRegistrations).where(eq(workshopRegistrations.id, r.value.id));
    assert.equal(row?.status, 'cancelled');
    assert.equal((await t.request('/ateliers/mon-inscription/inconnu-inconnu-inconnu-inconnu')).status, 404);
  });

  it('sends anonymous visitors to sign in for the management pages', async () => {
    for (const path of ['/gestion/ateliers', '/gestion/programmes', `/gestion/seances/${sessionId}`, `/gestion/seances/${sessionId}/besoins`]) {
      const res = await t.request(path);
      assert.equal(res.status, 303, path);
      assert.match(res.headers.get('location') ?? '', /^\/connexion/);
    }
  });

  it('shows a trainer their session and its sensitive answers (audited), and refuses another organisation’s helper', async () => {
    const trainer = await t.cookieFor(trainerEmail);
    const list = await (await t.request('/gestion/ateliers', { cookie: trainer })).text();
    assert.match(list, new RegExp(sessionId));
    // Only the sessions they train, on demand (the trainer is also an OPEN NC member, so sees all by default).
    const mine = await (await t.request('/gestion/ateliers?mes=1', { cookie: trainer })).text();
    assert.match(mine, new RegExp(sessionId));
    assert.doesNotMatch(mine, new RegExp(fullId));
    assert.match(list, new RegExp(fullId));
    const detail = await t.request(`/gestion/seances/${sessionId}`, { cookie: trainer });
    assert.equal(detail.status, 200);
    assert.match(await detail.text(), /Marie Wamytan/);
    const sensitive = await t.request(`/gestion/seances/${sessionId}/besoins`, { cookie: trainer });
    assert.equal(sensitive.status, 200);
    assert.match(await sensitive.text(), /Un interprète en langue des signes/);
    const audits = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'workshop.sensitive.read'), eq(auditEvents.subjectId, sessionId)));
    assert.equal(audits.length, 1);
    const other = await t.cookieFor(otherHelperEmail);
    assert.equal((await t.request(`/gestion/seances/${sessionId}`, { cookie: other })).status, 403);
    assert.equal((await t.request(`/gestion/seances/${sessionId}/besoins`, { cookie: other })).status, 403);
    assert.doesNotMatch(await (await t.request('/gestion/ateliers', { cookie: other })).text(), new RegExp(sessionId));
    // The government coordinator manages the session but does not read its sensitive answers.
    const coordinator = await t.cookieFor(coordinatorEmail);
    assert.equal((await t.request(`/gestion/seances/${sessionId}`, { cookie: coordinator })).status, 200);
    assert.equal((await t.request(`/gestion/seances/${sessionId}/besoins`, { cookie: coordinator })).status, 403);
  });

  it('refuses a capacity below the registrations in French, keeping the form', async () => {
    const coordinator = await t.cookieFor(coordinatorEmail);
    for (let i = 0; i < 2; i += 1) await t.database.db.transaction((tx) => register(tx, null, sessionId, answers(), context));
    const taken = (await registrationsOf(sessionId)).filter((r) => r.status === 'confirmed').length;
    assert.ok(taken >= 3);
    const res = await t.request(`/gestion/seances/${sessionId}/modifier`, {
      cookie: coordinator,
      form: { day: '2030-01-15', startTime: '9:00', endTime: '11:00', placeId: '', spotName: 'Salle', spotAddress: '', communeCode: communeByName('Lifou')?.code ?? '', capacity: '1', accessibility: [] },
    });
    assert.equal(res.status, 422);
    assert.match(await res.text(), new RegExp(`${taken} personnes sont déjà inscrites : le nombre de places ne peut pas être plus petit que ${taken}`));
    const [row] = await t.database.db.select().from(workshopSessions).where(eq(workshopSessions.id, sessionId));
    assert.equal(row?.capacity, 5);
  });

  it('lets a helper register someone on their behalf, marked as such', async () => {
    const helper = await t.cookieFor(otherHelperEmail);
    const res = await t.request(`/gestion/seances/${fullId}/inscrire`, { cookie: helper, form: form({ name: 'Sione Tuifua', phone: '75 99 88' }) });
    assert.equal(res.status, 303);
    assert.match(res.headers.get('location') ?? '', /etat=attente/);
    const [row] = (await registrationsOf(fullId)).filter((r) => r.name === 'Sione Tuifua');
    const user = await userByEmail(t.database.db, otherHelperEmail);
    assert.equal(row?.registeredByUserId, user?.id);
    assert.equal(row?.status, 'waiting');
  });

  it('lets the coordinator cancel a registration for the person, after confirmation; the seat goes to the next', async () => {
    const coordinator = await t.cookieFor(coordinatorEmail);
    const target = await makeSession(t.database.db, seriesId, { capacity: 1 });
    const first = await t.database.db.transaction((tx) => register(tx, null, target, answers({ phone: '+687757777' }), context));
    const second = await t.database.db.transaction((tx) => register(tx, null, target, answers({ phone: '+687757778' }), context));
    assert.ok(first.ok && second.ok);
    const detail = await (await t.request(`/gestion/seances/${target}`, { cookie: coordinator })).text();
    assert.match(detail, new RegExp(`/gestion/inscriptions/${first.value.id}/annuler`));
    const other = await t.cookieFor(otherHelperEmail);
    assert.equal((await t.request(`/gestion/inscriptions/${first.value.id}/annuler`, { cookie: other, form: {} })).status, 403);
    assert.equal((await t.request(`/gestion/inscriptions/${first.value.id}/annuler`, { cookie: coordinator })).status, 200);
    const res = await t.request(`/gestion/inscriptions/${first.value.id}/annuler`, { cookie: coordinator, form: {} });
    assert.equal(res.status, 303);
    const rows = await registrationsOf(target);
    assert.equal(rows.find((r) => r.id === first.value.id)?.status, 'cancelled');
    assert.equal(rows.find((r) => r.id === second.value.id)?.status, 'offered');
    const told = await t.database.db.select().from(outboxMessages).where(and(eq(outboxMessages.recipient, '+687757777'), eq(outboxMessages.purpose, 'workshop.registration_cancelled')));
    assert.equal(told.length, 1);
  });

  it('cancels a session after confirmation and tells the registrants', async () => {
    const coordinator = await t.cookieFor(coordinatorEmail);
    const target = await makeSession(t.database.db, seriesId);
    await t.database.db.transaction((tx) => register(tx, null, target, answers({ phone: '+687758888' }), context));
    const confirm = await t.request(`/gestion/seances/${target}/annuler`, { cookie: coordinator });
    assert.equal(confirm.status, 200);
    assert.match(await confirm.text(), /Oui, annuler la séance/);
    const empty = await t.request(`/gestion/seances/${target}/annuler`, { cookie: coordinator, form: { reason: '' } });
    assert.equal(empty.status, 422);
    const res = await t.request(`/gestion/seances/${target}/annuler`, { cookie: coordinator, form: { reason: 'Route coupée.' } });
    assert.equal(res.status, 303);
    const sms = await t.database.db.select().from(outboxMessages).where(and(eq(outboxMessages.recipient, '+687758888'), eq(outboxMessages.purpose, 'workshop.session_cancelled')));
    assert.equal(sms.length, 1);
  });

  it('lets the coordinator create a programme with targets, a series and a session', async () => {
    const coordinator = await t.cookieFor(coordinatorEmail);
    const { organisationByName } = await import('../organisations/index.ts');
    const openNc = await organisationByName(t.database.db, 'OPEN NC');
    const bad = await t.request('/gestion/programmes/nouveau', { cookie: coordinator, form: { name: '', startsOn: '2026-05-01', endsOn: '2026-01-01' } });
    assert.equal(bad.status, 422);
    assert.match(await bad.text(), /Entrez le nom du programme/);
    const created = await t.request('/gestion/programmes/nouveau', { cookie: coordinator, form: { name: 'Connectés à Thio', startsOn: '2026-05-01', endsOn: '2026-12-31', funders: 'Province Sud\nCommune de Thio', consortium: [openNc?.id ?? ''] } });
    assert.equal(created.status, 303);
    const programmePath = created.headers.get('location') ?? '';
    const target = await t.request(`${programmePath}/objectifs/nouveau`, { cookie: coordinator, form: { kind: 'custom', label: 'Tablettes prêtées', targetValue: '40' } });
    assert.equal(target.status, 303);
    const series = await t.request(`${programmePath}/ateliers/nouveau`, { cookie: coordinator, form: { title: 'La tablette en famille', themes: ['equipment_handling'], level: 'beginner', descriptionFalc: 'Vous apprenez à utiliser une tablette.', pictograms: ['tablet'] } });
    assert.equal(series.status, 303);
    const seriesPath = series.headers.get('location') ?? '';
    const session = await t.request(`${seriesPath}/seances/nouvelle`, { cookie: coordinator, form: { day: '2030-06-10', startTime: '8h30', endTime: '11:00', spotName: 'Salle de la mission', communeCode: communeByName('Thio')?.code ?? '', capacity: '8', accessibility: ['falc_materials'] } });
    assert.equal(session.status, 303);
    const page = await (await t.request('/programmes/connectes-a-thio')).text();
    assert.match(page, /<th scope="row" class="r-table__header">Tablettes prêtées<\/th><td class="r-table__cell r-table__cell--numeric">40<\/td>/);
    assert.match(page, /La tablette en famille/);
    // A helper outside the consortium cannot change it.
    const helper = await t.cookieFor(otherHelperEmail);
    assert.equal((await t.request(`${programmePath}/modifier`, { cookie: helper })).status, 403);
  });

  it('publishes iCalendar feeds that a calendar can read', async () => {
    for (const path of ['/ateliers.ics', `/programmes/${slug}/ateliers.ics`]) {
      const res = await t.request(path);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^text\/calendar/);
      const text = await res.text();
      assert.match(text, /^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
      assert.match(text, /X-WR-TIMEZONE:Pacific\/Noumea/);
      assert.ok(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75), 'lines folded at 75 octets');
      const events = parseEvents(text);
      const ours = events.find((e) => e.get('UID')?.startsWith(`atelier-${sessionId}@`));
      assert.ok(ours, `${path} has the session`);
      assert.match(ours.get('DTSTART') ?? '', /^\d{8}T\d{6}Z$/);
      assert.match(ours.get('DTEND') ?? '', /^\d{8}T\d{6}Z$/);
      assert.match(ours.get('DTSTAMP') ?? '', /^\d{8}T\d{6}Z$/);
      assert.equal(ours.get('SUMMARY'), 'Atelier de test');
      assert.equal(ours.get('URL'), `http://localhost:3000/ateliers/${sessionId}`);
      assert.match(ours.get('LOCATION') ?? '', /Hnathalo\\, Lifou/);
      // 9:00 in Nouméa (UTC+11) is 22:00 UTC the day before.
      assert.match(ours.get('DTSTART') ?? '', /T220000Z$/);
    }
    // The UID stays the same from one download to the next.
    const again = parseEvents(await (await t.request('/ateliers.ics')).text()).map((e) => e.get('UID'));
    assert.ok(again.includes(`atelier-${sessionId}@localhost`));
  });

  it('answers GET /api/v1/ateliers with public sessions and no personal data', async () => {
    const res = await t.request(`/api/v1/ateliers?programme=${slug}&par_page=50`);
    assert.equal(res.status, 200);
    const text = await res.text();
    const body: unknown = JSON.parse(text);
    assert.ok(typeof body === 'object' && body !== null && 'donnees' in body && Array.isArray(body.donnees));
    assert.ok(text.includes(sessionId));
    for (const secret of ['Marie Wamytan', '+687751234', 'disability', 'telephone', 'Je signe']) assert.ok(!text.includes(secret), `no ${secret}`);
    const bad = await t.request('/api/v1/ateliers?mois=mars&par_page=1000');
    assert.equal(bad.status, 422);
    const doc = await (await t.request('/api/v1/openapi.json')).text();
    assert.match(doc, /\/api\/v1\/ateliers/);
  });

  it('keeps /ateliers under 30 KB compressed (HTML, CSS and JavaScript)', async () => {
    const res = await t.request('/ateliers');
    const html = await res.text();
    const assets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"|<script src="([^"]+)"/g)].map((m) => m[1] ?? m[2] ?? '');
    let total = gzipSync(html).length;
    for (const href of assets) total += gzipSync(Buffer.from(await (await t.request(href)).arrayBuffer())).length;
    assert.ok(assets.length >= 1, 'the page links its stylesheet');
    assert.ok(total <= 30 * 1024, `/ateliers weighs ${total} bytes compressed`);
  });
});

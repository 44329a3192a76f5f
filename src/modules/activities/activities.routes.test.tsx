import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { count, desc, eq, isNull } from 'drizzle-orm';
import { auditEvents } from '../../db/schema.ts';
import { localDay } from '../../platform/format.ts';
import type { Actor } from '../../platform/authz/index.ts';
import { communeByName } from '../../territory/index.ts';
import { testApp, type TestApp } from '../../../tests/support/test-app.ts';
import { organisationByName } from '../organisations/index.ts';
import { recordActivity } from './activities.commands.ts';
import { addDays } from './activities.dates.ts';
import { activities, activityTags } from './activities.schema.ts';
import { places } from '../places/places.schema.ts';
import { newId } from '../../platform/ids.ts';
import { themesByUse } from './activities.queries.ts';
import { actorOf, followedPersonOf, procedureOf, structureWith } from './activities.test-support.ts';

const helperEmail = 'aidant@demo.relais.nc';
const otherHelperEmail = 'aidant.autre@test.nc';
const sudCoordinatorEmail = 'coordinateur.sud@test.nc';

describe('Activity pages', () => {
  let t: TestApp;
  let helper: Actor & { kind: 'person' };
  let koneRecord: string;
  let otherRecord: string;
  let personId: string;
  let procedureId: string;
  const today = localDay(new Date());

  async function total(): Promise<number> {
    const [row] = await t.database.db.select({ n: count() }).from(activities);
    return row?.n ?? 0;
  }

  before(async () => {
    t = await testApp({ seed: true });
    const db = t.database.db;
    helper = await actorOf(db, helperEmail);
    const other = await structureWith(db, { name: 'Association de Nouméa (test)', commune: 'Nouméa', email: otherHelperEmail, role: 'helper' });
    const dinum = await organisationByName(db, 'Direction du numérique et de la modernisation (gouvernement)');
    assert.ok(dinum);
    await structureWith(db, { name: dinum.name, commune: 'Nouméa', email: sudCoordinatorEmail, role: 'coordinator', scopeProvince: 'sud' });
    const kone = await db.transaction((tx) => recordActivity(tx, helper, { date: today, durationMinutes: 45, themes: ['email'], notes: 'Boîte mail créée' }));
    const theirs = await db.transaction((tx) => recordActivity(tx, other.actor, { date: today, durationMinutes: 60, themes: ['health'] }));
    assert.ok(kone.ok && theirs.ok);
    koneRecord = kone.value.id;
    otherRecord = theirs.value.id;
    const koneId = (await organisationByName(db, 'Agence OPT de Koné'))?.id ?? '';
    personId = await followedPersonOf(db, koneId, { firstName: 'Marie', lastName: 'Wamytan', birthYear: 1980 });
    procedureId = await procedureOf(db, 'CAFAT (Caisse de compensation des prestations familiales, des accidents du travail et de prévoyance)', 'Déclaration de ressources');
  });
  after(() => t.close());

  it('sends anonymous visitors to sign in, on every page and form', async () => {
    for (const path of ['/activites', '/activites/nouvelle', `/activites/${koneRecord}`, `/activites/${koneRecord}/modifier`, `/activites/${koneRecord}/supprimer`]) {
      const res = await t.request(path);
      assert.equal(res.status, 303, path);
      assert.match(res.headers.get('location') ?? '', /^\/connexion/);
    }
    const posted = await t.request('/activites/nouvelle', { form: { themes: 'email', duration: '30', date: today } });
    assert.equal(posted.status, 303);
    assert.match(posted.headers.get('location') ?? '', /^\/connexion/);
  });

  it('hides another structure’s records from a helper (404) and from their list', async () => {
    const cookie = await t.cookieFor(helperEmail);
    for (const path of [`/activites/${otherRecord}`, `/activites/${otherRecord}/modifier`, `/activites/${otherRecord}/supprimer`]) {
      assert.equal((await t.request(path, { cookie })).status, 404, path);
    }
    const deleted = await t.request(`/activites/${otherRecord}/supprimer`, { cookie, form: {} });
    assert.equal(deleted.status, 404);
    const changed = await t.request(`/activites/${otherRecord}/modifier`, { cookie, form: { kind: 'individual', themes: 'email', duration: '30', date: today } });
    assert.equal(changed.status, 404);
    const list = await (await t.request(`/activites?du=${today}`, { cookie })).text();
    assert.match(list, /1 activité</);
    assert.doesNotMatch(list, new RegExp(otherRecord));
    const duplicate = await (await t.request(`/activites/nouvelle?depuis=${otherRecord}`, { cookie })).text();
    assert.doesNotMatch(duplicate, /préremplie/);
  });

  it('refuses the pages to roles that do not record, and lets a province’s coordinator read only that province', async () => {
    const referent = await t.cookieFor('referent@demo.relais.nc');
    assert.equal((await t.request('/activites', { cookie: referent })).status, 403);
    assert.equal((await t.request('/activites/nouvelle', { cookie: referent })).status, 403);
    const sud = await t.cookieFor(sudCoordinatorEmail);
    const list = await (await t.request(`/activites?du=${today}`, { cookie: sud })).text();
    assert.match(list, /1 activité</);
    assert.equal((await t.request(`/activites/${koneRecord}`, { cookie: sud })).status, 404);
    assert.equal((await t.request(`/activites/${otherRecord}`, { cookie: sud })).status, 200);
    assert.equal((await t.request(`/activites/${otherRecord}/supprimer`, { cookie: sud })).status, 403);
    assert.equal((await t.request('/activites/nouvelle', { cookie: sud })).status, 403);
    const territory = await t.cookieFor('coordinateur@demo.relais.nc');
    assert.match(await (await t.request(`/activites?du=${today}`, { cookie: territory })).text(), /2 activités</);
  });

  it('shows the form with sensible defaults: individual, today, 30 minutes, at the place', async () => {
    const cookie = await t.cookieFor(helperEmail);
    const res = await t.request('/activites/nouvelle', { cookie });
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<h1>Enregistrer un accompagnement<\/h1>/);
    assert.match(html, new RegExp(`name="date" type="date" value="${today}"`));
    assert.match(html, /id="duration-2" name="duration" value="30" checked=""/);
    assert.match(html, /name="channel" value="at_place" checked=""/);
    assert.match(html, /Enregistrer plutôt un atelier collectif/);
    // The helper's most used theme comes first.
    const firstTheme = /id="themes" name="themes" value="([a-z_]+)"/.exec(html)?.[1];
    assert.equal(firstTheme, (await themesByUse(t.database.db, helper.userId)).themes[0]);
    assert.match(html, /thèmes les plus utilisés viennent en premier/);
    assert.match(html, /Déclaration de ressources/);
  });

  it('records the common case and lands on the record, with a message', async () => {
    const cookie = await t.cookieFor(helperEmail);
    const before = await total();
    const res = await t.request('/activites/nouvelle', { cookie, form: { kind: 'individual', themes: 'web_browsing', duration: '30', date: today, channel: 'at_place' } });
    assert.equal(res.status, 303);
    const location = res.headers.get('location') ?? '';
    assert.match(location, /^\/activites\/[0-9a-f-]{36}$/);
    assert.equal(await total(), before + 1);
    const page = await (await t.request(location, { cookie })).text();
    assert.match(page, /Navigation sur internet/);
    assert.match(page, /Dupliquer/);
  });

  it('refuses each bad input with a French message on its field, keeps the input, and saves nothing', async () => {
    const cookie = await t.cookieFor(helperEmail);
    const before = await total();
    const base = { kind: 'individual', themes: 'email', duration: '30', date: today, channel: 'at_place' };
    const cases: [string, Record<string, string | string[]>, string, RegExp][] = [
      ['date in the future', { ...base, date: addDays(today, 1) }, 'date', /ne peut pas être dans le futur/],
      ['duration of 0', { ...base, duration: 'autre', durationHours: '0', durationMins: '0' }, 'durationHours', /entre 1 minute et 12 heures/],
      ['duration over 12 hours', { ...base, duration: 'autre', durationHours: '12', durationMins: '30' }, 'durationHours', /entre 1 minute et 12 heures/],
      ['duration not a preset', { ...base, duration: '17' }, 'duration', /Choisissez une durée/],
      ['unknown theme', { ...base, themes: 'cuisine' }, 'themes', /Choisissez un thème de la liste/],
      ['no theme', { ...base, themes: [] }, 'themes', /au moins un thème/],
      ['sub-theme without the theme', { ...base, administrativeSubThemes: 'housing' }, 'administrativeSubThemes', /Aide aux démarches administratives/],
      ['outcome without procedure', { ...base, themes: 'administrative_procedures', procedureOutcome: 'completed' }, 'procedureOutcome', /Choisissez la démarche/],
      ['breakdown over the total', { ...base, kind: 'workshop', title: 'Atelier', anonymousParticipants: '3', 'breakdown-gender-female': '2', 'breakdown-gender-male': '2' }, 'breakdown-gender', /dépassent/],
      ['workshop without a title', { ...base, kind: 'workshop', anonymousParticipants: '3' }, 'title', /titre de l’atelier/],
      ['a person of another structure', { ...base, beneficiaryId: '01900000-0000-7000-8000-000000000001' }, 'beneficiaryId', /suivie par votre structure/],
    ];
    for (const [name, form, field, message] of cases) {
      const res = await t.request('/activites/nouvelle', { cookie, form });
      assert.equal(res.status, 422, name);
      const html = await res.text();
      assert.match(html, /<title>Erreur : /, name);
      assert.match(html, new RegExp(`id="${field}-error"[^>]*>[\\s\\S]{0,120}?${message.source}`), `${name}: ${html.match(/r-error-message[^<]*<span[^<]*<\/span>[^<]*/g)?.join(' | ')}`);
      assert.match(html, new RegExp(`href="#${field}"`), name);
    }
    assert.equal(await total(), before);
    // Nothing half saved: a refused record does not leave its new tag behind.
    const tags = await t.database.db.select().from(activityTags).where(eq(activityTags.label, 'Jamais'));
    assert.equal(tags.length, 0);
    const refused = await t.request('/activites/nouvelle', { cookie, form: { ...base, date: addDays(today, 2), newTag: 'Jamais' } });
    assert.equal(refused.status, 422);
    assert.equal((await t.database.db.select().from(activityTags).where(eq(activityTags.label, 'Jamais'))).length, 0);
    assert.match(await refused.text(), /value="Jamais"/);
  });

  it('records a procedure with its outcome, a new personal tag and a followed person', async () => {
    const cookie = await t.cookieFor(helperEmail);
    const form = await (await t.request(`/activites/nouvelle?beneficiaryId=${personId}`, { cookie })).text();
    assert.match(form, /Marie Wamytan/);
    const res = await t.request('/activites/nouvelle', {
      cookie,
      form: { kind: 'individual', themes: 'administrative_procedures', administrativeSubThemes: 'social_health', procedureId, procedureOutcome: 'partly_done', duration: '45', date: today, channel: 'at_place', beneficiaryId: personId, newTag: 'Rentrée' },
    });
    assert.equal(res.status, 303);
    const page = await (await t.request(res.headers.get('location') ?? '', { cookie })).text();
    assert.match(page, /Déclaration de ressources/);
    assert.match(page, /Démarche en partie faite/);
    assert.match(page, /Marie Wamytan \(personne suivie\)/);
    assert.match(page, /Rentrée/);
  });

  it('records a workshop with anonymous participants and their breakdown', async () => {
    const cookie = await t.cookieFor(helperEmail);
    const form = await (await t.request('/activites/nouvelle?type=atelier', { cookie })).text();
    assert.match(form, /<h1>Enregistrer un atelier collectif<\/h1>/);
    const res = await t.request('/activites/nouvelle', {
      cookie,
      form: { kind: 'workshop', title: 'Premiers pas sur tablette', level: 'beginner', themes: 'equipment_handling', duration: '120', date: today, channel: 'at_place', anonymousParticipants: '6', participantIds: personId, 'breakdown-gender-female': '4', 'breakdown-ageBand-from_60_to_69': '6' },
    });
    assert.equal(res.status, 303);
    const page = await (await t.request(res.headers.get('location') ?? '', { cookie })).text();
    assert.match(page, /7 participants/);
    assert.match(page, /Féminin : 4/);
  });

  it('duplicates a record into a prefilled new form, today, without the person', async () => {
    const cookie = await t.cookieFor(helperEmail);
    const html = await (await t.request(`/activites/nouvelle?depuis=${koneRecord}`, { cookie })).text();
    assert.match(html, /préremplie/);
    assert.match(html, /name="duration" value="45" checked=""/);
    assert.match(html, new RegExp(`name="date" type="date" value="${today}"`));
  });

  it('changes a record of the structure, and deletes it after a confirmation page, both audited', async () => {
    const cookie = await t.cookieFor(helperEmail);
    const edit = await (await t.request(`/activites/${koneRecord}/modifier`, { cookie })).text();
    assert.match(edit, /Boîte mail créée/);
    const saved = await t.request(`/activites/${koneRecord}/modifier`, { cookie, form: { kind: 'individual', themes: ['email', 'security'], duration: 'autre', durationHours: '1', durationMins: '15', date: today, channel: 'remote', communeCode: communeByName('Koné')?.code ?? '' } });
    assert.equal(saved.status, 303);
    const page = await (await t.request(`/activites/${koneRecord}`, { cookie })).text();
    assert.match(page, /1 h 15/);
    assert.match(page, /Koné/);
    const confirm = await t.request(`/activites/${koneRecord}/supprimer`, { cookie });
    assert.equal(confirm.status, 200);
    assert.match(await confirm.text(), /Supprimer l’activité/);
    const gone = await t.request(`/activites/${koneRecord}/supprimer`, { cookie, form: {} });
    assert.equal(gone.status, 303);
    assert.equal((await t.request(`/activites/${koneRecord}`, { cookie })).status, 404);
    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, koneRecord));
    assert.deepEqual(audit.map((a) => a.action).sort(), ['activity.delete', 'activity.update']);
  });

  it('filters the list from the address, shows a table, and says when nothing matches', async () => {
    const cookie = await t.cookieFor(helperEmail);
    const table = await (await t.request(`/activites?vue=tableau&type=atelier&du=${today}`, { cookie })).text();
    assert.match(table, /<table/);
    assert.match(table, /Premiers pas sur tablette/);
    assert.doesNotMatch(table, /<td class="r-table__cell">Accompagnement individuel<\/td>/);
    assert.match(table, /Afficher en cartes/);
    const byTheme = await (await t.request(`/activites?theme=web_browsing&du=${today}`, { cookie })).text();
    assert.match(byTheme, /1 activité</);
    const none = await (await t.request('/activites?du=2020-01-01&au=2020-01-31', { cookie })).text();
    assert.match(none, /Aucune activité ne correspond à ces filtres/);
    const wrongDate = await t.request('/activites?du=2026-02-31', { cookie });
    assert.match(await wrongDate.text(), /date de début valide/);
  });

  it('offers in its filters the places of the helper’s records, a new one at once', async () => {
    const cookie = await t.cookieFor(helperEmail);
    const [place] = await t.database.db.select({ id: places.id, name: places.name }).from(places).where(isNull(places.mergedInto)).orderBy(desc(places.name)).limit(1);
    assert.ok(place);
    const option = `<option value="${place.id}"`;
    assert.ok(!(await (await t.request('/activites', { cookie })).text()).includes(option), 'not before any record there');
    const recorded = await t.database.db.transaction((tx) => recordActivity(tx, helper, { date: today, durationMinutes: 30, themes: ['email'], placeId: place.id }));
    assert.ok(recorded.ok);
    assert.ok((await (await t.request('/activites', { cookie })).text()).includes(option), 'the filter offers it on the next page');
  });

  it('counts up to 1 000 records, says so, and pages through the 1 000 most recent', async () => {
    const koneId = (await organisationByName(t.database.db, 'Agence OPT de Koné'))?.id ?? '';
    await t.database.db.insert(activities).values(
      Array.from({ length: 1000 }, (_, i) => ({ id: newId(), kind: 'individual' as const, organisationId: koneId, helperUserId: helper.userId, date: addDays(today, -1 - (i % 300)), durationMinutes: 30, channel: 'at_place' as const, themes: ['email' as const], participantCount: 1 })),
    );
    const cookie = await t.cookieFor(helperEmail);
    const html = await (await t.request('/activites', { cookie })).text();
    assert.match(html, /1\u202f000 activités ou plus<\/h2>/);
    assert.match(html, /Pour remonter plus loin, choisissez une période plus courte/);
    assert.match(html, /href="\/activites\?page=50"/);
    const narrow = await (await t.request(`/activites?du=${today}`, { cookie })).text();
    assert.doesNotMatch(narrow, /ou plus/, 'a narrower period is counted exactly');
  });
});

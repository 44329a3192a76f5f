import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import readXlsxFile from 'read-excel-file/node';
import { testApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { activities } from '../../activities/activities.schema.ts';
import { userByEmail } from '../../accounts/index.ts';
import { communeByName } from '../../../territory/index.ts';
import { register } from '../workshops.commands.ts';
import { answers, makeProgramme, makeSession } from '../workshops.fixtures.ts';
import { addTarget } from '../workshops.commands.ts';
import { workshopRegistrations, workshopSessions } from '../workshops.schema.ts';
import { purgeWalkIns } from './day.commands.ts';
import { workshopFeedback } from '../feedback/feedback.schema.ts';
import { workshopAdjustments } from '../reporting/reporting.schema.ts';
import { markField } from './day.forms.ts';
import { workshopAttendance, workshopRosters } from './day.schema.ts';

const trainerEmail = 'formateur@demo.relais.nc';

/** The rows of one sheet of an XLSX file, read back as a spreadsheet program would. */
async function sheetRows(bytes: Buffer, name: string): Promise<unknown[][]> {
  const sheets = await readXlsxFile(bytes);
  return sheets.find((s) => s.sheet === name)?.data ?? [];
}
const coordinatorEmail = 'coordinateur@demo.relais.nc';
const otherHelperEmail = 'aidant@demo.relais.nc';

describe('workshop days: roster, feedback, debrief, co-construction, report', () => {
  let t: TestApp;
  let programmeId = '';
  let slug = '';
  let sessionId = '';
  let futureId = '';
  let registrationIds: string[] = [];
  let trainer = '';
  let coordinator = '';
  let otherHelper = '';

  before(async () => {
    t = await testApp({ seed: true });
    const db = t.database.db;
    const julie = await userByEmail(db, trainerEmail);
    assert.ok(julie);
    const made = await makeProgramme(db);
    ({ programmeId, slug } = made);
    await addTarget(db, null, programmeId, { kind: 'people_with_disability_reached', label: null, targetValue: 10 });
    await addTarget(db, null, programmeId, { kind: 'people_reached', label: null, targetValue: 20 });
    // Yesterday's session, with six people registered before it (three said they live with a disability).
    sessionId = await makeSession(db, made.seriesId, { daysAhead: -1, trainers: [julie.id], capacity: 10 });
    futureId = await makeSession(db, made.seriesId, { daysAhead: 10, trainers: [julie.id] });
    const before = new Date(Date.now() - 5 * 24 * 3600_000);
    for (let i = 0; i < 6; i += 1) {
      const done = await register(db, null, sessionId, answers(i < 3 ? { disability: 'yes', disabilityConsent: true } : {}), { baseUrl: 'http://localhost:3000', now: before });
      assert.ok(done.ok);
    }
    registrationIds = (await db.select().from(workshopRegistrations).where(eq(workshopRegistrations.sessionId, sessionId))).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).map((r) => r.id);
    [trainer, coordinator, otherHelper] = await Promise.all([t.cookieFor(trainerEmail), t.cookieFor(coordinatorEmail), t.cookieFor(otherHelperEmail)]);
  });

  after(() => t?.close());

  const roster = `/gestion/seances/`;
  const activitiesOfSession = async () => {
    const [row] = await t.database.db.select().from(workshopRosters).where(eq(workshopRosters.sessionId, sessionId));
    const records = await t.database.db.select().from(activities).where(eq(activities.title, 'Atelier de test'));
    return { row, records };
  };

  it('sends anonymous visitors to sign in and hides the roster from a helper who does not run the session', async () => {
    const anonymous = await t.request(`${roster}${sessionId}/emargement`);
    assert.equal(anonymous.status, 303);
    assert.match(anonymous.headers.get('location') ?? '', /^\/connexion/);
    assert.equal((await t.request(`${roster}${sessionId}/emargement`, { cookie: otherHelper })).status, 404);
    const post = await t.request(`${roster}${sessionId}/emargement`, { cookie: otherHelper, form: { [markField(registrationIds[0] ?? '')]: 'present' } });
    assert.equal(post.status, 404);
    assert.equal((await t.database.db.select().from(workshopAttendance).where(eq(workshopAttendance.sessionId, sessionId))).length, 0);
  });

  it('refuses an unknown mark with a French message and keeps the other answers', async () => {
    const res = await t.request(`${roster}${sessionId}/emargement`, { cookie: trainer, form: { [markField(registrationIds[0] ?? '')]: 'present', [markField(registrationIds[1] ?? '')]: 'peut-etre' } });
    assert.equal(res.status, 422);
    const html = await res.text();
    assert.match(html, /Choisissez présent, en retard ou absent/);
    assert.match(html, /<title>Erreur : /);
  });

  it('marks the roster, adds a walk-in and closes it into exactly one workshop record with the right count', async () => {
    const marks: Record<string, string> = {};
    ['present', 'present', 'late', 'present', 'absent'].forEach((status, i) => (marks[markField(registrationIds[i] ?? '')] = status));
    // The sixth registrant is left unmarked: closing counts them absent.
    const saved = await t.request(`${roster}${sessionId}/emargement`, { cookie: trainer, form: marks });
    assert.equal(saved.status, 303);
    const walkIn = await t.request(`${roster}${sessionId}/emargement/sans-inscription`, { cookie: trainer, form: { name: 'Paulette Gope', communeCode: communeByName('Lifou')?.code ?? '', status: 'present', accessNeeds: ['large_print'] } });
    assert.equal(walkIn.status, 303);
    const page = await (await t.request(`${roster}${sessionId}/emargement/cloturer`, { cookie: trainer })).text();
    assert.match(page, /dont 1 sans réponse, comptés absents/);
    const closed = await t.request(`${roster}${sessionId}/emargement/cloturer`, { cookie: trainer, form: { 'genre-female': '3' } });
    assert.equal(closed.status, 303);
    const { row, records } = await activitiesOfSession();
    assert.equal(records.length, 1);
    assert.equal(records[0]?.kind, 'workshop');
    assert.equal(records[0]?.participantCount, 5);
    assert.equal(records[0]?.anonymousParticipants, 5);
    assert.deepEqual(records[0]?.participantBreakdown?.gender, { female: 3 });
    assert.equal(row?.activityId, records[0]?.id);
    // The three who said "oui" to the disability question came (present, present, late).
    assert.deepEqual(row?.tally, { attended: 5, walkIns: 1, absent: 2, withDisability: 3 });
    const absent = await t.database.db.select().from(workshopAttendance).where(eq(workshopAttendance.registrationId, registrationIds[5] ?? ''));
    assert.equal(absent[0]?.status, 'absent');
  });

  it('never records the workshop twice: a second closing is refused', async () => {
    const again = await t.request(`${roster}${sessionId}/emargement/cloturer`, { cookie: trainer, form: {} });
    assert.equal(again.status, 303);
    const { records } = await activitiesOfSession();
    assert.equal(records.length, 1);
    const marking = await t.request(`${roster}${sessionId}/emargement`, { cookie: trainer, form: { [markField(registrationIds[4] ?? '')]: 'present' } });
    assert.equal(marking.status, 303);
    const [still] = await t.database.db.select().from(workshopAttendance).where(eq(workshopAttendance.registrationId, registrationIds[4] ?? ''));
    assert.equal(still?.status, 'absent');
  });

  it('reopens for a correction and updates the same record at the next closing', async () => {
    assert.equal((await t.request(`${roster}${sessionId}/emargement/rouvrir`, { cookie: trainer })).status, 200);
    assert.equal((await t.request(`${roster}${sessionId}/emargement/rouvrir`, { cookie: trainer, form: {} })).status, 303);
    await t.request(`${roster}${sessionId}/emargement`, { cookie: trainer, form: { [markField(registrationIds[4] ?? '')]: 'present' } });
    // A coordinator closes it this time: the record stays the trainer's.
    const closed = await t.request(`${roster}${sessionId}/emargement/cloturer`, { cookie: coordinator, form: {} });
    assert.equal(closed.status, 303);
    const { row, records } = await activitiesOfSession();
    assert.equal(records.length, 1);
    assert.equal(records[0]?.id, row?.activityId);
    assert.equal(records[0]?.participantCount, 6);
    const julie = await userByEmail(t.database.db, trainerEmail);
    assert.equal(records[0]?.helperUserId, julie?.id);
  });

  it('refuses to close a roster before the session starts', async () => {
    const res = await t.request(`${roster}${futureId}/emargement/cloturer`, { cookie: trainer });
    assert.match(await res.text(), /La séance n’a pas encore commencé/);
    const post = await t.request(`${roster}${futureId}/emargement/cloturer`, { cookie: trainer, form: {} });
    assert.equal(post.status, 303);
    const [row] = await t.database.db.select().from(workshopRosters).where(eq(workshopRosters.sessionId, futureId));
    assert.equal(row?.closedAt ?? null, null);
  });

  it('lets anyone answer the feedback without an account, and refuses an empty form', async () => {
    const form = await t.request(`/ateliers/${sessionId}/avis`);
    assert.equal(form.status, 200);
    assert.match(await form.text(), /L’atelier vous a plu \?/);
    const empty = await t.request(`/ateliers/${sessionId}/avis`, { form: { comment: '  ' } });
    assert.equal(empty.status, 422);
    assert.match(await empty.text(), /Répondez à au moins une question, ou écrivez un message/);
    const wrong = await t.request(`/ateliers/${sessionId}/avis`, { form: { liked: 'super' } });
    assert.equal(wrong.status, 422);
    const sent = await t.request(`/ateliers/${sessionId}/avis`, { form: { liked: 'good', learned: 'good', comfortable: 'medium', come_back: 'good', comment: 'Merci beaucoup' } });
    assert.equal(sent.status, 303);
    assert.equal(sent.headers.get('location'), `/ateliers/${sessionId}/avis/merci`);
    const future = await t.request(`/ateliers/${futureId}/avis`, { form: { liked: 'good' } });
    assert.equal(future.status, 409);
  });

  it('marks answers given with a helper as assisted and typed from paper as paper, with who did it', async () => {
    assert.equal((await t.request(`/ateliers/${sessionId}/avis/accompagne`)).status, 303);
    const assisted = await t.request(`/ateliers/${sessionId}/avis/accompagne`, { cookie: otherHelper, form: { liked: 'medium', learned: 'good' } });
    assert.equal(assisted.status, 303);
    const paperRefused = await t.request(`/gestion/seances/${sessionId}/avis/saisie`, { cookie: otherHelper, form: { liked: 'bad' } });
    assert.equal(paperRefused.status, 404);
    const paper = await t.request(`/gestion/seances/${sessionId}/avis/saisie`, { cookie: trainer, form: { liked: 'bad', come_back: 'medium', comment: 'Trop long' } });
    assert.equal(paper.status, 303);
    const rows = await t.database.db.select().from(workshopFeedback).where(eq(workshopFeedback.sessionId, sessionId));
    const [helper, julie] = await Promise.all([userByEmail(t.database.db, otherHelperEmail), userByEmail(t.database.db, trainerEmail)]);
    assert.deepEqual(rows.map((r) => [r.mode, r.enteredByUserId]).sort(), [['assisted', helper?.id], ['paper', julie?.id], ['self', null]].sort());
    assert.deepEqual(rows.find((r) => r.mode === 'paper')?.answers, { liked: 'bad', come_back: 'medium' });
  });

  it('writes the debrief for the session’s trainers only', async () => {
    assert.equal((await t.request(`/gestion/seances/${sessionId}/bilan`, { cookie: coordinator, form: { whatWorked: 'Bien' } })).status, 403);
    const missing = await t.request(`/gestion/seances/${sessionId}/bilan`, { cookie: trainer, form: { adaptationNeeds: 'lsf_interpreter' } });
    assert.equal(missing.status, 422);
    const saved = await t.request(`/gestion/seances/${sessionId}/bilan`, { cookie: trainer, form: { whatWorked: 'Le groupe', difficulties: 'Le bruit', adaptations: 'Une salle plus calme et un interprète', adaptationNeeds: ['lsf_interpreter', 'hearing_loop'] } });
    assert.equal(saved.status, 303);
    assert.match(await (await t.request(`/gestion/seances/${sessionId}/bilan`, { cookie: coordinator })).text(), /Une salle plus calme/);
  });

  it('records an adjustment and shows it on the public page only once done and public, without personal data', async () => {
    const [feedback] = await t.database.db.select().from(workshopFeedback).where(and(eq(workshopFeedback.sessionId, sessionId), eq(workshopFeedback.mode, 'paper')));
    const url = `/gestion/programmes/${programmeId}/ajustements/nouveau`;
    assert.equal((await t.request(url, { cookie: otherHelper })).status, 404);
    const invalid = await t.request(url, { cookie: coordinator, form: { change: 'Séances plus courtes', reason: 'Trop long', status: 'done', isPublic: 'oui', youSaid: '', weDid: '' } });
    assert.equal(invalid.status, 422);
    assert.match(await invalid.text(), /Écrivez « Vous avez dit »/);
    const planned = await t.request(url, { cookie: coordinator, form: { change: 'Prévoir une pause', reason: 'Fatigue', status: 'planned', isPublic: 'non', feedbackIds: feedback?.id ?? '' } });
    assert.equal(planned.status, 303);
    const done = await t.request(url, { cookie: coordinator, form: { change: 'Séances de deux heures', reason: 'Les participants et Paulette Gope trouvaient ça long', status: 'done', isPublic: 'oui', youSaid: 'L’atelier était trop long.', weDid: 'Les ateliers durent 2 heures.' } });
    assert.equal(done.status, 303);
    assert.equal((await t.database.db.select().from(workshopAdjustments).where(eq(workshopAdjustments.programmeId, programmeId))).length, 2);
    const html = await (await t.request(`/programmes/${slug}`)).text();
    assert.match(html, /Vous avez dit, nous avons fait/);
    assert.match(html, /Les ateliers durent 2 heures\./);
    assert.doesNotMatch(html, /Prévoir une pause/);
    assert.doesNotMatch(html, /Paulette Gope/);
  });

  it('shows targets against results publicly, hiding a disability count below 5', async () => {
    const html = await (await t.request(`/programmes/${slug}`)).text();
    assert.match(html, /Objectifs et résultats/);
    assert.doesNotMatch(html, /<h2>Les objectifs<\/h2>/, 'the targets are shown once, with their results');
    assert.match(html, /Personnes touchées par commune/);
    assert.match(html, /moins de 5/);
  });

  it('exports the funder report as XLSX with the period written in the file, small counts hidden', async () => {
    assert.equal((await t.request(`/gestion/programmes/${programmeId}/rapport.xlsx`, { cookie: otherHelper })).status, 404);
    const bad = await t.request(`/gestion/programmes/${programmeId}/rapport?du=2026-13-01&au=2026-01-01`, { cookie: coordinator });
    assert.equal(bad.status, 422);
    const res = await t.request(`/gestion/programmes/${programmeId}/rapport.xlsx?du=2026-01-01&au=2027-12-31`, { cookie: coordinator });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-disposition') ?? '', /rapport-.*-2026-01-01-2027-12-31\.xlsx/);
    const bytes = Buffer.from(await res.arrayBuffer());
    const targets = await sheetRows(bytes, 'Objectifs');
    assert.match(String(targets[1]?.[0]), /Période : du jeudi 1 janvier 2026 au vendredi 31 décembre 2027/);
    const reached = targets.find((r) => r[0] === 'Personnes touchées');
    assert.deepEqual(reached?.slice(1), ['20', '6', '30 %']);
    const disability = targets.find((r) => r[0] === 'Personnes en situation de handicap touchées');
    assert.equal(disability?.[2], 'moins de 5');
    const communes = await sheetRows(bytes, 'Par commune');
    const lifou = communes.find((r) => r[0] === 'Lifou');
    assert.deepEqual(lifou?.slice(1, 5), [2, 1, 6, 'moins de 5']);
    const adjustments = await sheetRows(bytes, 'Ajustements');
    assert.ok(adjustments.some((r) => r[0] === 'Séances de deux heures'));
  });

  it('erases walk-ins’ names and access needs once the session’s answers are purged, keeping the counts', async () => {
    const db = t.database.db;
    assert.equal((await db.transaction((tx) => purgeWalkIns(tx))).erased, 0);
    await db.update(workshopSessions).set({ sensitivePurgedAt: new Date() }).where(eq(workshopSessions.id, sessionId));
    assert.equal((await db.transaction((tx) => purgeWalkIns(tx))).erased, 1);
    const walkIns = (await db.select().from(workshopAttendance).where(eq(workshopAttendance.sessionId, sessionId))).filter((r) => r.registrationId === null);
    assert.deepEqual(walkIns.map((w) => [w.name, w.accessNeeds, w.communeCode]), [[null, [], communeByName('Lifou')?.code]]);
    const [row] = await db.select().from(workshopRosters).where(eq(workshopRosters.sessionId, sessionId));
    assert.equal(row?.tally?.attended, 6);
  });
});

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { count, eq } from 'drizzle-orm';
import { auditEvents } from '../../db/schema.ts';
import { localDay } from '../../platform/format.ts';
import { ForbiddenError, type Actor } from '../../platform/authz/index.ts';
import { communeByName } from '../../territory/index.ts';
import { testApp, type TestApp } from '../../../tests/support/test-app.ts';
import { organisationByName } from '../organisations/index.ts';
import { createPersonalTag, deleteActivity, recordActivity, updateActivity } from './activities.commands.ts';
import { addDays } from './activities.dates.ts';
import { activitiesOfBeneficiary, activityDetail } from './activities.queries.ts';
import { apiTokens } from '../api-tokens/api-tokens.schema.ts';
import { newId } from '../../platform/ids.ts';
import { activities, activityParticipants } from './activities.schema.ts';
import { actorOf, followedPersonOf, procedureOf, structureWith } from './activities.test-support.ts';

describe('Recording activities', () => {
  let t: TestApp;
  let helper: Actor & { kind: 'person' };
  let otherHelper: Actor & { kind: 'person' };
  let koneId: string;
  let otherOrgId: string;
  let personId: string;
  let strangerId: string;
  let procedureId: string;
  let retiredProcedureId: string;
  const today = localDay(new Date());
  const common = { date: today, durationMinutes: 30, themes: ['email' as const] };

  async function rows(): Promise<number> {
    const [row] = await t.database.db.select({ n: count() }).from(activities);
    return row?.n ?? 0;
  }

  before(async () => {
    t = await testApp({ seed: true });
    const db = t.database.db;
    helper = await actorOf(db, 'aidant@demo.relais.nc');
    koneId = (await organisationByName(db, 'Agence OPT de Koné'))?.id ?? '';
    const other = await structureWith(db, { name: 'Association de Lifou (test)', commune: 'Lifou', email: 'aidant.lifou@test.nc', role: 'helper' });
    otherHelper = other.actor;
    otherOrgId = other.organisationId;
    personId = await followedPersonOf(db, koneId, { firstName: 'Marie', lastName: 'Wamytan', birthYear: 1958 });
    strangerId = await followedPersonOf(db, otherOrgId, { firstName: 'Paul', lastName: 'Hnepeune' });
    procedureId = await procedureOf(db, 'Enercal', 'Création de l’espace client');
    retiredProcedureId = await procedureOf(db, 'Enercal', 'Ancienne démarche', false);
  });
  after(() => t.close());

  it('records the common case with the defaults: individual, at the place, anonymous person, one accompaniment', async () => {
    const result = await t.database.db.transaction((tx) => recordActivity(tx, helper, common));
    assert.ok(result.ok);
    const [row] = await t.database.db.select().from(activities).where(eq(activities.id, result.value.id));
    assert.equal(row?.kind, 'individual');
    assert.equal(row?.organisationId, koneId);
    assert.equal(row?.helperUserId, helper.userId);
    assert.equal(row?.channel, 'at_place');
    assert.equal(row?.participantCount, 1);
    assert.equal(row?.gender, 'not_communicated');
    assert.equal(row?.beneficiaryId, null);
  });

  it('refuses bad input with a French message on the field and saves nothing', async () => {
    const before = await rows();
    const cases: [string, Parameters<typeof recordActivity>[2], string][] = [
      ['date', { ...common, date: addDays(today, 1) }, 'futur'],
      ['durationMinutes', { ...common, durationMinutes: 0 }, '12 heures'],
      ['durationMinutes', { ...common, durationMinutes: 721 }, '12 heures'],
      ['themes', { ...common, themes: [] }, 'au moins un thème'],
      ['administrativeSubThemes', { ...common, administrativeSubThemes: ['housing'] }, 'Aide aux démarches administratives'],
      ['procedureId', { ...common, procedureId, procedureOutcome: 'completed' }, 'Aide aux démarches administratives'],
      ['procedureOutcome', { ...common, themes: ['administrative_procedures'], procedureId }, 'où en est la démarche'],
      ['orientationDestination', { ...common, oriented: true }, 'vers qui'],
      ['title', { ...common, kind: 'workshop', anonymousParticipants: 3 }, 'titre'],
      ['anonymousParticipants', { ...common, kind: 'workshop', title: 'Atelier' }, 'au moins un participant'],
      ['participantBreakdown.gender', { ...common, kind: 'workshop', title: 'Atelier', anonymousParticipants: 2, participantBreakdown: { gender: { female: 2, male: 1 } } }, 'dépassent'],
    ];
    for (const [field, input, words] of cases) {
      const result = await t.database.db.transaction((tx) => recordActivity(tx, helper, input));
      assert.equal(result.ok, false, field);
      if (!result.ok) assert.match(result.fields[field] ?? '', new RegExp(words), `${field}: ${JSON.stringify(result.fields)}`);
    }
    // An unknown theme, as the API or a careless caller could send it.
    const unknown = await t.database.db.transaction((tx) => recordActivity(tx, helper, { ...common, themes: ['cooking' as 'email'] }));
    assert.ok(!unknown.ok && /thème de la liste/.test(unknown.fields['themes.0'] ?? ''));
    assert.equal(await rows(), before);
  });

  it('refuses a followed person of another structure, a retired procedure, an unknown place, and saves nothing', async () => {
    const before = await rows();
    const stranger = await t.database.db.transaction((tx) => recordActivity(tx, helper, { ...common, beneficiaryId: strangerId }));
    assert.ok(!stranger.ok && /suivie par votre structure/.test(stranger.fields.beneficiaryId ?? ''));
    const retired = await t.database.db.transaction((tx) => recordActivity(tx, helper, { ...common, themes: ['administrative_procedures'], procedureId: retiredProcedureId, procedureOutcome: 'completed' }));
    assert.ok(!retired.ok && retired.fields.procedureId);
    const place = await t.database.db.transaction((tx) => recordActivity(tx, helper, { ...common, placeId: '01900000-0000-7000-8000-000000000000' }));
    assert.ok(!place.ok && place.fields.placeId);
    const workshop = await t.database.db.transaction((tx) => recordActivity(tx, helper, { ...common, kind: 'workshop', title: 'Atelier', participantIds: [personId, strangerId] }));
    assert.ok(!workshop.ok && workshop.fields.participantIds);
    assert.equal(await rows(), before);
  });

  it('refuses to record for a structure where the person is not a helper', async () => {
    await assert.rejects(
      t.database.db.transaction((tx) => recordActivity(tx, helper, { ...common, organisationId: otherOrgId })),
      ForbiddenError,
    );
    const coordinator = await actorOf(t.database.db, 'coordinateur@demo.relais.nc');
    await assert.rejects(t.database.db.transaction((tx) => recordActivity(tx, coordinator, common)), ForbiddenError);
  });

  it('records an administrative procedure with its partner’s procedure and outcome', async () => {
    const result = await t.database.db.transaction((tx) =>
      recordActivity(tx, helper, { ...common, themes: ['administrative_procedures'], administrativeSubThemes: ['housing'], procedureId, procedureOutcome: 'to_continue' }),
    );
    assert.ok(result.ok);
    const [row] = await t.database.db.select().from(activities).where(eq(activities.id, result.value.id));
    assert.equal(row?.procedureId, procedureId);
    assert.equal(row?.procedureOutcome, 'to_continue');
  });

  it('copies a followed person’s traits onto the record and lists it in their history', async () => {
    const result = await t.database.db.transaction((tx) => recordActivity(tx, helper, { ...common, beneficiaryId: personId }));
    assert.ok(result.ok);
    const [row] = await t.database.db.select().from(activities).where(eq(activities.id, result.value.id));
    assert.equal(row?.ageBand, Number(today.slice(0, 4)) - 1958 >= 70 ? 'from_70' : 'from_60_to_69');
    const history = await activitiesOfBeneficiary(t.database.db, helper, personId);
    assert.ok(history.some((h) => h.id === result.value.id));
    assert.deepEqual(await activitiesOfBeneficiary(t.database.db, otherHelper, personId), []);
  });

  it('counts a workshop as its named and anonymous participants', async () => {
    const result = await t.database.db.transaction((tx) =>
      recordActivity(tx, helper, {
        ...common,
        kind: 'workshop',
        title: 'Créer son adresse e-mail',
        level: 'beginner',
        participantIds: [personId],
        anonymousParticipants: 7,
        participantBreakdown: { gender: { female: 4, male: 3 }, ageBand: { from_60_to_69: 5 }, status: {} },
      }),
    );
    assert.ok(result.ok);
    assert.equal(result.value.participantCount, 8);
    const named = await t.database.db.select().from(activityParticipants).where(eq(activityParticipants.activityId, result.value.id));
    assert.equal(named.length, 1);
    assert.ok((await activitiesOfBeneficiary(t.database.db, helper, personId)).some((h) => h.id === result.value.id));
  });

  it('lets an API token record for a helper of the structure it names, and marks the record with the token', async () => {
    const [row] = await t.database.db.insert(apiTokens).values({ id: newId(), name: 'Outil CAFAT', prefix: 'relais_test', tokenHash: 'hash-outil-cafat', scopes: ['activites:ecrire'] }).returning({ id: apiTokens.id });
    assert.ok(row);
    const token: Actor = { kind: 'token', tokenId: row.id, name: 'Outil CAFAT', scopes: ['activites:ecrire'] };
    const missing = await t.database.db.transaction((tx) => recordActivity(tx, token, common));
    assert.ok(!missing.ok && missing.fields.helperUserId && missing.fields.organisationId);
    const wrong = await t.database.db.transaction((tx) => recordActivity(tx, token, { ...common, organisationId: otherOrgId, helperUserId: helper.userId }));
    assert.ok(!wrong.ok && wrong.fields.helperUserId);
    const done = await t.database.db.transaction((tx) => recordActivity(tx, token, { ...common, organisationId: koneId, helperUserId: helper.userId }));
    assert.ok(done.ok);
    const detail = await activityDetail(t.database.db, done.value.id);
    assert.equal(detail?.createdByTokenId, row.id);
    assert.equal(detail?.createdByUserId, null);
    assert.equal(detail?.tokenName, 'Outil CAFAT');
    const mine = await t.database.db.transaction((tx) => recordActivity(tx, helper, common));
    assert.ok(mine.ok);
    assert.equal((await activityDetail(t.database.db, mine.value.id))?.tokenName, null, 'a helper’s own record names no token');
    const reader: Actor = { kind: 'token', tokenId: row.id, name: 'Lecture', scopes: ['activites:lire'] };
    await assert.rejects(t.database.db.transaction((tx) => recordActivity(tx, reader, { ...common, organisationId: koneId, helperUserId: helper.userId })), ForbiddenError);
  });

  it('changes and deletes a record of the structure, with an audit row each time; others cannot see it', async () => {
    const created = await t.database.db.transaction((tx) => recordActivity(tx, helper, common));
    assert.ok(created.ok);
    const id = created.value.id;
    assert.equal((await t.database.db.transaction((tx) => updateActivity(tx, otherHelper, id, { ...common, durationMinutes: 45 }))).ok, false);
    const changed = await t.database.db.transaction((tx) => updateActivity(tx, helper, id, { ...common, durationMinutes: 45, communeCode: communeByName('Koné')?.code ?? null }));
    assert.ok(changed.ok);
    const [row] = await t.database.db.select().from(activities).where(eq(activities.id, id));
    assert.equal(row?.durationMinutes, 45);
    const refused = await t.database.db.transaction((tx) => updateActivity(tx, helper, id, { ...common, durationMinutes: 0 }));
    assert.ok(!refused.ok);
    const [still] = await t.database.db.select().from(activities).where(eq(activities.id, id));
    assert.equal(still?.durationMinutes, 45);
    assert.equal((await t.database.db.transaction((tx) => deleteActivity(tx, otherHelper, id))).ok, false);
    const gone = await t.database.db.transaction((tx) => deleteActivity(tx, helper, id));
    assert.ok(gone.ok);
    assert.equal((await t.database.db.select().from(activities).where(eq(activities.id, id))).length, 0);
    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, id));
    assert.deepEqual(audit.map((a) => a.action).sort(), ['activity.delete', 'activity.update']);
  });

  it('keeps personal tags to their owner and reuses a tag of the same name', async () => {
    const tag = await t.database.db.transaction((tx) => createPersonalTag(tx, helper, 'Rentrée scolaire'));
    const again = await t.database.db.transaction((tx) => createPersonalTag(tx, helper, 'rentrée  scolaire'));
    assert.equal(again.id, tag.id);
    const mine = await t.database.db.transaction((tx) => recordActivity(tx, helper, { ...common, tagIds: [tag.id] }));
    assert.ok(mine.ok);
    const others = await t.database.db.transaction((tx) => recordActivity(tx, otherHelper, { ...common, tagIds: [tag.id] }));
    assert.ok(!others.ok && others.fields.tagIds);
  });
});

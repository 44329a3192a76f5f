import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { outboxMessages } from '../../db/schema.ts';
import { testApp, type TestApp } from '../../../tests/support/test-app.ts';
import { userByEmail } from '../accounts/index.ts';
import { teamMembersOn, teamMembershipPeriods, teamsOfUser } from './teams.queries.ts';

const coordinator = 'coordinateur@demo.relais.nc';
const helper = 'aidant@demo.relais.nc';
const referent = 'referent@demo.relais.nc';

describe('team pages', () => {
  let t: TestApp;
  let teamId: string;
  let helperId: string;

  before(async () => {
    t = await testApp({ seed: true });
    const henri = await userByEmail(t.database.db, helper);
    assert.ok(henri);
    helperId = henri.id;
  });
  after(() => t.close());

  it('sends anonymous visitors to sign in and refuses helpers and référents', async () => {
    assert.equal((await t.request('/equipes')).status, 303);
    assert.equal((await t.request('/equipes', { cookie: await t.cookieFor(helper) })).status, 403);
    assert.equal((await t.request('/equipes/nouvelle', { cookie: await t.cookieFor(referent), form: { name: 'X' } })).status, 403);
  });

  it('lists the demo team and creates a new one, refusing an empty or duplicate name', async () => {
    const cookie = await t.cookieFor(coordinator);
    assert.match(await (await t.request('/equipes', { cookie })).text(), /Aidants des agences OPT du Nord/);
    const empty = await t.request('/equipes/nouvelle', { cookie, form: { name: '', description: 'gardée' } });
    assert.equal(empty.status, 422);
    assert.match(await empty.text(), /Entrez le nom de l’équipe/);
    const res = await t.request('/equipes/nouvelle', { cookie, form: { name: 'Aidants de Lifou', description: '' } });
    assert.equal(res.status, 303);
    teamId = (res.headers.get('location') ?? '').split('/').pop() ?? '';
    assert.equal((await t.request('/equipes/nouvelle', { cookie, form: { name: 'aidants de lifou', description: '' } })).status, 422);
  });

  it('brings in only people holding the helper role, and tells them by e-mail', async () => {
    const cookie = await t.cookieFor(coordinator);
    const nadia = await userByEmail(t.database.db, referent);
    assert.ok(nadia);
    const refused = await t.request(`/equipes/${teamId}/membres`, { cookie, form: { userId: nadia.id, startsOn: '2026-01-05' } });
    assert.equal(refused.status, 422);
    assert.match(await refused.text(), /Choisissez un aidant dans la liste/);
    const badDay = await t.request(`/equipes/${teamId}/membres`, { cookie, form: { userId: helperId, startsOn: '31/02/2026' } });
    assert.equal(badDay.status, 422);
    assert.match(await badDay.text(), /Entrez la date d’arrivée dans l’équipe/);
    assert.equal((await t.request(`/equipes/${teamId}/membres`, { cookie, form: { userId: helperId, startsOn: '05/01/2026' } })).status, 303);
    const mail = await t.database.db.select().from(outboxMessages).where(eq(outboxMessages.purpose, 'team.member.added'));
    assert.ok(mail.some((m) => m.recipient === helper && (m.subject ?? '').includes('Aidants de Lifou')));
    const again = await t.request(`/equipes/${teamId}/membres`, { cookie, form: { userId: helperId, startsOn: '2026-02-01' } });
    assert.equal(again.status, 422);
  });

  it('ends a membership on a day, never before it began, and keeps the period', async () => {
    const cookie = await t.cookieFor(coordinator);
    const page = await (await t.request(`/equipes/${teamId}`, { cookie })).text();
    const membershipId = /\/membres\/([0-9a-f-]{36})\/fin/.exec(page)?.[1] ?? '';
    assert.match(await (await t.request(`/equipes/${teamId}/membres/${membershipId}/fin`, { cookie })).text(), /Dernier jour dans l’équipe/);
    const early = await t.request(`/equipes/${teamId}/membres/${membershipId}/fin`, { cookie, form: { endsOn: '2025-12-31' } });
    assert.equal(early.status, 422);
    assert.equal((await t.request(`/equipes/${teamId}/membres/${membershipId}/fin`, { cookie, form: { endsOn: '2026-01-31' } })).status, 303);
    assert.deepEqual(await teamMembershipPeriods(t.database.db, teamId), [{ userId: helperId, startsOn: '2026-01-05', endsOn: '2026-01-31' }]);
    assert.deepEqual((await teamMembersOn(t.database.db, teamId, '2026-01-31')).map((m) => m.userId), [helperId]);
    assert.deepEqual(await teamMembersOn(t.database.db, teamId, '2026-02-01'), []);
    assert.ok((await teamsOfUser(t.database.db, helperId, '2026-01-10')).some((team) => team.id === teamId));
    assert.match(await (await t.request(`/equipes/${teamId}`, { cookie })).text(), /Anciens membres[\s\S]*du 05\/01\/2026 au 31\/01\/2026/);
    // Ended: its confirmation page is gone.
    assert.equal((await t.request(`/equipes/${teamId}/membres/${membershipId}/fin`, { cookie })).status, 404);
  });
});

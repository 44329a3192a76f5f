import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { can, type Actor, type Membership, type Role } from '../../platform/authz/index.ts';
import type { Province } from '../../territory/index.ts';
import { activityPermissions, recordingOrganisations, type ActivitySubject } from './activities.policy.ts';

const me = 'user-me';
const mine: ActivitySubject = { organisationId: 'org-a', helperUserId: me, province: 'nord' };
const colleagues: ActivitySubject = { organisationId: 'org-a', helperUserId: 'user-colleague', province: 'nord' };
const elsewhere: ActivitySubject = { organisationId: 'org-b', helperUserId: 'user-other', province: 'sud' };
/** A record I made for a structure I have since left: still mine. */
const mineFromBefore: ActivitySubject = { organisationId: 'org-old', helperUserId: me, province: 'iles' };

function person(role: Role, organisationId = 'org-a', scopeProvince: Province | null = null): Actor {
  const membership: Membership = { id: 'm', organisationId, organisationName: 'A', role, scopeProvince };
  return { kind: 'person', userId: me, name: 'Test', email: 't@t.nc', memberships: [membership] };
}

describe('Activities policy', () => {
  const table: [string, Actor, string, ActivitySubject | { organisationId: string } | undefined, boolean][] = [
    ['a helper records for their structure', person('helper'), 'activity.record', { organisationId: 'org-a' }, true],
    ['a helper does not record for another structure', person('helper'), 'activity.record', { organisationId: 'org-b' }, false],
    ['a coordinator does not record', person('coordinator'), 'activity.record', { organisationId: 'org-a' }, false],
    ['an administrator does not record in a helper’s stead', person('administrator'), 'activity.record', { organisationId: 'org-a' }, false],
    ['a place manager does not record', person('place_manager'), 'activity.record', { organisationId: 'org-a' }, false],
    ['a helper opens the list', person('helper'), 'activity.list', undefined, true],
    ['a coordinator opens the list', person('coordinator'), 'activity.list', undefined, true],
    ['a partner referent does not open the list', person('partner_referent'), 'activity.list', undefined, false],
    ['a helper sees their own record', person('helper'), 'activity.view', mine, true],
    ['a helper sees a colleague’s record of their structure', person('helper'), 'activity.view', colleagues, true],
    ['a helper changes a colleague’s record of their structure', person('helper'), 'activity.update', colleagues, true],
    ['a helper deletes their own record', person('helper'), 'activity.delete', mine, true],
    ['a helper keeps their records of a structure they left', person('helper'), 'activity.view', mineFromBefore, true],
    ['a helper does not see another structure’s record', person('helper'), 'activity.view', elsewhere, false],
    ['a helper does not change another structure’s record', person('helper'), 'activity.update', elsewhere, false],
    ['a helper does not delete another structure’s record', person('helper'), 'activity.delete', elsewhere, false],
    ['a territory-wide coordinator reads any record', person('coordinator', 'dinum'), 'activity.view', elsewhere, true],
    ['a Nord coordinator reads a Nord record', person('coordinator', 'dinum', 'nord'), 'activity.view', colleagues, true],
    ['a Nord coordinator does not read a Sud record', person('coordinator', 'dinum', 'nord'), 'activity.view', elsewhere, false],
    ['a coordinator does not change records', person('coordinator', 'dinum'), 'activity.update', elsewhere, false],
    ['a coordinator does not delete records', person('coordinator', 'dinum'), 'activity.delete', elsewhere, false],
    ['an administrator reads any record', person('administrator', 'dinum'), 'activity.view', elsewhere, true],
    ['an administrator changes any record', person('administrator', 'dinum'), 'activity.update', elsewhere, true],
    ['an administrator deletes any record', person('administrator', 'dinum'), 'activity.delete', elsewhere, true],
    ['a partner referent does not read records', person('partner_referent', 'org-b'), 'activity.view', elsewhere, false],
    ['a place manager of the structure does not read its records', person('place_manager'), 'activity.view', colleagues, false],
  ];
  for (const [sentence, actor, action, subject, allowed] of table) {
    it(`${allowed ? 'allows' : 'refuses'}: ${sentence}`, () => {
      assert.equal(subject === undefined ? can(actor, action) : can(actor, action, subject), allowed);
    });
  }

  it('gives API tokens exactly their scopes: reading with activites:lire, recording with activites:ecrire', () => {
    const reader: Actor = { kind: 'token', tokenId: 't', name: 't', scopes: ['activites:lire'] };
    const writer: Actor = { kind: 'token', tokenId: 't', name: 't', scopes: ['activites:ecrire'] };
    const other: Actor = { kind: 'token', tokenId: 't', name: 't', scopes: ['organisations:read'] };
    assert.equal(can(reader, 'api.activities.read'), true);
    assert.equal(can(reader, 'activity.view', elsewhere), true);
    assert.equal(can(reader, 'api.activities.write'), false);
    assert.equal(can(reader, 'activity.update', elsewhere), false);
    assert.equal(can(writer, 'activity.record'), true);
    assert.equal(can(writer, 'activity.view', elsewhere), false);
    assert.equal(can(writer, 'activity.delete', elsewhere), false);
    for (const action of ['api.activities.read', 'api.activities.write', 'activity.list', 'activity.record']) {
      assert.equal(can(other, action), false);
      assert.equal(can(null, action), false);
    }
  });

  it('offers a page the same actions as the routes allow', () => {
    assert.deepEqual(activityPermissions(person('helper'), colleagues), { view: true, update: true, delete: true, duplicate: true });
    assert.deepEqual(activityPermissions(person('coordinator', 'dinum'), colleagues), { view: true, update: false, delete: false, duplicate: false });
    assert.deepEqual(activityPermissions(person('helper', 'org-b'), colleagues), { view: false, update: false, delete: false, duplicate: false });
  });

  it('lists the structures where a person may record: helper roles only, once each', () => {
    const actor: Actor = {
      kind: 'person',
      userId: me,
      name: 'Test',
      email: 't@t.nc',
      memberships: [
        { id: '1', organisationId: 'org-a', organisationName: 'A', role: 'helper', scopeProvince: null },
        { id: '2', organisationId: 'org-a', organisationName: 'A', role: 'place_manager', scopeProvince: null },
        { id: '3', organisationId: 'org-b', organisationName: 'B', role: 'helper', scopeProvince: null },
        { id: '4', organisationId: 'org-c', organisationName: 'C', role: 'coordinator', scopeProvince: null },
      ],
    };
    assert.deepEqual(recordingOrganisations(actor), [
      { id: 'org-a', name: 'A' },
      { id: 'org-b', name: 'B' },
    ]);
    assert.deepEqual(recordingOrganisations(null), []);
  });
});

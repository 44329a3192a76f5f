import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { can, type Actor, type Membership, type Role } from '../../platform/authz/index.ts';
import type { Province } from '../../territory/index.ts';
import './organisations.policy.ts';

const ownOrg = { id: 'org-a', province: 'nord' as const };
const otherOrg = { id: 'org-b', province: 'sud' as const };

function person(role: Role, scopeProvince: Province | null = null, organisationId = ownOrg.id): Actor {
  const membership: Membership = { id: 'm', organisationId, organisationName: 'A', role, scopeProvince };
  return { kind: 'person', userId: 'u', name: 'Test', email: 't@t.nc', memberships: [membership] };
}

describe('organisations policy', () => {
  const table: [string, Actor, string, unknown, boolean][] = [
    ['an administrator lists organisations', person('administrator'), 'organisation.list', undefined, true],
    ['a helper cannot list organisations', person('helper'), 'organisation.list', undefined, false],
    ['a helper sees their own organisation', person('helper'), 'organisation.view', ownOrg, true],
    ['a helper does not see another organisation', person('helper'), 'organisation.view', otherOrg, false],
    ['a territory-wide coordinator sees any organisation', person('coordinator'), 'organisation.view', otherOrg, true],
    ['a Nord coordinator does not see a Sud organisation', person('coordinator', 'nord'), 'organisation.view', otherOrg, false],
    ['a Nord coordinator updates a Nord organisation', person('coordinator', 'nord', 'x'), 'organisation.update', ownOrg, true],
    ['a place manager cannot update even their own organisation', person('place_manager'), 'organisation.update', ownOrg, false],
    ['a coordinator invites a helper in their province', person('coordinator', 'nord', 'x'), 'person.invite', { organisationId: ownOrg.id, province: 'nord', role: 'helper' }, true],
    ['a coordinator cannot invite an administrator', person('coordinator'), 'person.invite', { organisationId: ownOrg.id, province: 'nord', role: 'administrator' }, false],
    ['a coordinator cannot make another coordinator', person('coordinator'), 'person.invite', { organisationId: ownOrg.id, province: 'nord', role: 'coordinator' }, false],
    ['a Sud coordinator cannot invite into the Nord', person('coordinator', 'sud'), 'person.invite', { organisationId: ownOrg.id, province: 'nord', role: 'helper' }, false],
    ['an administrator invites an administrator', person('administrator'), 'person.invite', { organisationId: ownOrg.id, province: 'nord', role: 'administrator' }, true],
    ['a helper cannot invite anyone', person('helper'), 'person.invite', { organisationId: ownOrg.id, province: 'nord', role: 'helper' }, false],
    ['a coordinator cannot end an administrator’s membership', person('coordinator'), 'membership.end', { organisationId: ownOrg.id, province: 'nord', role: 'administrator' }, false],
    ['a token with organisations:read may read through the API', { kind: 'token', tokenId: 't', name: 't', scopes: ['organisations:read'] }, 'api.organisations.read', undefined, true],
    ['a token without organisations:write may not create', { kind: 'token', tokenId: 't', name: 't', scopes: ['organisations:read'] }, 'api.organisations.write', undefined, false],
    ['a token cannot use a page action', { kind: 'token', tokenId: 't', name: 't', scopes: ['organisations:read', 'organisations:write'] }, 'organisation.list', undefined, false],
  ];
  for (const [sentence, actor, action, subject, allowed] of table) {
    it(`${allowed ? 'allows' : 'refuses'}: ${sentence}`, () => {
      assert.equal(subject === undefined ? can(actor, action) : can(actor, action, subject), allowed);
    });
  }

  it('refuses everything to nobody', () => {
    assert.equal(can(null, 'organisation.list'), false);
  });
});

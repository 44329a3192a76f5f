import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { can, type Actor, type Membership, type Role } from '../../../platform/authz/index.ts';
import '../statistics/statistics.policy.ts';
import '../../teams/teams.policy.ts';
import './catalogue.policy.ts';
import { viewsFor } from '../statistics/statistics.policy.ts';

function person(role: Role, organisationId = 'cafat'): Actor {
  const membership: Membership = { id: 'm', organisationId, organisationName: 'X', role, scopeProvince: null };
  return { kind: 'person', userId: 'u', name: 'Test', email: 't@t.nc', memberships: [membership] };
}

const own = { partnerOrganisationId: 'cafat' };
const other = { partnerOrganisationId: 'eec' };

describe('catalogue, teams and statistics policies', () => {
  const table: [string, Actor, string, object | undefined, boolean][] = [
    ['a référent keeps their partner’s procedures', person('partner_referent'), 'procedure.manage', own, true],
    ['a référent does not keep another partner’s procedures', person('partner_referent'), 'procedure.manage', other, false],
    ['a coordinator keeps every partner’s procedures', person('coordinator', 'dinum'), 'procedure.manage', other, true],
    ['an administrator keeps every partner’s procedures', person('administrator', 'dinum'), 'procedure.manage', other, true],
    ['a helper does not keep the catalogue', person('helper', 'opt'), 'procedure.manage', own, false],
    ['a place manager does not keep the catalogue', person('place_manager', 'cafat'), 'procedure.manage', own, false],
    ['a coordinator manages teams', person('coordinator', 'dinum'), 'team.manage', undefined, true],
    ['an administrator manages teams', person('administrator', 'dinum'), 'team.manage', undefined, true],
    ['a helper does not manage teams', person('helper', 'opt'), 'team.manage', undefined, false],
    ['a référent does not manage teams', person('partner_referent'), 'team.manage', undefined, false],
    ['a helper sees their own statistics', person('helper', 'opt'), 'statistics.own', undefined, true],
    ['a helper does not see the network’s', person('helper', 'opt'), 'statistics.network', undefined, false],
    ['a helper does not see a team’s', person('helper', 'opt'), 'statistics.team', undefined, false],
    ['a coordinator sees a team’s', person('coordinator', 'dinum'), 'statistics.team', undefined, true],
    ['a référent sees their partner’s procedures', person('partner_referent'), 'statistics.partner', own, true],
    ['a référent does not see another partner’s', person('partner_referent'), 'statistics.partner', other, false],
    ['a référent does not see the network’s', person('partner_referent'), 'statistics.network', undefined, false],
    ['a coordinator sees any partner’s', person('coordinator', 'dinum'), 'statistics.partner', other, true],
    ['a place manager does not open the statistics', person('place_manager'), 'statistics.view', undefined, false],
  ];
  for (const [sentence, actor, action, subject, allowed] of table) {
    it(`${allowed ? 'allows' : 'refuses'}: ${sentence}`, () => {
      assert.equal(subject === undefined ? can(actor, action) : can(actor, action, subject), allowed);
    });
  }

  it('offers each role its statistics views, the default first', () => {
    assert.deepEqual(viewsFor(person('helper', 'opt')), ['moi']);
    assert.deepEqual(viewsFor(person('coordinator', 'dinum')), ['equipe', 'reseau', 'partenaire']);
    assert.deepEqual(viewsFor(person('partner_referent')), ['partenaire']);
    assert.deepEqual(viewsFor(null), []);
  });

  it('refuses everything to API tokens and to nobody', () => {
    const token: Actor = { kind: 'token', tokenId: 't', name: 't', scopes: ['activites:lire'] };
    for (const action of ['procedure.manage', 'team.manage', 'statistics.view', 'statistics.network']) {
      assert.equal(can(token, action), false);
      assert.equal(can(null, action), false);
    }
  });
});

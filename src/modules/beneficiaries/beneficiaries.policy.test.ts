import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { can, type Actor, type Membership, type Role } from '../../platform/authz/index.ts';
import type { Province } from '../../territory/index.ts';
import { beneficiaryActions, type FileSubject } from './beneficiaries.policy.ts';

const koneFile: FileSubject = { organisationId: 'opt-kone', province: 'nord' };

function person(role: Role, organisationId = 'opt-kone', scopeProvince: Province | null = null): Actor {
  const membership: Membership = { id: 'm', organisationId, organisationName: 'X', role, scopeProvince };
  return { kind: 'person', userId: 'u', name: 'Test', email: 't@t.nc', memberships: [membership] };
}

describe('Followed people policy', () => {
  const table: [string, Actor, boolean][] = [
    ['a helper of the following structure', person('helper'), true],
    ['a helper of another structure', person('helper', 'opt-bourail'), false],
    ['a territory-wide coordinator of the following structure', person('coordinator'), true],
    ['a Nord coordinator of the following structure (Koné is in the Nord)', person('coordinator', 'opt-kone', 'nord'), true],
    ['a Sud coordinator of the following structure (out of scope)', person('coordinator', 'opt-kone', 'sud'), false],
    ['a territory-wide coordinator of another structure (the government unit)', person('coordinator', 'dinum'), false],
    ['an administrator', person('administrator', 'dinum'), false],
    ['an administrator member of the following structure', person('administrator'), false],
    ['a place manager of the following structure', person('place_manager'), false],
    ['a partner referent', person('partner_referent', 'cafat'), false],
  ];
  for (const [who, actor, allowed] of table) {
    for (const action of beneficiaryActions) {
      it(`${allowed ? 'allows' : 'refuses'} ${action} to ${who}`, () => assert.equal(can(actor, action, koneFile), allowed));
    }
  }

  it('opens the list page (with nothing in it) to helpers and coordinators only', () => {
    assert.equal(can(person('helper', 'opt-bourail'), 'beneficiary.list'), true);
    assert.equal(can(person('coordinator', 'dinum'), 'beneficiary.list'), true);
    assert.equal(can(person('administrator', 'dinum'), 'beneficiary.list'), false);
    assert.equal(can(person('place_manager'), 'beneficiary.list'), false);
  });

  it('refuses everything to API tokens and to nobody', () => {
    const token: Actor = { kind: 'token', tokenId: 't', name: 't', scopes: ['activites:lire', 'activites:ecrire'] };
    for (const action of beneficiaryActions) {
      assert.equal(can(token, action, koneFile), false);
      assert.equal(can(null, action, koneFile), false);
    }
  });
});

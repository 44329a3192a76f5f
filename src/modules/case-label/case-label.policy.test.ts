import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { can, type Actor, type Membership, type Role } from '../../platform/authz/index.ts';
import type { Province } from '../../territory/index.ts';
import { canSeeApplication, type PlaceSubject } from './case-label.policy.ts';

const ownPlace: PlaceSubject = { id: 'place-a', province: 'nord', managedBy: 'org-a' };
const otherPlace: PlaceSubject = { id: 'place-b', province: 'sud', managedBy: 'org-b' };
const unmanaged: PlaceSubject = { id: 'place-c', province: 'nord', managedBy: null };

function person(role: Role, scopeProvince: Province | null = null, organisationId = 'org-a'): Actor {
  const membership: Membership = { id: 'm', organisationId, organisationName: 'A', role, scopeProvince };
  return { kind: 'person', userId: 'u', name: 'Test', email: 't@t.nc', memberships: [membership] };
}

describe('Case numérique label policy', () => {
  const table: [string, Actor, string, PlaceSubject | undefined, boolean][] = [
    ['a place manager opens the label page', person('place_manager'), 'label.workspace', undefined, true],
    ['a coordinator opens the label page', person('coordinator'), 'label.workspace', undefined, true],
    ['an administrator opens the label page', person('administrator'), 'label.workspace', undefined, true],
    ['a helper does not open the label page', person('helper'), 'label.workspace', undefined, false],
    ['a partner referent does not open the label page', person('partner_referent'), 'label.workspace', undefined, false],
    ['a place manager applies for their organisation’s place', person('place_manager'), 'label.apply', ownPlace, true],
    ['a place manager does not apply for another organisation’s place', person('place_manager'), 'label.apply', otherPlace, false],
    ['a place manager does not apply for a place nobody manages', person('place_manager'), 'label.apply', unmanaged, false],
    ['a coordinator does not apply in a place’s stead', person('coordinator'), 'label.apply', ownPlace, false],
    ['a helper of the managing organisation does not apply', person('helper'), 'label.apply', ownPlace, false],
    ['a territory-wide coordinator reviews any place', person('coordinator'), 'label.review', otherPlace, true],
    ['a Nord coordinator reviews a Nord place', person('coordinator', 'nord', 'x'), 'label.review', ownPlace, true],
    ['a Nord coordinator does not review a Sud place', person('coordinator', 'nord', 'x'), 'label.review', otherPlace, false],
    ['an administrator reviews any place', person('administrator'), 'label.review', otherPlace, true],
    ['a place manager does not review their own application', person('place_manager'), 'label.review', ownPlace, false],
    ['a coordinator keeps the criteria', person('coordinator', 'sud'), 'label.criteria.manage', undefined, true],
    ['an administrator keeps the criteria', person('administrator'), 'label.criteria.manage', undefined, true],
    ['a place manager does not change the criteria', person('place_manager'), 'label.criteria.manage', undefined, false],
  ];
  for (const [sentence, actor, action, subject, allowed] of table) {
    it(`${allowed ? 'allows' : 'refuses'}: ${sentence}`, () => {
      assert.equal(subject === undefined ? can(actor, action) : can(actor, action, subject), allowed);
    });
  }

  it('shows an application and its files to its applicants and its reviewers only', () => {
    assert.equal(canSeeApplication(person('place_manager'), ownPlace), true);
    assert.equal(canSeeApplication(person('coordinator', 'nord', 'x'), ownPlace), true);
    assert.equal(canSeeApplication(person('place_manager'), otherPlace), false);
    assert.equal(canSeeApplication(person('coordinator', 'nord', 'x'), otherPlace), false);
    assert.equal(canSeeApplication(person('helper'), ownPlace), false);
    assert.equal(canSeeApplication(null, ownPlace), false);
  });

  it('refuses everything to API tokens and to nobody', () => {
    const token: Actor = { kind: 'token', tokenId: 't', name: 't', scopes: ['organisations:read'] };
    for (const action of ['label.workspace', 'label.apply', 'label.review', 'label.criteria.manage']) {
      assert.equal(can(token, action), false);
      assert.equal(can(null, action), false);
    }
  });
});

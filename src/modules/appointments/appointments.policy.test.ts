import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { can, type Actor, type Membership, type Role } from '../../platform/authz/index.ts';
import type { Province } from '../../territory/index.ts';
import { agencyPermissions, type AgencySubject } from './appointments.policy.ts';

const kone: AgencySubject = { organisationId: 'opt-kone', province: 'nord' };
const yate: AgencySubject = { organisationId: 'opt-yate', province: 'sud' };

function person(role: Role, organisationId = 'opt-kone', scopeProvince: Province | null = null): Actor {
  const membership: Membership = { id: 'm', organisationId, organisationName: 'Org', role, scopeProvince };
  return { kind: 'person', userId: 'u', name: 'Test', email: 't@t.nc', memberships: [membership] };
}

describe('appointments policy', () => {
  const table: [string, Actor, string, AgencySubject | undefined, boolean][] = [
    ['a helper of the agency keeps its reasons and hours', person('helper'), 'appointment.settings', kone, true],
    ['a helper of another agency does not', person('helper', 'opt-yate'), 'appointment.settings', kone, false],
    ['a place manager of the agency keeps its reasons and hours', person('place_manager'), 'appointment.settings', kone, true],
    ['a place manager of another organisation does not', person('place_manager', 'mairie-bourail'), 'appointment.settings', kone, false],
    ['a territory-wide coordinator keeps any agency’s reasons and hours', person('coordinator', 'dinum'), 'appointment.settings', yate, true],
    ['a Nord coordinator keeps a Nord agency’s', person('coordinator', 'dinum', 'nord'), 'appointment.settings', kone, true],
    ['a Nord coordinator does not keep a Sud agency’s', person('coordinator', 'dinum', 'nord'), 'appointment.settings', yate, false],
    ['an administrator keeps any agency’s', person('administrator', 'dinum'), 'appointment.settings', yate, true],
    ['a partner referent does not', person('partner_referent', 'cafat'), 'appointment.settings', kone, false],
    ['a helper of the agency sees its day of appointments', person('helper'), 'appointment.agenda', kone, true],
    ['a place manager of the agency sees its day', person('place_manager'), 'appointment.agenda', kone, true],
    ['a helper of another agency does not see the day', person('helper', 'opt-yate'), 'appointment.agenda', kone, false],
    ['a coordinator does not see people’s names and phones', person('coordinator', 'dinum'), 'appointment.agenda', kone, false],
    ['an administrator does not see them either', person('administrator', 'dinum'), 'appointment.agenda', kone, false],
    ['a helper of the agency turns an appointment into an activity record', person('helper'), 'appointment.record', kone, true],
    ['a place manager does not record activities', person('place_manager'), 'appointment.record', kone, false],
    ['a helper of another agency does not record for this one', person('helper', 'opt-yate'), 'appointment.record', kone, false],
    ['a coordinator opens the list of agencies', person('coordinator', 'dinum'), 'appointment.network', undefined, true],
    ['a helper has no network list (their agenda leads to their settings)', person('helper'), 'appointment.network', undefined, false],
  ];
  for (const [sentence, actor, action, subject, allowed] of table) {
    it(`${allowed ? 'allows' : 'refuses'}: ${sentence}`, () => {
      assert.equal(subject === undefined ? can(actor, action) : can(actor, action, subject), allowed);
    });
  }

  it('gives the page the same answers as the routes', () => {
    assert.deepEqual(agencyPermissions(person('helper'), kone), { settings: true, agenda: true, record: true });
    assert.deepEqual(agencyPermissions(person('coordinator', 'dinum', 'nord'), kone), { settings: true, agenda: false, record: false });
    assert.deepEqual(agencyPermissions(null, kone), { settings: false, agenda: false, record: false });
  });

  it('refuses everything to API tokens and to nobody', () => {
    const token: Actor = { kind: 'token', tokenId: 't', name: 't', scopes: ['activites:ecrire', 'activites:lire'] };
    for (const action of ['appointment.settings', 'appointment.agenda', 'appointment.record', 'appointment.network']) {
      assert.equal(can(token, action, kone), false);
      assert.equal(can(null, action, kone), false);
    }
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { can, type Actor, type Membership, type Role } from '../../../platform/authz/index.ts';
import type { ProgrammeSubject, SessionSubject } from './day.policy.ts';
import './index.ts';

const consortiumOrg = 'org-open-nc';
const session: SessionSubject = { consortium: [consortiumOrg], trainers: ['u-trainer'] };
const programme: ProgrammeSubject = { consortium: [consortiumOrg] };

function person(userId: string, role: Role, organisationId = 'org-elsewhere'): Actor {
  const membership: Membership = { id: 'm', organisationId, organisationName: 'Org', role, scopeProvince: null };
  return { kind: 'person', userId, name: 'Test', email: 't@t.nc', memberships: [membership] };
}

const trainer = person('u-trainer', 'helper');
const otherTrainer = person('u-other', 'helper');
const consortiumMember = person('u-member', 'association_contact', consortiumOrg);
const coordinator = person('u-coord', 'coordinator', 'org-dinum');
const administrator = person('u-admin', 'administrator', 'org-dinum');
const placeManager = person('u-place', 'place_manager');

describe('workshop day policy', () => {
  const table: [string, Actor, string, SessionSubject | ProgrammeSubject, boolean][] = [
    ['a trainer keeps the roster of their session', trainer, 'workshop.roster', session, true],
    ['a helper who does not train the session does not keep its roster', otherTrainer, 'workshop.roster', session, false],
    ['a consortium member keeps the rosters of the programme', consortiumMember, 'workshop.roster', session, true],
    ['a coordinator keeps every roster', coordinator, 'workshop.roster', session, true],
    ['an administrator does not keep rosters', administrator, 'workshop.roster', session, false],
    ['a place manager elsewhere does not keep rosters', placeManager, 'workshop.roster', session, false],
    ['a trainer writes the debrief of their session', trainer, 'workshop.debrief.write', session, true],
    ['another helper does not write it', otherTrainer, 'workshop.debrief.write', session, false],
    ['a coordinator reads debriefs but does not write them', coordinator, 'workshop.debrief.write', session, false],
    ['a coordinator reads every debrief', coordinator, 'workshop.debrief.read', session, true],
    ['a consortium member reads the debriefs', consortiumMember, 'workshop.debrief.read', session, true],
    ['any helper may fill the feedback with a participant', otherTrainer, 'workshop.feedback.assist', session, true],
    ['a place manager elsewhere may not fill it as a helper', placeManager, 'workshop.feedback.assist', session, false],
    ['a trainer types paper answers of their session', trainer, 'workshop.feedback.enter', session, true],
    ['another helper does not type paper answers', otherTrainer, 'workshop.feedback.enter', session, false],
    ['another helper does not read the answers', otherTrainer, 'workshop.feedback.read', session, false],
    ['a coordinator reads every answer', coordinator, 'workshop.feedback.read', session, true],
    ['a coordinator co-constructs every programme', coordinator, 'workshop.coconstruction', programme, true],
    ['a consortium member co-constructs their programme', consortiumMember, 'workshop.coconstruction', programme, true],
    ['a trainer outside the consortium does not record adjustments', trainer, 'workshop.coconstruction', programme, false],
    ['an administrator reads the funder report', administrator, 'workshop.report', programme, true],
    ['a trainer outside the consortium does not read the funder report', trainer, 'workshop.report', programme, false],
  ];
  for (const [sentence, actor, action, subject, allowed] of table) {
    it(`${allowed ? 'allows' : 'refuses'}: ${sentence}`, () => assert.equal(can(actor, action, subject), allowed));
  }

  it('gives anonymous visitors and API tokens nothing: they can only answer through the public form', () => {
    const token: Actor = { kind: 'token', tokenId: 't', name: 't', scopes: ['activites:ecrire', 'activites:lire'] };
    for (const action of ['workshop.day', 'workshop.roster', 'workshop.debrief.write', 'workshop.debrief.read', 'workshop.feedback.assist', 'workshop.feedback.enter', 'workshop.feedback.read', 'workshop.coconstruction', 'workshop.report']) {
      assert.equal(can(null, action), false, action);
      assert.equal(can(token, action), false, action);
    }
  });
});

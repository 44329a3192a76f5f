import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { can, type Actor, type Membership, type Role } from '../../platform/authz/index.ts';
import type { SessionSubject } from './workshops.policy.ts';
import './workshops.policy.ts';

// org-a is in the consortium; the trainer is user 'trainer'.
const session: SessionSubject = { consortium: ['org-a'], trainers: ['trainer'] };

function person(role: Role, organisationId = 'org-a', userId = 'u'): Actor {
  const membership: Membership = { id: 'm', organisationId, organisationName: 'A', role, scopeProvince: null };
  return { kind: 'person', userId, name: 'Test', email: 't@t.nc', memberships: [membership] };
}

describe('workshops policy', () => {
  const table: [string, Actor, string, SessionSubject | undefined, boolean][] = [
    ['a coordinator opens the workshops page', person('coordinator', 'gov'), 'workshop.workspace', undefined, true],
    ['a helper opens the workshops page', person('helper', 'x'), 'workshop.workspace', undefined, true],
    ['a donor contact does not open the workshops page', person('donor_contact'), 'workshop.workspace', undefined, false],
    ['a coordinator creates a programme', person('coordinator', 'gov'), 'programme.create', undefined, true],
    ['a consortium member does not create a programme', person('helper'), 'programme.create', undefined, false],
    ['a coordinator manages any programme', person('coordinator', 'gov'), 'programme.manage', session, true],
    ['a consortium helper manages their programme', person('helper'), 'programme.manage', session, true],
    ['a consortium association contact manages their programme', person('association_contact'), 'programme.manage', session, true],
    ['a helper of another organisation does not manage it', person('helper', 'org-b'), 'programme.manage', session, false],
    ['a trainer from outside the consortium does not manage it', person('helper', 'org-b', 'trainer'), 'programme.manage', session, false],
    ['a trainer from outside the consortium sees the session', person('helper', 'org-b', 'trainer'), 'workshop.session.view', session, true],
    ['a helper of another organisation does not see the session', person('helper', 'org-b'), 'workshop.session.view', session, false],
    ['a trainer reads the sensitive answers of their session', person('helper', 'org-b', 'trainer'), 'workshop.sensitive.read', session, true],
    ['a consortium helper reads the sensitive answers', person('helper'), 'workshop.sensitive.read', session, true],
    ['a consortium coordinator reads the sensitive answers', person('coordinator'), 'workshop.sensitive.read', session, true],
    ['a coordinator outside the consortium does not read them', person('coordinator', 'gov'), 'workshop.sensitive.read', session, false],
    ['an administrator does not read them', person('administrator', 'gov'), 'workshop.sensitive.read', session, false],
    ['an association contact (no second factor) does not read them', person('association_contact'), 'workshop.sensitive.read', session, false],
    ['a helper of another organisation does not read them', person('helper', 'org-b'), 'workshop.sensitive.read', session, false],
    ['any helper registers someone on their behalf', person('helper', 'org-b'), 'workshop.register_for', session, true],
    ['a trainer with another role registers someone for their session', person('association_contact', 'org-b', 'trainer'), 'workshop.register_for', session, true],
    ['an association contact who does not train does not register people', person('association_contact', 'org-b'), 'workshop.register_for', session, false],
    ['a place manager who does not train does not register people', person('place_manager', 'org-b'), 'workshop.register_for', session, false],
  ];
  for (const [sentence, actor, action, subject, allowed] of table) {
    it(`${allowed ? 'allows' : 'refuses'}: ${sentence}`, () => {
      assert.equal(subject === undefined ? can(actor, action) : can(actor, action, subject), allowed);
    });
  }

  it('refuses everything to API tokens and to nobody', () => {
    const token: Actor = { kind: 'token', tokenId: 't', name: 't', scopes: ['organisations:read'] };
    for (const action of ['workshop.workspace', 'programme.create', 'programme.manage', 'workshop.session.view', 'workshop.sensitive.read', 'workshop.register_for']) {
      assert.equal(can(token, action, session), false);
      assert.equal(can(null, action, session), false);
    }
  });
});

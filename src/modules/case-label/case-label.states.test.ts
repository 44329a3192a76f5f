import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applicationStatuses, type ApplicationStatus } from './case-label.schema.ts';
import { applicationEvents, isEditable, nextStatus, type ApplicationEvent } from './case-label.states.ts';

const allowed: [ApplicationStatus, ApplicationEvent, ApplicationStatus][] = [
  ['draft', 'submit', 'submitted'],
  ['submitted', 'request_changes', 'changes_requested'],
  ['changes_requested', 'submit', 'submitted'],
  ['submitted', 'grant', 'granted'],
  ['submitted', 'refuse', 'refused'],
];

describe('Case numérique application states', () => {
  for (const [from, event, to] of allowed) {
    it(`moves from ${from} to ${to} on ${event}`, () => {
      assert.deepEqual(nextStatus(from, event), { ok: true, to });
    });
  }

  it('refuses every other transition with a French message', () => {
    let refused = 0;
    for (const from of applicationStatuses) {
      for (const event of applicationEvents) {
        if (allowed.some(([f, e]) => f === from && e === event)) continue;
        const result = nextStatus(from, event);
        assert.equal(result.ok, false, `${from} + ${event} should be refused`);
        if (!result.ok) assert.match(result.message, /demande/);
        refused += 1;
      }
    }
    assert.equal(refused, applicationStatuses.length * applicationEvents.length - allowed.length);
  });

  it('does not let a draft be granted without being submitted', () => {
    assert.deepEqual(nextStatus('draft', 'grant'), { ok: false, message: 'Cette demande est encore un brouillon : elle doit d’abord être déposée par le lieu.' });
  });

  it('keeps a granted label final: no refusal afterwards', () => {
    const result = nextStatus('granted', 'refuse');
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.message, /déjà été accordé/);
  });

  it('lets the applicant edit evidence only in draft or when changes are requested', () => {
    assert.deepEqual(
      applicationStatuses.filter(isEditable),
      ['draft', 'changes_requested'],
    );
  });
});

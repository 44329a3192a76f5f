import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addToSummary, emptySummary } from '../feedback/feedback.queries.ts';
import { achievedFor, computeResults, progressPercent, type SessionFacts } from './reporting.results.ts';

const lifou = '98814';
const kone = '98811';

function session(overrides: Partial<SessionFacts>): SessionFacts {
  return { id: Math.random().toString(36), communeCode: lifou, month: '2026-03', cancelled: false, held: true, attended: 10, withDisability: 0, feedback: null, ...overrides };
}

function feedback(...answers: ('good' | 'medium' | 'bad')[]) {
  const summary = emptySummary();
  for (const a of answers) addToSummary(summary, { mode: 'self', answers: { liked: a } });
  return summary;
}

describe('programme results', () => {
  it('counts workshops held only when the roster is closed, and people reached only there', () => {
    const r = computeResults([session({ attended: 12 }), session({ held: false, attended: 0 }), session({ communeCode: kone, attended: 8 })]);
    assert.equal(r.totals.planned, 3);
    assert.equal(r.totals.held, 2);
    assert.equal(r.totals.reached, 20);
    assert.equal(r.totals.communes, 2);
  });

  it('leaves cancelled sessions out of everything', () => {
    const r = computeResults([session({ cancelled: true, attended: 40, held: true }), session({ attended: 5 })]);
    assert.equal(r.totals.planned, 1);
    assert.equal(r.totals.reached, 5);
    assert.deepEqual(r.byCommune.map((c) => c.planned), [1]);
  });

  it('hides counts of people with a disability from 1 to 4, in totals, communes and months', () => {
    const r = computeResults([session({ withDisability: 3 }), session({ communeCode: kone, month: '2026-04', withDisability: 6 })]);
    assert.equal(r.totals.withDisability, 9);
    assert.equal(r.byCommune.find((c) => c.communeCode === lifou)?.withDisability, null);
    assert.equal(r.byCommune.find((c) => c.communeCode === kone)?.withDisability, 6);
    assert.equal(r.byMonth.find((m) => m.month === '2026-03')?.withDisability, null);
    const small = computeResults([session({ withDisability: 4 })]);
    assert.equal(small.totals.withDisability, null);
    assert.equal(computeResults([session({ withDisability: 0 })]).totals.withDisability, 0);
  });

  it('measures satisfaction as the share of happy-face answers, over every question', () => {
    const r = computeResults([session({ feedback: feedback('good', 'good', 'medium') }), session({ feedback: feedback('bad') })]);
    assert.equal(r.totals.responses, 4);
    assert.equal(r.totals.satisfaction, 50);
    assert.equal(computeResults([session({})]).totals.satisfaction, null);
  });

  it('sorts months in calendar order', () => {
    const r = computeResults([session({ month: '2027-01' }), session({ month: '2026-11' })]);
    assert.deepEqual(r.byMonth.map((m) => m.month), ['2026-11', '2027-01']);
  });

  it('reads each target kind from the totals, and says nothing for custom targets', () => {
    const totals = computeResults([session({ attended: 250, withDisability: 130 })]).totals;
    assert.equal(achievedFor('people_reached', totals), 250);
    assert.equal(achievedFor('people_with_disability_reached', totals), 130);
    assert.equal(achievedFor('custom', totals), null);
    assert.equal(progressPercent(250, 500), 50);
    assert.equal(progressPercent(null, 500), null);
  });
});

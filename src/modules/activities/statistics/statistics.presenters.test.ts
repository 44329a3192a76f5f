import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { figure, hideSmallCounts, monthLabel, presentReport } from './statistics.presenters.ts';
import { splitByMonths, mergeRanges } from './statistics.period.ts';

describe('statistics presentation', () => {
  it('writes counts from 1 to 4 as "< 5" only where asked', () => {
    assert.deepEqual(figure(3, true), { value: 3, text: '< 5', hidden: true });
    assert.equal(figure(0, true).text, '0');
    assert.equal(figure(5, true).text, '5');
    assert.equal(figure(3, false).text, '3');
  });

  it('hides a second count when only one is hidden, so the first cannot be found by subtracting from the total', () => {
    assert.deepEqual(hideSmallCounts([40, 3, 12, 0], true).map((f) => f.text), ['40', '< 5', 'masqué', '0']);
    assert.deepEqual(hideSmallCounts([40, 3, 2, 12], true).map((f) => f.text), ['40', '< 5', '< 5', '12']);
    assert.deepEqual(hideSmallCounts([40, 3], false).map((f) => f.text), ['40', '3']);
  });

  it('hides people and personal traits in shared views, every figure when a commune is chosen', () => {
    const report = {
      rows: [
        { dimension: 'total' as const, value: '', records: 3, accompaniments: 3 },
        { dimension: 'commune' as const, value: '98811', records: 3, accompaniments: 3 },
        { dimension: 'channel' as const, value: 'at_place', records: 3, accompaniments: 3 },
      ],
      months: [{ month: '2026-03-01', records: 3, accompaniments: 3 }],
      people: { followed: 2, new: 1 },
      source: 'aggregates' as const,
    };
    const shared = presentReport(report, { hideSmall: true, hideEverything: false, procedures: new Map() });
    assert.equal(shared.keyFigures.find((k) => k.label === 'Accompagnements')?.figure.text, '3');
    assert.equal(shared.keyFigures.find((k) => k.label === 'Personnes suivies accompagnées')?.figure.text, '< 5');
    assert.equal(shared.sections.find((s) => s.id === 'commune')?.rows[0]?.figures[0]?.text, '< 5');
    assert.equal(shared.sections.find((s) => s.id === 'canal')?.rows[0]?.figures[0]?.text, '3');
    const narrowed = presentReport(report, { hideSmall: true, hideEverything: true, procedures: new Map() });
    assert.equal(narrowed.keyFigures.find((k) => k.label === 'Accompagnements')?.figure.text, '< 5');
    assert.equal(narrowed.sections.find((s) => s.id === 'canal')?.rows[0]?.figures[0]?.text, '< 5');
    assert.equal(narrowed.months[0]?.accompaniments.text, '< 5');
    const own = presentReport(report, { hideSmall: false, hideEverything: false, procedures: new Map() });
    assert.equal(own.sections.find((s) => s.id === 'commune')?.rows[0]?.figures[0]?.text, '3');
  });

  it('names months in French', () => {
    assert.equal(monthLabel('2026-03-01'), 'mars 2026');
  });
});

describe('statistics periods', () => {
  it('splits a period into whole months and the days left at either end', () => {
    assert.deepEqual(splitByMonths({ from: '2026-01-15', to: '2026-04-30' }, '2026-06-01'), { months: { from: '2026-02-01', to: '2026-04-01' }, edges: [{ from: '2026-01-15', to: '2026-01-31' }] });
    assert.deepEqual(splitByMonths({ from: '2026-01-01', to: '2026-03-10' }, '2026-06-01'), { months: { from: '2026-01-01', to: '2026-02-01' }, edges: [{ from: '2026-03-01', to: '2026-03-10' }] });
    // A period reaching today counts the current month whole: no record is ever in the future.
    assert.deepEqual(splitByMonths({ from: '2026-01-01', to: '2026-03-10' }, '2026-03-10'), { months: { from: '2026-01-01', to: '2026-03-01' }, edges: [] });
    assert.deepEqual(splitByMonths({ from: '2026-03-02', to: '2026-03-20' }, '2026-06-01'), { months: null, edges: [{ from: '2026-03-02', to: '2026-03-20' }] });
  });

  it('merges overlapping and touching membership periods', () => {
    assert.deepEqual(mergeRanges([{ from: '2026-02-01', to: '2026-03-01' }, { from: '2026-01-01', to: '2026-01-31' }, { from: '2026-05-01', to: '2026-05-02' }]), [{ from: '2026-01-01', to: '2026-03-01' }, { from: '2026-05-01', to: '2026-05-02' }]);
  });
});

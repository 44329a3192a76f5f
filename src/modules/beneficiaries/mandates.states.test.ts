import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { activeCategories, mandateExpiry, mandateState, type MandateDates, type MandateState } from './mandates.states.ts';

const at = (iso: string) => new Date(iso);
const given: MandateDates = {
  categories: ['papers', 'social'],
  consentGivenAt: at('2026-03-01T00:00:00Z'),
  refusedAt: null,
  expiresAt: at('2026-04-01T00:00:00Z'),
  revokedAt: null,
  categoryRevocations: {},
};

describe('Mandate state', () => {
  const table: [string, MandateDates, string, MandateState][] = [
    ['waits for consent while none is recorded', { ...given, consentGivenAt: null, expiresAt: null }, '2026-03-10T00:00:00Z', 'pending_consent'],
    ['is refused when the person said no', { ...given, consentGivenAt: null, expiresAt: null, refusedAt: at('2026-03-02T00:00:00Z') }, '2026-03-10T00:00:00Z', 'refused'],
    ['is active between consent and expiry', given, '2026-03-10T00:00:00Z', 'active'],
    ['is not yet active before the consent date', given, '2026-02-28T00:00:00Z', 'pending_consent'],
    ['is expired at its end', given, '2026-04-01T00:00:00Z', 'expired'],
    ['is expired after its end', given, '2026-06-01T00:00:00Z', 'expired'],
    ['is revoked once revoked as a whole', { ...given, revokedAt: at('2026-03-05T00:00:00Z') }, '2026-03-10T00:00:00Z', 'revoked'],
    ['is still active before a revocation takes effect', { ...given, revokedAt: at('2026-03-15T00:00:00Z') }, '2026-03-10T00:00:00Z', 'active'],
    ['stays revoked after the end it never reached', { ...given, revokedAt: at('2026-03-05T00:00:00Z') }, '2026-09-01T00:00:00Z', 'revoked'],
    ['is partly revoked when one category of two is revoked', { ...given, categoryRevocations: { social: '2026-03-05T00:00:00Z' } }, '2026-03-10T00:00:00Z', 'partly_revoked'],
    ['is revoked when every category is revoked', { ...given, categoryRevocations: { social: '2026-03-05T00:00:00Z', papers: '2026-03-06T00:00:00Z' } }, '2026-03-10T00:00:00Z', 'revoked'],
    ['is expired, not partly revoked, after its end', { ...given, categoryRevocations: { social: '2026-03-05T00:00:00Z' } }, '2026-05-01T00:00:00Z', 'expired'],
  ];
  for (const [sentence, dates, now, expected] of table) {
    it(sentence, () => assert.equal(mandateState(dates, at(now)), expected));
  }

  it('lists only the categories still in force', () => {
    const partly = { ...given, categoryRevocations: { social: '2026-03-05T00:00:00Z' } };
    assert.deepEqual(activeCategories(partly, at('2026-03-10T00:00:00Z')), ['papers']);
    assert.deepEqual(activeCategories(given, at('2026-03-10T00:00:00Z')), ['papers', 'social']);
    assert.deepEqual(activeCategories(given, at('2026-05-10T00:00:00Z')), []);
    assert.deepEqual(activeCategories({ ...given, consentGivenAt: null }, at('2026-03-10T00:00:00Z')), []);
  });

  it('ends a mandate after one day, one month, six months or one year', () => {
    const from = at('2026-01-31T10:00:00Z');
    assert.equal(mandateExpiry(from, 'one_day').toISOString(), '2026-02-01T10:00:00.000Z');
    assert.equal(mandateExpiry(from, 'one_month').toISOString(), '2026-02-28T10:00:00.000Z');
    assert.equal(mandateExpiry(from, 'six_months').toISOString(), '2026-07-31T10:00:00.000Z');
    assert.equal(mandateExpiry(at('2028-02-29T10:00:00Z'), 'one_year').toISOString(), '2029-02-28T10:00:00.000Z');
  });
});

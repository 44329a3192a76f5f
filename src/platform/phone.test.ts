import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatPhone, optionalPhoneField, toE164 } from './phone.ts';

describe('phone numbers', () => {
  it('stores New Caledonian numbers as +687 and six digits, however they are typed', () => {
    for (const typed of ['26 12 34', '261234', '26.12.34', '+687 26 12 34', '00687261234']) {
      assert.equal(toE164(typed), '+687261234', typed);
    }
    assert.equal(toE164('77 12 34'), '+687771234', 'mobile numbers too');
  });

  it('keeps numbers from elsewhere with their prefix', () => {
    assert.equal(toE164('+33 6 12 34 56 78'), '+33612345678');
  });

  it('refuses what is not a phone number', () => {
    for (const bad of ['12', '2612345', 'abc', '26 12 34 ext', '']) assert.equal(toE164(bad), null, bad);
  });

  it('shows a stored number the way people write it', () => {
    assert.equal(formatPhone('+687261234'), '26 12 34');
  });

  it('gives a French message naming the expected form', () => {
    const result = optionalPhoneField.safeParse('12');
    assert.equal(result.success, false);
    assert.match(result.error?.issues[0]?.message ?? '', /6 chiffres, par exemple 26 12 34/);
    assert.equal(optionalPhoneField.parse(''), null);
  });
});

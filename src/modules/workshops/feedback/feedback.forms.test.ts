import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validate } from '../../../platform/http/forms.ts';
import { feedbackWindow } from './feedback.commands.ts';
import { feedbackFields } from './feedback.forms.ts';

describe('feedback form', () => {
  it('accepts any subset of questions: nobody is forced to answer everything', () => {
    const result = validate(feedbackFields, { liked: 'good', comfortable: '' });
    assert.ok(result.ok);
    if (result.ok) assert.deepEqual(result.data, { answers: { liked: 'good' }, comment: '' });
  });

  it('accepts a message alone', () => {
    const result = validate(feedbackFields, { comment: '  Merci !  ' });
    assert.ok(result.ok);
    if (result.ok) assert.deepEqual(result.data, { answers: {}, comment: 'Merci !' });
  });

  it('refuses an empty form on the first question, in French', () => {
    const result = validate(feedbackFields, { comment: ' ' });
    assert.equal(result.ok, false);
    if (!result.ok) assert.equal(result.errors.liked, 'Répondez à au moins une question, ou écrivez un message');
  });

  it('refuses an answer that is not one of the three faces', () => {
    const result = validate(feedbackFields, { learned: 'excellent' });
    assert.equal(result.ok, false);
    if (!result.ok) assert.equal(result.errors.learned, 'Choisissez une des trois réponses');
  });

  it('refuses a message longer than 1 000 characters', () => {
    const result = validate(feedbackFields, { liked: 'good', comment: 'a'.repeat(1001) });
    assert.equal(result.ok, false);
  });

  it('opens when the session starts and closes 60 days after it ends', () => {
    const startsAt = new Date('2026-03-03T22:00:00Z');
    const endsAt = new Date('2026-03-04T00:00:00Z');
    assert.equal(feedbackWindow({ startsAt, endsAt, status: 'scheduled' }, new Date('2026-03-03T21:00:00Z')), 'not_yet');
    assert.equal(feedbackWindow({ startsAt, endsAt, status: 'scheduled' }, new Date('2026-03-03T23:30:00Z')), 'open');
    assert.equal(feedbackWindow({ startsAt, endsAt, status: 'scheduled' }, new Date('2026-05-10T00:00:00Z')), 'closed');
    assert.equal(feedbackWindow({ startsAt, endsAt, status: 'cancelled' }, new Date('2026-03-03T23:30:00Z')), 'cancelled');
  });
});

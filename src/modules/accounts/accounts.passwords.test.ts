import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hashPassword, passwordProblem, verifyPassword } from './accounts.passwords.ts';

describe('passwords', () => {
  it('refuses fewer than 12 characters', () => {
    assert.match(passwordProblem('Court1!') ?? '', /au moins 12 caractères/);
  });

  it('refuses common passwords and easy guesses, in French', () => {
    for (const common of ['motdepasse123', 'azertyuiop12', 'password1234', '123456789012', 'soleil123456']) {
      assert.match(passwordProblem(common) ?? '', /trop courant ou trop facile/, common);
    }
  });

  it('refuses a password made of the person’s own e-mail', () => {
    assert.ok(passwordProblem('henri.poadja@opt.nc', ['henri.poadja@opt.nc', 'Henri Poadja']));
  });

  it('accepts a passphrase', () => {
    assert.equal(passwordProblem('la tortue nage vers Ouvéa'), null);
  });

  it('hashes with argon2id and verifies only the right password', async () => {
    const stored = await hashPassword('la tortue nage vers Ouvéa');
    assert.match(stored, /^\$argon2id\$/);
    assert.equal(await verifyPassword(stored, 'la tortue nage vers Ouvéa'), true);
    assert.equal(await verifyPassword(stored, 'la tortue nage vers Maré'), false);
    assert.equal(await verifyPassword('pas un hash', 'x'), false);
  });
});

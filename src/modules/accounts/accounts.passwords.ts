import { hash, verify, Algorithm } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as french from '@zxcvbn-ts/language-fr';

// OWASP's argon2id baseline (m=19 MiB, t=2, p=1): slow enough against guessing, fast enough for 2 cores.
const argonOptions = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** @example const stored = await hashPassword('une phrase assez longue') */
export function hashPassword(password: string): Promise<string> {
  return hash(password, argonOptions);
}

/** False for a wrong password and for a malformed stored hash alike. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so that timing does not tell whether it does. */
export const decoyHash = await hashPassword('decoy-password-never-used');

export const minimumPasswordLength = 12;

let estimator: ZxcvbnFactory | undefined;
function strength(password: string, userInputs: string[]) {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...french.dictionary, relais: ['relais', 'caledonie', 'noumea', 'motdepasse'] },
    graphs: common.adjacencyGraphs,
  });
  return estimator.check(password, userInputs);
}

/**
 * Why a new password is refused, in French, or null when it is acceptable: at least 12 characters and not among
 * common passwords or easy guesses (names, e-mail, sequences).
 * @example passwordProblem('motdepasse123') // 'Ce mot de passe est trop courant…'
 */
export function passwordProblem(password: string, userInputs: string[] = []): string | null {
  if (password.length < minimumPasswordLength) {
    return `Entrez un mot de passe d’au moins ${minimumPasswordLength} caractères. Une phrase de quelques mots est facile à retenir.`;
  }
  if (password.length > 200) return 'Entrez un mot de passe de 200 caractères au plus.';
  if (strength(password, userInputs).score < 3) {
    return 'Ce mot de passe est trop courant ou trop facile à deviner. Choisissez une phrase de quelques mots que vous seul connaissez.';
  }
  return null;
}

import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Executor } from '../db/client.ts';
import { createAccount } from '../modules/accounts/index.ts';
import { createOrganisation, organisationByName } from '../modules/organisations/index.ts';

const operatorName = 'Administration de Relais';

export function isEmail(value: string): boolean {
  return z.email().safeParse(value.trim()).success;
}

/**
 * Creates an administrator with a random provisional password, printed once. The account belongs to the
 * operator's organisation, created if needed. The second factor is asked at first sign-in.
 */
export async function createAdministrator(db: Executor, email: string): Promise<number> {
  const parsed = z.email().safeParse(email.trim());
  if (!parsed.success) {
    console.error(`« ${email} » n’est pas une adresse e-mail valide.`);
    return 1;
  }
  const password = randomBytes(12).toString('base64url');
  const result = await db.transaction(async (tx) => {
    let organisation = await organisationByName(tx, operatorName);
    if (!organisation) {
      const created = await createOrganisation(tx, null, { name: operatorName, kind: 'government_unit', communeCode: '98818', ridet: null });
      if (!created.ok) throw new Error(created.error);
      organisation = await organisationByName(tx, operatorName);
    }
    if (!organisation) throw new Error('operator organisation missing');
    return createAccount(tx, null, { email: parsed.data, name: parsed.data.split('@')[0] ?? parsed.data, password, memberships: [{ organisationId: organisation.id, role: 'administrator' }] });
  });
  if (!result.ok) {
    console.error(`Un compte existe déjà pour ${parsed.data}.`);
    return 1;
  }
  console.log(`Administrateur créé : ${parsed.data}\nMot de passe provisoire : ${password}\nÀ la première connexion, la double authentification sera demandée.`);
  return 0;
}

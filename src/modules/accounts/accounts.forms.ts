import { z } from 'zod';
import { optionalPhoneField } from '../../platform/phone.ts';
import { minimumPasswordLength } from './accounts.passwords.ts';

const email = z
  .string({ error: 'Entrez votre adresse e-mail' })
  .trim()
  .min(1, 'Entrez votre adresse e-mail')
  .max(254, 'Entrez une adresse e-mail de 254 caractères au plus')
  .pipe(z.email('Entrez une adresse e-mail valide, par exemple prenom.nom@exemple.nc'));

export const signInForm = z.object({
  email,
  password: z.string({ error: 'Entrez votre mot de passe' }).min(1, 'Entrez votre mot de passe').max(200, 'Entrez votre mot de passe'),
});

export const codeForm = z.object({
  code: z
    .string({ error: 'Entrez le code à 6 chiffres' })
    .trim()
    .min(1, 'Entrez le code à 6 chiffres affiché par votre application, ou un code de secours')
    .max(20, 'Entrez le code à 6 chiffres affiché par votre application, ou un code de secours'),
});

const newPassword = z
  .string({ error: 'Choisissez un mot de passe' })
  .min(1, 'Choisissez un mot de passe')
  .min(minimumPasswordLength, `Entrez un mot de passe d’au moins ${minimumPasswordLength} caractères`)
  .max(200, 'Entrez un mot de passe de 200 caractères au plus');

export const newPasswordForm = z
  .object({
    password: newPassword,
    confirmation: z.string({ error: 'Entrez le même mot de passe une seconde fois' }),
  })
  .refine((v) => v.password === v.confirmation, { path: ['confirmation'], message: 'Les deux mots de passe ne sont pas identiques' });

export const acceptInvitationForm = z
  .object({
    name: z.string({ error: 'Entrez votre nom' }).trim().min(1, 'Entrez votre prénom et votre nom').max(120, 'Entrez un nom de 120 caractères au plus'),
    password: newPassword,
    confirmation: z.string({ error: 'Entrez le même mot de passe une seconde fois' }),
  })
  .refine((v) => v.password === v.confirmation, { path: ['confirmation'], message: 'Les deux mots de passe ne sont pas identiques' });

/** A person who already has an account only confirms with their current password. */
export const acceptInvitationExistingForm = z.object({
  password: z.string({ error: 'Entrez votre mot de passe actuel' }).min(1, 'Entrez votre mot de passe actuel').max(200, 'Entrez votre mot de passe actuel'),
});

export const resetRequestForm = z.object({ email });

/** Only paths inside Relais: an open redirect would let a phishing link borrow our address. */
export function safeReturnPath(value: string | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value;
}

export const ownDetailsForm = z.object({
  name: z.string({ error: 'Entrez votre nom' }).trim().min(1, 'Entrez votre prénom et votre nom').max(120, 'Entrez un nom de 120 caractères au plus'),
  phone: optionalPhoneField,
});

import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';

/**
 * A phone number in E.164, the form stored everywhere (`+687261234`). New Caledonian numbers have six digits and
 * may be typed with spaces, dots or the +687 prefix; other countries need their prefix.
 * @example toE164('26 12 34') // '+687261234'
 * @example toE164('+33 6 12 34 56 78') // '+33612345678'
 */
export function toE164(input: string): string | null {
  const cleaned = input.trim();
  if (!/^[+\d][\d\s.()-]*$/.test(cleaned)) return null;
  const parsed = parsePhoneNumberFromString(cleaned, 'NC');
  if (!parsed?.isValid()) return null;
  return parsed.number;
}

/** How a stored number is shown: `26 12 34` for New Caledonia, international form otherwise. */
export function formatPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  // libphonenumber writes 26.12.34; the house style (DESIGN.md) writes 26 12 34.
  return parsed.countryCallingCode === '687' ? parsed.formatNational().replace(/\./g, ' ') : parsed.formatInternational();
}

export const phoneMessage = 'Entrez un numéro de téléphone à 6 chiffres, par exemple 26 12 34, ou un numéro avec son indicatif, par exemple +33 6 12 34 56 78';

/** The form field: optional, empty means none; otherwise normalised to E.164 or refused with a French message. */
export const optionalPhoneField = z
  .string()
  .trim()
  .transform((value, ctx) => {
    if (value === '') return null;
    const e164 = toE164(value);
    if (!e164) {
      ctx.addIssue({ code: 'custom', message: phoneMessage });
      return z.NEVER;
    }
    return e164;
  });

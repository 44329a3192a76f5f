import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { randomInt } from 'node:crypto';

const period = 30;

function totpFor(secretBase32: string, email: string): TOTP {
  return new TOTP({ issuer: 'Relais', label: email, algorithm: 'SHA1', digits: 6, period, secret: Secret.fromBase32(secretBase32) });
}

/** A fresh secret, in the base-32 form that authenticator apps take by hand. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The key grouped by four characters, easier to copy by hand. */
export function formatManualKey(secretBase32: string): string {
  return secretBase32.replace(/(.{4})/g, '$1 ').trim();
}

/** The otpauth:// URI and its QR code as an SVG string (the page shows the manual key too). */
export async function enrolmentMaterial(secretBase32: string, email: string): Promise<{ uri: string; qrSvg: string }> {
  const uri = totpFor(secretBase32, email).toString();
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { uri, qrSvg };
}

/**
 * Checks a 6-digit code, allowing one step of clock drift, and returns the step it matched (to refuse replays),
 * or null.
 */
export function matchTotp(secretBase32: string, email: string, code: string, now = Date.now()): number | null {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpFor(secretBase32, email).validate({ token, timestamp: now, window: 1 });
  if (delta === null) return null;
  return Math.floor(now / 1000 / period) + delta;
}

/** The current code, for tests and the demo's documentation. */
export function currentTotp(secretBase32: string, email: string, now = Date.now()): string {
  return totpFor(secretBase32, email).generate({ timestamp: now });
}

/** Ten one-time recovery codes like `7K3F-92QD`, from an alphabet without look-alike characters. */
export function newRecoveryCodes(): string[] {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  const pick = () => alphabet[randomInt(alphabet.length)] ?? '2';
  return Array.from({ length: 10 }, () => `${Array.from({ length: 4 }, pick).join('')}-${Array.from({ length: 4 }, pick).join('')}`);
}

export function normaliseRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[^0-9A-Z]/g, '').replace(/^(.{4})(.{4})$/, '$1-$2');
}

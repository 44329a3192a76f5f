import { createHash, randomBytes } from 'node:crypto';
import { v7 } from 'uuid';

/** A time-ordered UUID (v7): records created offline keep the id they were born with, and sort by creation. */
export function newId(): string {
  return v7();
}

/** A secret for a link or a cookie: 32 random bytes, URL-safe. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Secrets are stored hashed; SHA-256 is enough for 256-bit random values (no dictionary to attack). */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

import { randomFillSync } from 'node:crypto';
import type { Context } from 'hono';

// Every response carries a fresh script nonce (Content-Security-Policy). Asking the system for 16 random bytes per
// request cost a few per cent of a write's processor time; drawing them from a buffer refilled every 256 requests costs
// almost nothing and gives the same bytes: each nonce is used once.
const pool = Buffer.alloc(16 * 256);
let offset = pool.length;

export function freshNonce(): string {
  if (offset >= pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const nonce = pool.toString('base64', offset, offset + 16);
  offset += 16;
  return nonce;
}

/** For secureHeaders' scriptSrc, in place of hono's NONCE: sets `secureHeadersNonce` for the views. */
export function pooledNonce(c: Context): string {
  let nonce = c.get('secureHeadersNonce') as string | undefined;
  if (!nonce) {
    nonce = freshNonce();
    c.set('secureHeadersNonce', nonce);
  }
  return `'nonce-${nonce}'`;
}

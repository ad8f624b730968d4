import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 18 random bytes: 144 bits, 24 base64url characters (issue 13 asks for at least 128). */
const SECRET_BYTES = 18;

export function newSecret(): string {
  return randomBytes(SECRET_BYTES).toString('base64url');
}

/** Tokens are stored only as their SHA-256, so a copy of the database opens no room. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Compares two secrets in constant time (over their hashes, so lengths may differ). */
export function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(
    createHash('sha256').update(a).digest(),
    createHash('sha256').update(b).digest(),
  );
}

// Tenant credentials. The secret is 32 random bytes, so a plain SHA-256 is enough to store it (no
// dictionary to slow down); comparison is constant-time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function newClientId(): string {
  return `cc_${randomBytes(12).toString('hex')}`;
}

export function newClientSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashClientSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashClientSecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Ids are random and opaque, so one tenant cannot guess another's. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('hex')}`;
}

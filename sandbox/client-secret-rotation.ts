// Rotating an app's LWA client secret, as the Developer Console (or the Application Management API's
// rotateApplicationClientSecret) does: a new secret becomes valid at once; the old one keeps working
// until its expiry, then LWA answers invalid_client (docs/amazon.md §3, §5). With
// `previousValidForSeconds: 0` (the default) the old secret stops at once, which is what a cloud sees
// the moment Amazon's deadline passes.
import { randomBytes } from 'node:crypto';
import type { Parsed } from './scenario-input';
import type { SeedApp } from './seed';

interface Rotation {
  clientSecret: string;
  previousValidForSeconds: number;
}

const KEYS = new Set(['clientSecret', 'previousValidForSeconds']);
/** Printable ASCII without spaces, as LWA secrets are (`amzn1.oa2-cs.v1.<hex>`). */
const SECRET = /^[\x21-\x7e]{8,200}$/;

const newClientSecret = (): string => `amzn1.oa2-cs.v1.${randomBytes(32).toString('hex')}`;

export function parseRotation(input: unknown): Parsed<Rotation> {
  const body = input === undefined || input === null ? {} : input;
  if (typeof body !== 'object' || Array.isArray(body)) return { ok: false, message: 'expected a JSON object' };
  const b = body as Record<string, unknown>;
  const extra = Object.keys(b).filter((k) => !KEYS.has(k));
  if (extra.length) return { ok: false, message: `unknown field(s): ${extra.join(', ')}` };
  if (b.clientSecret !== undefined && (typeof b.clientSecret !== 'string' || !SECRET.test(b.clientSecret))) {
    return { ok: false, message: '"clientSecret" must be 8–200 printable ASCII characters without spaces' };
  }
  const keep = b.previousValidForSeconds ?? 0;
  if (typeof keep !== 'number' || !Number.isInteger(keep) || keep < 0 || keep > 180 * 24 * 3600) {
    return { ok: false, message: '"previousValidForSeconds" must be a whole number from 0 to 15552000 (180 days)' };
  }
  return {
    ok: true,
    value: { clientSecret: (b.clientSecret as string | undefined) ?? newClientSecret(), previousValidForSeconds: keep },
  };
}

export function rotateClientSecret(app: SeedApp, rotation: Rotation, now: number): void {
  app.previousClientSecret =
    rotation.previousValidForSeconds > 0
      ? { value: app.clientSecret, expiresAt: now + rotation.previousValidForSeconds * 1000 }
      : undefined;
  app.clientSecret = rotation.clientSecret;
}

/** The secrets LWA accepts for this app right now. */
export function secretAccepted(app: SeedApp, secret: string, now: number): boolean {
  if (secret === app.clientSecret) return true;
  const previous = app.previousClientSecret;
  return previous !== undefined && secret === previous.value && now < previous.expiresAt;
}

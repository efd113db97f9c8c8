// Verifies the cloud's own HS256 JWTs (the OAuth states, state.ts) synchronously with node:crypto's HMAC.
// jose's jwtVerify checks the same signature through WebCrypto, which imports the key and runs the
// HMAC as an async job on libuv's thread pool: ~0.2 ms at the median, but 4–5 ms at p99 on a loaded
// machine (the hop back to the event loop waits for a free thread and a wake-up), and every one of
// Amazon's redirects waits for it (issue 26). The checks are jose's, for what these tokens carry:
//   - three base64url parts; the header a JSON object whose `alg` is HS256 and that has no `crit`
//     (no other algorithm, `none` included, is ever accepted);
//   - the HMAC-SHA256 of `header.payload` under the key, compared in constant time — before anything in
//     the payload is believed;
//   - the payload a JSON object; `aud` the expected audience (a string, or an array holding it);
//   - `exp` a number (required: every state carries one) and later than now, in whole seconds as jose
//     counts (expired when exp <= now); `nbf`, if present, a number not after now; `iat`, if present, a
//     number.
// Signing stays with jose (state.ts): the tokens are the same bytes.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a genuine token says; `expired` only for a token whose signature and audience are right. */
type Hs256Check =
  | { ok: true; payload: Record<string, unknown> }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'expired'; payload: Record<string, unknown> };

const INVALID = { ok: false, reason: 'invalid' } as const;
/** A state is a few hundred bytes; anything far longer is not one of ours (and is not hashed). */
const MAX_TOKEN_LENGTH = 4096;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

function jsonObject(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export function verifyHs256(key: Uint8Array, token: string, audience: string, nowMs: number): Hs256Check {
  if (token.length > MAX_TOKEN_LENGTH) return INVALID;
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((p) => p.length > 0 && BASE64URL.test(p))) return INVALID;
  const [header, payload, signature] = parts as [string, string, string];
  const head = jsonObject(header);
  if (!head || head.alg !== 'HS256' || 'crit' in head) return INVALID;
  const expected = createHmac('sha256', key).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return INVALID;
  const claims = jsonObject(payload);
  if (!claims) return INVALID;
  const { aud, exp, nbf, iat } = claims;
  if (!(aud === audience || (Array.isArray(aud) && aud.includes(audience)))) return INVALID;
  if (typeof exp !== 'number' || (nbf !== undefined && typeof nbf !== 'number')) return INVALID;
  if (iat !== undefined && typeof iat !== 'number') return INVALID;
  const now = Math.floor(nowMs / 1000);
  if (typeof nbf === 'number' && nbf > now) return INVALID;
  if (exp <= now) return { ok: false, reason: 'expired', payload: claims };
  return { ok: true, payload: claims };
}

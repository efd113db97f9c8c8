// Short-lived bearer tokens for /v1: stateless HS256 JWTs naming the tenant. Their audience differs
// from the state token's, so neither can stand in for the other. Each names the generation of the
// tenant's Client-Secret it was issued under (`gen`): rotating the secret makes every earlier token
// invalid at once (tenant-gate.ts compares it).
import { SignJWT, jwtVerify } from 'jose';

const AUDIENCE = 'cloud-v1';
const ISSUER = 'amazon-cloud-connect';

export async function issueAccessToken(
  key: Uint8Array,
  tenantId: string,
  nowMs: number,
  ttlSeconds: number,
  secretGeneration = 0,
): Promise<string> {
  const iat = Math.floor(nowMs / 1000);
  return new SignJWT({ gen: secretGeneration })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(tenantId)
    .setAudience(AUDIENCE)
    .setIssuer(ISSUER)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .sign(key);
}

/** The tenant id, or undefined when the token is malformed, forged or expired. */
export async function verifyAccessToken(key: Uint8Array, token: string, nowMs: number): Promise<string | undefined> {
  return (await verifyWithExpiry(key, token, nowMs))?.tenantId;
}

interface VerifiedToken {
  tenantId: string;
  expiresAtMs: number;
  /** The tenant's secret generation the token was issued under (0 for tokens from before rotation revoked them). */
  generation: number;
}

async function verifyWithExpiry(key: Uint8Array, token: string, nowMs: number): Promise<VerifiedToken | undefined> {
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: ['HS256'],
      audience: AUDIENCE,
      issuer: ISSUER,
      currentDate: new Date(nowMs),
    });
    const generation = typeof payload.gen === 'number' && Number.isSafeInteger(payload.gen) ? payload.gen : 0;
    return typeof payload.sub === 'string' && typeof payload.exp === 'number'
      ? { tenantId: payload.sub, expiresAtMs: payload.exp * 1000, generation }
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where a token is filed: its last 43 characters, the HS256 signature of a genuine token (unique to its
 * header and payload), or the whole of a shorter one. A lookup hashes these few characters instead of
 * the whole token (~0.3 µs instead of ~0.9 per status call, issue 26); the entry then has to hold exactly
 * this token, so nothing but the token verified before is accepted from memory.
 */
const fileKey = (token: string) => (token.length > 43 ? token.slice(-43) : token);

/**
 * Verifies bearer tokens, remembering the good ones until they expire: a desktop sends the same
 * token on every long-poll, and the HMAC check cost two thirds of a bare route's throughput
 * (bench/README). Only verified tokens are kept (an attacker cannot fill the map with forgeries);
 * the map is bounded, oldest first out.
 */
export function createAccessTokenVerifier(key: Uint8Array, now: () => number, maxEntries = 10_000) {
  const verified = new Map<string, VerifiedToken & { token: string }>();
  const remembered = (token: string) => {
    const hit = verified.get(fileKey(token));
    return hit?.token === token ? hit : undefined;
  };
  const check = async (token: string): Promise<VerifiedToken | undefined> => {
    const t = now();
    const hit = remembered(token);
    if (hit) {
      if (hit.expiresAtMs > t) return hit;
      verified.delete(fileKey(token));
    }
    const fresh = await verifyWithExpiry(key, token, t);
    if (!fresh) return undefined;
    if (verified.size >= maxEntries) verified.delete(verified.keys().next().value!);
    verified.set(fileKey(token), { ...fresh, token });
    return fresh;
  };
  /** A token verified before and not yet expired, without a promise (the hot path); else undefined. */
  const known = (token: string): VerifiedToken | undefined => {
    const hit = remembered(token);
    return hit && hit.expiresAtMs > now() ? hit : undefined;
  };
  const verify = async (token: string): Promise<string | undefined> => (await check(token))?.tenantId;
  /** Which tokens the cache holds (for tests of its bound; never the tokens themselves). */
  const isCached = (token: string): boolean => remembered(token) !== undefined;
  return Object.assign(verify, { check, known, isCached, cachedCount: () => verified.size });
}

// The OAuth `state`: an HS256 JWT naming the authorization, expiring with it. Single use is enforced
// in the database (state_used_at), not here. Signed with jose; verified synchronously (hs256.ts: the
// same checks without WebCrypto's thread-pool hop on every redirect).
import { SignJWT } from 'jose';
import { verifyHs256 } from './hs256';

const AUDIENCE = 'amazon-callback';

export async function signState(
  key: Uint8Array,
  authorizationId: string,
  nowMs: number,
  expiresAtMs: number,
): Promise<string> {
  return (
    new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(authorizationId)
      .setAudience(AUDIENCE)
      .setIssuedAt(Math.floor(nowMs / 1000))
      // Rounded up, so the token never expires before the authorization it names.
      .setExpirationTime(Math.ceil(expiresAtMs / 1000))
      .sign(key)
  );
}

type StateCheck =
  | { ok: true; authorizationId: string }
  | { ok: false; reason: 'invalid' }
  /** Genuine but too late: the authorization it names can be marked expired. */
  | { ok: false; reason: 'expired'; authorizationId: string };

export async function verifyState(key: Uint8Array, state: string, nowMs: number): Promise<StateCheck> {
  const check = verifyHs256(key, state, AUDIENCE, nowMs);
  if (check.ok) {
    const { sub } = check.payload;
    return typeof sub === 'string' ? { ok: true, authorizationId: sub } : { ok: false, reason: 'invalid' };
  }
  // The signature is checked before the claims, so an expired token's payload is authentic.
  if (check.reason === 'expired' && typeof check.payload.sub === 'string')
    return { ok: false, reason: 'expired', authorizationId: check.payload.sub };
  return { ok: false, reason: 'invalid' };
}

// The Login URI's state (docs/amazon.md §1.6): bound to no platform, so the Login URI answers connected and
// unknown seller ids alike. It names the authorization the callback will create (`sub`, not yet in the
// database), the seller id Amazon sent and the region the callback host named. Another audience: it never
// passes for a bound state (start link, sign-in cookie, rate-limit exemption).
const UNBOUND_AUDIENCE = 'amazon-login-uri';

export interface UnboundClaims {
  authorizationId: string;
  sellingPartnerId?: string;
  region?: string;
}

export async function signUnboundState(
  key: Uint8Array,
  claims: UnboundClaims,
  nowMs: number,
  expiresAtMs: number,
): Promise<string> {
  return new SignJWT({
    ...(claims.sellingPartnerId ? { spid: claims.sellingPartnerId } : {}),
    ...(claims.region ? { rgn: claims.region } : {}),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.authorizationId)
    .setAudience(UNBOUND_AUDIENCE)
    .setIssuedAt(Math.floor(nowMs / 1000))
    .setExpirationTime(Math.ceil(expiresAtMs / 1000))
    .sign(key);
}

type UnboundCheck =
  | { ok: true; claims: UnboundClaims }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'expired'; authorizationId: string };

export async function verifyUnboundState(key: Uint8Array, state: string, nowMs: number): Promise<UnboundCheck> {
  const claimsOf = (p: Record<string, unknown>): UnboundClaims | undefined =>
    typeof p.sub === 'string' &&
    (p.spid === undefined || typeof p.spid === 'string') &&
    (p.rgn === undefined || typeof p.rgn === 'string')
      ? {
          authorizationId: p.sub,
          ...(p.spid ? { sellingPartnerId: p.spid as string } : {}),
          ...(p.rgn ? { region: p.rgn as string } : {}),
        }
      : undefined;
  const check = verifyHs256(key, state, UNBOUND_AUDIENCE, nowMs);
  if (check.ok) {
    const claims = claimsOf(check.payload);
    return claims ? { ok: true, claims } : { ok: false, reason: 'invalid' };
  }
  if (check.reason === 'expired' && typeof check.payload.sub === 'string')
    return { ok: false, reason: 'expired', authorizationId: check.payload.sub };
  return { ok: false, reason: 'invalid' };
}

// The OAuth `state`: an HS256 JWT naming the authorization, expiring with it. Single use is enforced
// in the database (state_used_at), not here.
import { SignJWT, jwtVerify, errors } from 'jose';

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
  try {
    const { payload } = await jwtVerify(state, key, {
      algorithms: ['HS256'],
      audience: AUDIENCE,
      currentDate: new Date(nowMs),
    });
    return typeof payload.sub === 'string'
      ? { ok: true, authorizationId: payload.sub }
      : { ok: false, reason: 'invalid' };
  } catch (err) {
    // jose checks the signature before the claims, so an expired token's payload is authentic.
    if (err instanceof errors.JWTExpired && typeof err.payload.sub === 'string' && err.payload.aud === AUDIENCE) {
      return { ok: false, reason: 'expired', authorizationId: err.payload.sub };
    }
    return { ok: false, reason: 'invalid' };
  }
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
  try {
    const { payload } = await jwtVerify(state, key, {
      algorithms: ['HS256'],
      audience: UNBOUND_AUDIENCE,
      currentDate: new Date(nowMs),
    });
    const claims = claimsOf(payload);
    return claims ? { ok: true, claims } : { ok: false, reason: 'invalid' };
  } catch (err) {
    if (
      err instanceof errors.JWTExpired &&
      typeof err.payload.sub === 'string' &&
      err.payload.aud === UNBOUND_AUDIENCE
    ) {
      return { ok: false, reason: 'expired', authorizationId: err.payload.sub };
    }
    return { ok: false, reason: 'invalid' };
  }
}

// The OAuth `state`: an HS256 JWT naming the authorization, expiring with it. Single use is enforced
// in the database (state_used_at), not here.
import { SignJWT, jwtVerify, errors } from 'jose';

const AUDIENCE = 'amazon-callback';

export async function signState(key: Uint8Array, authorizationId: string, nowMs: number, expiresAtMs: number): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(authorizationId)
    .setAudience(AUDIENCE)
    .setIssuedAt(Math.floor(nowMs / 1000))
    // Rounded up, so the token never expires before the authorization it names.
    .setExpirationTime(Math.ceil(expiresAtMs / 1000))
    .sign(key);
}

type StateCheck =
  | { ok: true; authorizationId: string }
  | { ok: false; reason: 'invalid' }
  /** Genuine but too late: the authorization it names can be marked expired. */
  | { ok: false; reason: 'expired'; authorizationId: string };

export async function verifyState(key: Uint8Array, state: string, nowMs: number): Promise<StateCheck> {
  try {
    const { payload } = await jwtVerify(state, key, { algorithms: ['HS256'], audience: AUDIENCE, currentDate: new Date(nowMs) });
    return typeof payload.sub === 'string' ? { ok: true, authorizationId: payload.sub } : { ok: false, reason: 'invalid' };
  } catch (err) {
    // jose checks the signature before the claims, so an expired token's payload is authentic.
    if (err instanceof errors.JWTExpired && typeof err.payload.sub === 'string') {
      return { ok: false, reason: 'expired', authorizationId: err.payload.sub };
    }
    return { ok: false, reason: 'invalid' };
  }
}

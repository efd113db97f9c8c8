// Short-lived bearer tokens for /v1: stateless HS256 JWTs naming the tenant. Their audience differs
// from the state token's, so neither can stand in for the other.
import { SignJWT, jwtVerify } from 'jose';

const AUDIENCE = 'cloud-v1';
const ISSUER = 'amazon-cloud-connect';

export async function issueAccessToken(key: Uint8Array, tenantId: string, nowMs: number, ttlSeconds: number): Promise<string> {
  const iat = Math.floor(nowMs / 1000);
  return new SignJWT({})
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
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: ['HS256'],
      audience: AUDIENCE,
      issuer: ISSUER,
      currentDate: new Date(nowMs),
    });
    return typeof payload.sub === 'string' ? payload.sub : undefined;
  } catch {
    return undefined;
  }
}

// The synchronous HS256 check against jose's jwtVerify as the reference: for every token below both
// must agree (accepted, expired or refused), and the state checks must not go through WebCrypto.
import { createHmac, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SignJWT, UnsecuredJWT, errors, jwtVerify } from 'jose';
import { verifyHs256 } from './hs256';
import { signState, verifyState, verifyUnboundState } from './state';

const key = new Uint8Array(randomBytes(32));
const AUD = 'amazon-callback';
const t0 = Date.UTC(2025, 0, 1);
const sec = (ms: number) => Math.floor(ms / 1000);

async function jose(token: string, nowMs: number): Promise<'ok' | 'expired' | 'invalid'> {
  try {
    await jwtVerify(token, key, { algorithms: ['HS256'], audience: AUD, currentDate: new Date(nowMs) });
    return 'ok';
  } catch (err) {
    return err instanceof errors.JWTExpired ? 'expired' : 'invalid';
  }
}

const outcome = (token: string, nowMs: number) => {
  const check = verifyHs256(key, token, AUD, nowMs);
  return check.ok ? 'ok' : check.reason;
};

const sign = (claims: Record<string, unknown>, header: Record<string, unknown> = { alg: 'HS256' }, k = key) =>
  new SignJWT(claims).setProtectedHeader(header as { alg: string }).sign(k);

/** A token jose would not sign (a `crit` header), made by hand. */
function handSigned(header: Record<string, unknown>, claims: Record<string, unknown>): string {
  const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const input = `${part(header)}.${part(claims)}`;
  return `${input}.${createHmac('sha256', key).update(input).digest('base64url')}`;
}

describe('verifyHs256', () => {
  it('agrees with jose on genuine, expired, forged and malformed tokens', async () => {
    const good = await sign({ sub: 'auth_1', aud: AUD, iat: sec(t0), exp: sec(t0) + 600 });
    const [h, p, s] = good.split('.') as [string, string, string];
    const other = (claims: Record<string, unknown>) => Buffer.from(JSON.stringify(claims)).toString('base64url');
    const cases: [string, string, number][] = [
      ['genuine', good, t0],
      ['last second', good, (sec(t0) + 599) * 1000 + 999],
      ['expired', good, (sec(t0) + 600) * 1000],
      ['another key', await sign({ aud: AUD, exp: sec(t0) + 600 }, undefined, new Uint8Array(randomBytes(32))), t0],
      ['HS512', await sign({ aud: AUD, exp: sec(t0) + 600 }, { alg: 'HS512' }), t0],
      ['alg none', new UnsecuredJWT({ aud: AUD, exp: sec(t0) + 600 }).encode(), t0],
      ['crit header', handSigned({ alg: 'HS256', crit: ['x'], x: 1 }, { aud: AUD, exp: sec(t0) + 600 }), t0],
      ['hand-signed', handSigned({ alg: 'HS256', typ: 'JWT' }, { aud: AUD, exp: sec(t0) + 600 }), t0],
      ['payload swapped', `${h}.${other({ sub: 'auth_2', aud: AUD, exp: sec(t0) + 600 })}.${s}`, t0],
      ['signature cut', `${h}.${p}.${s.slice(0, -2)}`, t0],
      ['no signature', `${h}.${p}.`, t0],
      ['another audience', await sign({ aud: 'cloud-api', exp: sec(t0) + 600 }), t0],
      ['audience list', await sign({ aud: ['x', AUD], exp: sec(t0) + 600 }), t0],
      ['expired, another audience', await sign({ aud: 'cloud-api', exp: sec(t0) }), t0 + 1000],
      ['exp a string', await sign({ aud: AUD, exp: String(sec(t0) + 600) }), t0],
      ['not yet valid', await sign({ aud: AUD, exp: sec(t0) + 600, nbf: sec(t0) + 60 }), t0],
      ['valid from now', await sign({ aud: AUD, exp: sec(t0) + 600, nbf: sec(t0) }), t0],
      ['iat a string', await sign({ aud: AUD, exp: sec(t0) + 600, iat: 'x' }), t0],
      ['garbage', 'a.b.c', t0],
      ['four parts', `${good}.x`, t0],
      ['not base64url', `${h}.${p}.${s.slice(0, -1)}+`, t0],
      ['control character', `${h}.${p}\n.${s}`, t0],
    ];
    for (const [name, token, now] of cases) expect(outcome(token, now), name).toBe(await jose(token, now));
    // Stricter than jose where our tokens allow it: every state carries exp, and no state is kilobytes long.
    expect(outcome(await sign({ aud: AUD }), t0)).toBe('invalid');
    const huge = await sign({ aud: AUD, exp: sec(t0) + 600, pad: 'x'.repeat(5000) });
    expect(outcome(huge, t0)).toBe('invalid');
  });

  it('gives an expired token’s payload only once its signature and audience are right', async () => {
    const expired = await sign({ sub: 'auth_1', aud: AUD, exp: sec(t0) });
    expect(verifyHs256(key, expired, AUD, t0 + 1000)).toEqual({
      ok: false,
      reason: 'expired',
      payload: { sub: 'auth_1', aud: AUD, exp: sec(t0) },
    });
    expect(verifyHs256(new Uint8Array(randomBytes(32)), expired, AUD, t0 + 1000)).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });
});

describe('the state checks', () => {
  afterEach(() => vi.restoreAllMocks());

  it('run without WebCrypto (no thread-pool hop on the redirect)', async () => {
    const state = await signState(key, 'auth_1', t0, t0 + 600_000);
    const importKey = vi.spyOn(crypto.subtle, 'importKey');
    const verify = vi.spyOn(crypto.subtle, 'verify');
    expect(await verifyState(key, state, t0)).toEqual({ ok: true, authorizationId: 'auth_1' });
    expect(await verifyUnboundState(key, state, t0)).toEqual({ ok: false, reason: 'invalid' });
    expect(importKey).not.toHaveBeenCalled();
    expect(verify).not.toHaveBeenCalled();
  });
});

import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { signState, signUnboundState, verifyState, verifyUnboundState } from './state';
import { issueAccessToken } from '../tenants/access-token';
import { buildConsentUrl } from './consent-url';
import { sandboxEndpoints, productionEndpoints } from '../../shared/amazon-endpoints';

const key = randomBytes(32);
const t0 = Date.UTC(2025, 0, 1);

describe('state token', () => {
  it('names the authorization until it expires', async () => {
    const state = await signState(key, 'auth_1', t0, t0 + 600_000);
    expect(await verifyState(key, state, t0 + 599_000)).toEqual({ ok: true, authorizationId: 'auth_1' });
    expect(await verifyState(key, state, t0 + 600_000)).toEqual({
      ok: false,
      reason: 'expired',
      authorizationId: 'auth_1',
    });
  });

  it('never expires before the authorization (sub-second expiry rounds up)', async () => {
    const state = await signState(key, 'auth_1', t0, t0 + 600_500);
    expect((await verifyState(key, state, t0 + 600_499)).ok).toBe(true);
  });

  it('rejects another key, a cloud access token, and garbage', async () => {
    const state = await signState(key, 'auth_1', t0, t0 + 600_000);
    expect(await verifyState(randomBytes(32), state, t0)).toEqual({ ok: false, reason: 'invalid' });
    expect(await verifyState(key, await issueAccessToken(key, 'ten_1', t0, 900), t0)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(await verifyState(key, 'a.b.c', t0)).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe("the Login URI's unbound state", () => {
  it('carries the seller id and region until it expires, and never passes for a bound state (nor the other way round)', async () => {
    const claims = { authorizationId: 'auth_2', sellingPartnerId: 'A1SELLER', region: 'EU' };
    const unbound = await signUnboundState(key, claims, t0, t0 + 600_000);
    expect(await verifyUnboundState(key, unbound, t0 + 599_000)).toEqual({ ok: true, claims });
    expect(await verifyUnboundState(key, unbound, t0 + 600_000)).toEqual({
      ok: false,
      reason: 'expired',
      authorizationId: 'auth_2',
    });
    // A bound state's checks (start link, sign-in cookie, rate-limit exemption) refuse it, expired or not.
    expect(await verifyState(key, unbound, t0)).toEqual({ ok: false, reason: 'invalid' });
    expect(await verifyState(key, unbound, t0 + 600_000)).toEqual({ ok: false, reason: 'invalid' });
    const bound = await signState(key, 'auth_1', t0, t0 + 600_000);
    expect(await verifyUnboundState(key, bound, t0)).toEqual({ ok: false, reason: 'invalid' });
    expect(await verifyUnboundState(key, bound, t0 + 600_000)).toEqual({ ok: false, reason: 'invalid' });
    expect(await verifyUnboundState(randomBytes(32), unbound, t0)).toEqual({ ok: false, reason: 'invalid' });
    const bare = await signUnboundState(key, { authorizationId: 'auth_3' }, t0, t0 + 1000);
    expect(await verifyUnboundState(key, bare, t0)).toEqual({ ok: true, claims: { authorizationId: 'auth_3' } });
  });
});

describe('consent URL', () => {
  const base = {
    applicationId: 'amzn1.sp.solution.x',
    redirectUri: 'https://cloud.example/oauth/amazon/callback',
    state: 'S',
  };

  it("uses the country's Seller Central host and adds version=beta only for a Draft app", () => {
    const url = new URL(
      buildConsentUrl({ ...base, endpoints: productionEndpoints(), countryCode: 'NL', draftApp: true }),
    );
    expect(url.host).toBe('sellercentral.amazon.nl');
    expect(url.pathname).toBe('/apps/authorize/consent');
    expect(url.searchParams.get('version')).toBe('beta');
    expect(url.searchParams.get('redirect_uri')).toBe(base.redirectUri);
    expect(url.toString().split('?')).toHaveLength(2);
    const prod = new URL(
      buildConsentUrl({ ...base, endpoints: productionEndpoints(), countryCode: 'DE', draftApp: false }),
    );
    expect(prod.host).toBe('sellercentral-europe.amazon.com');
    expect(prod.searchParams.has('version')).toBe(false);
  });

  it('points into the sandbox under its path prefix', () => {
    const url = buildConsentUrl({
      ...base,
      endpoints: sandboxEndpoints('http://127.0.0.1:4100/'),
      countryCode: 'JP',
      draftApp: false,
    });
    expect(
      url.startsWith('http://127.0.0.1:4100/sc/sellercentral.amazon.co.jp/apps/authorize/consent?application_id='),
    ).toBe(true);
  });
});

// Each sandbox scenario (docs/amazon.md §5) ends in its stable code — or, where Amazon never redirects,
// in an authorization that expires.
import { describe, expect, it } from 'vitest';
import { seedAccount } from '../sandbox';
import { activateScenario } from './testing/stack';
import { metric } from './testing/metrics';
import { useTenantStack } from './testing/tenant-stack';
import { authorization, consentAndCallback, newPlatform, startAuth } from './testing/flow-steps';
import { SellerBrowser, signInToConsent } from './testing/seller-browser';

const EU = seedAccount('eu.haendler@example.com')!;
const env = useTenantStack('Scenario GmbH', {
  fresh: 'sandbox+clock',
  stack: { overrides: { httpTimeoutMs: 400, lwaMaxAttempts: 3 } },
});

const scenario = (id: string, extra: { count?: number; ms?: number } = {}) =>
  activateScenario(env.stack.sandbox.url, { id, ...extra });

async function signInWith(id?: string, extra?: { count?: number; ms?: number }) {
  const platformId = await newPlatform(env.client);
  const auth = await startAuth(env.client, platformId);
  if (id) await scenario(id, extra);
  const page = await consentAndCallback(env.stack.sandbox.url, auth.consentUrl, EU);
  return { platformId, auth, page, body: JSON.parse(page.text), status: await authorization(env.client, auth.id) };
}

async function authenticated() {
  const r = await signInWith();
  expect(r.status.status).toBe('authenticated');
  return r.platformId;
}

const importSettings = (platformId: string) => env.client.raw('POST', `/v1/platforms/${platformId}/settings/import`);

describe('Seller Central scenarios: nothing reaches the cloud, the authorization expires', () => {
  it('consent_cancelled', async () => {
    const auth = await startAuth(env.client, await newPlatform(env.client));
    await scenario('consent_cancelled');
    const page = await consentAndCallback(env.stack.sandbox.url, auth.consentUrl, EU);
    expect(page.url).toContain('/apps/authorize/confirm');
    expect((await authorization(env.client, auth.id)).status).toBe('pending');
    env.stack.clock.advance(env.stack.config.authorizationTtlSeconds * 1000);
    env.client.forgetToken(); // the cloud's bearer token (15 min) expired with the clock too
    expect(await authorization(env.client, auth.id)).toMatchObject({
      status: 'expired',
      error: { code: 'AUTHORIZATION_EXPIRED' },
    });
  });

  it('otp_always_wrong', async () => {
    const auth = await startAuth(env.client, await newPlatform(env.client));
    await scenario('otp_always_wrong');
    const page = await signInToConsent(new SellerBrowser(), auth.consentUrl, EU, env.stack.sandbox.url);
    expect(page.text).toContain('name="otp"');
    env.stack.clock.advance(env.stack.config.authorizationTtlSeconds * 1000);
    env.client.forgetToken(); // the cloud's bearer token (15 min) expired with the clock too
    expect((await authorization(env.client, auth.id)).status).toBe('expired');
  });
});

describe('LWA scenarios', () => {
  it('code_expired → LWA_INVALID_GRANT', async () => {
    const r = await signInWith('code_expired');
    expect(r.body.error.code).toBe('LWA_INVALID_GRANT');
    expect(r.status).toMatchObject({ status: 'failed', error: { code: 'LWA_INVALID_GRANT' } });
  });

  it('invalid_client → LWA_INVALID_CLIENT, not retried', async () => {
    const r = await signInWith('invalid_client', { count: 1 });
    expect(r.status.error.code).toBe('LWA_INVALID_CLIENT');
  });

  it('lwa_500 twice → retried with backoff, then authenticated', async () => {
    const r = await signInWith('lwa_500', { count: 2 });
    expect(r.page.status).toBe(200);
    expect(r.status.status).toBe('authenticated');
  });

  it('lwa_503 for good → LWA_UNAVAILABLE with Retry-After', async () => {
    const r = await signInWith('lwa_503');
    expect(r.page.status).toBe(503);
    expect(r.page.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(r.status.error.code).toBe('LWA_UNAVAILABLE');
  });

  it('lwa_slow once → the timed-out call is retried and succeeds', async () => {
    const timeouts = { service: 'lwa', result: 'timeout' };
    const before = await metric(env.stack.cloud, 'cloud_upstream_errors_total', timeouts);
    const r = await signInWith('lwa_slow', { count: 1, ms: 1500 });
    // The first call was the slow one and the cloud gave up on it (httpTimeoutMs 400) ...
    expect(await metric(env.stack.cloud, 'cloud_upstream_errors_total', timeouts)).toBe(before + 1);
    const scenarios = (await (await fetch(`${env.stack.sandbox.url}/sandbox/api/scenarios`)).json()) as {
      active: { id: string }[];
    };
    expect(scenarios.active.map((s) => s.id)).not.toContain('lwa_slow');
    // ... so the code was exchanged by a second call.
    expect(r.status.status).toBe('authenticated');
  });

  it('refresh_revoked → REFRESH_TOKEN_REVOKED and the platform is no longer authenticated', async () => {
    const platformId = await authenticated();
    await scenario('refresh_revoked');
    const res = await importSettings(platformId);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('REFRESH_TOKEN_REVOKED');
    expect((await env.client.raw('GET', `/v1/platforms/${platformId}`)).body.status).toBe('not_authenticated');
  });
});

describe('SP-API scenarios', () => {
  it.each([
    // Every call until the scenario is removed: the import fails each time.
    { id: 'roles_missing', count: undefined, status: 502, code: 'SPAPI_ROLES_MISSING' },
    // Once: the import after it succeeds.
    { id: 'spapi_429', count: 1, status: 429, code: 'SPAPI_RATE_LIMITED' },
    { id: 'spapi_500', count: 1, status: 502, code: 'SPAPI_SERVER_ERROR' },
  ])('$id → $code', async ({ id, count, status, code }) => {
    const platformId = await authenticated();
    await scenario(id, count ? { count } : {});
    const res = await importSettings(platformId);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    if (status === 429) {
      expect(res.body.error.retryAfter).toEqual(expect.any(Number));
      expect(res.headers.get('retry-after')).toBe(String(res.body.error.retryAfter));
    }
    expect((await importSettings(platformId)).status).toBe(count ? 200 : status);
  });

  it('the cached Amazon access token is used within its hour, and LWA is asked again after it', async () => {
    const platformId = await authenticated();
    await scenario('invalid_client');
    // Within the hour the access token from the code exchange serves: LWA is not called.
    expect((await importSettings(platformId)).status).toBe(200);
    env.stack.clock.advance(2 * 3600_000);
    // The cloud's own bearer token (15 min) has expired too.
    expect((await importSettings(platformId)).body.error.code).toBe('UNAUTHORIZED');
    env.client.forgetToken();
    expect((await importSettings(platformId)).body.error.code).toBe('LWA_INVALID_CLIENT');
  });
});

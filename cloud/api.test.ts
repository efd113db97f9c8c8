// The cloud API without Amazon: cloud access, platforms, authorizations, long-poll, tenant isolation,
// bad input and rate limits, over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOUD_ERROR_CODES } from '../shared/cloud-api';
import { startCloud, type RunningCloud } from './start-cloud';
import { TestCloudHttp, testClock, testConfig } from './testing/stack';
import { heldLongPoll, longPollsWaiting } from './testing/metrics';
import { consentTarget } from './testing/flow-steps';

const clock = testClock();
let cloud: RunningCloud;
let a: TestCloudHttp;
let b: TestCloudHttp;
let n = 0;

beforeAll(async () => {
  // Nothing here reaches Amazon: the sandbox origin is never called.
  cloud = await startCloud({ port: 0, config: testConfig('http://127.0.0.1:9'), now: clock });
  a = new TestCloudHttp(cloud.url, await cloud.createTenant('A GmbH'));
  b = new TestCloudHttp(cloud.url, await cloud.createTenant('B GmbH'));
});
afterAll(async () => cloud?.close());

const name = () => `Amazon ${++n}`;
/** A status long-poll of tenant A, once the cloud holds it. */
const holdStatus = (authId: string) => heldLongPoll(cloud, () => a.raw('GET', `/v1/authorizations/${authId}?wait=30`));
async function platform(client = a) {
  const res = await client.createPlatform(name());
  expect(res.status).toBe(201);
  return res.body.id as string;
}

describe('cloud access', () => {
  it('trades client credentials for a bearer token (Basic, form or JSON)', async () => {
    const basic = Buffer.from(`${a.creds.clientId}:${a.creds.clientSecret}`).toString('base64');
    const form = await fetch(`${cloud.url}/oauth/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    expect(form.status).toBe(200);
    expect(form.headers.get('cache-control')).toBe('no-store');
    expect(await form.json()).toMatchObject({ token_type: 'bearer', expires_in: 900 });
    const json = await a.raw('POST', '/oauth/token', {
      auth: false,
      body: { grant_type: 'client_credentials', client_id: a.creds.clientId, client_secret: a.creds.clientSecret },
    });
    expect(json.status).toBe(200);
  });

  it('rejects a wrong secret, an unknown client and other grant types', async () => {
    const wrong = await a.raw('POST', '/oauth/token', {
      auth: false,
      body: { grant_type: 'client_credentials', client_id: a.creds.clientId, client_secret: b.creds.clientSecret },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('INVALID_CLIENT_CREDENTIALS');
    const unknown = await a.raw('POST', '/oauth/token', {
      auth: false,
      body: { grant_type: 'client_credentials', client_id: 'cc_nope', client_secret: 'x' },
    });
    expect(unknown.body.error.code).toBe('INVALID_CLIENT_CREDENTIALS');
    const grant = await a.raw('POST', '/oauth/token', { auth: false, body: { grant_type: 'password' } });
    expect(grant.body.error.code).toBe('UNSUPPORTED_GRANT_TYPE');
  });

  it('whoami names the tenant (the TESTEN button)', async () => {
    const res = await a.raw('GET', '/v1/whoami');
    expect(res.body).toEqual({ tenantId: expect.stringMatching(/^ten_/), name: 'A GmbH', clientId: a.creds.clientId });
  });

  it('refuses /v1 without, with a forged, or with an expired token', async () => {
    expect((await a.raw('GET', '/v1/whoami', { auth: false })).body.error.code).toBe('UNAUTHORIZED');
    const token = await a.accessToken();
    const forged = `${token.slice(0, -3)}abc`;
    const res = await a.raw('GET', '/v1/whoami', { auth: false, headers: { authorization: `Bearer ${forged}` } });
    expect(res.status).toBe(401);
    clock.advance(901_000);
    expect((await a.raw('GET', '/v1/whoami')).status).toBe(401);
    a.forgetToken();
    expect((await a.raw('GET', '/v1/whoami')).status).toBe(200);
  });
});

describe('platforms', () => {
  it('registers, lists, reads and deletes a platform (delete is idempotent)', async () => {
    const created = await a.createPlatform('Amazon 123456', 'UK', 'EU');
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      type: 'amazon',
      name: 'Amazon 123456',
      region: 'EU',
      countryCode: 'UK',
      status: 'not_authenticated',
    });
    const id = created.body.id;
    expect((await a.raw('GET', `/v1/platforms/${id}`)).body).toEqual(created.body);
    expect((await a.raw('GET', '/v1/platforms')).body.platforms.map((p: { id: string }) => p.id)).toContain(id);
    expect((await a.raw('DELETE', `/v1/platforms/${id}`)).status).toBe(204);
    expect((await a.raw('DELETE', `/v1/platforms/${id}`)).status).toBe(204);
    expect((await a.raw('GET', `/v1/platforms/${id}`)).body.error.code).toBe('PLATFORM_NOT_FOUND');
    // The name is free again.
    expect((await a.createPlatform('Amazon 123456', 'UK', 'EU')).status).toBe(201);
  });

  it('a second platform with the same name in a tenant gets 409 PLATFORM_NAME_TAKEN; another tenant may use it', async () => {
    const taken = name();
    expect((await a.createPlatform(taken)).status).toBe(201);
    const again = await a.createPlatform(taken);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('PLATFORM_NAME_TAKEN');
    expect((await b.createPlatform(taken)).status).toBe(201);
  });

  it('renames a platform (PATCH), refusing a name the tenant already uses and an empty one', async () => {
    const first = name();
    const second = name();
    const id = (await a.createPlatform(first)).body.id as string;
    await a.createPlatform(second);
    const renamed = await a.raw('PATCH', `/v1/platforms/${id}`, { body: { name: `${first} neu` } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe(`${first} neu`);
    expect((await a.raw('GET', `/v1/platforms/${id}`)).body.name).toBe(`${first} neu`);
    const clash = await a.raw('PATCH', `/v1/platforms/${id}`, { body: { name: second } });
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('PLATFORM_NAME_TAKEN');
    expect((await a.raw('PATCH', `/v1/platforms/${id}`, { body: { name: ' ' } })).status).toBe(400);
    // The old name is free again.
    expect((await a.createPlatform(first)).status).toBe(201);
  });

  it('replays the original answer for the same Idempotency-Key', async () => {
    const first = await a.createPlatform('Idempotent', 'DE', 'EU', 'key-1');
    const replay = await a.createPlatform('Idempotent', 'DE', 'EU', 'key-1');
    expect(replay.status).toBe(201);
    expect(replay.body.id).toBe(first.body.id);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const other = await a.createPlatform('Different', 'DE', 'EU', 'key-1');
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    // Keys belong to a tenant.
    expect((await b.createPlatform('Idempotent', 'DE', 'EU', 'key-1')).body.id).not.toBe(first.body.id);
  });
});

describe('bad input: 400 with a code and a message, never a stack trace', () => {
  const cases: [string, unknown][] = [
    ['missing fields', { type: 'amazon' }],
    ['unknown type', { type: 'ebay', name: 'x', region: 'EU', countryCode: 'DE' }],
    ['country outside the region', { type: 'amazon', name: 'x', region: 'NA', countryCode: 'DE' }],
    ['unknown country', { type: 'amazon', name: 'x', region: 'EU', countryCode: 'XX' }],
    ['empty name', { type: 'amazon', name: '  ', region: 'EU', countryCode: 'DE' }],
    ['malformed JSON', '{"type":'],
  ];
  it.each(cases)('%s', async (_label, body) => {
    const res = await a.raw('POST', '/v1/platforms', { body });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_REQUEST');
    expect(res.body.error.message).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('a too large body, a wrong content type, an out-of-range wait and an unknown route', async () => {
    const big = await a.raw('POST', '/v1/platforms', {
      body: { type: 'amazon', name: 'x'.repeat(20_000), region: 'EU', countryCode: 'DE' },
    });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    const xml = await a.raw('POST', '/v1/platforms', { body: '<x/>', headers: { 'content-type': 'application/xml' } });
    expect(xml.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const id = await platform();
    const auth = await a.startAuthorization(id);
    expect((await a.raw('GET', `/v1/authorizations/${auth.body.id}?wait=31`)).body.error.code).toBe('INVALID_REQUEST');
    expect((await a.raw('GET', '/v1/nothing')).body.error.code).toBe('NOT_FOUND');
    expect((await a.raw('POST', `/v1/platforms/${id}/authorizations`, { body: { mode: 'sideways' } })).status).toBe(
      400,
    );
  });

  it('every code the cloud can send is in the shared list', async () => {
    const res = await a.raw('GET', '/v1/platforms/plt_unknown');
    expect(Object.keys(CLOUD_ERROR_CODES)).toContain(res.body.error.code);
  });
});

describe('authorizations', () => {
  it("creates a consent URL for the country's Seller Central host with application_id, state and redirect_uri", async () => {
    const id = (await a.createPlatform(name(), 'US', 'NA')).body.id;
    const res = await a.startAuthorization(id);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ platformId: id, status: 'pending', pollAfterMs: expect.any(Number) });
    // The cloud's start link, which leads to Seller Central's consent URL (docs/amazon.md §1.1, §1.6).
    expect(res.body.consentUrl.startsWith(`${cloud.url}/oauth/amazon/start/${res.body.id}?state=`)).toBe(true);
    const url = new URL(await consentTarget(res.body.consentUrl));
    expect(url.pathname).toBe('/sc/sellercentral.amazon.com/apps/authorize/consent');
    expect(url.searchParams.get('application_id')).toMatch(/^amzn1\.sp\.solution\./);
    expect(url.searchParams.get('redirect_uri')).toBe(`${cloud.url}/oauth/amazon/callback`);
    expect(url.searchParams.get('state')!.split('.')).toHaveLength(3);
    expect(url.searchParams.has('version')).toBe(false);
    // The sign-in window (docs/amazon.md §1.9): 30 minutes by default.
    expect(Date.parse(res.body.expiresAt) - clock()).toBe(1_800_000);
  });

  it('a long-poll is woken by the change (cancel) and answers at once when not pending', async () => {
    const auth = (await a.startAuthorization(await platform())).body;
    const before = await longPollsWaiting(cloud);
    // The cancel comes only once the GET waits: an answer now can only be the wake-up.
    const waiting = await holdStatus(auth.id);
    const cancelled = await a.raw('POST', `/v1/authorizations/${auth.id}/cancel`);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await waiting.answer).body).toMatchObject({ id: auth.id, status: 'cancelled' });
    expect(await longPollsWaiting(cloud)).toBe(before);
    expect((await a.raw('GET', `/v1/authorizations/${auth.id}?wait=30`)).body.status).toBe('cancelled');
    const again = await a.raw('POST', `/v1/authorizations/${auth.id}/cancel`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('AUTHORIZATION_NOT_PENDING');
  }, 20_000);

  it('a new authorization cancels the pending one and wakes its waiters', async () => {
    const id = await platform();
    const old = (await a.startAuthorization(id)).body;
    const waiting = await holdStatus(old.id);
    await a.startAuthorization(id);
    expect((await waiting.answer).body).toMatchObject({
      status: 'cancelled',
      error: { code: 'AUTHORIZATION_SUPERSEDED' },
    });
  }, 20_000);

  it('deleting the platform cancels its pending authorization', async () => {
    const id = await platform();
    const auth = (await a.startAuthorization(id)).body;
    const waiting = await holdStatus(auth.id);
    await a.raw('DELETE', `/v1/platforms/${id}`);
    expect((await waiting.answer).body.status).toBe('cancelled');
  }, 20_000);

  it('expires after its lifetime (injected clock)', async () => {
    const auth = (await a.startAuthorization(await platform())).body;
    clock.advance(1_800_000);
    // Both tenants' bearer tokens (15 min) expired with the clock too.
    a.forgetToken();
    b.forgetToken();
    expect((await a.raw('GET', `/v1/authorizations/${auth.id}`)).body).toMatchObject({
      status: 'expired',
      error: { code: 'AUTHORIZATION_EXPIRED' },
    });
  });

  it('refresh and settings import need an authenticated platform', async () => {
    const id = await platform();
    expect((await a.startAuthorization(id, 'refresh')).body.error.code).toBe('PLATFORM_NOT_AUTHENTICATED');
    expect((await a.raw('POST', `/v1/platforms/${id}/settings/import`)).body.error.code).toBe(
      'PLATFORM_NOT_AUTHENTICATED',
    );
  });
});

describe('tenant isolation', () => {
  it("no call reads or changes another tenant's platform or authorization", async () => {
    const id = await platform(a);
    const auth = (await a.startAuthorization(id)).body;
    const attempts = [
      b.raw('GET', `/v1/platforms/${id}`),
      b.raw('DELETE', `/v1/platforms/${id}`),
      b.raw('PATCH', `/v1/platforms/${id}`, { body: { name: 'Übernommen' } }),
      b.raw('POST', `/v1/platforms/${id}/authorizations`, { body: { mode: 'login' } }),
      b.raw('POST', `/v1/platforms/${id}/settings/import`),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('PLATFORM_NOT_FOUND');
    }
    expect((await b.raw('GET', `/v1/authorizations/${auth.id}`)).body.error.code).toBe('AUTHORIZATION_NOT_FOUND');
    expect((await b.raw('POST', `/v1/authorizations/${auth.id}/cancel`)).body.error.code).toBe(
      'AUTHORIZATION_NOT_FOUND',
    );
    expect((await b.raw('GET', '/v1/platforms')).body.platforms.map((p: { id: string }) => p.id)).not.toContain(id);
    expect((await a.raw('GET', `/v1/authorizations/${auth.id}`)).body.status).toBe('pending');
    expect((await a.raw('GET', `/v1/platforms/${id}`)).status).toBe(200);
  });
});

describe('headers and rate limits', () => {
  it('sends security headers on every answer: success, errors, 404 and a long-poll woken after waiting', async () => {
    const auth = (await a.startAuthorization(await platform())).body;
    const waiting = await holdStatus(auth.id);
    await a.raw('POST', `/v1/authorizations/${auth.id}/cancel`);
    const answers = [
      await a.raw('GET', '/v1/whoami'),
      await a.raw('GET', '/v1/whoami', { auth: false }),
      await a.raw('GET', '/nowhere'),
      await waiting.answer,
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 401, 404, 200]);
    for (const res of answers) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('strict-transport-security')).toContain('max-age=');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  }, 20_000);

  it('limits requests per tenant with 429 RATE_LIMITED and Retry-After', async () => {
    const limited = await startCloud({ port: 0, config: testConfig('http://127.0.0.1:9', { rateLimitPerMinute: 5 }) });
    try {
      const x = new TestCloudHttp(limited.url, await limited.createTenant('X'));
      const y = new TestCloudHttp(limited.url, await limited.createTenant('Y'));
      await x.accessToken();
      await y.accessToken();
      const codes: number[] = [];
      for (let i = 0; i < 6; i++) codes.push((await x.raw('GET', '/v1/whoami')).status);
      expect(codes).toEqual([200, 200, 200, 200, 200, 429]);
      expect((await x.raw('GET', '/v1/whoami')).headers.get('x-content-type-options')).toBe('nosniff');
      const res = await x.raw('GET', '/v1/whoami');
      expect(res.body.error).toMatchObject({ code: 'RATE_LIMITED', retryAfter: expect.any(Number) });
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      // Another tenant has its own budget.
      expect((await y.raw('GET', '/v1/whoami')).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

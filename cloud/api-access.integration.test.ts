// The cloud API without Amazon, over real HTTP: cloud access (client credentials, bearer tokens), the
// security headers on every answer, and the rate limit per tenant.
import { describe, expect, it } from 'vitest';
import { startCloud } from './start-cloud';
import { TestCloudHttp, testConfig } from './testing/stack';
import { useApiCloud } from './testing/api-cloud';

const api = useApiCloud();

describe('cloud access', () => {
  it('trades client credentials for a bearer token (Basic, form or JSON)', async () => {
    const basic = Buffer.from(`${api.a.creds.clientId}:${api.a.creds.clientSecret}`).toString('base64');
    const form = await fetch(`${api.cloud.url}/oauth/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    expect(form.status).toBe(200);
    expect(form.headers.get('cache-control')).toBe('no-store');
    expect(await form.json()).toMatchObject({ token_type: 'bearer', expires_in: 900 });
    const json = await api.a.raw('POST', '/oauth/token', {
      auth: false,
      body: {
        grant_type: 'client_credentials',
        client_id: api.a.creds.clientId,
        client_secret: api.a.creds.clientSecret,
      },
    });
    expect(json.status).toBe(200);
  });

  it('rejects a wrong secret, an unknown client and other grant types', async () => {
    const wrong = await api.a.raw('POST', '/oauth/token', {
      auth: false,
      body: {
        grant_type: 'client_credentials',
        client_id: api.a.creds.clientId,
        client_secret: api.b.creds.clientSecret,
      },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('INVALID_CLIENT_CREDENTIALS');
    const unknown = await api.a.raw('POST', '/oauth/token', {
      auth: false,
      body: { grant_type: 'client_credentials', client_id: 'cc_nope', client_secret: 'x' },
    });
    expect(unknown.body.error.code).toBe('INVALID_CLIENT_CREDENTIALS');
    const grant = await api.a.raw('POST', '/oauth/token', { auth: false, body: { grant_type: 'password' } });
    expect(grant.body.error.code).toBe('UNSUPPORTED_GRANT_TYPE');
  });

  it('whoami names the tenant (the TESTEN button)', async () => {
    const res = await api.a.raw('GET', '/v1/whoami');
    expect(res.body).toEqual({
      tenantId: expect.stringMatching(/^ten_/),
      name: 'A GmbH',
      clientId: api.a.creds.clientId,
    });
  });

  it('refuses /v1 without, with a forged, or with an expired token', async () => {
    expect((await api.a.raw('GET', '/v1/whoami', { auth: false })).body.error.code).toBe('UNAUTHORIZED');
    const token = await api.a.accessToken();
    const forged = `${token.slice(0, -3)}abc`;
    const res = await api.a.raw('GET', '/v1/whoami', { auth: false, headers: { authorization: `Bearer ${forged}` } });
    expect(res.status).toBe(401);
    api.clock.advance(901_000);
    expect((await api.a.raw('GET', '/v1/whoami')).status).toBe(401);
    api.a.forgetToken();
    expect((await api.a.raw('GET', '/v1/whoami')).status).toBe(200);
  });

  it('refuses a caller without a token before reading its body or checking its input, HEAD too', async () => {
    const malformed = await api.a.raw('POST', '/v1/platforms', { auth: false, body: '{"not json' });
    expect([malformed.status, malformed.body.error.code]).toEqual([401, 'UNAUTHORIZED']);
    const invalid = await api.a.raw('GET', '/v1/authorizations/not-an-id?wait=abc', { auth: false });
    expect([invalid.status, invalid.body.error.code]).toEqual([401, 'UNAUTHORIZED']);
    const head = await fetch(`${api.a.baseUrl}/v1/whoami`, { method: 'HEAD' });
    expect(head.status).toBe(401);
  });

  it('every /v1 route, HEAD included, refuses a caller without a token and a disabled tenant', async () => {
    const cloud = await startCloud({ port: 0, config: testConfig('http://127.0.0.1:9') });
    try {
      const x = new TestCloudHttp(cloud.url, await cloud.createTenant('Gesperrt GmbH'));
      const token = await x.accessToken();
      const disable = await fetch(`${cloud.url}/admin/tenants/${x.creds.clientId}/disable`, {
        method: 'POST',
        headers: { authorization: `Bearer ${cloud.adminToken}` },
      });
      expect(disable.status).toBe(200);
      const v1 = cloud.routes.filter((r) => r.url.startsWith('/v1/'));
      expect(v1.length).toBeGreaterThanOrEqual(10);
      for (const { method, url } of v1) {
        const path = url.replace(/:[A-Za-z]+/g, 'b3f0c2de-5b7a-4c41-9d8e-0a1b2c3d4e5f');
        const statuses = [];
        for (const headers of [{}, { authorization: `Bearer ${token}` }] as Record<string, string>[])
          statuses.push((await fetch(`${cloud.url}${path}`, { method, headers })).status);
        expect([method, url, statuses]).toEqual([method, url, [401, 403]]);
      }
    } finally {
      await cloud.close();
    }
  });

  it('counts refused calls against the rate limit (the limiter runs before the refusal)', async () => {
    const limited = await startCloud({ port: 0, config: testConfig('http://127.0.0.1:9', { rateLimitPerMinute: 3 }) });
    try {
      const x = new TestCloudHttp(limited.url, await limited.createTenant('X'));
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) codes.push((await x.raw('GET', '/v1/whoami', { auth: false })).status);
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('headers and rate limits', () => {
  it('sends security headers on every answer: success, errors, 404 and a long-poll woken after waiting', async () => {
    const auth = (await api.a.startAuthorization(await api.platform())).body;
    const waiting = await api.holdStatus(auth.id);
    await api.a.raw('POST', `/v1/authorizations/${auth.id}/cancel`);
    const answers = [
      await api.a.raw('GET', '/v1/whoami'),
      await api.a.raw('GET', '/v1/whoami', { auth: false }),
      await api.a.raw('GET', '/nowhere'),
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

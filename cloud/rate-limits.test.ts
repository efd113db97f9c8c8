// Issue 9: wrong client secrets are limited per Client-ID and per client address, but never lock out
// the right secret, and never touch Amazon's redirect; behind a trusted proxy X-Forwarded-For names
// the client address (and only then).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAccount } from '../sandbox';
import { startCloud } from './start-cloud';
import { TestCloudHttp, startStack, testConfig, type Stack } from './testing/stack';
import { amazonRedirect, authorization, getCallback, newPlatform, startAuth } from './testing/flow-steps';

const EU = seedAccount('eu.haendler@example.com')!;

async function token(baseUrl: string, clientId: string, secret: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${baseUrl}/oauth/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
      ...headers,
    },
    body: 'grant_type=client_credentials',
  });
  return { status: res.status, body: (await res.json()) as { error?: { code: string; retryAfter?: number } } };
}

/** Runs `n` calls, `width` at a time; returns the status counts. */
async function flood(
  n: number,
  width: number,
  call: (i: number) => Promise<{ status: number }>,
): Promise<Record<number, number>> {
  const counts: Record<number, number> = {};
  for (let i = 0; i < n; i += width) {
    const batch = await Promise.all(Array.from({ length: Math.min(width, n - i) }, (_, j) => call(i + j)));
    for (const { status } of batch) counts[status] = (counts[status] ?? 0) + 1;
  }
  return counts;
}

describe('token attempts', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => stack?.close());

  it('600 wrong secrets from one address: 429 after the limit, yet the right secret of that and of another Client-ID works, and redirects are untouched', async () => {
    const victim = await stack.cloud.createTenant('Ziel GmbH');
    const other = new TestCloudHttp(stack.cloud.url, await stack.cloud.createTenant('Nachbar GmbH'));
    const auth = await startAuth(other, await newPlatform(other));
    const redirect = await amazonRedirect(stack.sandbox.url, auth.consentUrl, EU);

    const counts = await flood(600, 20, (i) => token(stack.cloud.url, victim.clientId, `wrong-${i}`));
    console.log('600 wrong secrets for one Client-ID from one address:', JSON.stringify(counts));
    expect(counts[401]).toBe(stack.config.tokenFailuresPerClientPerMinute);
    expect(counts[429]).toBe(600 - stack.config.tokenFailuresPerClientPerMinute);
    const limited = await token(stack.cloud.url, victim.clientId, 'still-wrong');
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatchObject({ code: 'RATE_LIMITED', retryAfter: expect.any(Number) });

    expect((await token(stack.cloud.url, victim.clientId, victim.clientSecret)).status).toBe(200);
    expect((await token(stack.cloud.url, other.creds.clientId, other.creds.clientSecret)).status).toBe(200);
    // The merchant behind the same address finishes the sign-in.
    expect((await getCallback(redirect)).status).toBe(200);
    expect((await authorization(other, auth.id)).status).toBe('authenticated');
    // A callback flood is not throttled either (a limit would let it block the next merchant's redirect).
    const callbacks = await flood(700, 50, () => getCallback(`${stack.cloud.url}/oauth/amazon/callback?state=x.y.z`));
    expect(callbacks).toEqual({ 400: 700 });
  }, 60_000);

  it('the per-address limit counts wrong secrets across Client-IDs; the window ends after a minute', async () => {
    const tenant = await stack.cloud.createTenant('Fenster GmbH');
    const perAddress = stack.config.tokenFailuresPerAddressPerMinute;
    stack.clock.advance(61_000);
    const counts = await flood(perAddress + 10, 20, (i) => token(stack.cloud.url, `cc_unknown${i}`, 'x'));
    expect(counts).toEqual({ 401: perAddress, 429: 10 });
    expect((await token(stack.cloud.url, tenant.clientId, tenant.clientSecret)).status).toBe(200);
    stack.clock.advance(61_000);
    expect((await token(stack.cloud.url, 'cc_unknown', 'x')).status).toBe(401);
  }, 60_000);
});

describe('client address behind a proxy', () => {
  async function addressesSeen(trustProxy: boolean | string) {
    const lines: string[] = [];
    const cloud = await startCloud({
      port: 0,
      config: testConfig('http://127.0.0.1:9', { tokenFailuresPerAddressPerMinute: 3, trustProxy }),
      logger: { write: (line) => void lines.push(line) },
    });
    try {
      const statuses: number[] = [];
      for (const address of ['203.0.113.7', '203.0.113.7', '203.0.113.7', '203.0.113.7', '198.51.100.9']) {
        statuses.push(
          (await token(cloud.url, `cc_${statuses.length}`, 'wrong', { 'x-forwarded-for': address })).status,
        );
      }
      const logged = lines
        .map((l) => (JSON.parse(l) as { req?: { remoteAddress?: string } }).req?.remoteAddress)
        .filter(Boolean);
      return { statuses, logged };
    } finally {
      await cloud.close();
    }
  }

  it('with trustProxy set, X-Forwarded-For decides the bucket and the logged address', async () => {
    const { statuses, logged } = await addressesSeen('127.0.0.1');
    expect(statuses).toEqual([401, 401, 401, 429, 401]);
    expect(new Set(logged)).toEqual(new Set(['203.0.113.7', '198.51.100.9']));
  });

  it("without it, X-Forwarded-For is ignored: the socket's address decides", async () => {
    const { statuses, logged } = await addressesSeen(false);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    expect(new Set(logged)).toEqual(new Set(['127.0.0.1']));
  });
});

describe('the operator’s bucket', () => {
  it('a flood of unauthenticated requests from the same address does not lock the admin API out', async () => {
    const cloud = await startCloud({ port: 0, config: testConfig('http://127.0.0.1:9', { rateLimitPerMinute: 5 }) });
    try {
      const statuses = await flood(8, 4, () => fetch(`${cloud.url}/v1/platforms`).then((r) => ({ status: r.status })));
      expect(statuses[429]).toBeGreaterThan(0);
      const admin = await fetch(`${cloud.url}/admin/tenants`, {
        headers: { authorization: `Bearer ${cloud.adminToken}` },
      });
      expect(admin.status).toBe(200);
      expect(
        (await fetch(`${cloud.url}/admin/tenants`, { headers: { authorization: 'Bearer wrong' } })).status,
      ).not.toBe(200);
    } finally {
      await cloud.close();
    }
  });
});

// The operator's side of a running cloud: /healthz, /readyz with its checks, Prometheus /metrics after
// a whole sign-in, and who may reach them — loopback only (a client behind the trusted proxy is
// outside), /metrics and /admin only with the admin credential.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAccount } from '../sandbox';
import { TestCloudHttp, startStack, type Stack } from './testing/stack';
import { consentAndCallback, newPlatform, startAuth } from './testing/flow-steps';
import { migrationVersions } from './db/migrations';
import { lwaSecretReadiness } from './ops/lwa-readiness';
import { secretsFromConfig } from './amazon/lwa-secrets';
import type { CloudConfig } from './config';

const EU = seedAccount('eu.haendler@example.com')!;
let stack: Stack;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are asserted field by field
type AnyBody = any;

async function get(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string; json: AnyBody }> {
  const res = await fetch(`${stack.cloud.url}${path}`, { headers });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json };
}
const admin = () => ({ authorization: `Bearer ${stack.cloud.adminToken}` });

beforeAll(async () => {
  // trustProxy: X-Forwarded-For names the client, as behind nginx.
  stack = await startStack({ overrides: { trustProxy: '127.0.0.1' } });
});
afterAll(async () => stack?.close());

describe('health and readiness', () => {
  it('/healthz answers ok; /readyz reports database, migrations and the LWA secret', async () => {
    expect(await get('/healthz')).toMatchObject({ status: 200, json: { status: 'ok' } });
    const ready = await get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.json).toMatchObject({
      ready: true,
      checks: {
        database: { ok: true },
        migrations: { ok: true, version: Math.max(...migrationVersions()), expected: Math.max(...migrationVersions()) },
        lwaClientSecret: { ok: true },
      },
    });
  });

  it('the LWA secret check warns within the configured number of days but never makes the instance unready', () => {
    const now = Date.parse('2026-06-01T00:00:00Z');
    const expiring = (at: string) =>
      ({
        ...stack.config,
        readyzLwaSecretMinDays: 7,
        amazon: { ...stack.config.amazon, lwaClientSecretExpiresAt: at },
      }) as CloudConfig;
    expect(lwaSecretReadiness(secretsFromConfig(expiring('2026-06-05T00:00:00Z')), 7, now)).toMatchObject({
      ok: true,
      warning: true,
      daysLeft: 4,
    });
    expect(lwaSecretReadiness(secretsFromConfig(expiring('2026-05-01T00:00:00Z')), 7, now)).toMatchObject({
      ok: true,
      warning: true,
      level: 'expired',
    });
    expect(lwaSecretReadiness(secretsFromConfig(expiring('2026-07-01T00:00:00Z')), 7, now)).toMatchObject({
      ok: true,
      warning: false,
      daysLeft: 30,
    });
    // A next secret configured (rotation): the cloud falls back to it, so its expiry counts.
    const rotated = {
      ...expiring('2026-06-05T00:00:00Z'),
      amazon: {
        ...expiring('2026-06-05T00:00:00Z').amazon,
        lwaNextClientSecret: 'next',
        lwaNextClientSecretExpiresAt: '2026-11-28T00:00:00Z',
      },
    } as CloudConfig;
    expect(lwaSecretReadiness(secretsFromConfig(rotated), 7, now)).toMatchObject({
      ok: true,
      warning: false,
      daysLeft: 4,
      nextConfigured: true,
      daysUntilAllExpired: 180,
    });
    expect(lwaSecretReadiness(secretsFromConfig(rotated), 7, now, 'next')).toMatchObject({
      ok: true,
      active: 'next',
      daysLeft: 180,
    });
  });
});

describe('access', () => {
  it('/metrics and /admin need the admin credential', async () => {
    expect(await get('/metrics')).toMatchObject({ status: 401, json: { error: { code: 'ADMIN_UNAUTHORIZED' } } });
    expect((await get('/metrics', { authorization: 'Bearer wrong' })).status).toBe(401);
    expect(await get('/admin/tenants')).toMatchObject({ status: 401, json: { error: { code: 'ADMIN_UNAUTHORIZED' } } });
    expect((await get('/admin/tenants', admin())).status).toBe(200);
    // A tenant's bearer token is not the admin credential.
    const tenant = new TestCloudHttp(stack.cloud.url, await stack.cloud.createTenant('Kein Admin GmbH'));
    expect((await get('/admin/tenants', { authorization: `Bearer ${await tenant.accessToken()}` })).status).toBe(401);
  });

  it('a client outside loopback (behind the trusted proxy) finds none of the operator routes', async () => {
    const remote = { 'x-forwarded-for': '203.0.113.7' };
    for (const path of ['/healthz', '/readyz', '/metrics', '/admin/tenants']) {
      expect(await get(path, { ...remote, ...admin() }), path).toMatchObject({
        status: 404,
        json: { error: { code: 'NOT_FOUND' } },
      });
    }
    // The API itself stays reachable.
    expect((await fetch(`${stack.cloud.url}/oauth/token`, { method: 'POST', headers: remote })).status).toBe(400);
  });

  it('admin API: create, rotate, disable with the same answers as the CLI; bad names are refused', async () => {
    const create = await fetch(`${stack.cloud.url}/admin/tenants`, {
      method: 'POST',
      headers: { ...admin(), 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Admin\u0000GmbH' }),
    });
    expect(create.status).toBe(400);
    const ok = await fetch(`${stack.cloud.url}/admin/tenants`, {
      method: 'POST',
      headers: { ...admin(), 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Admin API GmbH' }),
    });
    expect(ok.status).toBe(201);
    const t = (await ok.json()) as { tenantId: string; clientId: string; clientSecret: string };
    const disabled = await fetch(`${stack.cloud.url}/admin/tenants/${t.clientId}/disable`, {
      method: 'POST',
      headers: admin(),
    });
    expect(await disabled.json()).toMatchObject({
      tenantId: t.tenantId,
      status: 'disabled',
      disabledAt: expect.any(String),
    });
    const unknown = await fetch(`${stack.cloud.url}/admin/tenants/nope/enable`, { method: 'POST', headers: admin() });
    expect(unknown.status).toBe(404);
  });
});

describe('secret rotation revokes bearer tokens', () => {
  it('a token issued before rotate-secret is refused at once; the new secret gets one that works', async () => {
    const created = await fetch(`${stack.cloud.url}/admin/tenants`, {
      method: 'POST',
      headers: { ...admin(), 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Rotation GmbH' }),
    });
    const t = (await created.json()) as { tenantId: string; clientId: string; clientSecret: string };
    const before = new TestCloudHttp(stack.cloud.url, t);
    expect((await before.raw('GET', '/v1/whoami')).status).toBe(200);
    const rotated = await fetch(`${stack.cloud.url}/admin/tenants/${t.clientId}/rotate-secret`, {
      method: 'POST',
      headers: admin(),
    });
    expect(rotated.status).toBe(200);
    const next = (await rotated.json()) as { clientSecret: string };
    const refused = await before.raw('GET', '/v1/whoami');
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    before.forgetToken();
    await expect(before.accessToken()).rejects.toThrow(/401/);
    const after = new TestCloudHttp(stack.cloud.url, { clientId: t.clientId, clientSecret: next.clientSecret });
    expect((await after.raw('GET', '/v1/whoami')).body).toMatchObject({ name: 'Rotation GmbH' });
  });
});

describe('metrics', () => {
  it('counts a whole sign-in: authorizations, callback, LWA calls, the waiting long-poll; pool use', async () => {
    const client = new TestCloudHttp(stack.cloud.url, await stack.cloud.createTenant('Metrik GmbH'));
    const platformId = await newPlatform(client);
    const auth = await startAuth(client, platformId);
    const waiting = client.raw('GET', `/v1/authorizations/${auth.id}?wait=25`);
    // Held open: the gauge shows it.
    await expect
      .poll(async () => /^cloud_longpolls_waiting 1$/m.test((await get('/metrics', admin())).text), { timeout: 10_000 })
      .toBe(true);
    expect((await consentAndCallback(stack.sandbox.url, auth.consentUrl, EU)).status).toBe(200);
    expect((await waiting).body.status).toBe('authenticated');
    expect((await client.raw('POST', `/v1/platforms/${platformId}/settings/import`)).status).toBe(200);
    // A forged redirect is counted by its code.
    await fetch(`${stack.cloud.url}/oauth/amazon/callback?state=forged&spapi_oauth_code=x&selling_partner_id=y`);

    const metrics = await get('/metrics', admin());
    expect(metrics.status).toBe(200);
    const m = metrics.text;
    expect(m).toMatch(/^cloud_longpolls_waiting 0$/m);
    expect(m).toMatch(/^cloud_authorizations_total\{outcome="started"\} [1-9]/m);
    expect(m).toMatch(/^cloud_authorizations_total\{outcome="authenticated"\} 1$/m);
    expect(m).toMatch(/^cloud_callbacks_total\{result="ok"\} 1$/m);
    expect(m).toMatch(/^cloud_callbacks_total\{result="STATE_INVALID"\} 1$/m);
    expect(m).toMatch(/^cloud_upstream_request_duration_seconds_count\{service="lwa",result="200"\} [1-9]/m);
    // The seller-id proof after the exchange (Product Fees) and the settings import.
    expect(m).toMatch(/^cloud_upstream_request_duration_seconds_count\{service="spapi",result="200"\} 2$/m);
    expect(m).toMatch(/^cloud_db_pool_connections 1$/m);
    expect(m).toMatch(/^cloud_process_resident_memory_bytes /m);
    // Ids and secrets never become labels.
    expect(m).not.toContain(auth.id);
    expect(m).not.toContain(platformId);
  });
});

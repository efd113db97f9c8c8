// The production topology (cloud/testing/topology.ts: nginx with TLS → two cloud instances → one
// PostgreSQL server) on the good path: a whole sign-in through nginx; callbacks and long-polls spread
// over both instances; the instances see the client's address (trustProxy) and nginx keeps the operator
// routes to itself; each instance's /readyz and /metrics; a tenant disabled from the CLI on the database
// server reaches both running instances.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import https from 'node:https';
import { TestCloudHttp } from './testing/stack';
import { topologyMissing, useTopology } from './testing/topology';
import { instanceLog, jsonLines, received, type Instance } from './testing/topology-instances';

if (topologyMissing) console.warn(`cloud/topology-sign-in.integration.test.ts skipped: ${topologyMissing}`);

describe.skipIf(topologyMissing !== undefined)(
  'production topology: nginx (TLS) → two cloud instances → one PostgreSQL server',
  () => {
    const t = useTopology();

    it('a whole sign-in through nginx: TESTEN, ANMELDEN, Amazon’s redirect over TLS, Authentifiziert, import', async () => {
      expect(await t.desk.call('testCloudConnection', {})).toMatchObject({ tenantName: 'Topologie GmbH' });
      const s = await t.startSignIn('Amazon TLS');
      const page = await t.consent(s.consentUrl);
      expect(page.status).toBe(200);
      expect(JSON.parse(page.text)).toMatchObject({ result: { result: { state: expect.any(String) } } });
      await t.desk.until(s.id, (p) => p.auth.status === 'authenticated', 30_000);
      const imported = await t.desk.call('importSettings', { id: s.id });
      expect(imported.marketplaces).toHaveLength(8);
      await t.expectNoDesktopError(s.id);
    }, 90_000);

    it('callbacks and long-polls are spread over both instances', async () => {
      // nginx spreads requests, not sign-ins: go on until each instance has had both kinds (bounded).
      const spread = () =>
        t.instances.every((i) => received(i, '/oauth/amazon/callback') > 0 && received(i, '/v1/authorizations/') > 0);
      for (let n = 0; n < 10 && !spread(); n++) {
        const s = await t.startSignIn(`Amazon Verteilt ${n}`);
        await t.consent(s.consentUrl);
        await t.desk.until(s.id, (p) => p.auth.status === 'authenticated', 30_000);
        // Round robin and a fixed number of requests per sign-in would put every callback on the same
        // instance when that number is even: one extra request (400) after every other sign-in shifts it.
        if (n % 2 === 0)
          await fetch(`${t.nginx.url}/oauth/token`, {
            method: 'POST',
            body: '{}',
            headers: { 'content-type': 'application/json' },
          });
      }
      for (const i of t.instances) {
        expect(received(i, '/oauth/amazon/callback'), `callbacks on ${i.name}`).toBeGreaterThan(0);
        expect(received(i, '/v1/authorizations/'), `long-polls on ${i.name}`).toBeGreaterThan(0);
      }
    }, 180_000);

    it('the instances see the client’s address (trustProxy), and nginx does not forward the operator routes', async () => {
      // A client on another loopback address: nginx itself connects from 127.0.0.1.
      const status = await new Promise<number>((resolve, reject) => {
        const req = https.request(
          `${t.nginx.url}/oauth/token`,
          { method: 'POST', localAddress: '127.0.0.9', headers: { 'content-type': 'application/json' } },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.once('error', reject);
        req.end('{}');
      });
      expect(status).toBe(400);
      await expect
        .poll(
          () => t.instances.some((i) => jsonLines(instanceLog(i)).some((l) => l.req?.remoteAddress === '127.0.0.9')),
          {
            timeout: 10_000,
          },
        )
        .toBe(true);
      for (const p of ['/metrics', '/admin/tenants', '/readyz', '/healthz'])
        expect((await fetch(`${t.nginx.url}${p}`)).status, p).toBe(404);
    }, 60_000);

    it('each instance answers /readyz and /metrics on its own port (PostgreSQL pool, callbacks)', async () => {
      const { adminToken } = JSON.parse(fs.readFileSync(t.configFile, 'utf8')) as { adminToken: string };
      for (const i of t.instances) {
        const ready = await fetch(`http://127.0.0.1:${i.port}/readyz`);
        expect(ready.status).toBe(200);
        expect(await ready.json()).toMatchObject({
          ready: true,
          checks: { database: { ok: true, detail: 'PostgreSQL server reachable' } },
        });
        const metrics = await (
          await fetch(`http://127.0.0.1:${i.port}/metrics`, { headers: { authorization: `Bearer ${adminToken}` } })
        ).text();
        expect(metrics).toMatch(/^cloud_db_pool_max 10$/m);
        expect(metrics).toMatch(/^cloud_callbacks_total\{result="ok"\} [1-9]/m);
      }
    }, 60_000);

    it('tenant disable from the CLI on the database server reaches both running instances', async () => {
      const token = await new TestCloudHttp(t.nginx.url, {
        clientId: t.tenant.client_id!,
        clientSecret: t.tenant.client_secret!,
      }).accessToken();
      const whoami = (i: Instance) =>
        fetch(`http://127.0.0.1:${i.port}/v1/whoami`, { headers: { authorization: `Bearer ${token}` } });
      // Both instances have just seen the tenant active (remembered for 5 s; postgres.test.ts shows the
      // NOTIFY that ends this at once with a stopped clock).
      for (const i of t.instances) expect((await whoami(i)).status).toBe(200);
      const cli = (action: string) => t.tenantCli(action, t.tenant.tenant_id!);
      expect((await cli('disable')).code).toBe(0);
      for (const i of t.instances)
        await expect.poll(async () => (await whoami(i)).status, { timeout: 10_000 }).toBe(403);
      expect((await cli('enable')).code).toBe(0);
      for (const i of t.instances)
        await expect.poll(async () => (await whoami(i)).status, { timeout: 10_000 }).toBe(200);
    }, 60_000);
  },
);

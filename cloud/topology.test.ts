// The production topology, as cloud/README.md "Run in production" documents it: Debian's nginx ends
// TLS (a self-signed certificate made here) with the repo's cloud/deploy/nginx-site.conf, in front of
// two cloud instances (real processes, started by the CLI) on one PostgreSQL server; the desktop core
// and the sandbox on the other side. A whole sign-in through nginx; callbacks and long-polls spread
// over both instances; the instances see the client's address (trustProxy); a rolling restart and an
// instance killed while it holds the long-poll lose no authorization and show the desktop no error; a
// PostgreSQL restart and a terminated LISTEN session mid-sign-in do not keep the desktop waiting; an
// instance killed during the code exchange; and no log of the deployment holds Amazon's code or state.
// The desktop trusts the test certificate because this test injects its CA into this process only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { randomBytes } from 'node:crypto';
import { Agent, getGlobalDispatcher, setGlobalDispatcher, type Dispatcher } from 'undici';
import { seedAccount, startSandbox, type SandboxHandle } from '../sandbox';
import { startDesktop, type Desktop } from '../electron/core/testing/desktop';
import { activateScenario, TestCloudHttp, freePort } from './testing/stack';
import { confirmConsent, signInToConsent } from './testing/seller-browser';
import pg from 'pg';
import { createDatabase, findPostgresBin, startPostgres, type PostgresServer } from './testing/postgres-server';
import { findNginx, selfSignedCertificate, startNginx, type Nginx } from './testing/nginx';
import { heldLongPoll, metric } from './testing/metrics';
import { LISTEN_APPLICATION_NAME } from './authorizations/pg-notifier';
import { parseKeyValues, runCli, startCliCloud } from './testing/cli-process';
import {
  holds,
  instanceLog,
  jsonLines,
  readyz,
  received,
  RecordingBrowser,
  restart,
  type Instance,
} from './testing/topology-instances';

const EU = seedAccount('eu.haendler@example.com')!;
const pgBin = findPostgresBin();
const nginxBin = findNginx();
const missing = 'missing' in pgBin ? pgBin.missing : 'missing' in nginxBin ? nginxBin.missing : undefined;
if (missing) console.warn(`cloud/topology.test.ts skipped: ${missing}`);

let server: PostgresServer;
let sandbox: SandboxHandle;
let nginx: Nginx;
let nginxSite: Parameters<typeof startNginx>[1];
let desk: Desktop;
let tmp: string;
let configFile: string;
let tenant: Record<string, string>;
let instances: Instance[] = [];
let previousDispatcher: Dispatcher;
let databaseUrl: string;
let adminToken: string;
/** Logs of nginx processes already stopped (their prefix is removed on close). */
let nginxEarlier = '';
/** Every code, state and Login URI state this test sent through the deployment: no log may hold one. */
const secretsSent = new Set<string>();

async function restartNginx(site: Parameters<typeof startNginx>[1]) {
  nginxEarlier += nginx.logs();
  await nginx.close({ fast: true });
  nginx = await startNginx((nginxBin as { bin: string }).bin, site);
}

const log = instanceLog;

async function consent(url: string) {
  const browser = new RecordingBrowser(secretsSent);
  return confirmConsent(browser, await signInToConsent(browser, url, EU, sandbox.url));
}

/** The desktop's sign-in up to the waiting state; returns the platform and its authorization id. */
async function startSignIn(name: string) {
  const p = await desk.newPlatform(name);
  const waiting = await desk.call('signIn', { id: p.id, mode: 'login' });
  if (waiting.auth.status !== 'waiting') throw new Error('not waiting');
  return { id: p.id, authorizationId: waiting.auth.authorizationId, consentUrl: desk.opened.at(-1)! };
}

/** An instance's own port, for /readyz and /metrics. */
const direct = (i: Instance) => ({ url: `http://127.0.0.1:${i.port}`, adminToken });

/** No error anywhere in the platform's timeline, no failure notification. */
async function expectNoDesktopError(platformId: string) {
  const timeline = await desk.call('getTimeline', { id: platformId });
  expect(timeline.filter((e) => e.outcome === 'error')).toEqual([]);
  expect(desk.notifications.filter((n) => n.title.includes('fehlgeschlagen'))).toEqual([]);
}

describe.skipIf(missing !== undefined)(
  'production topology: nginx (TLS) → two cloud instances → one PostgreSQL server',
  () => {
    beforeAll(async () => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'acc-topology-'));
      server = await startPostgres((pgBin as { bin: string }).bin);
      databaseUrl = await createDatabase(server.url, 'cloud_topology');
      const [nginxPort, portA, portB] = [await freePort(), await freePort(), await freePort()];
      const publicUrl = `https://127.0.0.1:${nginxPort}`;
      const cert = await selfSignedCertificate(tmp);
      sandbox = await startSandbox({ port: 0, extraRedirectUris: [`${publicUrl}/oauth/amazon/callback`] });
      configFile = path.join(tmp, 'cloud.json');
      adminToken = randomBytes(32).toString('base64url');
      // One configuration for both instances, as in a deployment: same keys, same database, the proxy trusted.
      fs.writeFileSync(
        configFile,
        JSON.stringify({
          publicUrl,
          databaseUrl,
          trustProxy: '127.0.0.1',
          signingKey: randomBytes(32).toString('base64'),
          encryptionKey: randomBytes(32).toString('base64'),
          adminToken,
          lwaRetryBaseMs: 5,
        }),
        { mode: 0o600 },
      );
      const make = (name: string, port: number): string[] => [
        '--port',
        String(port),
        '--data-dir',
        path.join(tmp, name),
        '--config',
        configFile,
        '--sandbox',
        sandbox.url,
      ];
      const [a, b] = await Promise.all([startCliCloud(make('a', portA)), startCliCloud(make('b', portB))]);
      instances = [
        { name: 'A', port: portA, args: make('a', portA), proc: a, earlier: '' },
        { name: 'B', port: portB, args: make('b', portB), proc: b, earlier: '' },
      ];
      nginxSite = { port: nginxPort, cert, upstreams: [portA, portB], oneWorker: true };
      nginx = await startNginx((nginxBin as { bin: string }).bin, nginxSite);

      // Only this test process trusts the test CA: node:https (the desktop's axios) and fetch (undici).
      const ca = [...tls.rootCertificates, cert.pem];
      https.globalAgent.options.ca = ca;
      previousDispatcher = getGlobalDispatcher();
      setGlobalDispatcher(new Agent({ connect: { ca } }));

      // The operator creates the tenant on the database server directly (the instances keep running).
      const created = await runCli([
        'tenant',
        'create',
        'Topologie GmbH',
        '--config',
        configFile,
        '--data-dir',
        path.join(tmp, 'admin'),
      ]);
      expect(created.code, created.stderr).toBe(0);
      tenant = parseKeyValues(created.stdout);

      desk = await startDesktop({
        sandboxUrl: sandbox.url,
        extra: { signIn: { waitSeconds: 25, backoff: { baseMs: 200, capMs: 1000 } } },
      });
      await desk.call('saveCloudSettings', {
        url: publicUrl,
        clientId: tenant.client_id,
        clientSecret: tenant.client_secret,
      });
    }, 180_000);

    afterAll(async () => {
      delete https.globalAgent.options.ca;
      if (previousDispatcher) setGlobalDispatcher(previousDispatcher);
      await desk?.close();
      await nginx?.close();
      await Promise.all(instances.map((i) => i.proc.stop()));
      await sandbox?.close();
      await server?.close();
      fs.rmSync(tmp, { recursive: true, force: true });
    });

    it('a whole sign-in through nginx: TESTEN, ANMELDEN, Amazon’s redirect over TLS, Authentifiziert, import', async () => {
      expect(await desk.call('testCloudConnection', {})).toMatchObject({ tenantName: 'Topologie GmbH' });
      const s = await startSignIn('Amazon TLS');
      const page = await consent(s.consentUrl);
      expect(page.status).toBe(200);
      expect(JSON.parse(page.text)).toMatchObject({ result: { result: { state: expect.any(String) } } });
      await desk.until(s.id, (p) => p.auth.status === 'authenticated', 30_000);
      const imported = await desk.call('importSettings', { id: s.id });
      expect(imported.marketplaces).toHaveLength(8);
      await expectNoDesktopError(s.id);
    }, 90_000);

    it('callbacks and long-polls are spread over both instances', async () => {
      // nginx spreads requests, not sign-ins: go on until each instance has had both kinds (bounded).
      const spread = () =>
        instances.every((i) => received(i, '/oauth/amazon/callback') > 0 && received(i, '/v1/authorizations/') > 0);
      for (let n = 0; n < 10 && !spread(); n++) {
        const s = await startSignIn(`Amazon Verteilt ${n}`);
        await consent(s.consentUrl);
        await desk.until(s.id, (p) => p.auth.status === 'authenticated', 30_000);
        // Round robin and a fixed number of requests per sign-in would put every callback on the same
        // instance when that number is even: one extra request (400) after every other sign-in shifts it.
        if (n % 2 === 0)
          await fetch(`${nginx.url}/oauth/token`, {
            method: 'POST',
            body: '{}',
            headers: { 'content-type': 'application/json' },
          });
      }
      for (const i of instances) {
        expect(received(i, '/oauth/amazon/callback'), `callbacks on ${i.name}`).toBeGreaterThan(0);
        expect(received(i, '/v1/authorizations/'), `long-polls on ${i.name}`).toBeGreaterThan(0);
      }
    }, 180_000);

    it('the instances see the client’s address (trustProxy), and nginx does not forward the operator routes', async () => {
      // A client on another loopback address: nginx itself connects from 127.0.0.1.
      const status = await new Promise<number>((resolve, reject) => {
        const req = https.request(
          `${nginx.url}/oauth/token`,
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
        .poll(() => instances.some((i) => jsonLines(log(i)).some((l) => l.req?.remoteAddress === '127.0.0.9')), {
          timeout: 10_000,
        })
        .toBe(true);
      for (const p of ['/metrics', '/admin/tenants', '/readyz', '/healthz'])
        expect((await fetch(`${nginx.url}${p}`)).status, p).toBe(404);
    }, 60_000);

    it('each instance answers /readyz and /metrics on its own port (PostgreSQL pool, callbacks)', async () => {
      const { adminToken } = JSON.parse(fs.readFileSync(configFile, 'utf8')) as { adminToken: string };
      for (const i of instances) {
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
      const token = await new TestCloudHttp(nginx.url, {
        clientId: tenant.client_id!,
        clientSecret: tenant.client_secret!,
      }).accessToken();
      const whoami = (i: Instance) =>
        fetch(`http://127.0.0.1:${i.port}/v1/whoami`, { headers: { authorization: `Bearer ${token}` } });
      // Both instances have just seen the tenant active (remembered for 5 s; postgres.test.ts shows the
      // NOTIFY that ends this at once with a stopped clock).
      for (const i of instances) expect((await whoami(i)).status).toBe(200);
      const cli = (action: string) =>
        runCli(['tenant', action, tenant.tenant_id!, '--config', configFile, '--data-dir', path.join(tmp, 'admin')]);
      expect((await cli('disable')).code).toBe(0);
      for (const i of instances) await expect.poll(async () => (await whoami(i)).status, { timeout: 10_000 }).toBe(403);
      expect((await cli('enable')).code).toBe(0);
      for (const i of instances) await expect.poll(async () => (await whoami(i)).status, { timeout: 10_000 }).toBe(200);
    }, 60_000);

    it('a callback slower than nginx waits is not passed on to the other instance (its state and code are used once)', async () => {
      // nginx gives up on the callback after 1 s here (120 s in the file); Amazon's token endpoint takes 3 s.
      await restartNginx({ ...nginxSite, callbackReadTimeoutSeconds: 1 });
      try {
        const s = await startSignIn('Amazon Langsam');
        const before = instances.map((i) => received(i, '/oauth/amazon/callback'));
        await activateScenario(sandbox.url, { id: 'lwa_slow', ms: 3_000, count: 1 });
        const page = await consent(s.consentUrl);
        // The seller's browser sees nginx's timeout, but the one instance that has the callback finishes.
        expect(page.status).toBe(504);
        await desk.until(s.id, (p) => p.auth.status === 'authenticated', 30_000);
        const callbacks = instances.map((i, n) => received(i, '/oauth/amazon/callback') - before[n]!);
        expect(
          callbacks.reduce((a, b) => a + b, 0),
          `callbacks per instance: ${callbacks.join(', ')}`,
        ).toBe(1);
        await expectNoDesktopError(s.id);
      } finally {
        await restartNginx(nginxSite);
      }
    }, 90_000);

    it('rolling restart (SIGTERM A, start A, SIGTERM B, start B) while the desktop waits: no authorization lost, no error shown', async () => {
      const before = new TestCloudHttp(nginx.url, { clientId: tenant.client_id!, clientSecret: tenant.client_secret! });
      const authenticatedBefore = (
        (await before.raw('GET', '/v1/platforms')).body.platforms as { status: string }[]
      ).filter((p) => p.status === 'authenticated').length;
      expect(authenticatedBefore).toBeGreaterThan(0);

      const s = await startSignIn('Amazon Rolling');
      const pollPath = `/v1/authorizations/${s.authorizationId}`;
      await expect.poll(() => instances.some((i) => holds(i, pollPath)), { timeout: 20_000 }).toBe(true);
      for (const i of instances) {
        expect(await restart(i, 'SIGTERM'), `${i.name} exits 0 on SIGTERM`).toBe(0);
        expect(log(i)).toContain('SIGTERM: shutting down gracefully');
      }
      await consent(s.consentUrl);
      await desk.until(s.id, (p) => p.auth.status === 'authenticated', 30_000);
      await expectNoDesktopError(s.id);

      const after = ((await before.raw('GET', '/v1/platforms')).body.platforms as { status: string }[]).filter(
        (p) => p.status === 'authenticated',
      ).length;
      expect(after).toBe(authenticatedBefore + 1);
    }, 180_000);

    it('PostgreSQL restarts and then the LISTEN sessions are terminated mid-sign-in: the desktop still completes at once', async () => {
      const s = await startSignIn('Amazon Neustart');
      const pollPath = `/v1/authorizations/${s.authorizationId}`;
      await expect.poll(() => instances.some((i) => holds(i, pollPath)), { timeout: 20_000 }).toBe(true);
      const losses = async () =>
        Promise.all(instances.map((i) => metric(direct(i), 'cloud_notifier_connection_losses_total')));
      const before = await losses();
      await server.restart();
      const admin = new pg.Client({ connectionString: databaseUrl });
      // Once both listen again, their new LISTEN sessions are ended too (as an idle timeout or an operator would).
      await expect
        .poll(async () => (await Promise.all(instances.map(readyz))).every((r) => r.ready), { timeout: 30_000 })
        .toBe(true);
      await admin.connect();
      try {
        const ended = await admin.query(
          'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1',
          [LISTEN_APPLICATION_NAME],
        );
        expect(ended.rowCount).toBe(2);
      } finally {
        await admin.end();
      }
      await expect
        .poll(async () => (await losses()).every((n, k) => n >= before[k]! + 2), { timeout: 30_000 })
        .toBe(true);
      await expect
        .poll(async () => (await Promise.all(instances.map(readyz))).every((r) => r.ready), { timeout: 30_000 })
        .toBe(true);
      // Besides the desktop's, one long-poll held by each instance: whichever receives Amazon's redirect,
      // the other one's answer can only come through its new LISTEN session.
      const token = await new TestCloudHttp(nginx.url, {
        clientId: tenant.client_id!,
        clientSecret: tenant.client_secret!,
      }).accessToken();
      const held = [];
      for (const i of instances) {
        held.push(
          await heldLongPoll(direct(i), () =>
            fetch(`http://127.0.0.1:${i.port}${pollPath}?wait=25`, {
              headers: { authorization: `Bearer ${token}` },
            }).then((r) => r.json() as Promise<{ status: string }>),
          ),
        );
      }
      await consent(s.consentUrl);
      for (const h of held) expect((await h.answer).status).toBe('authenticated');
      await desk.until(s.id, (p) => p.auth.status === 'authenticated', 15_000);
      await expectNoDesktopError(s.id);
      // Each instance said so (and never the connection string), and neither process ended.
      for (const i of instances) {
        expect(log(i)).toContain('PostgreSQL notifier: LISTEN connection lost');
        expect(log(i)).toContain('PostgreSQL notifier: LISTEN connection back');
        expect(log(i)).not.toContain(databaseUrl.replace(/\/[^/]*$/, ''));
        expect(i.proc.child.exitCode).toBeNull();
      }
    }, 180_000);

    // Issue 22 item 6, the topology test of issue 23 item 4 (a restarted or other instance finishes or
    // fails an exchange that a crash interrupted). Without that fix the authorization stayed pending with
    // a spent state for 30 minutes.
    it('the instance doing the code exchange is killed (Amazon’s token endpoint slow): the desktop learns the outcome at once', async () => {
      const s = await startSignIn('Amazon Austausch');
      const callbackPath = '/oauth/amazon/callback';
      const before = instances.map((i) => received(i, callbackPath));
      await activateScenario(sandbox.url, { id: 'lwa_slow', ms: 8_000, count: 1 });
      const page = consent(s.consentUrl);
      page.catch(() => undefined);
      await expect
        .poll(() => instances.some((i, n) => received(i, callbackPath) > before[n]!), { timeout: 30_000 })
        .toBe(true);
      const exchanging = instances.find((i, n) => received(i, callbackPath) > before[n]!)!;
      await exchanging.proc.stop('SIGKILL');
      await page;
      try {
        // Authenticated (the exchange finished elsewhere) or a clear error — not pending for 30 minutes.
        await desk.until(s.id, (p) => p.auth.status !== 'waiting', 30_000);
      } finally {
        // A clear error is an accepted outcome here; its notification must not count against the next test.
        desk.notifications.length = 0;
        exchanging.earlier += exchanging.proc.output();
        exchanging.proc = await startCliCloud(exchanging.args);
      }
    }, 120_000);

    it('the instance holding the long-poll is killed (SIGKILL): the other answers, the desktop shows no error', async () => {
      const s = await startSignIn('Amazon Absturz');
      const pollPath = `/v1/authorizations/${s.authorizationId}`;
      await expect.poll(() => instances.some((i) => holds(i, pollPath)), { timeout: 20_000 }).toBe(true);
      const holder = instances.find((i) => holds(i, pollPath))!;
      const other = instances.find((i) => i !== holder)!;
      const otherBefore = received(other, pollPath);
      await holder.proc.stop('SIGKILL');
      // nginx passes the desktop's long-poll on: the other instance now holds it.
      await expect.poll(() => received(other, pollPath) > otherBefore, { timeout: 20_000 }).toBe(true);
      await consent(s.consentUrl);
      await desk.until(s.id, (p) => p.auth.status === 'authenticated', 30_000);
      await expectNoDesktopError(s.id);
    }, 120_000);

    it('no log of the deployment (nginx access and error logs, both instances) holds a code or state it carried', async () => {
      // Besides the sign-ins above: a Login URI request and a callback with made-up values, answered with errors.
      const marker = () => `zz${randomBytes(12).toString('hex')}`;
      const [code, state, amazonState, mws] = [marker(), marker(), marker(), marker()];
      for (const v of [code, state, amazonState, mws]) secretsSent.add(v);
      await fetch(
        `${nginx.url}/oauth/amazon/callback?spapi_oauth_code=${code}&state=${state}&selling_partner_id=A1B2C3D4E5F6G7&mws_auth_token=${mws}`,
      );
      await fetch(
        `${nginx.url}/oauth/amazon/login?amazon_callback_uri=${encodeURIComponent(`${sandbox.url}/apps/authorize/confirm`)}&amazon_state=${amazonState}&selling_partner_id=A1B2C3D4E5F6G7`,
        { redirect: 'manual' },
      );
      expect(secretsSent.size).toBeGreaterThan(4);
      // nginx writes its access log when the request ends: the last lines are there once a new request is logged.
      await fetch(`${nginx.url}/healthz`);
      await expect.poll(() => nginx.logs().includes('/healthz'), { timeout: 10_000 }).toBe(true);
      const logs = {
        nginx: nginxEarlier + nginx.logs(),
        ...Object.fromEntries(instances.map((i) => [`instance ${i.name}`, log(i)])),
      };
      expect(logs.nginx).toContain('/oauth/amazon/callback');
      for (const [name, text] of Object.entries(logs)) {
        const found = [...secretsSent].filter((v) => text.includes(v));
        // The count only: the values themselves stay out of the test's output too.
        expect(found.length, `${name} logged ${found.length} of ${secretsSent.size} codes/states`).toBe(0);
      }
    }, 60_000);

    it('/readyz says why when PostgreSQL is gone; /healthz still answers', async () => {
      await server.close();
      const alive = instances.find((i) => i.proc.child.exitCode === null && i.proc.child.signalCode === null)!;
      const ready = await fetch(`http://127.0.0.1:${alive.port}/readyz`);
      expect(ready.status).toBe(503);
      const body = (await ready.json()) as { ready: boolean; checks: { database: { ok: boolean; detail: string } } };
      expect(body.ready).toBe(false);
      expect(body.checks.database.ok).toBe(false);
      expect(body.checks.database.detail).toMatch(/^database unreachable/);
      expect(body.checks.database.detail).not.toContain('postgres://');
      expect((await fetch(`http://127.0.0.1:${alive.port}/healthz`)).status).toBe(200);
    }, 60_000);
  },
);

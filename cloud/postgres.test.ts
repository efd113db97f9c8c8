// The same SQL on a real PostgreSQL server, with two cloud instances sharing it: migrations run once
// even when both start together; a long-poll held by instance B is woken through LISTEN/NOTIFY when
// Amazon's redirect reaches instance A; B can import the settings with the token A stored encrypted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { productionApp, seedAccount, startSandbox, type SandboxHandle } from '../sandbox';
import { startCloud, type RunningCloud } from './start-cloud';
import { TestCloudHttp, freePort, testConfig } from './testing/stack';
import { confirmConsent, SellerBrowser, signInToConsent } from './testing/seller-browser';
import { runTenantCommand } from './admin/admin-cli';
import { createDatabase, findPostgresBin, startPostgres, type PostgresServer } from './testing/postgres-server';
import { migrationVersions } from './db/migrations';
import { heldLongPoll, metric } from './testing/metrics';
import { LISTEN_APPLICATION_NAME } from './authorizations/pg-notifier';
import { finishPending } from './repositories/authorizations/lifecycle';

const EU = seedAccount('eu.haendler@example.com')!;
const FE = seedAccount('fe.seller@example.com')!;
const bin = findPostgresBin();
if ('missing' in bin) console.warn(`cloud/postgres.test.ts skipped: ${bin.missing}`);

describe.skipIf('missing' in bin)('cloud on PostgreSQL, two instances', () => {
  let server: PostgresServer;
  let sandbox: SandboxHandle;
  let a: RunningCloud;
  let b: RunningCloud;
  let databaseUrl: string;

  beforeAll(async () => {
    server = await startPostgres((bin as { bin: string }).bin);
    databaseUrl = await createDatabase(server.url, 'cloud_two_instances');
    const [portA, portB] = [await freePort(), await freePort()];
    sandbox = await startSandbox({
      port: 0,
      extraRedirectUris: [portA, portB].map((p) => `http://127.0.0.1:${p}/oauth/amazon/callback`),
    });
    // One configuration (keys included) for both, as instances of one deployment share it.
    const config = testConfig(sandbox.url, { databaseUrl });
    // Started together: the migration lock lets exactly one of them create the schema.
    [a, b] = await Promise.all([startCloud({ port: portA, config }), startCloud({ port: portB, config })]);
  }, 120_000);

  /** A tenant created through `on`, with a client on each instance. */
  async function tenantOnBoth(on: RunningCloud, name: string) {
    const tenant = await on.createTenant(name);
    return { viaA: new TestCloudHttp(a.url, tenant), viaB: new TestCloudHttp(b.url, tenant) };
  }

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await sandbox?.close();
    await server?.close();
  });

  it('migrated once', async () => {
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const { rows } = await db.query('SELECT version FROM schema_migrations');
    await db.end();
    expect(rows.map((r) => r.version).sort((x, y) => x - y)).toEqual(migrationVersions());
  });

  it('a long-poll on B is woken when the callback reaches A, and B imports with A’s stored token', async () => {
    const { viaA, viaB } = await tenantOnBoth(a, 'Zwei Instanzen GmbH');
    const platform = await viaA.createPlatform('Amazon PG');
    expect(platform.status).toBe(201);
    // The same platform name through B is refused: one database, one uniqueness rule.
    expect((await viaB.createPlatform('Amazon PG')).status).toBe(409);
    const auth = (await viaA.startAuthorization(platform.body.id)).body as { id: string; consentUrl: string };
    // The consent link starts at A (it redirects to Seller Central with A's callback).
    expect(auth.consentUrl.startsWith(`${a.url}/oauth/amazon/start/${auth.id}?state=`)).toBe(true);

    // Consent only once B holds the request: an answer then can only come from A's NOTIFY.
    const waiting = await heldLongPoll(b, () => viaB.raw('GET', `/v1/authorizations/${auth.id}?wait=25`));
    const browser = new SellerBrowser();
    const callback = await confirmConsent(browser, await signInToConsent(browser, auth.consentUrl, EU, sandbox.url));
    expect(callback.status).toBe(200);
    const answer = await waiting.answer;
    expect(answer.body).toMatchObject({ id: auth.id, status: 'authenticated', sellingPartnerId: EU.sellingPartnerId });

    const imported = await viaB.raw('POST', `/v1/platforms/${platform.body.id}/settings/import`, { body: {} });
    expect(imported.status).toBe(200);
    expect(imported.body.marketplaces).toHaveLength(8);

    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const { rows } = await db.query('SELECT refresh_token_enc FROM platforms WHERE id = $1', [platform.body.id]);
    await db.end();
    expect(rows[0].refresh_token_enc).toBeTruthy();
    expect(rows[0].refresh_token_enc).not.toContain('Atzr|');
  }, 60_000);

  it('a change made while an instance’s LISTEN connection is lost reaches its waiting long-poll once it listens again; /readyz and /metrics show the gap', async () => {
    // Reconnects 2–4 s after the loss: time to see it unready and to change the row meanwhile.
    const c = await startCloud({
      port: 0,
      config: testConfig(sandbox.url, { databaseUrl }),
      notifierBackoff: { baseMs: 4_000, capMs: 4_000 },
    });
    try {
      const viaC = new TestCloudHttp(c.url, await c.createTenant('Taub GmbH'));
      const platform = await viaC.createPlatform('Amazon Taub');
      const auth = (await viaC.startAuthorization(platform.body.id)).body as { id: string };
      const waiting = await heldLongPoll(c, () => viaC.raw('GET', `/v1/authorizations/${auth.id}?wait=25`));
      // A second sign-in that does not change: its long-poll is read again but stays held.
      const still = (await viaC.startAuthorization((await viaC.createPlatform('Amazon Still')).body.id)).body as {
        id: string;
      };
      const stillWaiting = await heldLongPoll(c, () => viaC.raw('GET', `/v1/authorizations/${still.id}?wait=25`));
      const readyz = async () =>
        (await fetch(`${c.listenUrl}/readyz`)).json() as Promise<{
          ready: boolean;
          checks: { notifier: { ok: boolean } };
        }>;
      expect(await readyz()).toMatchObject({ ready: true, checks: { notifier: { ok: true } } });
      const admin = new pg.Client({ connectionString: databaseUrl });
      await admin.connect();
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [
        LISTEN_APPLICATION_NAME,
      ]);
      await admin.end();
      await expect.poll(async () => (await readyz()).ready, { interval: 50, timeout: 10_000 }).toBe(false);
      expect((await readyz()).checks.notifier.ok).toBe(false);
      // Another instance finishes the sign-in while C is deaf: its NOTIFY cannot reach C (written here
      // without one, which is what C sees).
      await finishPending(a.db, auth.id, 'cancelled', new Date());
      expect((await waiting.answer).body).toMatchObject({ id: auth.id, status: 'cancelled' });
      expect(await readyz()).toMatchObject({ ready: true, checks: { notifier: { ok: true } } });
      expect(await metric(c, 'cloud_notifier_connection_losses_total')).toBe(1);
      expect(await metric(c, 'cloud_notifier_listening')).toBe(1);
      // The unchanged one is still held after the resync, and answered by its change.
      await expect.poll(() => metric(c, 'cloud_longpolls_waiting'), { timeout: 10_000 }).toBe(1);
      expect((await viaC.raw('POST', `/v1/authorizations/${still.id}/cancel`, { body: {} })).status).toBe(200);
      expect((await stillWaiting.answer).body).toMatchObject({ id: still.id, status: 'cancelled' });
    } finally {
      await c.close();
    }
  }, 60_000);

  it('a cancel on B wakes a long-poll held by A', async () => {
    const { viaA, viaB } = await tenantOnBoth(b, 'Abbruch GmbH');
    const platform = await viaB.createPlatform('Amazon Cancel PG');
    const auth = (await viaB.startAuthorization(platform.body.id)).body as { id: string };
    const waiting = await heldLongPoll(a, () => viaA.raw('GET', `/v1/authorizations/${auth.id}?wait=25`));
    expect((await viaB.raw('POST', `/v1/authorizations/${auth.id}/cancel`, { body: {} })).status).toBe(200);
    expect((await waiting.answer).body).toMatchObject({ status: 'cancelled' });
  }, 60_000);

  it('tenant disable from the CLI on the database server reaches running instances through NOTIFY', async () => {
    // A stopped clock: the instances' remembered "tenant active" never expires, so only NOTIFY can end it.
    const frozen = () => 1_800_000_000_000;
    const config = testConfig(sandbox.url, { databaseUrl });
    const [c, d] = await Promise.all([
      startCloud({ port: 0, config, now: frozen }),
      startCloud({ port: 0, config, now: frozen }),
    ]);
    try {
      const tenant = await c.createTenant('Benachrichtigt GmbH');
      const token = await new TestCloudHttp(c.url, tenant).accessToken();
      const whoami = (cloud: RunningCloud) =>
        fetch(`${cloud.url}/v1/whoami`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status);
      expect([await whoami(c), await whoami(d)]).toEqual([200, 200]);
      const run = (action: string) =>
        runTenantCommand({
          args: [action, tenant.clientId],
          dataDir: '/nonexistent',
          env: { CLOUD_DATABASE_URL: databaseUrl },
        });
      expect(await run('disable')).toContain('status=disabled');
      for (const cloud of [c, d]) await expect.poll(() => whoami(cloud), { timeout: 10_000 }).toBe(403);
      expect(await run('enable')).toContain('status=active');
      for (const cloud of [c, d]) await expect.poll(() => whoami(cloud), { timeout: 10_000 }).toBe(200);
    } finally {
      await Promise.all([c.close(), d.close()]);
    }
  }, 60_000);

  it("a sign-in started at A's Login URI wakes the feed long-poll held by B (and B's cursor cache)", async () => {
    const { viaA, viaB } = await tenantOnBoth(a, 'Login-URI PG GmbH');
    const platform = await viaA.createPlatform('Amazon Login PG', 'JP', 'FE');
    const { cursor } = (await viaB.raw('GET', '/v1/platforms/changes')).body as { cursor: string };
    // B remembers the tenant's latest entry from this call; only A's NOTIFY may make it read again.
    expect((await viaB.raw('GET', `/v1/platforms/changes?since=${cursor}`)).body.authorizations).toEqual([]);
    const waiting = await heldLongPoll(b, () => viaB.raw('GET', `/v1/platforms/changes?since=${cursor}&wait=25`));
    const { code } = (await viaA.raw('POST', `/v1/platforms/${platform.body.id}/pairing-code`, { body: {} })).body as {
      code: string;
    };
    // A's Login URI answers with its (unbound) state; the seller consents with it, Amazon redirects to A,
    // whose page asks for the pairing code: a seller id no platform has yet.
    const host = 'sellercentral.amazon.co.jp';
    const app = productionApp().applicationId;
    const login = await fetch(
      `${a.url}/oauth/amazon/login?${new URLSearchParams({ amazon_callback_uri: `${sandbox.url}/sc/${host}/apps/authorize/confirm/${app}`, amazon_state: 'st', selling_partner_id: FE.sellingPartnerId })}`,
      { redirect: 'manual' },
    );
    expect(login.status).toBe(302);
    const state = new URL(login.headers.get('location')!).searchParams.get('state')!;
    const consentUrl = `${sandbox.url}/sc/${host}/apps/authorize/consent?${new URLSearchParams({ application_id: app, state, redirect_uri: `${a.url}/oauth/amazon/callback` })}`;
    const browser = new SellerBrowser();
    const asked = await confirmConsent(browser, await signInToConsent(browser, consentUrl, FE, sandbox.url));
    expect(asked.text).toContain('data-reason="unknown_seller"');
    expect((await browser.submit(asked, { code })).status).toBe(200);
    const woken = (await waiting.answer).body as {
      authorizations: { platformId: string; origin: string; status: string }[];
    };
    expect(woken.authorizations).toEqual([expect.objectContaining({ platformId: platform.body.id, origin: 'amazon' })]);
  }, 60_000);
});

// The production topology of the cloud/topology-*.integration.test.ts files, as cloud/README.md "Run in
// production" documents it: Debian's nginx ends TLS (a self-signed certificate made here) with the repo's
// cloud/deploy/nginx-site.conf, in front of two cloud instances (real processes, started by the CLI) on
// one PostgreSQL server; the desktop core and the sandbox on the other side. One deployment per file,
// started in beforeAll. The desktop trusts the test certificate because the set-up injects its CA into
// this process only (node:https for the desktop's axios, undici for fetch), and takes it out afterwards.
import { afterAll, beforeAll, expect } from 'vitest';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { randomBytes } from 'node:crypto';
import { Agent, getGlobalDispatcher, setGlobalDispatcher, type Dispatcher } from 'undici';
import { seedAccount, startSandbox, type SandboxHandle } from '../../sandbox';
import { startDesktop, type Desktop } from '../../electron/core/testing/desktop';
import { freePort } from './stack';
import { confirmConsent, signInToConsent } from './seller-browser';
import { createDatabase, findPostgresBin, startPostgres, type PostgresServer } from './postgres-server';
import { findNginx, selfSignedCertificate, startNginx, type Nginx } from './nginx';
import { parseKeyValues, runCli, startCliCloud } from './cli-process';
import { RecordingBrowser, type Instance } from './topology-instances';

const EU = seedAccount('eu.haendler@example.com')!;
const pgBin = findPostgresBin();
const nginxBin = findNginx();

/** Why the topology cannot run here (PostgreSQL or nginx not installed), or undefined. */
export const topologyMissing =
  'missing' in pgBin ? pgBin.missing : 'missing' in nginxBin ? nginxBin.missing : undefined;

type NginxSite = Parameters<typeof startNginx>[1];

interface Topology {
  server: PostgresServer;
  sandbox: SandboxHandle;
  nginx: Nginx;
  nginxSite: NginxSite;
  desk: Desktop;
  tmp: string;
  configFile: string;
  tenant: Record<string, string>;
  instances: Instance[];
  databaseUrl: string;
  adminToken: string;
  /** Every code, state and Login URI state the file sent through the deployment: no log may hold one. */
  secretsSent: Set<string>;
  /** Stops nginx (fast) and starts it with this site; its earlier logs stay in `nginxLogs()`. */
  restartNginx(site: NginxSite): Promise<void>;
  /** Every line nginx logged, stopped processes included. */
  nginxLogs(): string;
  /** The seller's browser through sign-in and consent to the cloud's callback page. */
  consent(url: string): ReturnType<typeof confirmConsent>;
  /** The desktop's sign-in up to the waiting state; returns the platform and its authorization id. */
  startSignIn(name: string): Promise<{ id: string; authorizationId: string; consentUrl: string }>;
  /** An instance's own port, for /readyz and /metrics. */
  direct(i: Instance): { url: string; adminToken: string };
  /** No error anywhere in the platform's timeline, no failure notification. */
  expectNoDesktopError(platformId: string): Promise<void>;
  /** The operator's CLI (`tenant <action> …`) on the database server, with the deployment's configuration. */
  tenantCli(...args: string[]): ReturnType<typeof runCli>;
}

/** Starts the deployment in beforeAll (tenant "Topologie GmbH") and stops it in afterAll; read it inside tests. */
export function useTopology(): Topology {
  const t = { secretsSent: new Set<string>(), instances: [] as Instance[] } as Topology;
  let nginxEarlier = '';
  let previousDispatcher: Dispatcher | undefined;
  const nginxPath = (nginxBin as { bin: string }).bin;
  Object.assign(t, {
    async restartNginx(site: NginxSite) {
      nginxEarlier += t.nginx.logs();
      await t.nginx.close({ fast: true });
      t.nginx = await startNginx(nginxPath, site);
    },
    nginxLogs: () => nginxEarlier + t.nginx.logs(),
    async consent(url: string) {
      const browser = new RecordingBrowser(t.secretsSent);
      return confirmConsent(browser, await signInToConsent(browser, url, EU, t.sandbox.url));
    },
    async startSignIn(name: string) {
      const p = await t.desk.newPlatform(name);
      const waiting = await t.desk.call('signIn', { id: p.id, mode: 'login' });
      if (waiting.auth.status !== 'waiting') throw new Error('not waiting');
      return { id: p.id, authorizationId: waiting.auth.authorizationId, consentUrl: t.desk.opened.at(-1)! };
    },
    direct: (i: Instance) => ({ url: `http://127.0.0.1:${i.port}`, adminToken: t.adminToken }),
    async expectNoDesktopError(platformId: string) {
      const timeline = await t.desk.call('getTimeline', { id: platformId });
      expect(timeline.filter((e) => e.outcome === 'error')).toEqual([]);
      expect(t.desk.notifications.filter((n) => n.title.includes('fehlgeschlagen'))).toEqual([]);
    },
    tenantCli: (...args: string[]) =>
      runCli(['tenant', ...args, '--config', t.configFile, '--data-dir', path.join(t.tmp, 'admin')]),
  });

  beforeAll(async () => {
    t.tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'acc-topology-'));
    t.server = await startPostgres((pgBin as { bin: string }).bin);
    t.databaseUrl = await createDatabase(t.server.url, 'cloud_topology');
    const [nginxPort, portA, portB] = [await freePort(), await freePort(), await freePort()];
    const publicUrl = `https://127.0.0.1:${nginxPort}`;
    const cert = await selfSignedCertificate(t.tmp);
    t.sandbox = await startSandbox({ port: 0, extraRedirectUris: [`${publicUrl}/oauth/amazon/callback`] });
    t.configFile = path.join(t.tmp, 'cloud.json');
    t.adminToken = randomBytes(32).toString('base64url');
    // One configuration for both instances, as in a deployment: same keys, same database, the proxy trusted.
    fs.writeFileSync(
      t.configFile,
      JSON.stringify({
        publicUrl,
        databaseUrl: t.databaseUrl,
        trustProxy: '127.0.0.1',
        signingKey: randomBytes(32).toString('base64'),
        encryptionKey: randomBytes(32).toString('base64'),
        adminToken: t.adminToken,
        lwaRetryBaseMs: 5,
      }),
      { mode: 0o600 },
    );
    const make = (name: string, port: number): string[] =>
      ['--port', String(port), '--data-dir', path.join(t.tmp, name), '--config', t.configFile].concat([
        '--sandbox',
        t.sandbox.url,
      ]);
    const [a, b] = await Promise.all([startCliCloud(make('a', portA)), startCliCloud(make('b', portB))]);
    t.instances.push(
      { name: 'A', port: portA, args: make('a', portA), proc: a, earlier: '' },
      { name: 'B', port: portB, args: make('b', portB), proc: b, earlier: '' },
    );
    t.nginxSite = { port: nginxPort, cert, upstreams: [portA, portB], oneWorker: true };
    t.nginx = await startNginx(nginxPath, t.nginxSite);

    // Only this test process trusts the test CA: node:https (the desktop's axios) and fetch (undici).
    const ca = [...tls.rootCertificates, cert.pem];
    https.globalAgent.options.ca = ca;
    previousDispatcher = getGlobalDispatcher();
    setGlobalDispatcher(new Agent({ connect: { ca } }));

    // The operator creates the tenant on the database server directly (the instances keep running).
    const created = await t.tenantCli('create', 'Topologie GmbH');
    expect(created.code, created.stderr).toBe(0);
    t.tenant = parseKeyValues(created.stdout);

    t.desk = await startDesktop({
      sandboxUrl: t.sandbox.url,
      extra: { signIn: { waitSeconds: 25, backoff: { baseMs: 200, capMs: 1000 } } },
    });
    await t.desk.call('saveCloudSettings', {
      url: publicUrl,
      clientId: t.tenant.client_id,
      clientSecret: t.tenant.client_secret,
    });
  }, 180_000);

  afterAll(async () => {
    delete https.globalAgent.options.ca;
    if (previousDispatcher) setGlobalDispatcher(previousDispatcher);
    await t.desk?.close();
    await t.nginx?.close();
    await Promise.all(t.instances.map((i) => i.proc.stop()));
    await t.sandbox?.close();
    await t.server?.close();
    if (t.tmp) fs.rmSync(t.tmp, { recursive: true, force: true });
  });
  return t;
}

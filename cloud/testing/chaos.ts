// The chaos run (issue 23, item 7): many sign-ins at once through the real parts — the sandbox in this
// process, the cloud as a real process (the CLI, PGlite in a data directory), desktop cores with the real
// keychain behind a loopback proxy — while faults are injected: kill -9 and restart of the cloud, LWA
// 500/503 and slow answers, connection-drop windows, lost answers to "register platform", desktop core
// restarts. Each flow is a merchant: ANMELDEN, the seller signs in and consents (reloading Amazon's
// redirect when the cloud did not answer it), and ANMELDEN again after a clear error, a few times.
// At the end every flow is classified against the desktop's and the cloud's state: authenticated, clear
// error (a code with a German text), stuck (still waiting, or nothing to tell), lost (one side has the
// seller's authorization, the other does not; a cloud platform no desktop knows), mixed up (another
// seller than the one who consented). Used by cloud/chaos.test.ts (bounded) and bench/chaos.ts (1,000).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedAccount, startSandbox, type SandboxHandle, type SeedAccount } from '../../sandbox';
import { startDesktop, type Desktop } from '../../electron/core/testing/desktop';
import type { Platform } from '../../shared/platform';
import { errorsDe as ERRORS_DE } from '../../renderer/src/i18n/errors.de';
import { readDevTenantFile } from '../tenants/dev-tenant';
import { activateScenario, TestCloudHttp, freePort } from './stack';
import { startChaosProxy, type ChaosProxy } from './chaos-proxy';
import { startCliCloud, type CliCloud } from './cli-process';
import { consentRedirect, SellerBrowser, signInToConsent } from './seller-browser';

export interface ChaosOptions {
  flows: number;
  /** Flows running at once. */
  concurrency: number;
  desktops: number;
  /** How many of each fault, spread over the run. */
  faults: {
    cloudKills: number;
    cloudStops?: number;
    lwa5xx: number;
    lwaSlow: number;
    drops: number;
    lostCreates: number;
    desktopRestarts: number;
  };
  /** A flow that has not ended this long after the seller's consent counts as stuck. */
  flowDeadlineMs?: number;
  seed?: number;
  log?: (line: string) => void;
}

export interface ChaosResult {
  flows: number;
  authenticated: number;
  clearError: number;
  stuck: number;
  lost: number;
  mixedUp: number;
  orphans: number;
  /** Error codes of the flows that ended in a clear error, with counts. */
  errors: Record<string, number>;
  faults: Record<string, number>;
  /** ANMELDEN clicks in all (a merchant clicks again after a clear error). */
  attempts: number;
  durationMs: number;
  problems: string[];
}

const SELLERS: Array<{ seller: SeedAccount; country: string }> = [
  { seller: seedAccount('eu.haendler@example.com')!, country: 'DE' },
  { seller: seedAccount('na.seller@example.com')!, country: 'US' },
];
const MAX_ATTEMPTS = 5;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A small seeded generator, so a run can be repeated. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

interface Rig {
  sandbox: SandboxHandle;
  proxy: ChaosProxy;
  cloud: CliCloud;
  cloudArgs: string[];
  client: TestCloudHttp;
  desks: Desktop[];
  desktopDirs: string[];
  tmp: string;
  cloudUrl: string;
  tenant: { clientId: string; clientSecret: string };
}

async function startRig(options: ChaosOptions): Promise<Rig> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'acc-chaos-'));
  const sandbox = await startSandbox({ port: 0 });
  const port = await freePort();
  // The proxy is the cloud's public address (its start links and Amazon's redirect use it), as behind nginx.
  const proxy = await startChaosProxy(`http://127.0.0.1:${port}`);
  const cloudArgs = ['--port', String(port), '--data-dir', path.join(tmp, 'cloud'), '--sandbox', sandbox.url];
  const cloud = await startCliCloud(cloudArgs, cloudEnv(proxy.url));
  const tenant = readDevTenantFile(path.join(tmp, 'cloud', 'dev-tenant.json'))!;
  const desktopDirs = Array.from({ length: options.desktops }, (_, i) => path.join(tmp, `desktop-${i}`));
  const desks: Desktop[] = [];
  for (const dir of desktopDirs) {
    fs.mkdirSync(dir);
    const d = await openDesktop(sandbox.url, dir);
    await d.call('saveCloudSettings', { url: proxy.url, clientId: tenant.clientId, clientSecret: tenant.clientSecret });
    desks.push(d);
  }
  return {
    sandbox,
    proxy,
    cloud,
    cloudArgs,
    client: new TestCloudHttp(cloud.url, tenant),
    desks,
    desktopDirs,
    tmp,
    cloudUrl: cloud.url,
    tenant,
  };
}

const cloudEnv = (publicUrl: string) => ({
  CLOUD_RATE_LIMIT_PER_MINUTE: '1000000',
  CLOUD_LWA_RETRY_BASE_MS: '20',
  CLOUD_PUBLIC_URL: publicUrl,
});

const openDesktop = (sandboxUrl: string, dir: string) =>
  startDesktop({
    sandboxUrl,
    dir,
    extra: { signIn: { waitSeconds: 2, backoff: { baseMs: 50, capMs: 500 }, graceMs: 120_000 } },
  });

async function stopRig(rig: Rig): Promise<void> {
  for (const d of rig.desks) await d.close().catch(() => undefined);
  await rig.proxy.close();
  await rig.cloud.stop();
  await rig.sandbox.close();
  fs.rmSync(rig.tmp, { recursive: true, force: true });
}

/** Amazon's redirect as the seller's browser follows it: reloaded while the cloud does not answer. */
async function followRedirect(url: string, deadline: number): Promise<void> {
  for (;;) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
      await res.text();
      return;
    } catch {
      if (Date.now() > deadline) return;
      await sleep(300);
    }
  }
}

interface FlowRecord {
  index: number;
  desk: number;
  platformId: string;
  expected: string;
  attempts: number;
  /** The code the last ANMELDEN was refused with when it could not start (shown to the merchant). */
  startError?: string;
}

/** One merchant: ANMELDEN, the seller consents, and again after a clear error (at most MAX_ATTEMPTS). */
async function runFlow(rig: Rig, index: number, options: ChaosOptions): Promise<FlowRecord> {
  const { seller, country } = SELLERS[index % SELLERS.length]!;
  const deskIndex = index % rig.desks.length;
  const desk = () => rig.desks[deskIndex]!;
  const deadlineMs = options.flowDeadlineMs ?? 120_000;
  let platformId = '';
  for (let tries = 0; !platformId; tries++) {
    try {
      platformId = (await desk().newPlatform(`Amazon Chaos ${index}`, country)).id;
    } catch (err) {
      // A desktop restarting: the profile may have been created before it went.
      const found = await desk()
        .call('listPlatforms')
        .then(
          (l) => l.find((p) => p.name === `Amazon Chaos ${index}`),
          () => undefined,
        );
      if (found) {
        platformId = found.id;
        if (!found.useCloud)
          await desk()
            .call('updatePlatform', { id: found.id, patch: { useCloud: true, countryCode: country } })
            .catch(() => undefined);
      } else if (tries > 20) throw err;
      else await sleep(200);
    }
  }
  const record: FlowRecord = { index, desk: deskIndex, platformId, expected: seller.sellingPartnerId, attempts: 0 };
  let consents = 0;
  const startBy = Date.now() + deadlineMs;
  while (consents < MAX_ATTEMPTS) {
    record.attempts++;
    let waiting: Platform;
    try {
      waiting = await desk().call('signIn', { id: platformId, mode: 'login' });
      delete record.startError;
    } catch (err) {
      // Unreachable cloud (killed, restarting), a desktop restarting: the app shows the code's sentence,
      // and the merchant clicks again a moment later — until they give up.
      record.startError = (err as { code?: string }).code ?? 'INTERNAL';
      if (Date.now() > startBy) break;
      await sleep(500);
      continue;
    }
    if (waiting.auth.status !== 'waiting' || waiting.auth.origin !== 'desktop') continue;
    consents++;
    const deadline = Date.now() + deadlineMs;
    // The link leads through the cloud's start link, which a fault may cut: the seller opens it again,
    // and when it no longer works, clicks ANMELDEN again.
    let callback: string | undefined;
    for (let tries = 0; !callback && tries < 3; tries++) {
      try {
        const browser = new SellerBrowser();
        callback = await consentRedirect(
          browser,
          await signInToConsent(browser, waiting.auth.consentUrl, seller, rig.sandbox.url),
        );
      } catch {
        await sleep(500);
      }
    }
    if (!callback) continue;
    await followRedirect(callback, deadline);
    const ended = await until(
      () => desk().platform(platformId),
      (p) => p.auth.status !== 'waiting',
      deadline,
    );
    if (!ended || ended.auth.status === 'authenticated' || ended.auth.status === 'waiting') break;
  }
  return record;
}

async function until(
  read: () => Promise<Platform>,
  done: (p: Platform) => boolean,
  deadline: number,
): Promise<Platform | undefined> {
  let last: Platform | undefined;
  while (Date.now() < deadline) {
    last = await read().catch(() => last);
    if (last && done(last)) return last;
    await sleep(200);
  }
  return last;
}

/** The faults, spread over the expected run time, each applied by the chaos loop. */
async function injectFaults(
  rig: Rig,
  options: ChaosOptions,
  running: () => boolean,
  counts: Record<string, number>,
  rnd: () => number,
): Promise<void> {
  const plan: string[] = [];
  for (const [kind, n] of Object.entries(options.faults))
    if (kind !== 'cloudKills') for (let i = 0; i < (n ?? 0); i++) plan.push(kind);
  for (let i = plan.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [plan[i], plan[j]] = [plan[j]!, plan[i]!];
  }
  // The kills evenly spread over the first three quarters, so a short run has them all.
  const others = plan.length;
  for (let k = options.faults.cloudKills; k >= 1; k--)
    plan.splice(Math.floor((k * others * 0.75) / (options.faults.cloudKills + 1)), 0, 'cloudKills');
  const gapMs = Math.max(300, ((options.flows / options.concurrency) * 1500) / Math.max(1, plan.length));
  for (const kind of plan) {
    if (!running()) return;
    await sleep(gapMs * (0.5 + rnd()));
    if (!running()) return;
    counts[kind] = (counts[kind] ?? 0) + 1;
    options.log?.(`fault: ${kind}`);
    switch (kind) {
      case 'cloudStops':
      case 'cloudKills':
        await rig.cloud.stop(kind === 'cloudKills' ? 'SIGKILL' : 'SIGTERM');
        await sleep(200 + rnd() * 800);
        rig.cloud = await startCliCloud(rig.cloudArgs, cloudEnv(rig.proxy.url));
        break;
      case 'lwa5xx':
        await activateScenario(rig.sandbox.url, {
          id: rnd() < 0.5 ? 'lwa_500' : 'lwa_503',
          count: 1 + Math.floor(rnd() * 5),
        });
        break;
      case 'lwaSlow':
        await activateScenario(rig.sandbox.url, {
          id: 'lwa_slow',
          ms: 1000 + Math.floor(rnd() * 2000),
          count: 1 + Math.floor(rnd() * 3),
        });
        break;
      case 'drops':
        rig.proxy.down = true;
        await sleep(300 + rnd() * 1200);
        rig.proxy.down = false;
        break;
      case 'lostCreates':
        rig.proxy.dropAnswers('POST', '/v1/platforms', 1);
        break;
      case 'desktopRestarts': {
        const k = Math.floor(rnd() * rig.desks.length);
        await rig.desks[k]!.close();
        rig.desks[k] = await openDesktop(rig.sandbox.url, rig.desktopDirs[k]!);
        break;
      }
    }
  }
}

/** Runs the flows with the faults and classifies every flow. */
export async function runChaos(options: ChaosOptions): Promise<ChaosResult> {
  const started = Date.now();
  const rig = await startRig(options);
  const counts: Record<string, number> = {};
  const rnd = random(options.seed ?? 23);
  try {
    let next = 0;
    let done = 0;
    const records: FlowRecord[] = [];
    const worker = async () => {
      while (next < options.flows) {
        const i = next++;
        records.push(await runFlow(rig, i, options));
        if (++done % 50 === 0) options.log?.(`${done} of ${options.flows} flows ended`);
      }
    };
    const chaos = injectFaults(rig, options, () => done < options.flows, counts, rnd);
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    await chaos;
    return {
      ...(await classify(rig, records)),
      faults: counts,
      durationMs: Date.now() - started,
      flows: options.flows,
    };
  } finally {
    await stopRig(rig);
  }
}

async function classify(
  rig: Rig,
  records: FlowRecord[],
): Promise<Omit<ChaosResult, 'faults' | 'durationMs' | 'flows'>> {
  const r = {
    authenticated: 0,
    clearError: 0,
    stuck: 0,
    lost: 0,
    mixedUp: 0,
    orphans: 0,
    errors: {} as Record<string, number>,
    attempts: 0,
    problems: [] as string[],
  };
  const client = new TestCloudHttp(rig.cloud.url, rig.tenant);
  const cloudPlatforms = (await client.raw('GET', '/v1/platforms')).body.platforms as Array<{
    id: string;
    name: string;
    status: string;
    sellingPartnerId?: string;
  }>;
  const byId = new Map(cloudPlatforms.map((c) => [c.id, c]));
  const known = new Set<string>();
  for (const rec of records) {
    r.attempts += rec.attempts;
    const p = await rig.desks[rec.desk]!.platform(rec.platformId);
    const c = p.cloudPlatformId ? byId.get(p.cloudPlatformId) : undefined;
    if (p.cloudPlatformId) known.add(p.cloudPlatformId);
    const problem = (kind: 'stuck' | 'lost' | 'mixedUp', why: string) => {
      r[kind]++;
      r.problems.push(`flow ${rec.index} ${kind}: ${why}`);
    };
    if (p.auth.status === 'authenticated') {
      if (p.auth.sellingPartnerId !== rec.expected || (c?.sellingPartnerId && c.sellingPartnerId !== rec.expected))
        problem(
          'mixedUp',
          `desktop ${p.auth.sellingPartnerId}, cloud ${c?.sellingPartnerId}, consented ${rec.expected}`,
        );
      else if (c?.status !== 'authenticated')
        problem('lost', `desktop authenticated, cloud ${c?.status ?? 'has no platform'}`);
      else r.authenticated++;
    } else if (
      (p.auth.status === 'failed' || p.auth.status === 'expired') &&
      p.auth.error &&
      p.auth.error.code in ERRORS_DE
    ) {
      if (c?.status === 'authenticated')
        problem('lost', `cloud authenticated, desktop ${p.auth.status} ${p.auth.error.code}`);
      else {
        r.clearError++;
        r.errors[p.auth.error.code] = (r.errors[p.auth.error.code] ?? 0) + 1;
      }
    } else if (p.auth.status === 'not_authenticated' && rec.startError && rec.startError in ERRORS_DE) {
      // Never started: the merchant was shown why (the cloud unreachable for the whole time they tried).
      if (c?.status === 'authenticated')
        problem('lost', `cloud authenticated, desktop never started (${rec.startError})`);
      else {
        r.clearError++;
        r.errors[rec.startError] = (r.errors[rec.startError] ?? 0) + 1;
      }
    } else
      problem(
        'stuck',
        `desktop ${JSON.stringify(p.auth).slice(0, 200)}${rec.startError ? `, last start ${rec.startError}` : ''}`,
      );
  }
  for (const c of cloudPlatforms) {
    if (!known.has(c.id)) {
      r.orphans++;
      r.problems.push(`orphan in the cloud: ${c.name} (${c.status})`);
    }
  }
  return r;
}

// The chaos run's rig (chaos.ts): the sandbox in this process, the cloud as a real process behind a
// fault-injecting proxy, desktop cores; and the faults, spread over the run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSandbox, type SandboxHandle } from '../../sandbox';
import { startDesktop, type Desktop } from '../../electron/core/testing/desktop';
import { readDevTenantFile } from '../tenants/dev-tenant';
import { activateScenario, TestCloudHttp, freePort } from './stack';
import { startChaosProxy, type ChaosProxy } from './chaos-proxy';
import { startCliCloud, type CliCloud } from './cli-process';
import type { ChaosOptions } from './chaos-types';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Rig {
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

export async function startRig(options: ChaosOptions): Promise<Rig> {
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

export async function stopRig(rig: Rig): Promise<void> {
  for (const d of rig.desks) await d.close().catch(() => undefined);
  await rig.proxy.close();
  await rig.cloud.stop();
  await rig.sandbox.close();
  fs.rmSync(rig.tmp, { recursive: true, force: true });
}

/** The faults, spread over the expected run time, each applied by the chaos loop. */
export async function injectFaults(
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

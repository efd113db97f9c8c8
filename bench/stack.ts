// The bench's stack: the real sandbox in this process and the real cloud in a child process (so its
// memory and CPU are its own), on loopback; the cloud's callback URL is registered with the sandbox.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSandbox, type SandboxHandle } from '../sandbox';
import { freePort } from '../cloud/testing/stack';
import { startChild, type CloudChild } from './child';

export interface BenchStack {
  sandbox: SandboxHandle;
  cloud: CloudChild;
  cloudUrl: string;
  creds: { clientId: string; clientSecret: string };
  close(): Promise<void>;
}

/**
 * The cloud runs file-backed in a temp data directory, as `npm run cloud` does, and is started twice:
 * the first start creates the database (PGlite's initdb), the measured one opens it like a restarted
 * production cloud.
 */
export async function startBenchStack(opts: {
  rateLimitPerMinute: number;
  logger?: boolean;
  nodeArgs?: string[];
  databaseUrl?: string;
}): Promise<BenchStack> {
  const port = await freePort();
  const sandbox = await startSandbox({
    port: 0,
    extraRedirectUris: [`http://127.0.0.1:${port}/oauth/amazon/callback`],
  });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'acc-bench-cloud-'));
  const config = {
    mode: 'cloud' as const,
    port,
    sandboxUrl: sandbox.url,
    dataDir,
    logger: opts.logger ?? false,
    rateLimitPerMinute: opts.rateLimitPerMinute,
    ...(opts.databaseUrl ? { databaseUrl: opts.databaseUrl } : {}),
  };
  await (await startChild(config)).stop();
  const cloud = await startChild(config, opts.nodeArgs ? { nodeArgs: opts.nodeArgs } : {});
  return {
    sandbox,
    cloud,
    cloudUrl: cloud.ready.url,
    creds: { clientId: cloud.ready.clientId!, clientSecret: cloud.ready.clientSecret! },
    async close() {
      await cloud.stop();
      await sandbox.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Wall-clock time in ms with sub-ms resolution; the same formula in Chromium gives the same clock. */
export const now = () => performance.timeOrigin + performance.now();

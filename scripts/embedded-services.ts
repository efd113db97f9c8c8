// The embedded default: the Amazon sandbox and the cloud relay started locally (PGlite data in the
// app's user data folder), the development tenant created once, and the environment that points
// either host at them. Used by `npm start` and by the end-to-end tests.
import net from 'node:net';
import path from 'node:path';
import { startSandbox, type SandboxHandle } from '../sandbox';
import { embeddedDefaultConfig, startCloud, type RunningCloud } from '../cloud';

export interface EmbeddedServices {
  sandbox: SandboxHandle;
  cloud: RunningCloud;
  /** What the hosts read (electron/app-core.ts). */
  env: { ACC_SANDBOX_ORIGIN: string; ACC_CLOUD_URL: string; ACC_DEV_TENANT_FILE: string };
  close(): Promise<void>;
}

/** The preferred port if it is free, else any free port (a second copy or another program may hold it). */
async function portOrFree(preferred: number): Promise<number> {
  if (preferred === 0) return 0;
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(0));
    probe.listen(preferred, '127.0.0.1', () => probe.close(() => resolve(preferred)));
  });
}

export async function startEmbeddedServices(opts: {
  dataDir: string;
  sandboxPort?: number;
  cloudPort?: number;
}): Promise<EmbeddedServices> {
  // The sandbox keeps tokens, authorizations and scenarios next to the cloud's data, so a restart does
  // not void the cloud's tokens (that would look like a merchant's problem).
  const sandbox = await startSandbox({
    port: await portOrFree(opts.sandboxPort ?? 4100),
    stateFile: path.join(opts.dataDir, 'embedded-sandbox', 'state.json'),
  });
  let cloud: RunningCloud;
  const cloudDir = path.join(opts.dataDir, 'embedded-cloud');
  try {
    cloud = await startCloud({
      port: await portOrFree(opts.cloudPort ?? 4200),
      dataDir: cloudDir,
      config: await embeddedDefaultConfig(cloudDir, sandbox.url),
    });
  } catch (error) {
    await sandbox.close();
    throw new Error(
      `the embedded cloud could not start (is another "npm start" running on ${cloudDir}?): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return {
    sandbox,
    cloud,
    env: {
      ACC_SANDBOX_ORIGIN: sandbox.url,
      ACC_CLOUD_URL: cloud.url,
      ACC_DEV_TENANT_FILE: path.join(cloudDir, 'dev-tenant.json'),
    },
    async close() {
      await cloud.close();
      await sandbox.close();
    },
  };
}

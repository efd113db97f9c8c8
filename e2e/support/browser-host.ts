// Starts the browser host in-process on a free port with a throw-away profile folder — optionally
// with the embedded sandbox and cloud, and with the "default browser" replaced by a list of URLs the
// test then opens in a second page.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from '@playwright/test';
import { runBrowserHost } from '../../electron/browser-host/main';
import { startEmbeddedServices, type EmbeddedServices } from '../../scripts/embedded-services';

interface TestHostOptions {
  userDataDir?: string;
  embedded?: boolean;
  /** A restart reuses the ports (the cloud URL is kept in the profile, as with `npm start`'s fixed ports). */
  ports?: { sandbox: number; cloud: number };
}

export async function startTestHost(userDataDirOrOpts: string | TestHostOptions = {}) {
  const opts = typeof userDataDirOrOpts === 'string' ? { userDataDir: userDataDirOrOpts } : userDataDirOrOpts;
  const userDataDir = opts.userDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'acc-e2e-'));
  let services: EmbeddedServices | undefined;
  if (opts.embedded)
    services = await startEmbeddedServices({
      dataDir: userDataDir,
      sandboxPort: opts.ports?.sandbox ?? 0,
      cloudPort: opts.ports?.cloud ?? 0,
    });
  const opened: string[] = [];
  const { host, core } = await runBrowserHost({
    userDataDir,
    openExternal: async (url) => void opened.push(url),
    ...(services
      ? { env: { ...process.env, ...services.env } }
      : { env: { ...process.env, ACC_SANDBOX_ORIGIN: '', ACC_CLOUD_URL: '' } }),
  });
  return {
    url: host.url,
    origin: host.origin,
    userDataDir,
    opened,
    services,
    close: async () => {
      await host.close();
      await core.dispose();
      await services?.close();
    },
  };
}

type TestHost = Awaited<ReturnType<typeof startTestHost>>;

/**
 * One browser host for all tests of a spec file, started in beforeAll and closed in afterAll. Call at the
 * top level; the returned object reads through to the running host.
 */
export function testHostPerFile(opts: TestHostOptions = {}): TestHost {
  let running: TestHost | undefined;
  test.beforeAll(async () => {
    running = await startTestHost(opts);
  });
  test.afterAll(async () => {
    await running?.close();
  });
  return new Proxy({} as TestHost, {
    get(_, key) {
      if (!running) throw new Error('the browser host starts in beforeAll');
      return running[key as keyof TestHost];
    },
  });
}

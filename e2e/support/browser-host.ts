// Starts the browser host in-process on a free port with a throw-away profile folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runBrowserHost } from '../../electron/browser-host/main';

export async function startTestHost(userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'acc-e2e-'))) {
  const opened: string[] = [];
  const { host, core } = await runBrowserHost({ userDataDir, openBrowser: false });
  return {
    url: host.url,
    origin: host.origin,
    userDataDir,
    opened,
    close: async () => {
      await host.close();
      await core.dispose();
    },
  };
}

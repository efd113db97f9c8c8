// The product itself: the Electron app driven by Playwright's _electron, through the same journey as
// the browser-host test. Skipped, with the reason, where the Electron binary is absent (it is
// downloaded from a release host, not the npm registry).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { ELECTRON_DOWNLOAD_HINT, findElectronBinary } from '../scripts/electron-binary';
import { startEmbeddedServices, type EmbeddedServices } from '../scripts/embedded-services';
import { runAmazonFlow } from './support/flow';

const binary = findElectronBinary();

test.describe('Electron app', () => {
  test.skip(!binary.found, `Electron binary absent: ${binary.found ? '' : binary.reason}. ${ELECTRON_DOWNLOAD_HINT}`);

  let services: EmbeddedServices;
  let app: ElectronApplication;
  let page: Page;

  test.beforeAll(async () => {
    const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'acc-electron-'));
    services = await startEmbeddedServices({ dataDir: userData, sandboxPort: 0, cloudPort: 0 });
    app = await electron.launch({
      executablePath: binary.found ? binary.path : undefined,
      args: ['.'],
      env: { ...process.env, ...services.env, ACC_USER_DATA_DIR: userData } as Record<string, string>,
    });
    // Play the default browser: shell.openExternal records the URL instead of opening one.
    await app.evaluate(({ shell }) => {
      const g = globalThis as unknown as { __opened: string[] };
      g.__opened = [];
      shell.openExternal = async (url: string) => void g.__opened.push(url);
    });
    page = await app.firstWindow();
  });

  test.afterAll(async () => {
    await app?.close();
    await services?.close();
  });

  test('the window is hardened: no Node in the page, only the named API', async () => {
    await expect(page.getByRole('heading', { name: 'E-COMMERCE – PLATTFORMEN' })).toBeVisible();
    const seen = await page.evaluate(() => {
      const g = globalThis as unknown as { require?: unknown; process?: unknown; api?: Record<string, unknown> };
      return { require: typeof g.require, process: typeof g.process, api: Object.keys(g.api ?? {}).sort() };
    });
    expect(seen.require).toBe('undefined');
    expect(seen.process).toBe('undefined');
    expect(seen.api).toContain('listPlatforms');
    expect(seen.api).not.toContain('invoke');
    // Navigation away from the app is refused.
    await page.evaluate(
      () => void ((globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/'),
    );
    await expect(page.getByRole('heading', { name: 'E-COMMERCE – PLATTFORMEN' })).toBeVisible();
  });

  test('the whole Amazon journey', async ({ browser }) => {
    test.setTimeout(180_000);
    let step = 0;
    await runAmazonFlow({
      page,
      browser,
      shot: (p, name) =>
        p.screenshot({ path: `e2e/artifacts/electron-${String(++step).padStart(2, '0')}-${name}.png` }),
      nextUrl: async (count) => {
        const opened = () => app.evaluate(() => (globalThis as unknown as { __opened: string[] }).__opened);
        await expect.poll(async () => (await opened()).length, { timeout: 15_000 }).toBeGreaterThan(count);
        return (await opened()).at(-1)!;
      },
    });
  });
});

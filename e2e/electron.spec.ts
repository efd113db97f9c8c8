// The product itself: the Electron app driven by Playwright's _electron. Skipped, with the reason,
// where the Electron binary is absent (it is downloaded from a release host, not the npm registry).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { ELECTRON_DOWNLOAD_HINT, findElectronBinary } from '../scripts/electron-binary';

const binary = findElectronBinary();

test.describe('Electron app', () => {
  test.skip(!binary.found, `Electron binary absent: ${binary.found ? '' : binary.reason}. ${ELECTRON_DOWNLOAD_HINT}`);

  test('opens the hardened window on the platform list and creates a platform', async () => {
    const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'acc-electron-'));
    const app = await electron.launch({
      executablePath: binary.found ? binary.path : undefined,
      args: ['.', '--no-sandbox'],
      env: { ...process.env, ACC_USER_DATA_DIR: userData } as Record<string, string>,
    });
    try {
      const page = await app.firstWindow();
      await expect(page.getByRole('heading', { name: 'E-COMMERCE – PLATTFORMEN' })).toBeVisible();
      // contextIsolation + nodeIntegration off: no Node in the page; only the named API exists.
      const page_ = await page.evaluate(() => {
        const g = globalThis as unknown as { require?: unknown; process?: unknown; api?: Record<string, unknown> };
        return { require: typeof g.require, process: typeof g.process, api: Object.keys(g.api ?? {}).sort() };
      });
      expect(page_.require).toBe('undefined');
      expect(page_.process).toBe('undefined');
      expect(page_.api).toContain('listPlatforms');
      expect(page_.api).not.toContain('invoke');
      await page.getByRole('button', { name: 'Neu' }).click();
      await page.getByLabel('Bezeichnung').fill('Amazon Electron');
      await page.getByRole('button', { name: 'Anlegen' }).click();
      await expect(page.getByRole('row', { name: /Amazon Electron/ })).toBeVisible();
      await page.screenshot({ path: 'e2e/artifacts/electron-list.png' });
    } finally {
      await app.close();
    }
  });
});

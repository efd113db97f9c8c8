// The UI's language end to end in the browser host: German first; English chosen in the title bar
// changes the screen, survives a reload (the renderer remembers it) and reaches the core, which keeps it
// in the profile store for its desktop notifications after a restart (electron/core/ui-language.ts).
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startTestHost } from './support/browser-host';
import { openEmptyList } from './support/support-steps';

const storedLanguage = (dir: string) => {
  const file = path.join(dir, 'config.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { uiLanguage?: string }).uiLanguage : undefined;
};

test('switching to English changes the screen, survives a reload and reaches the core', async ({ page }) => {
  const host = await startTestHost();
  try {
    await openEmptyList(page, host.url);
    // German is the default: nothing to store yet.
    expect(storedLanguage(host.userDataDir)).toBeUndefined();

    await page.locator('.titlebar select').selectOption('en');
    await expect(page.getByRole('heading', { name: 'E-COMMERCE – PLATFORMS' })).toBeVisible();
    await expect(page.getByText('No platform yet')).toBeVisible();
    await expect(page.getByRole('button', { name: 'New' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect.poll(() => storedLanguage(host.userDataDir)).toBe('en');

    await page.reload();
    await expect(page.getByRole('heading', { name: 'E-COMMERCE – PLATFORMS' })).toBeVisible();
    await expect(page.locator('.titlebar select')).toHaveValue('en');

    await page.locator('.titlebar select').selectOption('de');
    await expect(page.getByText('Noch keine Plattform angelegt')).toBeVisible();
    await expect.poll(() => storedLanguage(host.userDataDir)).toBe('de');
  } finally {
    await host.close();
  }
});

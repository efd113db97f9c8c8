// The UI's language end to end in the browser host: German first; English chosen in the title bar
// changes the screen and reaches the core, which keeps it in the profile store
// (electron/core/ui-language.ts): for its desktop notifications, and for the page, which starts in it
// after a reload and after a restart on another port (another origin, whose storage would be empty).
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startTestHost } from './support/browser-host';
import { openEmptyList } from './support/support-steps';

const storedLanguage = (dir: string) => {
  const file = path.join(dir, 'config.json');
  return fs.existsSync(file)
    ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { uiLanguage?: string }).uiLanguage
    : undefined;
};

test('switching to English changes the screen, reaches the core, and the page starts in it after a reload and a restart', async ({
  page,
}) => {
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
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  } finally {
    await host.close();
  }

  const restarted = await startTestHost(host.userDataDir);
  try {
    expect(restarted.origin).not.toBe(host.origin);
    await page.goto(restarted.url);
    await expect(page.getByRole('heading', { name: 'E-COMMERCE – PLATFORMS' })).toBeVisible();
    await expect(page.getByText('No platform yet')).toBeVisible();
    await expect(page.locator('.titlebar select')).toHaveValue('en');
    // The choice the core keeps stands.
    expect(storedLanguage(restarted.userDataDir)).toBe('en');

    await page.locator('.titlebar select').selectOption('de');
    await expect(page.getByText('Noch keine Plattform angelegt')).toBeVisible();
    await expect.poll(() => storedLanguage(restarted.userDataDir)).toBe('de');
  } finally {
    await restarted.close();
  }
});

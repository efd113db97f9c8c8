// The whole pipe in the browser host: renderer → window.api (WebSocket) → core → conf store →
// event → renderer; the profile survives a reload and a restart of the host.
import { test, expect } from '@playwright/test';
import { startTestHost } from './support/browser-host';
import { openEmptyList } from './support/support-steps';

test('creates an Amazon platform through the UI and finds it after a reload and a restart', async ({ page }) => {
  let host = await startTestHost();
  try {
    await openEmptyList(page, host.url);
    await page.screenshot({ path: 'e2e/artifacts/01-empty-list.png' });

    await page.getByRole('button', { name: 'Neu' }).click();
    await expect(page.getByRole('dialog', { name: 'Neue Plattform' })).toBeVisible();
    await page.getByLabel('Bezeichnung').fill('Amazon 123456');
    await page.getByRole('button', { name: 'Anlegen' }).click();
    // The new platform opens at once (issue 24); back in the list it is there.
    await expect(page.getByRole('heading', { level: 2 })).toContainText('Amazon 123456');
    await page.getByRole('button', { name: 'Zurück zur Liste' }).click();
    const row = page.getByRole('row', { name: /Amazon 123456/ });
    await expect(row).toBeVisible();
    await expect(row.getByRole('cell').nth(1)).toHaveText('Amazon');

    // A second one with the same name is refused with a German explanation.
    await page.getByRole('button', { name: 'Neu' }).click();
    await page.getByLabel('Bezeichnung').fill('amazon 123456');
    await page.getByRole('button', { name: 'Anlegen' }).click();
    await expect(page.getByRole('alert')).toContainText('wird lokal bereits für eine andere Plattform verwendet');
    await expect(page.getByRole('button', { name: '„amazon 123456 (2)“ übernehmen' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await page.screenshot({ path: 'e2e/artifacts/02-list-with-platform.png' });

    // The per-launch token leaves the address bar once the page is idle; a reload finds it in
    // sessionStorage (renderer/src/boot.ts).
    await expect.poll(() => page.url()).not.toContain('token=');
    await page.reload();
    await expect(page.getByRole('row', { name: /Amazon 123456/ })).toBeVisible();

    // Restart the host on the same profile folder: the profile is read back from disk.
    const dir = host.userDataDir;
    await host.close();
    host = await startTestHost(dir);
    await page.goto(host.url);
    await expect(page.getByRole('row', { name: /Amazon 123456/ })).toBeVisible();
  } finally {
    await host.close();
  }
});

test('refuses a WebSocket without the per-launch token', async ({ page }) => {
  const host = await startTestHost();
  try {
    await page.goto(host.origin + '/');
    // Without the fragment token the page cannot talk to the core: the list never loads.
    const status = await page.evaluate(async (origin) => {
      return new Promise<string>((resolve) => {
        const ws = new WebSocket(origin.replace('http', 'ws') + '/api?token=wrong');
        ws.onopen = () => resolve('open');
        ws.onerror = () => resolve('refused');
      });
    }, host.origin);
    expect(status).toBe('refused');
  } finally {
    await host.close();
  }
});

// Support in Chromium (browser host, embedded sandbox and cloud): the sandbox keeps its state across a
// restart of the app (a sign-in made before still works) and says so when it was reset on purpose;
// a merchant's exported Protokoll carries no secret and, imported, reproduces the same error.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startTestHost } from './support/browser-host';

type Host = Awaited<ReturnType<typeof startTestHost>>;
import { anmelden, newPlatformOnCredentials, sellerSide } from './support/support-steps';

test('restart: an earlier sandbox sign-in still works; a deliberate reset says so', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'acc-e2e-restart-'));
  let host = await startTestHost({ userDataDir, embedded: true });
  const ports = {
    sandbox: Number(new URL(host.services!.sandbox.url).port),
    cloud: Number(new URL(host.services!.cloud.url).port),
  };
  try {
    await newPlatformOnCredentials(page, 'Amazon Neustart', { open: host.url });
    const seller = await sellerSide(browser, await anmelden(page, host), { confirm: true });
    await expect(seller.locator('body')).toContainText('"spapi_oauth_code"');
    await seller.context().close();
    await expect(page.getByTestId('auth-status')).toHaveText(/Authentifiziert seit/);

    // `npm start` again: a new sandbox process, the same data folder.
    await host.close();
    host = await startTestHost({ userDataDir, embedded: true, ports });
    await page.goto(host.url);
    await page.getByRole('row', { name: /Amazon Neustart/ }).dblclick();
    await page.getByRole('tab', { name: 'ZUGANGSDATEN' }).click();
    await page.getByRole('button', { name: 'Einstellungen importieren' }).click();
    await expect(page.getByRole('table', { name: 'Marktplätze' }).getByRole('row')).toHaveCount(9);
    await expect(page.getByTestId('sandbox-reset-notice')).toHaveCount(0);

    // A deliberate reset of the sandbox voids that sign-in, and the app says so.
    expect((await fetch(`${host.services!.sandbox.url}/sandbox/api/reset`, { method: 'POST' })).ok).toBe(true);
    await expect(page.getByTestId('sandbox-reset-notice')).toContainText('zurückgesetzt');
    await page.screenshot({ path: 'e2e/artifacts/sandbox-reset-notice.png' });
  } finally {
    await host.close();
  }
});

test.describe('export → import → the same error', () => {
  let host: Host;
  test.beforeAll(async () => {
    host = await startTestHost({ embedded: true });
  });
  test.afterAll(async () => {
    await host?.close();
  });

  /** Protokoll tab → export; returns the downloaded file's text. */
  async function exportProtokoll(page: Page): Promise<string> {
    await page.getByRole('tab', { name: 'Protokoll' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Protokoll exportieren' }).click();
    const file = await (await download).path();
    return fs.readFileSync(file!, 'utf8');
  }

  async function importProtokoll(page: Page, text: string) {
    await page.getByRole('button', { name: 'Zurück zur Liste' }).click();
    await page
      .getByTestId('replay-file')
      .setInputFiles({ name: 'protokoll.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(page.getByRole('tab', { name: 'ZUGANGSDATEN', selected: true })).toBeVisible();
    await expect(page.getByTestId('sandbox-armed')).toBeVisible();
  }

  test('a secondary user (Seller Central refuses): reported by the merchant, replayed, reported again', async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    await newPlatformOnCredentials(page, 'Amazon Mitarbeiter', { open: host.url });
    const url = await anmelden(page, host);
    const seller = await sellerSide(browser, url, { email: 'mitarbeiter@example.com' });
    await expect(seller.locator('[data-error="not_primary"]')).toBeVisible();
    await seller.context().close();
    await page.getByRole('button', { name: 'Seller Central zeigt einen Fehler?' }).click();
    await page.locator('button.sc-error-choice[data-key="not_primary"]').click();
    await expect(page.getByTestId('auth-line-hint')).toContainText('Nur der Hauptnutzer');
    const original = await page.getByTestId('auth-line-hint').textContent();

    const text = await exportProtokoll(page);
    const state = new URL(url).searchParams.get('state')!;
    expect(text).not.toContain(state);
    expect(text).not.toMatch(/Atz[ar]\||amzn\.mws\.|spapi_oauth_code=|Sandbox-Secondary-2024!/);
    expect(JSON.parse(text).header).toMatchObject({
      amazon: 'sandbox',
      platform: { name: 'Amazon Mitarbeiter', countryCode: 'DE' },
    });

    await importProtokoll(page, text);
    await expect(page.getByTestId('sandbox-replay')).toContainText('SELLER_CENTRAL_NOT_PRIMARY');
    const replaySeller = await sellerSide(browser, await anmelden(page, host));
    // The account was filled in for support: the same kind of account sees the same page.
    await expect(replaySeller.locator('[data-error="not_primary"]')).toBeVisible();
    await replaySeller.context().close();
    await page.getByRole('button', { name: 'Seller Central zeigt einen Fehler?' }).click();
    await page.locator('button.sc-error-choice[data-key="not_primary"]').click();
    await expect(page.getByTestId('auth-line-hint')).toHaveText(original!);
  });

  test('a code expired at the exchange (LWA): replayed by the armed scenario alone', async ({ page, browser }) => {
    test.setTimeout(120_000);
    await fetch(`${host.services!.sandbox.url}/sandbox/api/scenarios`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'code_expired', account: 'eu.haendler@example.com', count: 1 }),
    });
    await newPlatformOnCredentials(page, 'Amazon Abgelaufen', { open: host.url });
    (await sellerSide(browser, await anmelden(page, host), { confirm: true }))
      .context()
      .close()
      .catch(() => undefined);
    const why = page.getByTestId('auth-line-why');
    await expect(why).toContainText('Das liegt nicht an Ihnen');
    const original = await why.textContent();

    await importProtokoll(page, await exportProtokoll(page));
    const seller = await sellerSide(browser, await anmelden(page, host), { confirm: true });
    await expect(page.getByTestId('auth-line-why')).toHaveText(original!);
    await seller.context().close();
    await page.screenshot({ path: 'e2e/artifacts/replay-code-expired.png' });
  });
});

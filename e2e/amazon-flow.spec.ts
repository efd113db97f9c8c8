// The product end to end in the browser host, against the embedded sandbox and cloud, with the
// secrets in the private gnome-keyring session of `npm test`. A second page plays the default
// browser: it receives the URL the core opened. One screenshot per step (e2e/artifacts/flow-*.png).
import { expect, test, type Page } from '@playwright/test';
import { seedAccount } from '../sandbox/seed';
import { totp } from '../sandbox/totp';
import { CloudClient } from '../cloud/testing/stack';
import { startTestHost } from './support/browser-host';

const EU = seedAccount('eu.haendler@example.com')!;
let host: Awaited<ReturnType<typeof startTestHost>>;
let step = 0;
const shot = (page: Page, name: string) => page.screenshot({ path: `e2e/artifacts/flow-${String(++step).padStart(2, '0')}-${name}.png` });

test.beforeAll(async () => {
  host = await startTestHost({ embedded: true });
});
test.afterAll(async () => {
  await host?.close();
});

/** Waits for the next URL the core hands to the "default browser". */
async function nextOpenedUrl(count: number): Promise<string> {
  await expect.poll(() => host.opened.length, { timeout: 15_000 }).toBeGreaterThan(count);
  return host.opened.at(-1)!;
}

test('Amazon platform: ANMELDEN through Seller Central, Authentifiziert, import, AKTUALISIEREN, delete', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'E-COMMERCE – PLATTFORMEN' })).toBeVisible();
  await expect(page.getByText('Sandbox', { exact: true })).toBeVisible();

  // New profile of type Amazon.
  await page.getByRole('button', { name: 'Neu' }).click();
  await page.getByLabel('Bezeichnung').fill('Amazon 123456');
  await page.getByRole('button', { name: 'Anlegen' }).click();
  await expect(page.getByRole('row', { name: /Amazon 123456/ })).toBeVisible();
  await shot(page, 'list');

  // Flags: Aktiv, Cloud verwenden → the ZUGANGSDATEN tab appears.
  await page.getByRole('row', { name: /Amazon 123456/ }).dblclick();
  await expect(page.getByRole('tab', { name: 'Allgemein' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'ZUGANGSDATEN' })).toHaveCount(0);
  await expect(page.getByLabel('Aktiv')).toBeChecked();
  await page.getByLabel('Cloud verwenden').check();
  await expect(page.getByRole('tab', { name: 'ZUGANGSDATEN' })).toBeVisible();
  await shot(page, 'general');

  // Region DE, status Nicht authentifiziert.
  await page.getByRole('tab', { name: 'ZUGANGSDATEN' }).click();
  await page.getByLabel('Region').selectOption('DE');
  await expect(page.getByTestId('auth-status')).toHaveText(/Nicht authentifiziert/);
  await shot(page, 'credentials');

  // ANMELDEN: the core registers the platform, starts the authorization and opens the browser.
  await page.getByRole('button', { name: 'ANMELDEN' }).click();
  const consentUrl = await nextOpenedUrl(0);
  await expect(page.getByTestId('auth-status')).toHaveText(/Anmeldung läuft/);
  await expect(page.getByTestId('auth-countdown')).toBeVisible();
  await expect(page.getByLabel('Anmeldelink')).toHaveValue(consentUrl);
  await shot(page, 'waiting');

  // The default browser: Seller Central sign-in, one-time code from the authenticator, consent.
  const sellerBrowser = await browser.newContext({ locale: 'de-DE' });
  const seller = await sellerBrowser.newPage();
  await seller.goto(consentUrl);
  await expect(seller.locator('[data-page="signin"]')).toBeVisible();
  await seller.fill('#ap_email', EU.email);
  await seller.fill('#ap_password', EU.password);
  await shot(seller, 'seller-signin');
  await seller.click('#signInSubmit');
  await expect(seller.locator('[data-page="mfa"]')).toBeVisible();
  await seller.fill('#auth-mfa-otpcode', totp(EU.totpSecret!, Date.now()));
  await shot(seller, 'seller-otp');
  await seller.click('#auth-signin-button');
  await expect(seller.locator('[data-page="consent"]')).toBeVisible();
  await shot(seller, 'seller-consent');
  await seller.getByRole('button', { name: 'Bestätigen' }).click();

  // Amazon redirected to the cloud, which shows the raw JSON the ERP shows; the user closes it.
  await expect(seller.locator('body')).toContainText('"spapi_oauth_code"');
  const json = JSON.parse((await seller.locator('body').innerText()).trim());
  expect(json.result.result).toMatchObject({ spapi_oauth_code: expect.any(String), state: expect.any(String), mws_auth_token: expect.stringMatching(/^amzn\.mws\./) });
  await shot(seller, 'cloud-json');
  await seller.close();

  // Meanwhile the app learned of it from the cloud.
  await expect(page.getByTestId('auth-status')).toHaveText(/Authentifiziert seit .*Händler-ID A2EUMUSTER7H1K/);
  await shot(page, 'authenticated');

  // Settings import: the seller's marketplaces.
  await page.getByRole('button', { name: 'Einstellungen importieren' }).click();
  const table = page.getByRole('table', { name: 'Marktplätze' });
  await expect(table.getByRole('row')).toHaveCount(9);
  await expect(table).toContainText('Amazon.de');
  await page.getByRole('checkbox', { name: 'Amazon.de verwenden' }).uncheck();
  await expect(page.getByRole('checkbox', { name: 'Amazon.de verwenden' })).not.toBeChecked();
  await shot(page, 'import');

  // AKTUALISIEREN: consent again; the signed-in browser goes straight to the consent page.
  await page.getByRole('button', { name: 'AKTUALISIEREN' }).click();
  const refreshUrl = await nextOpenedUrl(1);
  const again = await sellerBrowser.newPage();
  await again.goto(refreshUrl);
  await expect(again.locator('[data-page="consent"]')).toBeVisible();
  await again.getByRole('button', { name: 'Bestätigen' }).click();
  await expect(again.locator('body')).toContainText('"spapi_oauth_code"');
  await again.close();
  await sellerBrowser.close();
  await expect(page.getByTestId('auth-status')).toHaveText(/Authentifiziert seit/);
  await shot(page, 'refreshed');

  // Delete: a warning that it goes in the cloud too; then it is gone there as well.
  await page.getByRole('button', { name: 'Zurück zur Liste' }).click();
  await page.getByRole('row', { name: /Amazon 123456/ }).click();
  await page.getByRole('button', { name: 'Löschen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Plattform löschen' });
  await expect(dialog).toContainText(/Cloud/);
  await shot(page, 'delete-warning');
  await dialog.getByRole('button', { name: 'Löschen' }).click();
  await expect(page.getByRole('row', { name: /Amazon 123456/ })).toHaveCount(0);
  await shot(page, 'deleted');

  const tenant = JSON.parse((await import('node:fs')).readFileSync(host.services!.env.ACC_DEV_TENANT_FILE, 'utf8')) as { clientId: string; clientSecret: string };
  const cloud = new CloudClient(host.services!.cloud.url, tenant);
  expect((await cloud.raw('GET', '/v1/platforms')).body.platforms).toEqual([]);
});

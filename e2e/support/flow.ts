// The user's whole journey, shared by the browser-host and the Electron end-to-end tests: new Amazon
// profile, flags, region DE, ANMELDEN, Seller Central sign-in with the TOTP computed from the seeded
// secret, consent, the cloud's JSON page, "Authentifiziert", settings import, AKTUALISIEREN, delete.
import { expect, type Browser, type Page } from '@playwright/test';
import { seedAccount } from '../../sandbox/seed';
import { totp } from '../../sandbox/totp';

const EU = seedAccount('eu.haendler@example.com')!;

interface FlowOptions {
  page: Page;
  browser: Browser;
  /** Resolves with the URL the core handed to the default browser, once more than `count` were opened. */
  nextUrl(count: number): Promise<string>;
  shot(page: Page, name: string): Promise<unknown>;
}

export async function runAmazonFlow(o: FlowOptions): Promise<void> {
  const { page, browser } = o;
  await expect(page.getByRole('heading', { name: 'E-COMMERCE – PLATTFORMEN' })).toBeVisible();
  await expect(page.getByText('Sandbox', { exact: true })).toBeVisible();

  // New profile of type Amazon.
  await page.getByRole('button', { name: 'Neu' }).click();
  await page.getByLabel('Bezeichnung').fill('Amazon 123456');
  await page.getByRole('button', { name: 'Anlegen' }).click();
  // ANLEGEN opens the new platform on "Allgemein"; back in the list it is there too.
  await expect(page.getByRole('tab', { name: 'Allgemein' })).toBeFocused();
  await page.getByRole('button', { name: 'Zurück zur Liste' }).click();
  await expect(page.getByRole('row', { name: /Amazon 123456/ })).toBeVisible();
  await o.shot(page, 'list');

  // Flags: Aktiv, Cloud verwenden → the ZUGANGSDATEN tab appears and is shown.
  await page.getByRole('row', { name: /Amazon 123456/ }).dblclick();
  await expect(page.getByRole('tab', { name: 'Allgemein' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'ZUGANGSDATEN' })).toHaveCount(0);
  await expect(page.getByLabel('Aktiv')).toBeChecked();
  await o.shot(page, 'general');
  await page.getByLabel('Cloud verwenden').click();
  await expect(page.getByRole('tab', { name: 'ZUGANGSDATEN' })).toBeFocused();

  // Region DE, status Nicht authentifiziert.
  await page.getByRole('tab', { name: 'ZUGANGSDATEN' }).click();
  await page.getByLabel('Region').selectOption('DE');
  await expect(page.getByTestId('auth-status')).toHaveText(/Nicht authentifiziert/);
  await o.shot(page, 'credentials');

  // ANMELDEN: the core registers the platform, starts the authorization and opens the browser.
  await page.getByRole('button', { name: 'ANMELDEN' }).click();
  const consentUrl = await o.nextUrl(0);
  await expect(page.getByTestId('auth-status')).toHaveText(/Anmeldung läuft/);
  await expect(page.getByTestId('auth-countdown')).toBeVisible();
  await expect(page.getByLabel('Anmeldelink')).toHaveValue(consentUrl);
  await o.shot(page, 'waiting');

  // The default browser: Seller Central sign-in, one-time code from the authenticator, consent.
  const sellerBrowser = await browser.newContext({ locale: 'de-DE' });
  const seller = await sellerBrowser.newPage();
  await seller.goto(consentUrl);
  await expect(seller.locator('[data-page="signin"]')).toBeVisible();
  await seller.fill('#ap_email', EU.email);
  await seller.fill('#ap_password', EU.password);
  await o.shot(seller, 'seller-signin');
  await seller.click('#signInSubmit');
  await expect(seller.locator('[data-page="mfa"]')).toBeVisible();
  await seller.fill('#auth-mfa-otpcode', totp(EU.totpSecret!, Date.now()));
  await o.shot(seller, 'seller-otp');
  await seller.click('#auth-signin-button');
  await expect(seller.locator('[data-page="consent"]')).toBeVisible();
  await o.shot(seller, 'seller-consent');
  await seller.getByRole('button', { name: 'Bestätigen' }).click();

  // Amazon redirected to the cloud, which shows the raw JSON the ERP shows; the user closes it.
  await expect(seller.locator('body')).toContainText('"spapi_oauth_code"');
  const json = JSON.parse((await seller.locator('body').innerText()).trim());
  expect(json.result.result).toMatchObject({
    spapi_oauth_code: expect.any(String),
    state: expect.any(String),
    mws_auth_token: expect.stringMatching(/^amzn\.mws\./),
  });
  await o.shot(seller, 'cloud-json');
  await seller.close();

  // Meanwhile the app learned of it from the cloud.
  await expect(page.getByTestId('auth-status')).toHaveText(/Authentifiziert seit .*Händler-ID A2EUMUSTER7H1K/);
  await o.shot(page, 'authenticated');

  // Settings import: the seller's marketplaces.
  await page.getByRole('button', { name: 'Einstellungen importieren' }).click();
  const table = page.getByRole('table', { name: 'Marktplätze' });
  await expect(table.getByRole('row')).toHaveCount(9);
  await expect(table).toContainText('Amazon.de');
  await page.getByRole('checkbox', { name: 'Amazon.de verwenden' }).uncheck();
  await expect(page.getByRole('checkbox', { name: 'Amazon.de verwenden' })).not.toBeChecked();
  await o.shot(page, 'import');

  // AKTUALISIEREN: consent again; the signed-in browser goes straight to the consent page.
  await page.getByRole('button', { name: 'AKTUALISIEREN' }).click();
  const refreshUrl = await o.nextUrl(1);
  const again = await sellerBrowser.newPage();
  await again.goto(refreshUrl);
  await expect(again.locator('[data-page="consent"]')).toBeVisible();
  await again.getByRole('button', { name: 'Bestätigen' }).click();
  await expect(again.locator('body')).toContainText('"spapi_oauth_code"');
  await again.close();
  await sellerBrowser.close();
  await expect(page.getByTestId('auth-status')).toHaveText(/Authentifiziert seit/);
  await o.shot(page, 'refreshed');

  // Delete: a warning that it goes in the cloud too; then it is gone there as well.
  await page.getByRole('button', { name: 'Zurück zur Liste' }).click();
  await page.getByRole('row', { name: /Amazon 123456/ }).click();
  await page.getByRole('button', { name: 'Löschen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Plattform löschen' });
  await expect(dialog).toContainText(/Cloud/);
  await o.shot(page, 'delete-warning');
  await dialog.getByRole('button', { name: 'Löschen' }).click();
  await expect(page.getByRole('row', { name: /Amazon 123456/ })).toHaveCount(0);
  await o.shot(page, 'deleted');
}

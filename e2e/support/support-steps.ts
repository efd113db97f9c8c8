// Steps shared by the end-to-end tests: the empty list opened, a cloud-enabled platform opened on
// ZUGANGSDATEN, and the seller's side in a second page (sign-in — prefilled when support armed an
// account — one-time code, consent) up to the page Amazon ends on.
import { expect, type Browser, type Page } from '@playwright/test';
import { confirmConsent, SellerBrowser, signInToConsent } from '../../cloud/testing/seller-browser';
import { seedAccount, type SeedAccount } from '../../sandbox/seed';
import { totp } from '../../sandbox/totp';

/** Opens the app and waits for the empty list, in German (the default). */
export async function openEmptyList(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'E-COMMERCE – PLATTFORMEN' })).toBeVisible();
  await expect(page.getByText('Noch keine Plattform angelegt')).toBeVisible();
}

/** Neu → the platform opened on ZUGANGSDATEN with "Cloud verwenden" and the region; `open`: the app's URL to load first. */
export async function newPlatformOnCredentials(
  page: Page,
  name: string,
  { country = 'DE', open }: { country?: string; open?: string } = {},
): Promise<void> {
  if (open) await page.goto(open);
  await page.getByRole('button', { name: 'Neu' }).click();
  await page.getByLabel('Bezeichnung').fill(name);
  // ANLEGEN opens the new platform; ticking "Cloud verwenden" leads on to ZUGANGSDATEN (issue 24).
  await page.getByRole('button', { name: 'Anlegen' }).click();
  await expect(page.getByRole('heading', { level: 2 })).toContainText(name);
  await page.getByLabel('Cloud verwenden').click();
  await expect(page.getByRole('tab', { name: 'ZUGANGSDATEN' })).toHaveAttribute('aria-selected', 'true');
  await page.getByLabel('Region', { exact: true }).selectOption(country);
}

/**
 * ANMELDEN on the open platform; resolves with the consent URL the app opened in the "default browser"
 * (the test host's list). `waiting`: also see the status turn to "Anmeldung läuft".
 */
export async function anmelden(
  page: Page,
  host: { opened: string[] },
  opts: { waiting?: boolean } = {},
): Promise<string> {
  const before = host.opened.length;
  await page.getByRole('button', { name: 'ANMELDEN' }).click();
  await expect.poll(() => host.opened.length).toBeGreaterThan(before);
  if (opts.waiting) await expect(page.getByTestId('auth-status')).toHaveText(/Anmeldung läuft/);
  return host.opened.at(-1)!;
}

/** The seller's consent in the HTTP test browser (cloud/testing/seller-browser.ts): the page Amazon's redirect ends on. */
export async function consentInHttpBrowser(
  host: { services?: { sandbox: { url: string } } },
  url: string,
  account: SeedAccount = seedAccount('eu.haendler@example.com')!,
) {
  const browser = new SellerBrowser();
  return confirmConsent(browser, await signInToConsent(browser, url, account, host.services!.sandbox.url));
}

/** ANMELDEN and the seller's consent in the HTTP test browser; waits for Authentifiziert. */
export async function signInOnCredentials(
  page: Page,
  host: { opened: string[]; services?: { sandbox: { url: string } } },
): Promise<void> {
  await consentInHttpBrowser(host, await anmelden(page, host));
  await expect(page.getByTestId('auth-status')).toHaveText(/Authentifiziert seit/);
}

/** The seller's browser from the consent URL to the page Amazon shows after the one-time code (and, with `confirm`, after "Bestätigen"). */
export async function sellerSide(
  browser: Browser,
  url: string,
  opts: { email?: string; confirm?: boolean } = {},
): Promise<Page> {
  const seller = await (await browser.newContext({ locale: 'de-DE' })).newPage();
  await seller.goto(url);
  await expect(seller.locator('[data-page="signin"]')).toBeVisible();
  // An armed account is already filled in; otherwise the EU seller.
  let email = await seller.inputValue('#ap_email');
  if (!email) {
    email = opts.email ?? 'eu.haendler@example.com';
    await seller.fill('#ap_email', email);
    await seller.fill('#ap_password', seedAccount(email)!.password);
  }
  await seller.click('#signInSubmit');
  await expect(seller.locator('[data-page="mfa"]')).toBeVisible();
  await seller.fill('#auth-mfa-otpcode', totp(seedAccount(email)!.totpSecret!, Date.now()));
  await seller.click('#auth-signin-button');
  if (opts.confirm) await seller.getByRole('button', { name: 'Bestätigen' }).click();
  return seller;
}

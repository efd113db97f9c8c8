// Chromium walks the sign-ins that start on Amazon's side: the sandbox's Manage Your Apps → Re-Authorize →
// Seller Central's consent → the cloud's Login URI → back to Seller Central → the cloud's callback. Once with a seller the
// cloud can identify by its id, once with a seller in two tenants, where the cloud's page asks for the
// pairing code (a real browser also enforces the page's Content-Security-Policy on the form and its redirect).
import { expect, test, type Page } from '@playwright/test';
import { CloudClient, startStack, type Stack } from '../cloud/testing/stack';
import { confirmConsent, SellerBrowser, signInToConsent } from '../cloud/testing/seller-browser';
import { productionApp, seedAccount } from '../sandbox/seed';
import { totp } from '../sandbox/totp';

const EU = seedAccount('eu.haendler@example.com')!;
const APP = productionApp();
const HOST = 'sellercentral-europe.amazon.com';
let stack: Stack;

test.beforeAll(async () => {
  stack = await startStack();
});
test.afterAll(async () => {
  await stack?.close();
});

/** A tenant with a platform the EU seller authorized the ordinary way. */
async function connectedTenant(name: string): Promise<{ client: CloudClient; platformId: string }> {
  const client = new CloudClient(stack.cloud.url, await stack.cloud.createTenant(name));
  const platform = await client.createPlatform(`Amazon ${name}`);
  const auth = await client.startAuthorization(platform.body.id);
  const browser = new SellerBrowser();
  const callback = await confirmConsent(browser, await signInToConsent(browser, auth.body.consentUrl, EU, stack.sandbox.url));
  expect(callback.status).toBe(200);
  return { client, platformId: platform.body.id };
}

async function manageYourApps(page: Page): Promise<void> {
  await page.goto(`${stack.sandbox.url}/sc/${HOST}/apps/manage?language=de_DE`);
  if (await page.locator('[data-page="signin"]').isVisible()) {
    await page.fill('#ap_email', EU.email);
    await page.fill('#ap_password', EU.password);
    await page.click('#signInSubmit');
    await page.fill('#auth-mfa-otpcode', totp(EU.totpSecret!, Date.now()));
    await page.click('#auth-signin-button');
  }
  await expect(page.locator('[data-page="manage-apps"]')).toBeVisible();
}

async function confirmAndExpectCallback(page: Page): Promise<void> {
  await expect(page.locator('[data-page="consent"]')).toContainText(APP.name);
  await page.click('#consent-confirm');
  await page.waitForURL(`${stack.cloud.url}/oauth/amazon/callback?**`);
  await expect(page.locator('body')).toContainText('spapi_oauth_code');
}

test('Re-Authorize through the Login URI, by seller id and by pairing code', async ({ page }) => {
  const a = await connectedTenant('Eins');
  const before = (await a.client.raw('GET', `/v1/platforms/${a.platformId}`)).body.authorizedAt as string;
  stack.clock.advance(60_000);

  await manageYourApps(page);
  await page.locator(`tr[data-application-id="${APP.applicationId}"] button`).click();
  await confirmAndExpectCallback(page);
  const renewed = (await a.client.raw('GET', `/v1/platforms/${a.platformId}`)).body.authorizedAt as string;
  expect(Date.parse(renewed)).toBeGreaterThan(Date.parse(before));

  // The same seller in a second tenant: the cloud cannot tell which platform is meant.
  await connectedTenant('Zwei');
  stack.clock.advance(60_000);
  await manageYourApps(page);
  await page.locator(`tr[data-application-id="${APP.applicationId}"] button`).click();
  await expect(page.locator('[data-page="consent"]')).toContainText(APP.name);
  await page.click('#consent-confirm');
  await expect(page.locator('[data-page="login-uri"]')).toHaveAttribute('data-reason', 'ambiguous_seller');
  const code = (await a.client.raw('POST', `/v1/platforms/${a.platformId}/pairing-code`, { body: {} })).body.code as string;
  await page.fill('#pairing-code', code);
  // The consent came first: the code leads back to Amazon, which redirects to the cloud's callback.
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL(`${stack.cloud.url}/oauth/amazon/callback?**`);
  await expect(page.locator('body')).toContainText('spapi_oauth_code');
  const again = (await a.client.raw('GET', `/v1/platforms/${a.platformId}`)).body.authorizedAt as string;
  expect(Date.parse(again)).toBeGreaterThan(Date.parse(renewed));
});

// Chromium walks the sign-ins that start on Amazon's side: the sandbox's Manage Your Apps → Re-Authorize →
// Seller Central's consent → the cloud's Login URI → back to Seller Central → the cloud's callback. Once with a seller the
// cloud can identify by its id, once with a seller in two tenants, where the cloud's callback page asks for
// the pairing code after Amazon's redirect (a real browser also enforces the page's Content-Security-Policy
// on the form); axe finds nothing on that page, in German and in English.
import { expect, test, type Page } from '@playwright/test';
import { TestCloudHttp, startStack, type Stack } from '../cloud/testing/stack';
import { confirmConsent, SellerBrowser, signInToConsent } from '../cloud/testing/seller-browser';
import { productionApp, seedAccount } from '../sandbox/seed';
import { totp } from '../sandbox/totp';
import { expectNoAxeViolations } from './support/axe';

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
async function connectedTenant(name: string): Promise<{ client: TestCloudHttp; platformId: string }> {
  const client = new TestCloudHttp(stack.cloud.url, await stack.cloud.createTenant(name));
  const platform = await client.createPlatform(`Amazon ${name}`);
  const auth = await client.startAuthorization(platform.body.id);
  const browser = new SellerBrowser();
  const callback = await confirmConsent(
    browser,
    await signInToConsent(browser, auth.body.consentUrl, EU, stack.sandbox.url),
  );
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

// German first: the seller's browser asks for German (the English page is checked in a second context).
test.use({ locale: 'de-DE' });

test('Re-Authorize through the Login URI, by seller id and by pairing code', async ({ page, browser }) => {
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
  // Consent, Login URI, Amazon's redirect: only now does the cloud know the seller, and asks which platform.
  await page.waitForURL(`${stack.cloud.url}/oauth/amazon/callback?**`);
  await expect(page.locator('[data-page="login-uri"]')).toHaveAttribute('data-reason', 'ambiguous_seller');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expectNoAxeViolations(page, 'pairing page (de)');
  // A wrong code, sent with the same form from an English browser: the page again, in English.
  const hidden = page.locator('form input[type="hidden"]');
  const escape = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  let inputs = '';
  for (let i = 0; i < (await hidden.count()); i++) {
    inputs += `<input type="hidden" name="${escape((await hidden.nth(i).getAttribute('name'))!)}" value="${escape((await hidden.nth(i).getAttribute('value'))!)}">`;
  }
  const english = await browser.newContext({ locale: 'en-US' });
  try {
    const en = await english.newPage();
    await en.setContent(
      `<form method="post" action="${stack.cloud.url}/oauth/amazon/callback">${inputs}<input name="code" value="ZZZZ-ZZZZ"><button type="submit">go</button></form>`,
    );
    await en.locator('button').click();
    await expect(en.locator('[data-page="login-uri"]')).toHaveAttribute('data-reason', 'code_invalid');
    await expect(en.locator('html')).toHaveAttribute('lang', 'en');
    await expect(en.locator('body')).toContainText('pairing code');
    await expectNoAxeViolations(en, 'pairing page, wrong code (en)');
  } finally {
    await english.close();
  }
  const code = (await a.client.raw('POST', `/v1/platforms/${a.platformId}/pairing-code`, { body: {} })).body
    .code as string;
  await page.fill('#pairing-code', code);
  // Amazon's redirect already came: the code picks the platform and the raw JSON follows.
  await page.locator('form button[type="submit"]').click();
  await expect(page.locator('body')).toContainText('spapi_oauth_code');
  expect(page.url()).toBe(`${stack.cloud.url}/oauth/amazon/callback`);
  const again = (await a.client.raw('GET', `/v1/platforms/${a.platformId}`)).body.authorizedAt as string;
  expect(Date.parse(again)).toBeGreaterThan(Date.parse(renewed));
});

// Chromium drives the sandbox's Seller Central: sign-in, two-step verification, consent, redirect.
import { expect, test, type Page } from '@playwright/test';
import { startSandbox, type SandboxHandle } from '../sandbox/index';
import { DEFAULT_REDIRECT_URI, productionApp, seedAccount } from '../sandbox/seed';
import { totp } from '../sandbox/totp';

const PROD = productionApp();
const EU = seedAccount('eu.haendler@example.com')!;
const FE = seedAccount('fe.seller@example.com')!;
let sandbox: SandboxHandle;

test.beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
test.afterAll(async () => {
  await sandbox.close();
});
test.beforeEach(async ({ page }) => {
  sandbox.reset();
  // Stand-in for the cloud's callback: answers like the cloud does, with the raw JSON result.
  await page.route(`${DEFAULT_REDIRECT_URI}**`, (route) => {
    const q = new URL(route.request().url()).searchParams;
    return route.fulfill({ contentType: 'application/json', body: JSON.stringify({ result: { result: Object.fromEntries(q) } }) });
  });
});

function consentUrl(host: string, extra = ''): string {
  return `${sandbox.url}/sc/${host}/apps/authorize/consent?application_id=${PROD.applicationId}&state=e2e-state${extra}`;
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await expect(page.locator('[data-page="signin"]')).toBeVisible();
  await page.fill('#ap_email', email);
  await page.fill('#ap_password', password);
  await page.click('#signInSubmit');
  await expect(page.locator('[data-page="mfa"]')).toBeVisible();
}

test('sign-in, TOTP and consent redirect to the callback with Amazon\'s parameters', async ({ page }) => {
  // Chromium sends Accept-Language en-US; the ERP's users get German through language=.
  await page.goto(consentUrl('sellercentral-europe.amazon.com', '&language=de_DE'));
  await signIn(page, EU.email, EU.password);
  await page.fill('#auth-mfa-otpcode', totp(EU.totpSecret!, Date.now()));
  await page.click('#auth-signin-button');
  await expect(page.locator('[data-page="consent"]')).toContainText(PROD.name);
  await expect(page.getByRole('button', { name: 'Bestätigen' })).toBeVisible();
  await page.getByRole('button', { name: 'Bestätigen' }).click();
  await page.waitForURL(`${DEFAULT_REDIRECT_URI}?**`);
  const url = new URL(page.url());
  expect(url.searchParams.get('state')).toBe('e2e-state');
  expect(url.searchParams.get('selling_partner_id')).toBe(EU.sellingPartnerId);
  expect(url.searchParams.get('spapi_oauth_code')).toMatch(/^[A-Za-z]{20}$/);
  expect(url.searchParams.get('mws_auth_token')).toMatch(/^amzn\.mws\./);
  await expect(page.locator('body')).toContainText('spapi_oauth_code');

  // Signed in: a second consent goes straight to the consent page.
  await page.goto(consentUrl('sellercentral-europe.amazon.com'));
  await expect(page.locator('[data-page="consent"]')).toBeVisible();
});

test('SMS code from the sandbox inbox; "Cancel" in English redirects nowhere', async ({ page, context }) => {
  await page.goto(consentUrl('sellercentral.amazon.co.jp', '&language=en_US'));
  await signIn(page, FE.email, FE.password);
  await expect(page.locator('[data-page="mfa"]')).toContainText('text message');
  const inbox = await context.newPage();
  await inbox.goto(`${sandbox.url}/sandbox/sms`);
  const code = (await inbox.locator(`tr[data-email="${FE.email}"] .sms-code`).first().textContent())!.trim();
  await inbox.close();
  await page.fill('#auth-mfa-otpcode', code);
  await page.click('#auth-signin-button');
  await expect(page.locator('[data-page="consent"]')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('[data-page="cancelled"]')).toContainText('Authorization cancelled');
  expect(page.url().startsWith(sandbox.url)).toBe(true);
});

test('an unregistered redirect URI shows MD5101', async ({ page }) => {
  await page.goto(consentUrl('sellercentral-europe.amazon.com', `&redirect_uri=${encodeURIComponent('https://evil.example/cb')}`));
  await expect(page.locator('[data-code="MD5101"]')).toContainText('MD5101');
});

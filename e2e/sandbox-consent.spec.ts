// Chromium drives the sandbox's Seller Central: sign-in, two-step verification, consent, redirect.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { startSandbox, type SandboxHandle } from '../sandbox/index';
import { productionApp, seedAccount } from '../sandbox/seed';
import { totp } from '../sandbox/totp';

const PROD = productionApp();
const EU = seedAccount('eu.haendler@example.com')!;
const FE = seedAccount('fe.seller@example.com')!;
let sandbox: SandboxHandle;
let callback: Server;
let callbackUrl: string;

test.beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  // Stand-in for the cloud's callback on a free port: answers like the cloud does, with the raw JSON
  // result. A real server, not page.route(): Playwright does not route the target of a redirect, so
  // the seed's default 127.0.0.1:4200 would reach whatever cloud runs there (`npm start`).
  callback = createServer((req, res) => {
    const q = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams;
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ result: { result: Object.fromEntries(q) } }));
  });
  await new Promise<void>((resolve) => callback.listen(0, '127.0.0.1', resolve));
  callbackUrl = `http://127.0.0.1:${(callback.address() as AddressInfo).port}/oauth/amazon/callback`;
});
test.afterAll(async () => {
  await sandbox.close();
  await new Promise((resolve) => callback.close(resolve));
});
test.beforeEach(async () => {
  sandbox.reset();
  // The test's callback becomes the app's first (default) redirect URI, as the cloud registers its own.
  const res = await fetch(`${sandbox.url}/sandbox/api/apps/${encodeURIComponent(PROD.applicationId)}/redirect-uris`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ redirectUris: [callbackUrl] }),
  });
  expect(res.status).toBe(200);
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

test("sign-in, TOTP and consent redirect to the callback with Amazon's parameters", async ({ page }) => {
  // Chromium sends Accept-Language en-US; the ERP's users get German through language=.
  await page.goto(consentUrl('sellercentral-europe.amazon.com', '&language=de_DE'));
  await signIn(page, EU.email, EU.password);
  await page.fill('#auth-mfa-otpcode', totp(EU.totpSecret!, Date.now()));
  await page.click('#auth-signin-button');
  await expect(page.locator('[data-page="consent"]')).toContainText(PROD.name);
  await expect(page.getByRole('button', { name: 'Bestätigen' })).toBeVisible();
  await page.getByRole('button', { name: 'Bestätigen' }).click();
  await page.waitForURL(`${callbackUrl}?**`);
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
  await page.goto(
    consentUrl('sellercentral-europe.amazon.com', `&redirect_uri=${encodeURIComponent('https://evil.example/cb')}`),
  );
  await expect(page.locator('[data-code="MD5101"]')).toContainText('MD5101');
});

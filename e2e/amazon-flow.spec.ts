// The product end to end in the browser host, against the embedded sandbox and cloud, with the
// secrets in the private gnome-keyring session of `npm test`. A second page plays the default
// browser: it receives the URL the core opened. One screenshot per step (e2e/artifacts/flow-*.png).
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { activateScenario, TestCloudHttp } from '../cloud/testing/stack';
import { testHostPerFile } from './support/browser-host';
import { runAmazonFlow } from './support/flow';
import { newPlatformOnCredentials } from './support/support-steps';

const host = testHostPerFile({ embedded: true });
let step = 0;
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `e2e/artifacts/flow-${String(++step).padStart(2, '0')}-${name}.png` });

test('Amazon platform: ANMELDEN through Seller Central, Authentifiziert, import, AKTUALISIEREN, delete', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await page.goto(host.url);
  await runAmazonFlow({
    page,
    browser,
    shot,
    nextUrl: async (count) => {
      await expect.poll(() => host.opened.length, { timeout: 15_000 }).toBeGreaterThan(count);
      return host.opened.at(-1)!;
    },
  });
  // Deleted in the cloud too.
  const tenant = JSON.parse(fs.readFileSync(host.services!.env.ACC_DEV_TENANT_FILE, 'utf8')) as {
    clientId: string;
    clientSecret: string;
  };
  const cloud = new TestCloudHttp(host.services!.cloud.url, tenant);
  expect((await cloud.raw('GET', '/v1/platforms')).body.platforms).toEqual([]);
});

test('a failure the sandbox reproduces is explained in German with the next step', async ({ page, browser }) => {
  test.setTimeout(120_000);
  // Support staff switch the sandbox to "code already expired at exchange" for this seller.
  await activateScenario(host.services!.sandbox.url, { id: 'code_expired', account: 'eu.haendler@example.com' });
  await newPlatformOnCredentials(page, 'Amazon Fehlerfall', { open: host.url });
  const before = host.opened.length;
  await page.getByRole('button', { name: 'ANMELDEN' }).click();
  await expect.poll(() => host.opened.length, { timeout: 15_000 }).toBeGreaterThan(before);

  const seller = await (await browser.newContext({ locale: 'de-DE' })).newPage();
  await seller.goto(host.opened.at(-1)!);
  await seller.fill('#ap_email', 'eu.haendler@example.com');
  await seller.fill('#ap_password', 'Sandbox-EU-2024!');
  await seller.click('#signInSubmit');
  const { totp } = await import('../sandbox/totp');
  const { seedAccount } = await import('../sandbox/seed');
  await seller.fill('#auth-mfa-otpcode', totp(seedAccount('eu.haendler@example.com')!.totpSecret!, Date.now()));
  await seller.click('#auth-signin-button');
  await seller.getByRole('button', { name: 'Bestätigen' }).click();
  await seller.close();

  await expect(page.getByTestId('auth-status')).toHaveText('Fehler');
  const why = page.getByTestId('auth-line-why');
  await expect(why).toContainText('Das liegt nicht an Ihnen');
  await expect(why).toContainText('ANMELDEN');
  await expect(page.getByRole('button', { name: 'ANMELDEN' })).toBeVisible();
  await page.screenshot({ path: 'e2e/artifacts/flow-failure-code-expired.png' });
  await fetch(`${host.services!.sandbox.url}/sandbox/api/scenarios`, { method: 'DELETE' });
});

// The first ANMELDEN when Amazon sends a seller not yet registered with the app through the app's Login
// URI after the consent (docs/amazon.md §1.6; sandbox scenario login_uri_new_seller), in Chromium against
// the embedded sandbox and cloud: the desktop opens the cloud's start link, which binds the browser with a
// cookie and leads to Seller Central; after the consent Amazon loads the cloud's Login URI, which continues
// that very sign-in; Amazon redirects with the code, the browser ends on the cloud's JSON page and the app
// shows Authentifiziert — one authorization, no second one started at the Login URI.
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { activateScenario, TestCloudHttp } from '../cloud/testing/stack';
import { testHostPerFile } from './support/browser-host';
import { anmelden, newPlatformOnCredentials, sellerSide } from './support/support-steps';

const host = testHostPerFile({ embedded: true });

test('first sign-in through the Login URI ends on the JSON page and Authentifiziert with one authorization', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const sandbox = host.services!.sandbox.url;
  const cloudUrl = host.services!.cloud.url;
  await activateScenario(sandbox, { id: 'login_uri_new_seller', account: 'eu.haendler@example.com' });

  await newPlatformOnCredentials(page, 'Amazon Erstanmeldung', { open: host.url });
  const link = await anmelden(page, host, { waiting: true });
  expect(link.startsWith(`${cloudUrl}/oauth/amazon/start/`)).toBe(true);
  const state = new URL(link).searchParams.get('state');

  // Seller Central: sign-in, one-time code, consent; then Amazon's Login URI step, then the redirect.
  const loginUriCalls: string[] = [];
  const seller = await sellerSide(browser, link);
  seller.on('request', (r) => {
    if (r.url().startsWith(`${cloudUrl}/oauth/amazon/login`)) loginUriCalls.push(r.url());
  });
  await expect(seller.locator('[data-page="consent"]')).toBeVisible();
  await seller.getByRole('button', { name: 'Bestätigen' }).click();
  await expect(seller.locator('body')).toContainText('"spapi_oauth_code"');
  expect(seller.url().startsWith(`${cloudUrl}/oauth/amazon/callback?`)).toBe(true);
  expect(loginUriCalls).toHaveLength(1);
  const json = JSON.parse((await seller.locator('body').innerText()).trim());
  // The Login URI continued the desktop's sign-in with its own state.
  expect(json.result.result).toMatchObject({ spapi_oauth_code: expect.any(String), state });
  await seller.close();

  await expect(page.getByTestId('auth-status')).toHaveText(/Authentifiziert seit .*Händler-ID A2EUMUSTER7H1K/);
  // No authorization was started at Amazon's side for the tenant.
  const tenant = JSON.parse(fs.readFileSync(host.services!.env.ACC_DEV_TENANT_FILE, 'utf8')) as {
    clientId: string;
    clientSecret: string;
  };
  const cloud = new TestCloudHttp(cloudUrl, tenant);
  expect((await cloud.raw('GET', '/v1/platforms/changes')).body.authorizations).toEqual([]);
});

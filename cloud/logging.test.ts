// The cloud's request log during a whole flow (token, platform, authorization, Amazon's redirect,
// code exchange, settings import, errors) holds no secret: no client secret, no Authorization header,
// no LWA token, no spapi_oauth_code, no state.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedAccount } from '../sandbox';
import { TestCloudHttp, startStack, type Stack } from './testing/stack';
import { consentRedirect, SellerBrowser, signInToConsent } from './testing/seller-browser';
import { newPlatform, startAuth } from './testing/flow-steps';

const EU = seedAccount('eu.haendler@example.com')!;
const lines: string[] = [];
let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ logger: { write: (line) => void lines.push(line) } });
});
afterAll(async () => stack?.close());

it('logs requests without any secret', async () => {
  const tenant = await stack.cloud.createTenant('Log GmbH');
  const client = new TestCloudHttp(stack.cloud.url, tenant);
  const platformId = await newPlatform(client);
  const auth = await startAuth(client, platformId);
  const browser = new SellerBrowser();
  const redirect = await consentRedirect(
    browser,
    await signInToConsent(browser, auth.consentUrl, EU, stack.sandbox.url),
  );
  const query = new URL(redirect).searchParams;
  const callback = await fetch(redirect);
  expect(callback.status).toBe(200);
  // A replayed redirect is an error path that is logged too.
  await fetch(redirect.replace(/state=[^&]+/, 'state=tampered'));
  expect((await client.raw('POST', `/v1/platforms/${platformId}/settings/import`, { body: {} })).status).toBe(200);
  // Wrong credentials at the token endpoint.
  await fetch(`${stack.cloud.url}/oauth/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${tenant.clientId}:wrong-secret-123`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: `grant_type=client_credentials&client_secret=${tenant.clientSecret}`,
  });

  const log = lines.join('');
  expect(lines.length).toBeGreaterThan(10);
  expect(log).toContain('/oauth/amazon/callback');
  const secrets = [
    tenant.clientSecret,
    'wrong-secret-123',
    query.get('spapi_oauth_code')!,
    query.get('state')!,
    query.get('mws_auth_token')!,
    await client.accessToken(),
  ];
  for (const secret of secrets) expect(log).not.toContain(secret);
  expect(log).not.toMatch(/Atz[ar]\|/);
  expect(log).not.toMatch(/Basic [A-Za-z0-9+/=]{8,}/);
  expect(log).not.toMatch(/Bearer [A-Za-z0-9._-]{8,}/);
});

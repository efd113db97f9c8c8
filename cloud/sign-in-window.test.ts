// The sign-in window (docs/amazon.md §1.9): a seller who needs 25 minutes for sign-in, a late SMS code
// and reading the consent page still completes; the window is the cloud's, and the desktop counts down
// to the expiresAt the cloud answers (not a constant of its own).
import { expect, it } from 'vitest';
import { seedAccount } from '../sandbox';
import { useTenantStack } from './testing/tenant-stack';
import { amazonRedirect, authorization, getCallback, newPlatform, startAuth } from './testing/flow-steps';

const EU = seedAccount('eu.haendler@example.com')!;
const env = useTenantStack('Fenster GmbH');

it('gives the seller 30 minutes by default, and a consent after 25 minutes completes', async () => {
  const started = env.stack.clock();
  const auth = await startAuth(env.client, await newPlatform(env.client));
  expect(Date.parse(auth.expiresAt) - started).toBe(30 * 60_000);
  // The seller takes 25 minutes on Seller Central; Amazon's code is fresh when the redirect comes.
  env.stack.clock.advance(25 * 60_000);
  const redirect = await amazonRedirect(env.stack.sandbox.url, auth.consentUrl, EU);
  expect((await getCallback(redirect)).status).toBe(200);
  env.client.forgetToken(); // the cloud's own bearer token lives 15 minutes
  expect(await authorization(env.client, auth.id)).toMatchObject({
    status: 'authenticated',
    expiresAt: auth.expiresAt,
  });
});

it('still refuses a consent that comes after the window with STATE_EXPIRED', async () => {
  const auth = await startAuth(env.client, await newPlatform(env.client));
  const redirect = await amazonRedirect(env.stack.sandbox.url, auth.consentUrl, EU);
  env.stack.clock.advance(30 * 60_000);
  expect((await getCallback(redirect)).body).toMatchObject({ error: { code: 'STATE_EXPIRED' } });
});

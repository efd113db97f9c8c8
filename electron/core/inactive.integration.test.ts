// *Aktiv* off and a sign-in started on Amazon's side (issue 24, item 9): Re-Authorize in Seller Central
// goes through the cloud's Login URI as always, but the desktop does not follow it for an inactive
// platform — it notes why in the Protokoll and leaves the status alone. The real core (keychain in the
// private gnome-keyring session), cloud and sandbox on loopback.
import { expect, it } from 'vitest';
import { productionApp, seedAccount } from '../../sandbox/seed';
import type { Stack } from '../../cloud/testing/stack';
import { confirmConsent, SellerBrowser, signInToConsent } from '../../cloud/testing/seller-browser';
import type { Desktop } from './testing/desktop';
import { signedInPlatform, useDesktopStack } from './testing/desktop-stack';

const EU = seedAccount('eu.haendler@example.com')!;
const APP = productionApp();
let stack: Stack;
let desk: Desktop;

useDesktopStack('Inaktiv GmbH', (started) => void ({ stack, desk } = started));

const steps = async (id: string) => (await desk.call('getTimeline', { id })).map((e) => e.step);

it('an inactive platform does not follow a Re-Authorize started in Seller Central', async () => {
  const p = await signedInPlatform(desk, stack.sandbox.url, 'Amazon Ruhend', EU);
  await desk.call('updatePlatform', { id: p.id, patch: { active: false } });
  const before = await desk.platform(p.id);
  stack.clock.advance(60_000);

  const seller = new SellerBrowser();
  const manage = await signInToConsent(
    seller,
    `${stack.sandbox.url}/sc/sellercentral-europe.amazon.com/apps/manage`,
    EU,
    stack.sandbox.url,
  );
  expect((await confirmConsent(seller, await seller.submit(manage, {}, APP.applicationId))).status).toBe(200);

  await expect
    .poll(() => steps(p.id), { timeout: 20_000 })
    .toContain('sign-in started in Seller Central not followed: the platform is not active');
  const after = await desk.platform(p.id);
  expect(after.auth).toEqual(before.auth);
  expect(await steps(p.id)).not.toContain('sign-in started in Seller Central or the Appstore (Login URI)');
});

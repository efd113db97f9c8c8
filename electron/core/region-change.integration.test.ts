// A region change on a signed-in platform (issue 24): the sign-in is for its region only, so the change
// needs the user's yes, ends the sign-in (sign_in_required, REGION_CHANGED) and never lets the import
// run with the previous region's token. Within the region nothing changes. The real core, cloud and
// sandbox on loopback; secrets in the real keychain.
import { describe, expect, it } from 'vitest';
import { seedAccount } from '../../sandbox/seed';
import type { Stack } from '../../cloud/testing/stack';
import { confirmConsent, SellerBrowser, signInToConsent } from '../../cloud/testing/seller-browser';
import { consentTarget } from '../../cloud/testing/flow-steps';
import type { Desktop } from './testing/desktop';
import { signedInPlatform, useDesktopStack } from './testing/desktop-stack';

const EU = seedAccount('eu.haendler@example.com')!;
const NA = seedAccount('na.seller@example.com')!;

let stack: Stack;
let desk: Desktop;

useDesktopStack('Region Handel GmbH', (started) => void ({ stack, desk } = started));

describe('region change', () => {
  it('within the region: no question, the sign-in stays', async () => {
    const p = await signedInPlatform(desk, stack.sandbox.url, 'Amazon Region EU', EU);
    const moved = await desk.call('updatePlatform', { id: p.id, patch: { countryCode: 'FR' } });
    expect(moved.auth).toMatchObject({ status: 'authenticated', sellingPartnerId: EU.sellingPartnerId });
  });

  it('to another region: refused without the yes, then sign_in_required, no import with the old token, ANMELDEN in the new region', async () => {
    const p = await signedInPlatform(desk, stack.sandbox.url, 'Amazon Region Wechsel', EU);
    await desk.call('importSettings', { id: p.id });

    expect(await desk.failureCode('updatePlatform', { id: p.id, patch: { countryCode: 'US' } })).toBe(
      'REGION_CHANGE_UNCONFIRMED',
    );
    expect(await desk.platform(p.id)).toMatchObject({ countryCode: 'DE', auth: { status: 'authenticated' } });

    const moved = await desk.call('updatePlatform', {
      id: p.id,
      patch: { countryCode: 'US', confirmRegionChange: true },
    });
    expect(moved).toMatchObject({
      countryCode: 'US',
      auth: {
        status: 'sign_in_required',
        error: { code: 'REGION_CHANGED', params: { previousRegion: 'EU', region: 'NA', from: 'DE', to: 'US' } },
      },
    });
    expect(moved.marketplaces).toBeUndefined();
    expect(await desk.failureCode('importSettings', { id: p.id })).toBe('NOT_AUTHENTICATED');
    expect((await desk.call('getTimeline', { id: p.id })).map((e) => e.step)).toContain(
      'region changed; the sign-in of the previous region ended',
    );

    // ANMELDEN now goes to the new region's Seller Central, with a new cloud platform.
    const waiting = await desk.call('signIn', { id: p.id, mode: 'login' });
    const url = desk.opened.at(-1)!;
    expect(await consentTarget(url)).toContain('/sc/sellercentral.amazon.com/');
    const browser = new SellerBrowser();
    await confirmConsent(browser, await signInToConsent(browser, url, NA, stack.sandbox.url));
    const done = await desk.until(p.id, (x) => x.auth.status === 'authenticated');
    expect(done.auth).toMatchObject({ sellingPartnerId: NA.sellingPartnerId });
    expect(done.cloudPlatformId).not.toBe(p.cloudPlatformId);
    expect(waiting.cloudCountryCode).toBe('US');
    const imported = await desk.call('importSettings', { id: p.id });
    expect(imported.marketplaces?.map((m) => m.countryCode)).toContain('US');
  });

  it('the region stays locked while a sign-in runs, even with the yes', async () => {
    const p = await desk.newPlatform('Amazon Region Warten');
    await desk.call('signIn', { id: p.id, mode: 'login' });
    expect(
      await desk.failureCode('updatePlatform', { id: p.id, patch: { countryCode: 'US', confirmRegionChange: true } }),
    ).toBe('SIGN_IN_IN_PROGRESS');
    await desk.call('cancelSignIn', { id: p.id });
  });
});

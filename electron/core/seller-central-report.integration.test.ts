// "Seller Central zeigt einen Fehler?" through the real core against the real cloud and sandbox: the
// merchant's report keeps waiting with the explanation as a hint (a late success still counts); the
// merchant's CANCEL then ends the sign-in with that explanation (the cloud's authorization cancelled);
// for a wrong region the sandbox names the account's real region.
import { describe, expect, it } from 'vitest';
import { seedAccount } from '../../sandbox/seed';
import type { Stack } from '../../cloud/testing/stack';
import { confirmConsent, SellerBrowser, signInToConsent } from '../../cloud/testing/seller-browser';
import type { Desktop } from './testing/desktop';
import { useDesktopStack } from './testing/desktop-stack';

const EU = seedAccount('eu.haendler@example.com')!;
const NA = seedAccount('na.seller@example.com')!;
const SECONDARY = seedAccount('mitarbeiter@example.com')!;

let stack: Stack;
let desk: Desktop;
let n = 0;

useDesktopStack('Melde Handel GmbH', (started) => void ({ stack, desk } = started), { freshSandbox: true });

async function startSignIn(countryCode = 'DE') {
  const p = await desk.newPlatform(`Amazon Meldung ${++n}`, countryCode);
  await desk.call('signIn', { id: p.id, mode: 'login' });
  return { p, url: desk.opened.at(-1)! };
}

describe('reportSellerCentralError', () => {
  it('wrong region: the sandbox names the account’s region (whatever the merchant picked); waiting goes on until CANCEL', async () => {
    const { p, url } = await startSignIn('DE');
    const page = await signInToConsent(new SellerBrowser(), url, NA, stack.sandbox.url);
    expect(page.text).toContain('data-error="wrong_region"');
    const kept = await desk.call('reportSellerCentralError', { id: p.id, key: 'wrong_region', actualRegion: 'FE' });
    const params = { region: 'EU', actualRegion: 'NA', country: 'US' };
    expect(kept.auth).toMatchObject({ status: 'waiting', hint: { code: 'SELLER_CENTRAL_WRONG_REGION', params } });
    const done = await desk.call('cancelSignIn', { id: p.id });
    expect(done.auth).toMatchObject({ status: 'failed', error: { code: 'SELLER_CENTRAL_WRONG_REGION', params } });
    const steps = (await desk.call('getTimeline', { id: p.id })).map((e) => e.step);
    expect(steps).toEqual(
      expect.arrayContaining([
        'merchant reported a Seller Central error',
        'sign-in ended by the user after a reported Seller Central error',
      ]),
    );
  });

  it('wrong region without the sandbox knowing: the merchant’s pick stands', async () => {
    const { p } = await startSignIn('DE');
    const kept = await desk.call('reportSellerCentralError', { id: p.id, key: 'wrong_region', actualRegion: 'FE' });
    expect(kept.auth).toMatchObject({
      status: 'waiting',
      hint: { code: 'SELLER_CENTRAL_WRONG_REGION', params: { actualRegion: 'FE', country: 'JP' } },
    });
    await desk.call('cancelSignIn', { id: p.id });
  });

  it('a rejected one-time code keeps waiting with a hint; the merchant can still finish', async () => {
    const { p, url } = await startSignIn();
    const kept = await desk.call('reportSellerCentralError', { id: p.id, key: 'otp_rejected' });
    expect(kept.auth).toMatchObject({ status: 'waiting', hint: { code: 'SELLER_CENTRAL_OTP_REJECTED' } });
    const browser = new SellerBrowser();
    await confirmConsent(browser, await signInToConsent(browser, url, EU, stack.sandbox.url));
    expect((await desk.until(p.id, (x) => x.auth.status !== 'waiting')).auth).toMatchObject({
      status: 'authenticated',
    });
  });

  it('a late success after a picked error still counts (issue 24: picking used to end the sign-in)', async () => {
    const { p, url } = await startSignIn();
    const kept = await desk.call('reportSellerCentralError', { id: p.id, key: 'not_primary' });
    expect(kept.auth).toMatchObject({ status: 'waiting', hint: { code: 'SELLER_CENTRAL_NOT_PRIMARY' } });
    const browser = new SellerBrowser();
    const json = await confirmConsent(browser, await signInToConsent(browser, url, EU, stack.sandbox.url));
    expect(json.status).toBe(200);
    expect((await desk.until(p.id, (x) => x.auth.status !== 'waiting')).auth).toMatchObject({
      status: 'authenticated',
      sellingPartnerId: EU.sellingPartnerId,
    });
  });

  it('a secondary user: SELLER_CENTRAL_NOT_PRIMARY, then CANCEL ends with it', async () => {
    const { p, url } = await startSignIn();
    const page = await signInToConsent(new SellerBrowser(), url, SECONDARY, stack.sandbox.url);
    expect(page.text).toContain('data-error="not_primary"');
    expect(page.text).not.toContain('data-code=');
    await desk.call('reportSellerCentralError', { id: p.id, key: 'not_primary' });
    const done = await desk.call('cancelSignIn', { id: p.id });
    expect(done.auth).toMatchObject({ status: 'failed', error: { code: 'SELLER_CENTRAL_NOT_PRIMARY' } });
  });

  it('refuses when no sign-in runs, and bad keys', async () => {
    const p = await desk.newPlatform(`Amazon Meldung ${++n}`);
    expect(await desk.failureCode('reportSellerCentralError', { id: p.id, key: 'not_primary' })).toBe('NOT_WAITING');
    expect(await desk.failureCode('reportSellerCentralError', { id: p.id, key: 'nope' })).toBe('INVALID_INPUT');
    expect(await desk.failureCode('reportSellerCentralError', { id: p.id, key: 'MD1000', actualRegion: 'XX' })).toBe(
      'INVALID_INPUT',
    );
  });
});

// "Seller Central zeigt einen Fehler?" through the real core against the real cloud and sandbox: the
// merchant's report ends the sign-in with the specific error (the cloud's authorization cancelled) or
// keeps waiting with a hint; for a wrong region the sandbox names the account's real region.
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
  it('wrong region: the sandbox names the account’s region (whatever the merchant picked); the sign-in ends', async () => {
    const { p, url } = await startSignIn('DE');
    const page = await signInToConsent(new SellerBrowser(), url, NA, stack.sandbox.url);
    expect(page.text).toContain('data-error="wrong_region"');
    const done = await desk.call('reportSellerCentralError', { id: p.id, key: 'wrong_region', actualRegion: 'FE' });
    expect(done.auth).toMatchObject({ status: 'failed', error: { code: 'SELLER_CENTRAL_WRONG_REGION', params: { region: 'EU', actualRegion: 'NA', country: 'US' } } });
    // The cloud's pending authorization was cancelled: nothing can complete it any more.
    const timeline = await desk.call('getTimeline', { id: p.id });
    expect(timeline.map((e) => e.step)).toContain('merchant reported a Seller Central error');
    expect((await desk.platform(p.id)).auth.status).toBe('failed');
  });

  it('wrong region without the sandbox knowing: the merchant’s pick stands', async () => {
    const { p } = await startSignIn('DE');
    const done = await desk.call('reportSellerCentralError', { id: p.id, key: 'wrong_region', actualRegion: 'FE' });
    expect(done.auth).toMatchObject({ status: 'failed', error: { code: 'SELLER_CENTRAL_WRONG_REGION', params: { actualRegion: 'FE', country: 'JP' } } });
  });

  it('a rejected one-time code keeps waiting with a hint; the merchant can still finish', async () => {
    const { p, url } = await startSignIn();
    const kept = await desk.call('reportSellerCentralError', { id: p.id, key: 'otp_rejected' });
    expect(kept.auth).toMatchObject({ status: 'waiting', hint: { code: 'SELLER_CENTRAL_OTP_REJECTED' } });
    const browser = new SellerBrowser();
    await confirmConsent(browser, await signInToConsent(browser, url, EU, stack.sandbox.url));
    expect((await desk.until(p.id, (x) => x.auth.status !== 'waiting')).auth).toMatchObject({ status: 'authenticated' });
  });

  it('a secondary user: ends with SELLER_CENTRAL_NOT_PRIMARY', async () => {
    const { p, url } = await startSignIn();
    const page = await signInToConsent(new SellerBrowser(), url, SECONDARY, stack.sandbox.url);
    expect(page.text).toContain('data-error="not_primary"');
    expect(page.text).not.toContain('data-code=');
    const done = await desk.call('reportSellerCentralError', { id: p.id, key: 'not_primary' });
    expect(done.auth).toMatchObject({ status: 'failed', error: { code: 'SELLER_CENTRAL_NOT_PRIMARY' } });
  });

  it('refuses when no sign-in runs, and bad keys', async () => {
    const p = await desk.newPlatform(`Amazon Meldung ${++n}`);
    expect(await desk.failure('reportSellerCentralError', { id: p.id, key: 'not_primary' })).toMatchObject({ code: 'NOT_WAITING' });
    expect(await desk.failure('reportSellerCentralError', { id: p.id, key: 'nope' })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await desk.failure('reportSellerCentralError', { id: p.id, key: 'MD1000', actualRegion: 'XX' })).toMatchObject({ code: 'INVALID_INPUT' });
  });
});

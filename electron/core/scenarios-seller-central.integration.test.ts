// The sandbox's Seller Central scenarios and Seller Central's rules (docs/amazon.md §5) driven through the
// real core against the real cloud, the real sandbox and the real keychain: the failures never reach the
// cloud; the seller's browser shows Amazon's page, and the core times out with AUTH_TIMEOUT once both
// clocks pass the 10-minute lifetime. electron/core/scenario-coverage.test.ts lists these scenarios here.
import { describe, expect, it } from 'vitest';
import { seedAccount } from '../../sandbox/seed';
import { consentTarget } from '../../cloud/testing/flow-steps';
import { errorPage, useScenarioDesk } from './testing/scenario-desk';

const NA = seedAccount('na.seller@example.com')!;
const SECONDARY = seedAccount('mitarbeiter@example.com')!;
const INDIVIDUAL = seedAccount('privatverkaeufer@example.com')!;

const { scenario, startSignIn, browse, consent, expectTimeout } = useScenarioDesk('Szenario Handel GmbH');

describe('Seller Central: nothing reaches the cloud, the core times out with AUTH_TIMEOUT', () => {
  it('consent_cancelled: the seller cancels on the consent page', async () => {
    const { p, url } = await startSignIn();
    await scenario('consent_cancelled');
    const page = await consent(url);
    expect(page.text).toContain('data-page="cancelled"');
    await expectTimeout(p.id);
  });

  it('otp_always_wrong: the browser stays on the verification page', async () => {
    const { p, url } = await startSignIn();
    await scenario('otp_always_wrong');
    const { page } = await browse(url);
    expect(page.text).toContain('data-page="mfa"');
    expect(page.text).toContain('data-message="mfa-error"');
    expect(page.text).not.toContain('data-page="consent"');
    await expectTimeout(p.id);
  });

  it('draft_limit_reached: Seller Central refuses the consent', async () => {
    const { p, url } = await startSignIn();
    await scenario('draft_limit_reached');
    const { page } = await browse(url);
    expect(page.text).toContain(errorPage('draft_limit'));
    await expectTimeout(p.id);
  });

  it('a secondary user without "Manage Authorized Partners" may not authorize', async () => {
    const { p, url } = await startSignIn();
    const { page } = await browse(url, SECONDARY);
    expect(page.text).toContain(errorPage('not_primary'));
    expect(page.text).not.toContain('data-code=');
    await expectTimeout(p.id);
  });

  it('an Individual account may not authorize', async () => {
    const { p, url } = await startSignIn();
    const { page } = await browse(url, INDIVIDUAL);
    expect(page.text).toContain(errorPage('individual_account'));
    await expectTimeout(p.id);
  });

  it('a NA seller on the EU consent URL (wrong region) is refused', async () => {
    const { p, url } = await startSignIn('DE');
    expect(await consentTarget(url)).toContain('/sc/sellercentral-europe.amazon.com/');
    const { page } = await browse(url, NA);
    expect(page.text).toContain(errorPage('wrong_region'));
    await expectTimeout(p.id);
  });
});

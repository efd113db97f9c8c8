// Scenarios from the app (sandbox mode): arming a scenario or a failing seeded account on a platform,
// applied by the next ANMELDEN through the sandbox's admin API; "alle zurücksetzen"; production refuses.
import { describe, expect, it } from 'vitest';
import { seedAccount } from '../../../sandbox/seed';
import type { Stack } from '../../../cloud/testing/stack';
import { confirmConsent, SellerBrowser, signInToConsent } from '../../../cloud/testing/seller-browser';
import type { Desktop } from '../testing/desktop';
import { useDesktopStack } from '../testing/desktop-stack';

const EU = seedAccount('eu.haendler@example.com')!;

let stack: Stack;
let desk: Desktop;
let n = 0;

useDesktopStack('Szenario App GmbH', (started) => void ({ stack, desk } = started), { freshSandbox: true });

describe('sandbox scenarios from the app', () => {
  it('lists the scenarios and the seeded accounts that fail whatever the region', async () => {
    const view = (await desk.call('getSandboxScenarios'))!;
    expect(view.available.map((s) => s.id)).toContain('consent_cancelled');
    expect(view.active).toEqual([]);
    const failures = Object.fromEntries(view.accounts.map((a) => [a.email, a.failure]));
    expect(failures['mitarbeiter@example.com']).toBe('not_primary');
    expect(failures['privatverkaeufer@example.com']).toBe('individual_account');
    expect(failures['partnerverwaltung@example.com']).toBeUndefined();
    expect(failures['eu.haendler@example.com']).toBeUndefined();
  });

  it('an armed scenario goes live with this platform’s next ANMELDEN, once', async () => {
    const p = await desk.newPlatform(`Amazon Testfall ${++n}`);
    const armed = await desk.call('armSandboxScenario', { id: p.id, scenario: 'consent_cancelled' });
    expect(armed.sandboxArmed).toEqual({ scenario: 'consent_cancelled' });
    expect((await desk.call('getSandboxScenarios'))!.active).toEqual([]);
    const waiting = await desk.call('signIn', { id: p.id, mode: 'login' });
    expect(waiting.sandboxArmed).toBeUndefined();
    // Scoped to one account: the region's primary seller, filled into the sign-in page.
    expect((await desk.call('getSandboxScenarios'))!.active).toEqual([
      { id: 'consent_cancelled', account: EU.email, remaining: 1 },
    ]);
    const browser = new SellerBrowser();
    const page = await confirmConsent(
      browser,
      await signInToConsent(browser, desk.opened.at(-1)!, EU, stack.sandbox.url),
    );
    expect(page.text).toContain('data-page="cancelled"');
    expect((await desk.call('getSandboxScenarios'))!.active).toEqual([]);
    expect((await desk.call('getTimeline', { id: p.id })).map((e) => e.step)).toContain('sandbox scenario applied');
  });

  it('an armed account is filled into the next sign-in page', async () => {
    const p = await desk.newPlatform(`Amazon Testfall ${++n}`);
    await desk.call('armSandboxScenario', { id: p.id, account: 'na.seller@example.com' });
    await desk.call('signIn', { id: p.id, mode: 'login' });
    const signIn = await new SellerBrowser().go(desk.opened.at(-1)!);
    expect(signIn.text).toContain('value="na.seller@example.com"');
    expect(signIn.text).toContain(`value="${seedAccount('na.seller@example.com')!.password}"`);
    // Once only.
    expect((await new SellerBrowser().go(desk.opened.at(-1)!)).text).not.toContain('value="na.seller@example.com"');
  });

  it('"alle zurücksetzen" switches every scenario off and disarms every platform', async () => {
    const a = await desk.newPlatform(`Amazon Testfall ${++n}`);
    const b = await desk.newPlatform(`Amazon Testfall ${++n}`);
    await desk.call('armSandboxScenario', { id: a.id, scenario: 'otp_always_wrong' });
    await desk.call('signIn', { id: a.id, mode: 'login' });
    await desk.call('armSandboxScenario', { id: b.id, scenario: 'code_expired' });
    expect((await desk.call('getSandboxScenarios'))!.active).toHaveLength(1);
    const view = await desk.call('resetSandboxScenarios');
    expect(view.active).toEqual([]);
    expect((await desk.platform(b.id)).sandboxArmed).toBeUndefined();
  });

  it('refuses unknown scenarios and accounts', async () => {
    const p = await desk.newPlatform(`Amazon Testfall ${++n}`);
    expect(await desk.failureCode('armSandboxScenario', { id: p.id, scenario: 'no_such' })).toBe('INVALID_INPUT');
    expect(await desk.failureCode('armSandboxScenario', { id: p.id, account: 'nobody@example.com' })).toBe(
      'INVALID_INPUT',
    );
    expect(await desk.failureCode('armSandboxScenario', { id: p.id, account: 'a\u0000b@example.com' })).toBe(
      'INVALID_INPUT',
    );
    const disarmed = await desk.call('armSandboxScenario', { id: p.id });
    expect(disarmed.sandboxArmed).toBeUndefined();
  });

  it('a test case leaves nothing armed after one sign-in (LWA 500: more failures armed than one sign-in uses)', async () => {
    const p = await desk.newPlatform(`Amazon Testfall ${++n}`);
    await desk.call('armSandboxScenario', { id: p.id, scenario: 'lwa_500' });
    await desk.call('signIn', { id: p.id, mode: 'login' });
    const url = desk.opened.at(-1)!;
    expect((await new SellerBrowser().go(url)).text).toContain(`value="${EU.email}"`);
    expect((await desk.call('getSandboxScenarios'))!.active).toEqual([
      expect.objectContaining({ id: 'lwa_500', account: EU.email }),
    ]);
    const browser = new SellerBrowser();
    await confirmConsent(browser, await signInToConsent(browser, url, EU, stack.sandbox.url));
    const failed = await desk.until(p.id, (x) => x.auth.status !== 'waiting');
    expect(failed.auth).toMatchObject({ status: 'failed', error: { code: 'LWA_UNAVAILABLE' } });
    await expect.poll(async () => (await desk.call('getSandboxScenarios'))!.active).toEqual([]);
    expect((await desk.call('getTimeline', { id: p.id })).map((e) => e.step)).toContain(
      'sandbox test case switched off after the sign-in',
    );
    // The next sign-in, on any platform, works.
    const q = await desk.newPlatform(`Amazon Testfall ${++n}`);
    await desk.call('signIn', { id: q.id, mode: 'login' });
    const next = new SellerBrowser();
    await confirmConsent(next, await signInToConsent(next, desk.opened.at(-1)!, EU, stack.sandbox.url));
    expect((await desk.until(q.id, (x) => x.auth.status !== 'waiting')).auth.status).toBe('authenticated');
  });
});

// Every sandbox scenario and every Seller Central rule (docs/amazon.md §5) driven through the real core
// against the real cloud, the real sandbox and the real keychain: the code the core ends with, and
// the German message the renderer has for it.
//   - Seller Central failures never reach the cloud: the seller's browser shows Amazon's page, and
//     the core times out with AUTH_TIMEOUT once both clocks pass the 10-minute lifetime.
//   - LWA failures end the sign-in with the cloud's code; transient ones are retried by the cloud.
//   - SP-API failures end "Einstellungen importieren" with the cloud's code.
import { describe, expect, it } from 'vitest';
import { seedAccount, type SeedAccount } from '../../sandbox/seed';
import type { ConsentErrorKey } from '../../sandbox/consent-errors';
import { CONSENT_PAGE_SCENARIOS, SCENARIO_IDS, type ScenarioId } from '../../sandbox/scenarios';
import { activateScenario, type Stack } from '../../cloud/testing/stack';
import { confirmConsent, SellerBrowser, signInToConsent, type Page } from '../../cloud/testing/seller-browser';
import { consentTarget } from '../../cloud/testing/flow-steps';
import { errorsDe } from '../../renderer/src/i18n/errors.de';
import type { Platform } from '../../shared/platform';
import type { Desktop } from './testing/desktop';
import { importedCountries, useDesktopStack } from './testing/desktop-stack';

const EU = seedAccount('eu.haendler@example.com')!;
const NA = seedAccount('na.seller@example.com')!;
const SECONDARY = seedAccount('mitarbeiter@example.com')!;
const INDIVIDUAL = seedAccount('privatverkaeufer@example.com')!;

// A short cloud → Amazon timeout keeps lwa_slow quick; fewer LWA attempts keep lwa_500 quick.
const HTTP_TIMEOUT_MS = 800;
const LWA_ATTEMPTS = 3;

let stack: Stack;
let desk: Desktop;
let shift = 0;
let counter = 0;

// Scenarios, sessions, codes and tokens back to the seed before each test: every test starts from a
// clean Amazon.
useDesktopStack('Szenario Handel GmbH', (s) => ({ stack, desk } = s), {
  stack: { overrides: { httpTimeoutMs: HTTP_TIMEOUT_MS, lwaMaxAttempts: LWA_ATTEMPTS } },
  desktop: { now: () => Date.now() + shift },
  freshSandbox: true,
});

/** Every scenario this file's tests armed (the last test checks that none is left out). */
const armed = new Set<ScenarioId>();

/** A scenario for the EU seller only (per-account, so nothing else is affected). */
const scenario = (id: ScenarioId, extra: { count?: number; ms?: number } = {}) => {
  armed.add(id);
  return activateScenario(stack.sandbox.url, { id, account: EU.email, ...extra });
};

const errors = errorsDe as Record<string, string>;
const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/** The German text the renderer shows for a code (its `_generic` variant when a parameter is missing); never UNKNOWN. */
function germanMessage(code: string, params: Record<string, unknown> = {}): string {
  const text = errors[code];
  expect(text, `no German message for ${code}`).toEqual(expect.any(String));
  expect(text).not.toBe(errors.UNKNOWN);
  // Button names are filled from the buttons' keys (translator.ts BUTTON_KEYS).
  const all: Record<string, unknown> = {
    btnSignIn: 'ANMELDEN',
    btnRefresh: 'AKTUALISIEREN',
    btnExport: 'Protokoll exportieren',
    btnImport: 'Einstellungen importieren',
    ...params,
  };
  const filled = text!.replace(PLACEHOLDER, (m, k: string) => (all[k] !== undefined ? String(all[k]) : m));
  if (!/\{\{/.test(filled)) return filled;
  const generic = errors[`${code}_generic`];
  expect(generic, `${code} needs ${filled} but has no _generic text`).toEqual(expect.any(String));
  return generic!.replace(PLACEHOLDER, (m, k: string) => (all[k] !== undefined ? String(all[k]) : m));
}

/** A fresh cloud-enabled platform with ANMELDEN clicked; returns it and the URL the core opened. */
async function startSignIn(countryCode = 'DE') {
  const p = await desk.newPlatform(`Amazon Szenario ${++counter}`, countryCode);
  const waiting = await desk.call('signIn', { id: p.id, mode: 'login' });
  expect(waiting.auth).toMatchObject({ status: 'waiting', browserOpened: true });
  return { p, url: desk.opened.at(-1)! };
}

/** The seller's browser up to the page after sign-in and one-time code (consent, or an error page). */
async function browse(url: string, seller: SeedAccount = EU): Promise<{ browser: SellerBrowser; page: Page }> {
  const browser = new SellerBrowser();
  return { browser, page: await signInToConsent(browser, url, seller, stack.sandbox.url) };
}

/** Sign-in, one-time code, consent and the cloud's callback page. */
async function consent(url: string, seller: SeedAccount = EU): Promise<Page> {
  const { browser, page } = await browse(url, seller);
  expect(page.text).toContain('data-page="consent"');
  return confirmConsent(browser, page);
}

async function authenticated(): Promise<Platform> {
  const { p, url } = await startSignIn();
  await consent(url);
  return desk.until(p.id, (x) => x.auth.status === 'authenticated');
}

const ended = (p: Platform) => p.auth.status !== 'waiting';

/** Nobody reaches the cloud: move both clocks past the authorization's lifetime; the core says AUTH_TIMEOUT. */
async function expectTimeout(platformId: string) {
  expect((await desk.platform(platformId)).auth.status).toBe('waiting');
  const lifetimePlus = stack.config.authorizationTtlSeconds * 1000 + 60_000;
  stack.clock.advance(lifetimePlus);
  shift += lifetimePlus;
  const done = await desk.until(platformId, ended);
  expect(done.auth).toMatchObject({ status: 'expired', error: { code: 'AUTH_TIMEOUT' } });
  germanMessage('AUTH_TIMEOUT');
  return done;
}

const errorPage = (key: ConsentErrorKey) => `data-page="error" data-error="${key}"`;

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

describe('Login with Amazon: the code exchange in the cloud', () => {
  async function signInUnder(id: ScenarioId, extra: { count?: number; ms?: number } = {}) {
    const { p, url } = await startSignIn();
    await scenario(id, extra);
    const page = await consent(url);
    return { page, done: await desk.until(p.id, ended) };
  }

  it('code_expired → LWA_INVALID_GRANT', async () => {
    const { page, done } = await signInUnder('code_expired');
    expect(page.status).toBeGreaterThanOrEqual(400);
    expect(done.auth).toMatchObject({ status: 'failed', error: { code: 'LWA_INVALID_GRANT' } });
    germanMessage('LWA_INVALID_GRANT');
  });

  it('invalid_client → LWA_INVALID_CLIENT', async () => {
    const { done } = await signInUnder('invalid_client');
    expect(done.auth).toMatchObject({ status: 'failed', error: { code: 'LWA_INVALID_CLIENT' } });
    germanMessage('LWA_INVALID_CLIENT');
  });

  it('lwa_500 on every attempt → LWA_UNAVAILABLE once the cloud’s retries are used up', async () => {
    const { done } = await signInUnder('lwa_500', { count: LWA_ATTEMPTS });
    expect(done.auth).toMatchObject({ status: 'failed', error: { code: 'LWA_UNAVAILABLE' } });
    germanMessage('LWA_UNAVAILABLE');
  });

  it('lwa_503 once → retried by the cloud, authenticated', async () => {
    const { page, done } = await signInUnder('lwa_503', { count: 1 });
    expect(page.status).toBe(200);
    expect(done.auth).toMatchObject({ status: 'authenticated', sellingPartnerId: EU.sellingPartnerId });
  });

  it('lwa_slow once (slower than the cloud’s timeout) → retried, authenticated', async () => {
    const { done } = await signInUnder('lwa_slow', { count: 1, ms: HTTP_TIMEOUT_MS * 3 });
    expect(done.auth).toMatchObject({ status: 'authenticated', sellingPartnerId: EU.sellingPartnerId });
  });

  it('a refresh that fails (code_expired during AKTUALISIEREN) keeps the previous authentication; import still works', async () => {
    const p = await authenticated();
    const waiting = await desk.call('signIn', { id: p.id, mode: 'refresh' });
    expect(waiting.auth).toMatchObject({
      status: 'waiting',
      mode: 'refresh',
      previous: { sellingPartnerId: EU.sellingPartnerId },
    });
    await scenario('code_expired', { count: 1 });
    await consent(desk.opened.at(-1)!);
    const failed = await desk.until(p.id, ended);
    expect(failed.auth).toMatchObject({
      status: 'failed',
      error: { code: 'LWA_INVALID_GRANT' },
      previous: { sellingPartnerId: EU.sellingPartnerId },
    });
    germanMessage('LWA_INVALID_GRANT');

    const imported = await desk.call('importSettings', { id: p.id });
    expect(imported.marketplaces?.map((m) => m.countryCode).sort()).toEqual(importedCountries(EU));
    // The next AKTUALISIEREN is still a refresh of the kept authentication.
    const again = await desk.call('signIn', { id: p.id, mode: 'refresh' });
    expect(again.auth).toMatchObject({ status: 'waiting', previous: { sellingPartnerId: EU.sellingPartnerId } });
    await consent(desk.opened.at(-1)!);
    expect((await desk.until(p.id, ended)).auth).toMatchObject({
      status: 'authenticated',
      sellingPartnerId: EU.sellingPartnerId,
    });
  });

  it('a refresh that times out keeps the previous authentication too', async () => {
    const p = await authenticated();
    await desk.call('signIn', { id: p.id, mode: 'refresh' });
    const expired = await expectTimeout(p.id);
    expect(expired.auth).toMatchObject({ previous: { sellingPartnerId: EU.sellingPartnerId } });
    expect((await desk.call('importSettings', { id: p.id })).marketplaces).toHaveLength(8);
  });
});

describe('SP-API: Einstellungen importieren', () => {
  it('refresh_revoked → REFRESH_TOKEN_REVOKED, and the platform’s status says so', async () => {
    const p = await authenticated();
    await scenario('refresh_revoked');
    const error = await desk.failure('importSettings', { id: p.id });
    expect(error.code).toBe('REFRESH_TOKEN_REVOKED');
    germanMessage(error.code, error.params);
    expect((await desk.platform(p.id)).auth).toMatchObject({
      status: 'failed',
      error: { code: 'REFRESH_TOKEN_REVOKED' },
    });
    expect(await desk.failure('importSettings', { id: p.id })).toMatchObject({ code: 'NOT_AUTHENTICATED' });
  });

  it('refresh_revoked during AKTUALISIEREN: the import fails, the running refresh still completes', async () => {
    const p = await authenticated();
    await desk.call('signIn', { id: p.id, mode: 'refresh' });
    const url = desk.opened.at(-1)!;
    await scenario('refresh_revoked', { count: 1 });
    const error = await desk.failure('importSettings', { id: p.id });
    expect(error.code).toBe('REFRESH_TOKEN_REVOKED');
    // The revoked authorization is no longer kept to fall back on, but the seller can still confirm.
    const waiting = await desk.platform(p.id);
    expect(waiting.auth.status).toBe('waiting');
    expect(waiting.auth).not.toHaveProperty('previous');
    await consent(url);
    expect((await desk.until(p.id, ended)).auth).toMatchObject({
      status: 'authenticated',
      sellingPartnerId: EU.sellingPartnerId,
    });
    expect((await desk.call('importSettings', { id: p.id })).marketplaces).toHaveLength(8);
  });

  it.each<{ id: ScenarioId; count: number | undefined; code: string }>([
    // Every import until the scenario is removed; the sign-in stays valid.
    { id: 'roles_missing', count: undefined, code: 'SPAPI_ROLES_MISSING' },
    // Once: the next import works.
    { id: 'spapi_429', count: 1, code: 'SPAPI_RATE_LIMITED' },
    { id: 'spapi_500', count: undefined, code: 'SPAPI_SERVER_ERROR' },
  ])('$id → $code', async ({ id, count, code }) => {
    const p = await authenticated();
    await scenario(id, count ? { count } : {});
    const error = await desk.failure('importSettings', { id: p.id });
    expect(error.code).toBe(code);
    const message = germanMessage(error.code, error.params);
    if (code === 'SPAPI_RATE_LIMITED') {
      // With the seconds to wait.
      const retryAfter = error.params?.retryAfter;
      expect(typeof retryAfter === 'number' && retryAfter > 0).toBe(true);
      expect(message).toContain(`${String(retryAfter)} Sekunden`);
    }
    expect((await desk.platform(p.id)).auth.status).toBe('authenticated');
    if (count) expect((await desk.call('importSettings', { id: p.id })).marketplaces).toHaveLength(8);
  });
});

// Scenarios whose tests live in other files, and where.
const COVERED_ELSEWHERE: Partial<Record<ScenarioId, string>> = {
  ...Object.fromEntries(
    Object.keys(CONSENT_PAGE_SCENARIOS).map((id) => [
      id,
      'sandbox/replay.integration.test.ts, e2e/replay-every-code.spec.ts',
    ]),
  ),
  login_uri_new_seller:
    'login-uri.integration.test.ts, cloud/login-uri-step.test.ts, e2e/first-sign-in-login-uri.spec.ts',
  login_uri_relative_callback: 'cloud/login-uri-step.test.ts, sandbox/login-uri.test.ts',
  pricing_role_missing: 'seller-id-proof.integration.test.ts, sandbox/fees.integration.test.ts',
  fees_client_error: 'seller-id-proof.integration.test.ts, sandbox/fees.integration.test.ts',
  fees_429: 'seller-id-proof.integration.test.ts, sandbox/fees.integration.test.ts',
  redirect_seller_id_edited: 'seller-id-proof.integration.test.ts, e2e/replay-every-code.spec.ts',
};

it('covers every scenario the sandbox offers', () => {
  expect(SCENARIO_IDS.filter((id) => !armed.has(id) && !COVERED_ELSEWHERE[id])).toEqual([]);
});

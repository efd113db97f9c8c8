// The set-up the scenario tests (electron/core/scenarios-*.integration.test.ts) share: the real core
// against the real cloud, sandbox and keychain, and the steps a seller takes in the browser.
import { expect } from 'vitest';
import { seedAccount, type SeedAccount } from '../../../sandbox/seed';
import type { ConsentErrorKey } from '../../../sandbox/consent-errors';
import type { ScenarioId } from '../../../sandbox/scenarios';
import { activateScenario, type Stack } from '../../../cloud/testing/stack';
import { confirmConsent, SellerBrowser, signInToConsent, type Page } from '../../../cloud/testing/seller-browser';
import { errorsDe } from '../../../renderer/src/i18n/errors.de';
import type { Platform } from '../../../shared/platform';
import type { Desktop } from './desktop';
import { useDesktopStack } from './desktop-stack';

export const EU = seedAccount('eu.haendler@example.com')!;

// A short cloud → Amazon timeout keeps lwa_slow quick; fewer LWA attempts keep lwa_500 quick.
export const HTTP_TIMEOUT_MS = 800;
export const LWA_ATTEMPTS = 3;

const errors = errorsDe as Record<string, string>;
const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/** The German text the renderer shows for a code (its `_generic` variant when a parameter is missing); never UNKNOWN. */
export function germanMessage(code: string, params: Record<string, unknown> = {}): string {
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

export const ended = (p: Platform) => p.auth.status !== 'waiting';

export const errorPage = (key: ConsentErrorKey) => `data-page="error" data-error="${key}"`;

/**
 * Starts the stack for one file (a fresh sandbox; scenarios, sessions, codes and tokens back to the
 * seed before each test) and returns the seller's and the desktop's steps.
 */
export function useScenarioDesk(tenantName: string) {
  let stack: Stack;
  let desk: Desktop;
  let shift = 0;
  let counter = 0;
  useDesktopStack(tenantName, (s) => ({ stack, desk } = s), {
    stack: { overrides: { httpTimeoutMs: HTTP_TIMEOUT_MS, lwaMaxAttempts: LWA_ATTEMPTS } },
    desktop: { now: () => Date.now() + shift },
    freshSandbox: true,
  });

  /** A scenario for the EU seller only (per-account, so nothing else is affected). */
  const scenario = (id: ScenarioId, extra: { count?: number; ms?: number } = {}) =>
    activateScenario(stack.sandbox.url, { id, account: EU.email, ...extra });

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

  return {
    get desk() {
      return desk;
    },
    scenario,
    startSignIn,
    browse,
    consent,
    authenticated,
    expectTimeout,
  };
}

// Export → import → the same error, for every failure the app explains (real core, cloud, sandbox,
// keychain). The merchant's desktop meets each failure the way it happens on Amazon; support's desktop
// imports the export, clicks ANMELDEN on the armed platform, walks Seller Central with the account
// filled in, reports what the page shows where the merchant did, and ends with the same code, params
// and German text. Hostile files get a clear error.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedAccount, type SeedAccount } from '../../../sandbox/seed';
import { activateScenario, startStack, type Stack } from '../../../cloud/testing/stack';
import { confirmConsent, SellerBrowser, signInToConsent, type Page } from '../../../cloud/testing/seller-browser';
import {
  SELLER_CENTRAL_ERROR_KEYS,
  SELLER_CENTRAL_ERRORS,
  type SellerCentralErrorKey,
} from '../../../shared/seller-central-errors';
import type { Platform } from '../../../shared/platform';
import { errorsDe } from '../../../renderer/src/i18n/errors.de';
import type { Desktop } from '../testing/desktop';
import { connectedDesktop } from '../testing/desktop-stack';

const EU = seedAccount('eu.haendler@example.com')!;
// Past the sign-in window (30 minutes, docs/amazon.md) on both clocks.
const LIFETIME_PLUS = 31 * 60_000;
let stack: Stack;
let merchant: Desktop;
let support: Desktop;
let shift = 0;
let n = 0;

beforeAll(async () => {
  stack = await startStack({ overrides: { httpTimeoutMs: 800, lwaMaxAttempts: 3 } });
  const tenant = await stack.cloud.createTenant('Replay GmbH');
  const now = () => Date.now() + shift;
  merchant = await connectedDesktop(stack.cloud.url, tenant, { sandboxUrl: stack.sandbox.url, now });
  support = await connectedDesktop(stack.cloud.url, tenant, { sandboxUrl: stack.sandbox.url, now });
});
afterAll(async () => {
  await merchant?.close();
  await support?.close();
  await stack?.close();
});
beforeEach(async () => {
  await fetch(`${stack.sandbox.url}/sandbox/api/reset`, { method: 'POST' });
});

const ended = (p: Platform) => p.auth.status !== 'waiting';
const dataError = (page: Page) => /data-error="([^"]+)"/.exec(page.text)?.[1];

/** What the app shows for a platform's outcome: failed/expired code + params, a waiting hint, or the import's failure. */
interface Outcome {
  code: string;
  params?: Record<string, unknown>;
}
function outcomeOf(p: Platform, importError?: Outcome): Outcome {
  if (importError) return importError;
  if (p.auth.status === 'waiting' && p.auth.hint)
    return { code: p.auth.hint.code, ...(p.auth.hint.params ? { params: p.auth.hint.params } : {}) };
  if (p.auth.status === 'failed' || p.auth.status === 'expired')
    return { code: p.auth.error!.code, ...(p.auth.error!.params ? { params: p.auth.error!.params } : {}) };
  throw new Error(`no failure: ${JSON.stringify(p.auth)}`);
}

async function timeout(d: Desktop, id: string) {
  stack.clock.advance(LIFETIME_PLUS);
  shift += LIFETIME_PLUS;
  return d.until(id, ended);
}

/** The merchant meets a failure as it happens on Amazon, then exports the Protokoll. */
async function merchantFails(kind: string): Promise<{ exported: string; outcome: Outcome }> {
  const p = await merchant.newPlatform(`Amazon Händler ${++n}`);
  const sc = SELLER_CENTRAL_ERROR_KEYS.find((k) => SELLER_CENTRAL_ERRORS[k].errorCode === kind);
  const browse = async (who: SeedAccount = EU) => {
    await merchant.call('signIn', { id: p.id, mode: 'login' });
    const browser = new SellerBrowser();
    return { browser, page: await signInToConsent(browser, merchant.opened.at(-1)!, who, stack.sandbox.url) };
  };
  let importError: Outcome | undefined;
  const scenario = (id: string, extra: { count?: number } = {}) =>
    activateScenario(stack.sandbox.url, { id, account: EU.email, ...extra });
  if (sc) {
    const key: SellerCentralErrorKey = sc;
    const how: Record<Exclude<SellerCentralErrorKey, (typeof ON_AMAZON_ONLY)[number]>, () => Promise<void>> = {
      wrong_region: async () => void (await browse(seedAccount('na.seller@example.com')!)),
      not_primary: async () => void (await browse(seedAccount('mitarbeiter@example.com')!)),
      individual_account: async () => void (await browse(seedAccount('privatverkaeufer@example.com')!)),
      draft_limit: async () => (await scenario('draft_limit_reached'), void (await browse())),
      otp_rejected: async () => (await scenario('otp_always_wrong'), void (await browse())),
      consent_cancelled: async () => {
        const { browser, page } = await browse();
        await confirmConsent(browser, page, 'cancel');
      },
      browser_closed: async () => void (await merchant.call('signIn', { id: p.id, mode: 'login' })),
      session_expired: async () => (await scenario('consent_session_expired'), void (await browse())),
      MD1000: async () => (await scenario('consent_md1000'), void (await browse())),
      MD5101: async () => (await scenario('consent_md5101'), void (await browse())),
      MD5110: async () => (await scenario('consent_md5110'), void (await browse())),
      MD9000: async () => (await scenario('consent_md9000'), void (await browse())),
      MD9010: async () => (await scenario('consent_md9010'), void (await browse())),
      MD9100: async () => (await scenario('consent_md9100'), void (await browse())),
      MD9999: async () => (await scenario('consent_md9999'), void (await browse())),
    };
    await how[key as keyof typeof how]();
    await merchant.call('reportSellerCentralError', {
      id: p.id,
      key,
      ...(key === 'wrong_region' ? { actualRegion: 'NA' } : {}),
    });
  } else if (kind === 'AUTH_TIMEOUT') {
    await merchant.call('signIn', { id: p.id, mode: 'login' });
    await timeout(merchant, p.id);
  } else if (kind.startsWith('LWA_') || kind === 'SELLER_ID_DISPROVEN') {
    await scenario(
      {
        LWA_INVALID_GRANT: 'code_expired',
        LWA_INVALID_CLIENT: 'invalid_client',
        LWA_UNAVAILABLE: 'lwa_500',
        SELLER_ID_DISPROVEN: 'redirect_seller_id_edited',
      }[kind]!,
      kind === 'LWA_UNAVAILABLE' ? { count: 5 } : {},
    );
    const { browser, page } = await browse();
    await confirmConsent(browser, page);
    await merchant.until(p.id, ended);
  } else {
    const { browser, page } = await browse();
    await confirmConsent(browser, page);
    await merchant.until(p.id, ended);
    await scenario(
      {
        REFRESH_TOKEN_REVOKED: 'refresh_revoked',
        SPAPI_ROLES_MISSING: 'roles_missing',
        SPAPI_RATE_LIMITED: 'spapi_429',
        SPAPI_SERVER_ERROR: 'spapi_500',
      }[kind]!,
    );
    const e = await merchant.failure('importSettings', { id: p.id });
    importError = { code: e.code, ...(e.params ? { params: e.params } : {}) };
  }
  const outcome = outcomeOf(await merchant.platform(p.id), importError);
  expect(outcome.code).toBe(kind);
  return { exported: JSON.stringify(await merchant.call('exportTimeline', { id: p.id })), outcome };
}

/** Support imports the file and replays it: ANMELDEN, Seller Central with the filled-in account, the report or the import. */
async function supportReplays(exported: string): Promise<Outcome> {
  await fetch(`${stack.sandbox.url}/sandbox/api/reset`, { method: 'POST' });
  const { platform, plan, errorCode } = await support.call('importTimeline', { text: exported });
  expect(platform.sandboxArmed?.account).toBe(plan.account);
  expect(errorCode).toEqual(expect.any(String));
  await support.call('signIn', { id: platform.id, mode: 'login' });
  const url = support.opened.at(-1)!;
  if (plan.report === 'browser_closed') {
    await support.call('reportSellerCentralError', { id: platform.id, key: 'browser_closed' });
    return outcomeOf(await support.platform(platform.id));
  }
  if (errorCode === 'AUTH_TIMEOUT') return outcomeOf(await timeout(support, platform.id));
  const browser = new SellerBrowser();
  const signInPage = await browser.go(url);
  const email = /id="ap_email"[^>]*value="([^"]*)"/.exec(signInPage.text)?.[1];
  expect(email).toBe(plan.account);
  let page = await signInToConsent(browser, url, seedAccount(email!)!, stack.sandbox.url);
  if (plan.report) {
    // Support confirms where Amazon asks, sees Amazon's page and reports it, as the merchant did.
    if (page.text.includes('data-page="consent"')) page = await confirmConsent(browser, page);
    expect(dataError(page)).toBe(plan.report);
    await support.call('reportSellerCentralError', { id: platform.id, key: plan.report as SellerCentralErrorKey });
    return outcomeOf(await support.platform(platform.id));
  }
  if (plan.scenario === 'consent_cancelled') await confirmConsent(browser, page, 'cancel');
  else await confirmConsent(browser, page);
  const done = await support.until(platform.id, ended);
  if (plan.afterSignIn === 'importSettings') {
    const e = await support.failure('importSettings', { id: platform.id });
    return { code: e.code, ...(e.params ? { params: e.params } : {}) };
  }
  return outcomeOf(done);
}

/** Pages only a sign-in started on Amazon's side (Re-Authorize, Appstore) can show; ANMELDEN never meets them. */
const ON_AMAZON_ONLY = ['amazon_state_invalid', 'login_uri_missing'] as const;

const CODES = [
  ...SELLER_CENTRAL_ERROR_KEYS.filter((k) => !(ON_AMAZON_ONLY as readonly string[]).includes(k)).map(
    (k) => SELLER_CENTRAL_ERRORS[k].errorCode,
  ),
  'AUTH_TIMEOUT',
  'LWA_INVALID_GRANT',
  'LWA_INVALID_CLIENT',
  'LWA_UNAVAILABLE',
  'SELLER_ID_DISPROVEN',
  'REFRESH_TOKEN_REVOKED',
  'SPAPI_ROLES_MISSING',
  'SPAPI_RATE_LIMITED',
  'SPAPI_SERVER_ERROR',
];

describe('export → import → the same error', () => {
  /** The German text with its parameters filled in (the renderer's errorText does the same, plus region names). */
  const german = (o: { code: string; params: Record<string, unknown> }) => {
    const text = (errorsDe as Record<string, string>)[o.code];
    expect(text, o.code).toEqual(expect.any(String));
    return text!.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, k: string) => String(o.params[k] ?? '…'));
  };
  it.each(CODES)('%s', async (code) => {
    const { exported, outcome } = await merchantFails(code);
    const replayed = await supportReplays(exported);
    // retryAfter is Amazon's answer of the moment; everything else must be the same.
    const strip = (o: Outcome) => ({
      code: o.code,
      params: Object.fromEntries(Object.entries(o.params ?? {}).filter(([k]) => k !== 'retryAfter')),
    });
    expect(strip(replayed)).toEqual(strip(outcome));
    expect(german(strip(replayed))).toBe(german(strip(outcome)));
  });
});

describe('hostile import files get a clear error', () => {
  it.each([
    ['not JSON', '{"format":'],
    ['huge', 'x'.repeat(600 * 1024)],
    [
      'wrong types',
      JSON.stringify({ format: 'amazon-cloud-connect-protokoll', version: 1, header: 'x', status: {}, timeline: [] }),
    ],
    ['control characters', '{"format":"amazon-cloud-connect-protokoll\\u0000"}'],
    ['an array', '[]'],
  ])('%s', async (_name, text) => {
    const before = (await support.call('listPlatforms')).length;
    const e = await support.failure('importTimeline', { text });
    expect(['IMPORT_INVALID', 'INVALID_INPUT']).toContain(e.code);
    expect((await support.call('listPlatforms')).length).toBe(before);
  });

  it('an export with a control character deep inside is refused', async () => {
    const { exported } = await merchantFails('SELLER_CENTRAL_NOT_PRIMARY');
    const bad = JSON.parse(exported) as { timeline: { detail?: string }[] };
    bad.timeline[0]!.detail = 'ok\u001b[31m';
    expect(await support.failure('importTimeline', { text: JSON.stringify(bad) })).toMatchObject({
      code: 'IMPORT_INVALID',
      params: { field: 'timeline.0.detail' },
    });
  });
});

// The consent link starts at the cloud, and the Login URI continues the sign-in it belongs to
// (docs/amazon.md §1.6): the real sandbox and cloud on loopback, a cookie-keeping browser without a UI.
// Both documented variants of the website workflow run: Amazon sending a new seller through the Login URI
// after the consent (scenario login_uri_new_seller), and Amazon redirecting straight to the redirect URI.
// Also: amazon_callback_uri on every Amazon host and as a relative path, Login URI requests from an
// outsider that must neither cancel nor decide anything, and the pairing code on the callback's page.
import { describe, expect, it } from 'vitest';
import { productionApp, seedAccount, type SeedAccount } from '../sandbox';
import { useLoginUriStack } from './testing/login-uri-stack';
import { confirmConsent, SellerBrowser, signInToConsent } from './testing/seller-browser';
import { authenticatedPlatform, authorization, consentAndCallback, newPlatform, startAuth } from './testing/flow-steps';

const EU = seedAccount('eu.haendler@example.com')!;
const OTHER = seedAccount('gesperrte.angebote@example.com')!;
const APP = productionApp();

const s = useLoginUriStack('Login URI step');

async function scenario(id: string, account?: string): Promise<void> {
  const res = await fetch(`${s.stack.sandbox.url}/sandbox/api/scenarios`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id, ...(account ? { account } : {}) }),
  });
  expect(res.status).toBe(200);
}

async function authorizationsOf(
  platformId: string,
): Promise<{ id: string; status: string; origin: string; error_code: string | null }[]> {
  const { rows } = await s.stack.cloud.db.query<{
    id: string;
    status: string;
    origin: string;
    error_code: string | null;
  }>('SELECT id, status, origin, error_code FROM authorizations WHERE platform_id = $1 ORDER BY seq', [platformId]);
  return rows;
}

/** The desktop's ANMELDEN: the start link, the seller's sign-in and consent; the page the browser ends on. */
async function firstSignIn(platformId: string, seller: SeedAccount = EU) {
  const auth = await startAuth(s.client, platformId);
  const browser = new SellerBrowser();
  const page = await confirmConsent(
    browser,
    await signInToConsent(browser, auth.consentUrl, seller, s.stack.sandbox.url),
  );
  return { auth, page, browser };
}

describe('the start link', () => {
  it('is the consent link: binds the browser with a short-lived HttpOnly, SameSite=Lax cookie and redirects to Seller Central', async () => {
    const platformId = await newPlatform(s.client);
    const auth = await startAuth(s.client, platformId);
    const link = new URL(auth.consentUrl);
    expect(`${link.origin}${link.pathname}`).toBe(`${s.stack.cloud.url}/oauth/amazon/start/${auth.id}`);
    const res = await fetch(auth.consentUrl, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const consent = new URL(res.headers.get('location')!);
    expect(consent.pathname).toBe('/sc/sellercentral-europe.amazon.com/apps/authorize/consent');
    expect(consent.searchParams.get('state')).toBe(link.searchParams.get('state'));
    expect(consent.searchParams.get('application_id')).toBe(APP.applicationId);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^acc_signin=[\w.-]+; Max-Age=(\d+); Path=\/oauth\/amazon; HttpOnly; SameSite=Lax$/);
    // http on loopback: no Secure (the browser would drop it); at most the sign-in's lifetime.
    expect(Number(/Max-Age=(\d+)/.exec(cookie)![1])).toBeLessThanOrEqual(s.stack.config.authorizationTtlSeconds);
  });

  it('refuses a forged or foreign state, and says when the sign-in is over', async () => {
    const platformId = await newPlatform(s.client);
    const auth = await startAuth(s.client, platformId);
    const state = new URL(auth.consentUrl).searchParams.get('state')!;
    for (const url of [
      `${s.stack.cloud.url}/oauth/amazon/start/${auth.id}`,
      `${s.stack.cloud.url}/oauth/amazon/start/${auth.id}?state=${state}x`,
      `${s.stack.cloud.url}/oauth/amazon/start/auth_other?state=${state}`,
      `${s.stack.cloud.url}/oauth/amazon/start/${auth.id}?state=%00`,
    ]) {
      const res = await fetch(url, { redirect: 'manual' });
      expect(res.status, url).toBe(400);
      expect(res.headers.get('set-cookie'), url).toBeNull();
      expect(await res.text()).toContain('data-reason="bad_request"');
    }
    expect((await s.client.raw('POST', `/v1/authorizations/${auth.id}/cancel`)).status).toBe(200);
    const over = await fetch(auth.consentUrl, { redirect: 'manual', headers: { 'accept-language': 'en' } });
    expect(over.status).toBe(410);
    expect(over.headers.get('set-cookie')).toBeNull();
    expect(await over.text()).toContain('data-reason="sign_in_over"');
  });
});

describe('first sign-in, website workflow', () => {
  it('Amazon sends the new seller through the Login URI: the cookie continues the same sign-in and the JSON page follows', async () => {
    await scenario('login_uri_new_seller', EU.email);
    const platformId = await newPlatform(s.client);
    const { auth, page } = await firstSignIn(platformId);
    expect(page.url.startsWith(`${s.stack.cloud.url}/oauth/amazon/callback?`)).toBe(true);
    expect(page.status).toBe(200);
    const body = JSON.parse(page.text) as { result: { result: { state: string; spapi_oauth_code: string } } };
    expect(body.result.result.state).toBe(new URL(auth.consentUrl).searchParams.get('state'));
    expect(body.result.result.spapi_oauth_code).toBeTruthy();
    expect(await authorization(s.client, auth.id)).toMatchObject({
      status: 'authenticated',
      sellingPartnerId: EU.sellingPartnerId,
    });
    // Exactly one authorization: nothing started at Amazon's side, nothing superseded.
    expect(await authorizationsOf(platformId)).toEqual([
      { id: auth.id, status: 'authenticated', origin: 'desktop', error_code: null },
    ]);
  });

  it('without the Login URI step Amazon redirects straight to the redirect URI', async () => {
    const platformId = await newPlatform(s.client);
    const { auth, page } = await firstSignIn(platformId);
    expect(page.status).toBe(200);
    expect(JSON.parse(page.text).result.result.state).toBe(new URL(auth.consentUrl).searchParams.get('state'));
    expect(await authorizationsOf(platformId)).toEqual([
      { id: auth.id, status: 'authenticated', origin: 'desktop', error_code: null },
    ]);
  });

  it("without the cookie (another browser) the callback asks for the pairing code after Amazon's redirect, and the code completes it", async () => {
    await scenario('login_uri_new_seller', EU.email);
    const platformId = await newPlatform(s.client);
    const auth = await startAuth(s.client, platformId);
    const consentUrl = (await fetch(auth.consentUrl, { redirect: 'manual' })).headers.get('location')!;
    const browser = new SellerBrowser();
    // Amazon's documented order: the consent, then the Login URI (a redirect back to Amazon as for any
    // seller), then Amazon's redirect with the code, where the cloud learns who the seller is.
    const asked = await confirmConsent(
      browser,
      await signInToConsent(browser, new URL(consentUrl, s.stack.sandbox.url).href, EU, s.stack.sandbox.url),
    );
    expect(asked.url.startsWith(`${s.stack.cloud.url}/oauth/amazon/callback?`)).toBe(true);
    expect(asked.status).toBe(200);
    expect(asked.text).toContain('data-reason="unknown_seller"');
    // The desktop's own sign-in is still pending: nothing was cancelled.
    expect(await authorization(s.client, auth.id)).toMatchObject({ status: 'pending' });
    const code = (await s.client.raw('POST', `/v1/platforms/${platformId}/pairing-code`, { body: {} })).body
      .code as string;
    const done = await browser.submit(asked, { code });
    expect(done.status).toBe(200);
    expect(JSON.parse(done.text).result.result.spapi_oauth_code).toBeTruthy();
    expect((await s.client.raw('GET', `/v1/platforms/${platformId}`)).body).toMatchObject({
      status: 'authenticated',
      sellingPartnerId: EU.sellingPartnerId,
    });
    // The consent went to a sign-in marked as Amazon's; the desktop's own one is left alone.
    const rows = await authorizationsOf(platformId);
    expect(rows.map((r) => [r.origin, r.status])).toEqual([
      ['desktop', 'pending'],
      ['amazon', 'authenticated'],
    ]);
  });
});

describe('Re-Authorize: amazon_callback_uri on any Amazon host', () => {
  const connected = () => authenticatedPlatform(s.stack.sandbox.url, s.client, EU);

  async function reAuthorizeOn(host: string) {
    const browser = new SellerBrowser();
    const manage = await signInToConsent(
      browser,
      `${s.stack.sandbox.url}/sc/${host}/apps/manage`,
      EU,
      s.stack.sandbox.url,
    );
    expect(manage.text).toContain('data-page="manage-apps"');
    const consent = await browser.submit(manage, {}, APP.applicationId);
    expect(consent.text).toContain('data-page="consent"');
    return confirmConsent(browser, consent);
  }

  it.each([
    ['sellercentral.amazon.de', false],
    ['sellercentral-europe.amazon.com', true],
  ])('on %s (relative path: %s) the renewal completes on the JSON page', async (host, relative) => {
    const platformId = await connected();
    const before = (await s.client.raw('GET', `/v1/platforms/${platformId}`)).body.authorizedAt as string;
    if (relative) await scenario('login_uri_relative_callback', EU.email);
    s.stack.clock.advance(60_000);
    const page = await reAuthorizeOn(host);
    expect(page.status).toBe(200);
    expect(JSON.parse(page.text).result.result.spapi_oauth_code).toBeTruthy();
    const after = (await s.client.raw('GET', `/v1/platforms/${platformId}`)).body.authorizedAt as string;
    expect(Date.parse(after)).toBeGreaterThan(Date.parse(before));
  });
});

describe('Login URI requests from an outsider (a seller id is public)', () => {
  const login = (sellerId: string, cookie?: string) =>
    fetch(
      `${s.stack.cloud.url}/oauth/amazon/login?${new URLSearchParams({
        amazon_callback_uri: `${s.stack.sandbox.url}/sc/sellercentral-europe.amazon.com/apps/authorize/confirm/${APP.applicationId}`,
        amazon_state: 'outsider',
        selling_partner_id: sellerId,
      })}`,
      { redirect: 'manual', ...(cookie ? { headers: { cookie } } : {}) },
    );

  // Before the 700 requests: those use up the seller id's allowance for the rest of this file.
  it('leaves an undecided seller change undecided', async () => {
    const platformId = await newPlatform(s.client);
    expect(
      (await consentAndCallback(s.stack.sandbox.url, (await startAuth(s.client, platformId)).consentUrl, EU)).status,
    ).toBe(200);
    expect((await s.client.raw('POST', `/v1/platforms/${platformId}/settings/import`)).status).toBe(200);
    const refresh = await startAuth(s.client, platformId, 'refresh');
    expect((await consentAndCallback(s.stack.sandbox.url, refresh.consentUrl, OTHER)).status).toBe(200);
    expect(await authorization(s.client, refresh.id)).toMatchObject({ status: 'seller_changed' });
    expect((await login(EU.sellingPartnerId)).status).toBe(302);
    const after = await authorization(s.client, refresh.id);
    expect(after.sellerChange.decision).toBeUndefined();
    // The desktop can still take the other seller.
    expect(
      (await s.client.raw('POST', `/v1/authorizations/${refresh.id}/seller-change`, { body: { decision: 'switch' } }))
        .status,
    ).toBe(200);
  });

  it('700 requests create no authorization, cancel nothing, and the genuine consent still completes', async () => {
    const platformId = await newPlatform(s.client);
    expect(
      (await consentAndCallback(s.stack.sandbox.url, (await startAuth(s.client, platformId)).consentUrl, EU)).status,
    ).toBe(200);
    const genuine = await startAuth(s.client, platformId, 'refresh');
    const statuses = new Map<number, number>();
    for (let i = 0; i < 700; i += 50) {
      const batch = await Promise.all(Array.from({ length: 50 }, () => login(EU.sellingPartnerId)));
      for (const r of batch) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    }
    // Limited per seller id; the rest of the answers are 429.
    expect(statuses.get(302) ?? 0).toBeGreaterThan(0);
    expect(statuses.get(302) ?? 0).toBeLessThanOrEqual(20);
    expect(statuses.get(429) ?? 0).toBeGreaterThanOrEqual(680);
    // A made-up sign-in cookie does not lift the limit.
    expect((await login(EU.sellingPartnerId, 'acc_signin=eyJhbGciOiJIUzI1NiJ9.e30.forged')).status).toBe(429);
    const rows = await authorizationsOf(platformId);
    // The Login URI writes nothing: only Amazon's redirect with a code the callback accepts starts a sign-in.
    expect(rows.filter((r) => r.origin === 'amazon')).toHaveLength(0);
    expect(rows.filter((r) => r.error_code === 'AUTHORIZATION_SUPERSEDED')).toEqual([]);
    // The seller's own sign-in, begun in the desktop, is untouched and completes.
    expect(await authorization(s.client, genuine.id)).toMatchObject({ status: 'pending' });
    expect((await consentAndCallback(s.stack.sandbox.url, genuine.consentUrl, EU)).status).toBe(200);
    expect(await authorization(s.client, genuine.id)).toMatchObject({ status: 'authenticated' });
  });
});

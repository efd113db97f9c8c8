// The Login URI (issue 10.2) over real HTTP against the sandbox: Seller Central's Re-Authorize and the
// Appstore's Authorize now land on GET /oauth/amazon/login, which identifies the platform by
// selling_partner_id or by the desktop's pairing code and sends the browser back to Amazon; the rest is
// an ordinary refresh. Unknown and ambiguous sellers get a page (4xx), never a guess or an open redirect.
import { describe, expect, it } from 'vitest';
import { draftApp, productionApp, seedAccount, type SeedAccount } from '../sandbox';
import { CloudClient, startStack } from './testing/stack';
import { stackWithTenantPerTest } from './testing/stack-suite';
import { confirmConsent, formRequest, SellerBrowser, signInToConsent, type Page } from './testing/seller-browser';
import { authorization, consentAndCallback, newPlatform, startAuth } from './testing/flow-steps';

const EU = seedAccount('eu.haendler@example.com')!;
const FE = seedAccount('fe.seller@example.com')!;
const OTHER_EU = seedAccount('gesperrte.angebote@example.com')!;
const EU_HOST = 'sellercentral-europe.amazon.com';
const APP = productionApp();

const t = stackWithTenantPerTest('Login-URI GmbH');

/** A platform authenticated the ordinary way (ANMELDEN), as the seller's first authorization. */
async function authenticatedPlatform(c: CloudClient, seller: SeedAccount, country = 'DE', region = 'EU'): Promise<string> {
  const platformId = await newPlatform(c, country, region);
  const auth = await startAuth(c, platformId);
  expect((await consentAndCallback(t.stack.sandbox.url, auth.consentUrl, seller)).status).toBe(200);
  expect(await authorization(c, auth.id)).toMatchObject({ status: 'authenticated' });
  return platformId;
}

/** Seller Central → Manage Your Apps → Re-Authorize: the page the browser ends on after the cloud answered. */
async function reAuthorize(seller: SeedAccount, host = EU_HOST): Promise<{ browser: SellerBrowser; page: Page }> {
  const browser = new SellerBrowser();
  const manage = await signInToConsent(browser, `${t.stack.sandbox.url}/sc/${host}/apps/manage`, seller, t.stack.sandbox.url);
  expect(manage.text).toContain('data-page="manage-apps"');
  return { browser, page: await browser.submit(manage, {}, APP.applicationId) };
}

async function feed(c: CloudClient, query = '') {
  const res = await c.raw('GET', `/v1/platforms/changes${query}`);
  expect(res.status).toBe(200);
  return res.body as { cursor: string; authorizations: Array<{ id: string; platformId: string; status: string; mode: string; origin?: string }> };
}

describe('Re-Authorize in Seller Central', () => {
  it('identifies the platform by selling_partner_id, runs an ordinary refresh, and the feed reports it', async () => {
    const platformId = await authenticatedPlatform(t.client, EU);
    const { cursor } = await feed(t.client);
    const before = (await t.client.raw('GET', `/v1/platforms/${platformId}`)).body;
    // The desktop's feed long-poll is waiting while the seller clicks Re-Authorize.
    const waiting = t.client.raw('GET', `/v1/platforms/changes?since=${cursor}&wait=25`);
    t.stack.clock.advance(60_000);

    // Amazon shows the consent first; the Login URI is loaded only after the seller confirms it.
    const { browser, page: consent } = await reAuthorize(EU);
    expect(consent.text).toContain('data-page="consent"');
    const callback = await confirmConsent(browser, consent);
    expect(callback.status).toBe(200);
    const woken = (await waiting).body as Awaited<ReturnType<typeof feed>>;
    expect(woken.authorizations).toHaveLength(1);
    const started = woken.authorizations[0]!;
    expect(started).toMatchObject({ platformId, mode: 'refresh', origin: 'amazon' });
    expect(BigInt(woken.cursor)).toBeGreaterThan(BigInt(cursor));
    expect(JSON.parse(callback.text).result.result.state).toBeTruthy();
    expect(await authorization(t.client, started.id)).toMatchObject({ status: 'authenticated', sellingPartnerId: EU.sellingPartnerId, sellingPartnerIdChanged: false, origin: 'amazon' });
    const after = (await t.client.raw('GET', `/v1/platforms/${platformId}`)).body;
    expect(Date.parse(after.authorizedAt)).toBeGreaterThan(Date.parse(before.authorizedAt));
    // Nothing new after the cursor: the feed answers empty at once when not asked to wait.
    expect((await feed(t.client, `?since=${woken.cursor}`)).authorizations).toEqual([]);
  });

  it('sends the browser back to amazon_callback_uri with redirect_uri, amazon_state unchanged and its own state', async () => {
    await authenticatedPlatform(t.client, EU);
    const callbackUri = `${t.stack.sandbox.url}/sc/${EU_HOST}/apps/authorize/confirm/${APP.applicationId}`;
    const res = await fetch(`${t.stack.cloud.url}/oauth/amazon/login?${new URLSearchParams({ amazon_callback_uri: callbackUri, amazon_state: 'opaque+state/=', selling_partner_id: EU.sellingPartnerId })}`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const target = new URL(res.headers.get('location')!);
    expect(`${target.origin}${target.pathname}`).toBe(callbackUri);
    expect(target.searchParams.get('redirect_uri')).toBe(`${t.stack.cloud.url}/oauth/amazon/callback`);
    expect(target.searchParams.get('amazon_state')).toBe('opaque+state/=');
    expect(target.searchParams.get('state')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(target.searchParams.has('version')).toBe(false);
    // Amazon's version=beta comes back although this cloud is not configured as a Draft app.
    const beta = await fetch(`${t.stack.cloud.url}/oauth/amazon/login?${new URLSearchParams({ amazon_callback_uri: callbackUri, amazon_state: 's', selling_partner_id: EU.sellingPartnerId, version: 'beta' })}`, { redirect: 'manual' });
    expect(new URL(beta.headers.get('location')!).searchParams.get('version')).toBe('beta');
  });

  it('refuses a seller without a platform (404) and one in two tenants (409) without a code, in German or English', async () => {
    const unknown = await reAuthorizeDirect(FE.sellingPartnerId, 'sellercentral.amazon.co.jp');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('location')).toBeNull();
    expect(unknown.text).toContain('data-reason="unknown_seller"');
    expect(unknown.text).toContain('Kopplungscode');

    await authenticatedPlatform(t.client, EU);
    const other = await t.newClient();
    await authenticatedPlatform(other, EU);
    const ambiguous = await reAuthorizeDirect(EU.sellingPartnerId, EU_HOST, 'en-US,en;q=0.9,de;q=0.5');
    expect(ambiguous.status).toBe(409);
    expect(ambiguous.text).toContain('data-reason="ambiguous_seller"');
    expect(ambiguous.text).toContain('connected to several platforms');
    expect(ambiguous.text).toContain('name="code"');
    // No authorization was started for either tenant.
    expect((await feed(t.client)).authorizations).toEqual([]);
    expect((await feed(other)).authorizations).toEqual([]);
  });

  it('is no open redirect: a callback URI that does not lead to Seller Central gets a 400 page', async () => {
    await authenticatedPlatform(t.client, EU);
    for (const bad of ['https://evil.example/apps/authorize/confirm', `https://evil.example/sc/${EU_HOST}/apps/authorize/confirm`, `${t.stack.sandbox.url}/sandbox/api/reset`, `${t.stack.sandbox.url}/sc/evil.example/x`, 'javascript:alert(1)']) {
      const res = await fetch(`${t.stack.cloud.url}/oauth/amazon/login?${new URLSearchParams({ amazon_callback_uri: bad, amazon_state: 's', selling_partner_id: EU.sellingPartnerId })}`, { redirect: 'manual' });
      expect(res.status, bad).toBe(400);
      expect(res.headers.get('location'), bad).toBeNull();
      expect(await res.text()).toContain('data-reason="bad_request"');
    }
    const missing = await fetch(`${t.stack.cloud.url}/oauth/amazon/login`, { redirect: 'manual' });
    expect(missing.status).toBe(400);
    // Odd input is a page, never a server error: NUL, repeated parameters, oversized values, a bad form.
    for (const query of ['amazon_state=%00&amazon_callback_uri=x', 'amazon_state=a&amazon_state=b', `amazon_state=${'x'.repeat(5000)}`, 'selling_partner_id=%3Cscript%3E', 'version=%0A']) {
      const res = await fetch(`${t.stack.cloud.url}/oauth/amazon/login?${query}`, { redirect: 'manual' });
      expect(res.status, query).toBe(400);
    }
    const form = await fetch(`${t.stack.cloud.url}/oauth/amazon/login`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'code=%00&amazon_state=s' });
    expect(form.status).toBe(400);
  });

  it('refuses another seller\'s consent on a platform chosen by selling_partner_id (SELLER_MISMATCH), keeping the tokens', async () => {
    const platformId = await authenticatedPlatform(t.client, EU);
    const callbackUri = `${t.stack.sandbox.url}/sc/${EU_HOST}/apps/authorize/confirm/${APP.applicationId}`;
    const res = await fetch(`${t.stack.cloud.url}/oauth/amazon/login?${new URLSearchParams({ amazon_callback_uri: callbackUri, amazon_state: 's', selling_partner_id: EU.sellingPartnerId })}`, { redirect: 'manual' });
    const state = new URL(res.headers.get('location')!).searchParams.get('state')!;
    // Someone else consents with that state (a crafted Re-Authorize with a stranger's seller id).
    const consentUrl = `${t.stack.sandbox.url}/sc/${EU_HOST}/apps/authorize/consent?${new URLSearchParams({ application_id: APP.applicationId, state, redirect_uri: `${t.stack.cloud.url}/oauth/amazon/callback` })}`;
    const page = await consentAndCallback(t.stack.sandbox.url, consentUrl, OTHER_EU);
    expect(page.status).toBe(400);
    expect(JSON.parse(page.text).error.code).toBe('SELLER_MISMATCH');
    expect((await t.client.raw('GET', `/v1/platforms/${platformId}`)).body).toMatchObject({ status: 'authenticated', sellingPartnerId: EU.sellingPartnerId });
  });
});

describe('a tenant the operator disabled', () => {
  const setDisabled = async (c: CloudClient, disabled: boolean) => {
    const res = await fetch(`${t.stack.cloud.url}/admin/tenants/${c.creds.clientId}/${disabled ? 'disable' : 'enable'}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.stack.cloud.adminToken}` },
    });
    expect(res.status).toBe(200);
  };

  // Before 'pairing code': that group uses up this address's attempts at typing a code.
  it('starts no sign-in from the Login URI, and a callback arriving after the disable stores no tokens', async () => {
    const platformId = await authenticatedPlatform(t.client, EU);
    const before = (await t.client.raw('GET', `/v1/platforms/${platformId}`)).body;
    // Begun before the operator disabled the tenant: a pairing code and a sign-in from the desktop.
    const code = (await t.client.raw('POST', `/v1/platforms/${platformId}/pairing-code`, { body: {} })).body.code as string;
    const pending = await startAuth(t.client, platformId, 'refresh');
    await setDisabled(t.client, true);
    try {
      // By seller id: the disabled tenant's platform is not a match, and the page reveals nothing of it.
      const bySeller = await reAuthorizeDirect(EU.sellingPartnerId, EU_HOST);
      expect(bySeller.status).toBe(404);
      expect(bySeller.text).toContain('data-reason="unknown_seller"');
      // By pairing code: identified, but refused with the reason and what to do.
      const byCode = await reAuthorizeDirect(EU.sellingPartnerId, EU_HOST, undefined, code);
      expect(byCode.status).toBe(403);
      expect(byCode.headers.get('location')).toBeNull();
      expect(byCode.text).toContain('data-reason="tenant_disabled"');
      expect(byCode.text).toContain('Anbieter der Cloud');
      // Amazon's redirect for the sign-in begun before: the code is not exchanged.
      const callback = await consentAndCallback(t.stack.sandbox.url, pending.consentUrl, EU);
      expect(callback.status).toBe(403);
      expect(JSON.parse(callback.text).error.code).toBe('TENANT_DISABLED');
    } finally {
      await setDisabled(t.client, false);
    }
    const failed = await authorization(t.client, pending.id);
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'TENANT_DISABLED' } });
    // No call to Amazon's token endpoint was made for it.
    expect(failed.amazonRequests ?? []).toEqual([]);
    expect((await t.client.raw('GET', `/v1/platforms/${platformId}`)).body).toMatchObject({ status: 'authenticated', authorizedAt: before.authorizedAt });
    expect((await feed(t.client)).authorizations).toEqual([]);
  });
});

describe('pairing code', () => {
  it('Appstore Authorize now for a seller without a platform: the code from the desktop identifies it', async () => {
    const platformId = await newPlatform(t.client, 'JP', 'FE');
    const browser = new SellerBrowser();
    const appstore = await signInToConsent(browser, `${t.stack.sandbox.url}/sc/sellercentral.amazon.co.jp/selling-partner-appstore/dp/${APP.applicationId}`, FE, t.stack.sandbox.url);
    expect(appstore.text).toContain('data-page="appstore"');
    const consent = await browser.submit(appstore, {}, 'authorize-now');
    expect(consent.text).toContain('data-page="consent"');
    const refused = await confirmConsent(browser, consent);
    expect(refused.status).toBe(404);
    expect(refused.text).toContain('data-reason="unknown_seller"');

    const wrong = await browser.submit(refused, { code: 'ABCD-EFGH' });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('data-reason="code_invalid"');

    const issued = await t.client.raw('POST', `/v1/platforms/${platformId}/pairing-code`, { body: {} });
    expect(issued.status).toBe(201);
    expect(issued.body.code).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
    // Typed in lower case without the dash: still the code.
    // The consent was given before the Login URI: the code leads straight on to Amazon's redirect.
    const callback = await browser.submit(wrong, { code: issued.body.code.replace('-', '').toLowerCase() });
    expect(callback.status).toBe(200);
    const platform = (await t.client.raw('GET', `/v1/platforms/${platformId}`)).body;
    expect(platform).toMatchObject({ status: 'authenticated', sellingPartnerId: FE.sellingPartnerId });
    const started = (await feed(t.client)).authorizations;
    expect(started).toEqual([]); // no longer pending
    // Single use: the same code does not work twice.
    const again = await reAuthorizeDirect(FE.sellingPartnerId, 'sellercentral.amazon.co.jp', undefined, issued.body.code);
    expect(again.status).toBe(400);
    expect(again.text).toContain('data-reason="code_invalid"');
  });

  it('expires after 10 minutes, and guessing is rate-limited per address', async () => {
    const platformId = await newPlatform(t.client, 'JP', 'FE');
    const issued = await t.client.raw('POST', `/v1/platforms/${platformId}/pairing-code`, { body: {} });
    t.stack.clock.advance(10 * 60_000 + 1);
    const late = await reAuthorizeDirect(FE.sellingPartnerId, 'sellercentral.amazon.co.jp', undefined, issued.body.code);
    expect(late.text).toContain('data-reason="code_invalid"');
    let last = 0;
    for (let i = 0; i < 12 && last !== 429; i++) last = (await reAuthorizeDirect(FE.sellingPartnerId, 'sellercentral.amazon.co.jp', undefined, 'ZZZZ-ZZZZ')).status;
    expect(last).toBe(429);
  });
});

/** Calls the Login URI as Amazon would (GET), or posts the code form (with `code`). */
async function reAuthorizeDirect(sellingPartnerId: string, host: string, acceptLanguage?: string, code?: string) {
  const params = { amazon_callback_uri: `${t.stack.sandbox.url}/sc/${host}/apps/authorize/confirm/${APP.applicationId}`, amazon_state: 'st', selling_partner_id: sellingPartnerId };
  const headers: Record<string, string> = acceptLanguage ? { 'accept-language': acceptLanguage } : {};
  const res = code === undefined
    ? await fetch(`${t.stack.cloud.url}/oauth/amazon/login?${new URLSearchParams(params)}`, { redirect: 'manual', headers })
    : await fetch(`${t.stack.cloud.url}/oauth/amazon/login`, { method: 'POST', redirect: 'manual', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ ...params, code }).toString() });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

describe('Draft app', () => {
  it('Re-Authorize of a Draft app: Amazon sends version=beta, the cloud sends it back, and Seller Central accepts', async () => {
    const draftStack = await startStack({ app: 'draft' });
    try {
      const c = new CloudClient(draftStack.cloud.url, await draftStack.cloud.createTenant('Entwurf GmbH'));
      const platformId = await newPlatform(c);
      const auth = await startAuth(c, platformId);
      const toSellerCentral = await fetch(auth.consentUrl, { redirect: 'manual' });
      expect(new URL(toSellerCentral.headers.get('location')!).searchParams.get('version')).toBe('beta');
      expect((await consentAndCallback(draftStack.sandbox.url, auth.consentUrl, EU)).status).toBe(200);

      const browser = new SellerBrowser();
      const manage = await signInToConsent(browser, `${draftStack.sandbox.url}/sc/${EU_HOST}/apps/manage`, EU, draftStack.sandbox.url);
      const draft = draftApp();
      const consent = await browser.submit(manage, {}, draft.applicationId);
      expect(consent.text).toContain('data-page="consent"');
      const { action, init } = formRequest(consent, { action: 'confirm' }, 'csrf');
      const toLogin = await browser.fetch(action, init);
      const login = new URL(toLogin.headers.get('location')!);
      expect(login.searchParams.get('version')).toBe('beta');
      const back = await browser.fetch(login.href);
      expect(back.status).toBe(302);
      expect(new URL(back.headers.get('location')!).searchParams.get('version')).toBe('beta');
      expect((await browser.go(new URL(back.headers.get('location')!).href)).status).toBe(200);
      expect((await c.raw('GET', `/v1/platforms/${platformId}`)).body).toMatchObject({ status: 'authenticated', sellingPartnerId: EU.sellingPartnerId });
    } finally {
      await draftStack.close();
    }
  });
});

// Re-Authorize in Seller Central through the Login URI (issue 10.2, issue 23 item 2), over real HTTP
// against the sandbox: the browser goes back to Amazon with the cloud's own state and Amazon's
// amazon_state; after Amazon's redirect the one platform with that seller id runs an ordinary refresh
// that the desktop's feed reports; another seller's consent is refused; a Draft app keeps version=beta.
import { describe, expect, it } from 'vitest';
import { draftApp, productionApp, seedAccount, type SeedAccount } from '../sandbox';
import { TestCloudHttp, startStack } from './testing/stack';
import { useLoginUriStack } from './testing/login-uri-stack';
import { confirmConsent, formRequest, SellerBrowser, type Page } from './testing/seller-browser';
import { authorization, consentAndCallback, manageApps, newPlatform, startAuth } from './testing/flow-steps';

const EU = seedAccount('eu.haendler@example.com')!;
const OTHER_EU = seedAccount('gesperrte.angebote@example.com')!;
const EU_HOST = 'sellercentral-europe.amazon.com';
const APP = productionApp();
const s = useLoginUriStack('Login-URI GmbH');

/** Seller Central → Manage Your Apps → Re-Authorize: the page the browser ends on after the cloud answered. */
async function reAuthorize(seller: SeedAccount, host = EU_HOST): Promise<{ browser: SellerBrowser; page: Page }> {
  const { browser, page: manage } = await manageApps(s.stack.sandbox.url, seller, host);
  return { browser, page: await browser.submit(manage, {}, APP.applicationId) };
}

describe('Re-Authorize in Seller Central', () => {
  it('identifies the platform by selling_partner_id, runs an ordinary refresh, and the feed reports it', async () => {
    const platformId = await s.authenticatedPlatform(s.client, EU);
    const { cursor } = await s.feed(s.client);
    const before = (await s.client.raw('GET', `/v1/platforms/${platformId}`)).body;
    // The desktop's feed long-poll is waiting while the seller clicks Re-Authorize.
    const waiting = s.client.raw('GET', `/v1/platforms/changes?since=${cursor}&wait=25`);
    s.stack.clock.advance(60_000);

    // Amazon shows the consent first; the Login URI is loaded only after the seller confirms it.
    const { browser, page: consent } = await reAuthorize(EU);
    expect(consent.text).toContain('data-page="consent"');
    const callback = await confirmConsent(browser, consent);
    expect(callback.status).toBe(200);
    const woken = (await waiting).body as Awaited<ReturnType<typeof s.feed>>;
    expect(woken.authorizations).toHaveLength(1);
    const started = woken.authorizations[0]!;
    expect(started).toMatchObject({ platformId, mode: 'refresh', origin: 'amazon' });
    expect(BigInt(woken.cursor)).toBeGreaterThan(BigInt(cursor));
    expect(JSON.parse(callback.text).result.result.state).toBeTruthy();
    expect(await authorization(s.client, started.id)).toMatchObject({
      status: 'authenticated',
      sellingPartnerId: EU.sellingPartnerId,
      sellingPartnerIdChanged: false,
      origin: 'amazon',
    });
    const after = (await s.client.raw('GET', `/v1/platforms/${platformId}`)).body;
    expect(Date.parse(after.authorizedAt)).toBeGreaterThan(Date.parse(before.authorizedAt));
    // Nothing new after the cursor: the feed answers empty at once when not asked to wait.
    expect((await s.feed(s.client, `?since=${woken.cursor}`)).authorizations).toEqual([]);
  });

  it('sends the browser back to amazon_callback_uri with redirect_uri, amazon_state unchanged and its own state', async () => {
    await s.authenticatedPlatform(s.client, EU);
    const callbackUri = `${s.stack.sandbox.url}/sc/${EU_HOST}/apps/authorize/confirm/${APP.applicationId}`;
    const res = await fetch(
      `${s.stack.cloud.url}/oauth/amazon/login?${new URLSearchParams({ amazon_callback_uri: callbackUri, amazon_state: 'opaque+state/=', selling_partner_id: EU.sellingPartnerId })}`,
      { redirect: 'manual' },
    );
    expect(res.status).toBe(302);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const target = new URL(res.headers.get('location')!);
    expect(`${target.origin}${target.pathname}`).toBe(callbackUri);
    expect(target.searchParams.get('redirect_uri')).toBe(`${s.stack.cloud.url}/oauth/amazon/callback`);
    expect(target.searchParams.get('amazon_state')).toBe('opaque+state/=');
    expect(target.searchParams.get('state')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(target.searchParams.has('version')).toBe(false);
    // Amazon's version=beta comes back although this cloud is not configured as a Draft app.
    const beta = await fetch(
      `${s.stack.cloud.url}/oauth/amazon/login?${new URLSearchParams({ amazon_callback_uri: callbackUri, amazon_state: 's', selling_partner_id: EU.sellingPartnerId, version: 'beta' })}`,
      { redirect: 'manual' },
    );
    expect(new URL(beta.headers.get('location')!).searchParams.get('version')).toBe('beta');
  });

  it("refuses another seller's consent on a platform chosen by selling_partner_id (SELLER_MISMATCH), keeping the tokens", async () => {
    const platformId = await s.authenticatedPlatform(s.client, EU);
    const callbackUri = `${s.stack.sandbox.url}/sc/${EU_HOST}/apps/authorize/confirm/${APP.applicationId}`;
    const res = await fetch(
      `${s.stack.cloud.url}/oauth/amazon/login?${new URLSearchParams({ amazon_callback_uri: callbackUri, amazon_state: 's', selling_partner_id: EU.sellingPartnerId })}`,
      { redirect: 'manual' },
    );
    const state = new URL(res.headers.get('location')!).searchParams.get('state')!;
    // Someone else consents with that state (a crafted Re-Authorize with a stranger's seller id).
    const consentUrl = `${s.stack.sandbox.url}/sc/${EU_HOST}/apps/authorize/consent?${new URLSearchParams({ application_id: APP.applicationId, state, redirect_uri: `${s.stack.cloud.url}/oauth/amazon/callback` })}`;
    const page = await consentAndCallback(s.stack.sandbox.url, consentUrl, OTHER_EU);
    expect(page.status).toBe(400);
    expect(JSON.parse(page.text).error.code).toBe('SELLER_MISMATCH');
    expect((await s.client.raw('GET', `/v1/platforms/${platformId}`)).body).toMatchObject({
      status: 'authenticated',
      sellingPartnerId: EU.sellingPartnerId,
    });
  });
});

describe('Draft app', () => {
  it('Re-Authorize of a Draft app: Amazon sends version=beta, the cloud sends it back, and Seller Central accepts', async () => {
    const draftStack = await startStack({ app: 'draft' });
    try {
      const c = new TestCloudHttp(draftStack.cloud.url, await draftStack.cloud.createTenant('Entwurf GmbH'));
      const platformId = await newPlatform(c);
      const auth = await startAuth(c, platformId);
      const toSellerCentral = await fetch(auth.consentUrl, { redirect: 'manual' });
      expect(new URL(toSellerCentral.headers.get('location')!).searchParams.get('version')).toBe('beta');
      expect((await consentAndCallback(draftStack.sandbox.url, auth.consentUrl, EU)).status).toBe(200);

      const { browser, page: manage } = await manageApps(draftStack.sandbox.url, EU, EU_HOST);
      const draft = draftApp();
      const consent = await browser.submit(manage, {}, draft.applicationId);
      expect(consent.text).toContain('data-page="consent"');
      const { action, init } = formRequest(consent, { action: 'confirm' }, 'id="consent-confirm"');
      const toLogin = await browser.fetch(action, init);
      const login = new URL(toLogin.headers.get('location')!);
      expect(login.searchParams.get('version')).toBe('beta');
      const back = await browser.fetch(login.href);
      expect(back.status).toBe(302);
      expect(new URL(back.headers.get('location')!).searchParams.get('version')).toBe('beta');
      expect((await browser.go(new URL(back.headers.get('location')!).href)).status).toBe(200);
      expect((await c.raw('GET', `/v1/platforms/${platformId}`)).body).toMatchObject({
        status: 'authenticated',
        sellingPartnerId: EU.sellingPartnerId,
      });
    } finally {
      await draftStack.close();
    }
  });
});

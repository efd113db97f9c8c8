// The Login URI (issue 10.2, issue 23 item 2) over real HTTP against the sandbox: Seller Central's
// Re-Authorize and the Appstore's Authorize now land on GET /oauth/amazon/login, which sends the browser
// back to Amazon with an unbound state, alike for connected, unknown and ambiguous seller ids. Amazon's
// redirect proves the seller: the one platform with that seller id runs an ordinary refresh; for none or
// several the callback's page asks for the desktop's pairing code. Never a guess or an open redirect.
import { beforeEach, describe, expect, it } from 'vitest';
import { draftApp, productionApp, seedAccount, type SeedAccount } from '../sandbox';
import { TestCloudHttp, startStack, type Stack } from './testing/stack';
import { useLoginUriStack } from './testing/login-uri-stack';
import * as flowSteps from './testing/flow-steps';
import { confirmConsent, formRequest, SellerBrowser, signInToConsent, type Page } from './testing/seller-browser';
import { authorization, authorizeNow, consentAndCallback, newPlatform, startAuth } from './testing/flow-steps';

const EU = seedAccount('eu.haendler@example.com')!;
const FE = seedAccount('fe.seller@example.com')!;
const OTHER_EU = seedAccount('gesperrte.angebote@example.com')!;
const NA = seedAccount('na.seller@example.com')!;
const EU_HOST = 'sellercentral-europe.amazon.com';
const APP = productionApp();

const suite = useLoginUriStack('Login-URI GmbH');
let stack: Stack;
let client: TestCloudHttp;
beforeEach(() => ({ stack, client } = suite));
const newClient = () => suite.newClient();

/** A platform authenticated the ordinary way (ANMELDEN), as the seller's first authorization. */
const authenticatedPlatform = (c: TestCloudHttp, seller: SeedAccount, country = 'DE', region = 'EU') =>
  flowSteps.authenticatedPlatform(stack.sandbox.url, c, seller, country, region);

/** Seller Central → Manage Your Apps → Re-Authorize: the page the browser ends on after the cloud answered. */
async function reAuthorize(seller: SeedAccount, host = EU_HOST): Promise<{ browser: SellerBrowser; page: Page }> {
  const browser = new SellerBrowser();
  const manage = await signInToConsent(
    browser,
    `${stack.sandbox.url}/sc/${host}/apps/manage`,
    seller,
    stack.sandbox.url,
  );
  expect(manage.text).toContain('data-page="manage-apps"');
  return { browser, page: await browser.submit(manage, {}, APP.applicationId) };
}

async function feed(c: TestCloudHttp, query = '') {
  const res = await c.raw('GET', `/v1/platforms/changes${query}`);
  expect(res.status).toBe(200);
  return res.body as {
    cursor: string;
    authorizations: Array<{ id: string; platformId: string; status: string; mode: string; origin?: string }>;
  };
}

describe('Re-Authorize in Seller Central', () => {
  it('identifies the platform by selling_partner_id, runs an ordinary refresh, and the feed reports it', async () => {
    const platformId = await authenticatedPlatform(client, EU);
    const { cursor } = await feed(client);
    const before = (await client.raw('GET', `/v1/platforms/${platformId}`)).body;
    // The desktop's feed long-poll is waiting while the seller clicks Re-Authorize.
    const waiting = client.raw('GET', `/v1/platforms/changes?since=${cursor}&wait=25`);
    stack.clock.advance(60_000);

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
    expect(await authorization(client, started.id)).toMatchObject({
      status: 'authenticated',
      sellingPartnerId: EU.sellingPartnerId,
      sellingPartnerIdChanged: false,
      origin: 'amazon',
    });
    const after = (await client.raw('GET', `/v1/platforms/${platformId}`)).body;
    expect(Date.parse(after.authorizedAt)).toBeGreaterThan(Date.parse(before.authorizedAt));
    // Nothing new after the cursor: the feed answers empty at once when not asked to wait.
    expect((await feed(client, `?since=${woken.cursor}`)).authorizations).toEqual([]);
  });

  it('sends the browser back to amazon_callback_uri with redirect_uri, amazon_state unchanged and its own state', async () => {
    await authenticatedPlatform(client, EU);
    const callbackUri = `${stack.sandbox.url}/sc/${EU_HOST}/apps/authorize/confirm/${APP.applicationId}`;
    const res = await fetch(
      `${stack.cloud.url}/oauth/amazon/login?${new URLSearchParams({ amazon_callback_uri: callbackUri, amazon_state: 'opaque+state/=', selling_partner_id: EU.sellingPartnerId })}`,
      { redirect: 'manual' },
    );
    expect(res.status).toBe(302);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const target = new URL(res.headers.get('location')!);
    expect(`${target.origin}${target.pathname}`).toBe(callbackUri);
    expect(target.searchParams.get('redirect_uri')).toBe(`${stack.cloud.url}/oauth/amazon/callback`);
    expect(target.searchParams.get('amazon_state')).toBe('opaque+state/=');
    expect(target.searchParams.get('state')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(target.searchParams.has('version')).toBe(false);
    // Amazon's version=beta comes back although this cloud is not configured as a Draft app.
    const beta = await fetch(
      `${stack.cloud.url}/oauth/amazon/login?${new URLSearchParams({ amazon_callback_uri: callbackUri, amazon_state: 's', selling_partner_id: EU.sellingPartnerId, version: 'beta' })}`,
      { redirect: 'manual' },
    );
    expect(new URL(beta.headers.get('location')!).searchParams.get('version')).toBe('beta');
  });

  it('answers connected, unknown, ambiguous and disabled-tenant seller ids alike, and writes nothing', async () => {
    await authenticatedPlatform(client, EU);
    // One seller id in two tenants, one whose only platform belongs to a disabled tenant.
    await authenticatedPlatform(client, OTHER_EU);
    await authenticatedPlatform(await newClient(), OTHER_EU);
    const disabled = await newClient();
    await authenticatedPlatform(disabled, NA, 'US', 'NA');
    const admin = (action: string) =>
      fetch(`${stack.cloud.url}/admin/tenants/${disabled.creds.clientId}/${action}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${stack.cloud.adminToken}` },
      });
    expect((await admin('disable')).status).toBe(200);
    const rows = async () =>
      Number((await stack.cloud.db.query<{ n: string }>('SELECT count(*)::text AS n FROM authorizations')).rows[0]!.n);
    const before = await rows();
    try {
      const ids = {
        connected: EU.sellingPartnerId,
        unknown: 'A0UNKNOWN0SELL',
        ambiguous: OTHER_EU.sellingPartnerId,
        disabledTenant: NA.sellingPartnerId,
      };
      const answers = await Promise.all(
        Object.values(ids).map(async (id) => {
          const res = await fetch(
            `${stack.cloud.url}/oauth/amazon/login?${new URLSearchParams({ amazon_callback_uri: `${stack.sandbox.url}/sc/${EU_HOST}/apps/authorize/confirm/${APP.applicationId}`, amazon_state: 'st', selling_partner_id: id })}`,
            { redirect: 'manual' },
          );
          const location = new URL(res.headers.get('location')!);
          const state = location.searchParams.get('state')!;
          const claims = JSON.parse(Buffer.from(state.split('.')[1]!, 'base64url').toString()) as Record<
            string,
            unknown
          >;
          return {
            status: res.status,
            headerNames: [...res.headers.keys()].sort(),
            headers: Object.fromEntries(
              [...res.headers].filter(
                ([name]) =>
                  ![
                    'date',
                    'location',
                    'content-length',
                    'x-request-id',
                    'x-ratelimit-remaining',
                    'x-ratelimit-reset',
                  ].includes(name),
              ),
            ),
            setCookie: res.headers.get('set-cookie'),
            body: await res.text(),
            target: `${location.origin}${location.pathname}`,
            params: [...location.searchParams.keys()].sort(),
            amazonState: location.searchParams.get('amazon_state'),
            claims: Object.keys(claims).sort(),
            seller: claims.spid,
          };
        }),
      );
      for (const [i, answer] of answers.entries()) {
        expect(answer.seller).toBe(Object.values(ids)[i]);
        // Everything but the seller id the request itself named and the state's own id and times.
        expect({ ...answer, seller: undefined }).toEqual({ ...answers[0], seller: undefined });
      }
      expect(answers[0]).toMatchObject({
        status: 302,
        setCookie: null,
        body: '',
        amazonState: 'st',
        params: ['amazon_state', 'redirect_uri', 'state'],
      });
      expect(answers[0]!.claims).toEqual(['aud', 'exp', 'iat', 'rgn', 'spid', 'sub']);
      // No authorization was started for any of them: the same (no) work on every path.
      expect(await rows()).toBe(before);
      expect((await feed(client)).authorizations).toEqual([]);
    } finally {
      expect((await admin('enable')).status).toBe(200);
    }
  });

  it('is no open redirect: a callback URI that does not lead to Seller Central gets a 400 page', async () => {
    await authenticatedPlatform(client, EU);
    for (const bad of [
      'https://evil.example/apps/authorize/confirm',
      `https://evil.example/sc/${EU_HOST}/apps/authorize/confirm`,
      `${stack.sandbox.url}/sandbox/api/reset`,
      `${stack.sandbox.url}/sc/evil.example/x`,
      'javascript:alert(1)',
    ]) {
      const res = await fetch(
        `${stack.cloud.url}/oauth/amazon/login?${new URLSearchParams({ amazon_callback_uri: bad, amazon_state: 's', selling_partner_id: EU.sellingPartnerId })}`,
        { redirect: 'manual' },
      );
      expect(res.status, bad).toBe(400);
      expect(res.headers.get('location'), bad).toBeNull();
      expect(await res.text()).toContain('data-reason="bad_request"');
    }
    const missing = await fetch(`${stack.cloud.url}/oauth/amazon/login`, { redirect: 'manual' });
    expect(missing.status).toBe(400);
    // Odd input is a page, never a server error: NUL, repeated parameters, oversized values, a bad form.
    for (const query of [
      'amazon_state=%00&amazon_callback_uri=x',
      'amazon_state=a&amazon_state=b',
      `amazon_state=${'x'.repeat(5000)}`,
      'selling_partner_id=%3Cscript%3E',
      'version=%0A',
    ]) {
      const res = await fetch(`${stack.cloud.url}/oauth/amazon/login?${query}`, { redirect: 'manual' });
      expect(res.status, query).toBe(400);
    }
    const form = await fetch(`${stack.cloud.url}/oauth/amazon/callback`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'code=%00&state=s',
    });
    expect(form.status).toBe(400);
    // The Login URI takes no form any more: the pairing code belongs to the callback's page.
    expect(
      (
        await fetch(`${stack.cloud.url}/oauth/amazon/login`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'code=ABCD-EFGH',
        })
      ).status,
    ).toBe(404);
  });

  it("refuses another seller's consent on a platform chosen by selling_partner_id (SELLER_MISMATCH), keeping the tokens", async () => {
    const platformId = await authenticatedPlatform(client, EU);
    const callbackUri = `${stack.sandbox.url}/sc/${EU_HOST}/apps/authorize/confirm/${APP.applicationId}`;
    const res = await fetch(
      `${stack.cloud.url}/oauth/amazon/login?${new URLSearchParams({ amazon_callback_uri: callbackUri, amazon_state: 's', selling_partner_id: EU.sellingPartnerId })}`,
      { redirect: 'manual' },
    );
    const state = new URL(res.headers.get('location')!).searchParams.get('state')!;
    // Someone else consents with that state (a crafted Re-Authorize with a stranger's seller id).
    const consentUrl = `${stack.sandbox.url}/sc/${EU_HOST}/apps/authorize/consent?${new URLSearchParams({ application_id: APP.applicationId, state, redirect_uri: `${stack.cloud.url}/oauth/amazon/callback` })}`;
    const page = await consentAndCallback(stack.sandbox.url, consentUrl, OTHER_EU);
    expect(page.status).toBe(400);
    expect(JSON.parse(page.text).error.code).toBe('SELLER_MISMATCH');
    expect((await client.raw('GET', `/v1/platforms/${platformId}`)).body).toMatchObject({
      status: 'authenticated',
      sellingPartnerId: EU.sellingPartnerId,
    });
  });
});

describe('a tenant the operator disabled', () => {
  const setDisabled = async (c: TestCloudHttp, disabled: boolean) => {
    const res = await fetch(`${stack.cloud.url}/admin/tenants/${c.creds.clientId}/${disabled ? 'disable' : 'enable'}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.cloud.adminToken}` },
    });
    expect(res.status).toBe(200);
  };

  // Before 'pairing code': that group uses up this address's attempts at typing a code.
  it('starts no sign-in from the Login URI, and a callback arriving after the disable stores no tokens', async () => {
    const platformId = await authenticatedPlatform(client, EU);
    const before = (await client.raw('GET', `/v1/platforms/${platformId}`)).body;
    // Begun before the operator disabled the tenant: a pairing code and a sign-in from the desktop.
    const code = (await client.raw('POST', `/v1/platforms/${platformId}/pairing-code`, { body: {} })).body
      .code as string;
    const pending = await startAuth(client, platformId, 'refresh');
    await setDisabled(client, true);
    try {
      // The Login URI answers as for any seller id.
      expect((await reAuthorizeDirect(EU.sellingPartnerId, EU_HOST)).status).toBe(302);
      // After Amazon's round trip the disabled tenant's platform is not a match: the page asks for the code.
      const { browser, page: asked } = await authorizeNow(stack.sandbox.url, APP.applicationId, EU, EU_HOST);
      expect(asked.text).toContain('data-reason="unknown_seller"');
      // By pairing code: identified, but refused with the reason and what to do.
      const byCode = await browser.submit(asked, { code });
      expect(byCode.status).toBe(403);
      expect(byCode.headers.get('location')).toBeNull();
      expect(byCode.text).toContain('data-reason="tenant_disabled"');
      expect(byCode.text).toContain('Anbieter der Cloud');
      // Amazon's redirect for the sign-in begun before: the code is not exchanged.
      const callback = await consentAndCallback(stack.sandbox.url, pending.consentUrl, EU);
      expect(callback.status).toBe(403);
      expect(JSON.parse(callback.text).error.code).toBe('TENANT_DISABLED');
    } finally {
      await setDisabled(client, false);
    }
    const failed = await authorization(client, pending.id);
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'TENANT_DISABLED' } });
    // No call to Amazon's token endpoint was made for it.
    expect(failed.amazonRequests ?? []).toEqual([]);
    expect((await client.raw('GET', `/v1/platforms/${platformId}`)).body).toMatchObject({
      status: 'authenticated',
      authorizedAt: before.authorizedAt,
    });
    expect((await feed(client)).authorizations).toEqual([]);
  });
});

describe('pairing code', () => {
  it("Appstore Authorize now for a seller without a platform: after Amazon's redirect the code from the desktop identifies it", async () => {
    const platformId = await newPlatform(client, 'JP', 'FE');
    const { browser, page: asked } = await authorizeNow(
      stack.sandbox.url,
      APP.applicationId,
      FE,
      'sellercentral.amazon.co.jp',
    );
    // The consent, the Login URI and Amazon's redirect are behind: the callback's page asks for the code.
    expect(asked.url.startsWith(`${stack.cloud.url}/oauth/amazon/callback?`)).toBe(true);
    expect(asked.status).toBe(200);
    expect(asked.text).toContain('data-reason="unknown_seller"');
    expect(asked.text).toContain('Kopplungscode');
    expect(asked.text).toContain('name="consent"');
    // A second round before any code is typed: another form for the same seller.
    const { page: second } = await authorizeNow(
      stack.sandbox.url,
      APP.applicationId,
      FE,
      'sellercentral.amazon.co.jp',
      browser,
    );
    expect(second.text).toContain('data-reason="unknown_seller"');

    const wrong = await browser.submit(asked, { code: 'ABCD-EFGH' });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('data-reason="code_invalid"');
    expect(wrong.text).toContain('name="code"');

    const issued = await client.raw('POST', `/v1/platforms/${platformId}/pairing-code`, { body: {} });
    expect(issued.status).toBe(201);
    expect(issued.body.code).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
    // Typed in lower case without the dash: still the code. Amazon's code was exchanged on the redirect;
    // the typed code only picks the platform, and the browser sees the raw JSON as on any redirect.
    const callback = await browser.submit(wrong, { code: issued.body.code.replace('-', '').toLowerCase() });
    expect(callback.status).toBe(200);
    const result = JSON.parse(callback.text).result.result as { state: string; spapi_oauth_code: string };
    expect(result.state).toBe(new URL(asked.url).searchParams.get('state'));
    expect(result.spapi_oauth_code).toBe(new URL(asked.url).searchParams.get('spapi_oauth_code'));
    const platform = (await client.raw('GET', `/v1/platforms/${platformId}`)).body;
    expect(platform).toMatchObject({ status: 'authenticated', sellingPartnerId: FE.sellingPartnerId });
    // One sign-in marked as Amazon's, finished: the desktop reads it from its feed.
    const started = (await feed(client, '?since=0')).authorizations;
    expect(started).toEqual([expect.objectContaining({ platformId, origin: 'amazon', mode: 'login' })]);
    expect(await authorization(client, started[0]!.id)).toMatchObject({
      status: 'authenticated',
      sellingPartnerId: FE.sellingPartnerId,
    });
    // The form sent again: the same answer, nothing new.
    expect((await browser.submit(wrong, { code: issued.body.code })).status).toBe(200);
    expect((await feed(client, '?since=0')).authorizations).toHaveLength(1);
    // Single use: the same code does not work on the second form.
    const again = await browser.submit(second, { code: issued.body.code });
    expect(again.status).toBe(400);
    expect(again.text).toContain('data-reason="code_invalid"');
  });

  it('expires after 10 minutes, and guessing is rate-limited per address', async () => {
    const platformId = await newPlatform(client, 'JP', 'FE');
    const issued = await client.raw('POST', `/v1/platforms/${platformId}/pairing-code`, { body: {} });
    stack.clock.advance(10 * 60_000 + 1);
    const { browser, page: asked } = await authorizeNow(
      stack.sandbox.url,
      APP.applicationId,
      FE,
      'sellercentral.amazon.co.jp',
    );
    const late = await browser.submit(asked, { code: issued.body.code });
    expect(late.text).toContain('data-reason="code_invalid"');
    let last = 0;
    for (let i = 0; i < 12 && last !== 429; i++) last = (await browser.submit(asked, { code: 'ZZZZ-ZZZZ' })).status;
    expect(last).toBe(429);
  });
});

/** Calls the Login URI as Amazon would (GET). */
async function reAuthorizeDirect(sellingPartnerId: string, host: string) {
  const params = {
    amazon_callback_uri: `${stack.sandbox.url}/sc/${host}/apps/authorize/confirm/${APP.applicationId}`,
    amazon_state: 'st',
    selling_partner_id: sellingPartnerId,
  };
  const res = await fetch(`${stack.cloud.url}/oauth/amazon/login?${new URLSearchParams(params)}`, {
    redirect: 'manual',
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

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

      const browser = new SellerBrowser();
      const manage = await signInToConsent(
        browser,
        `${draftStack.sandbox.url}/sc/${EU_HOST}/apps/manage`,
        EU,
        draftStack.sandbox.url,
      );
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

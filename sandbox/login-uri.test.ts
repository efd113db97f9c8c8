// Manage Your Apps (Re-Authorize) and the Appstore (Authorize now) over real HTTP: both show the consent
// first, then call the app's Login URI as Amazon does, and the way back is checked as Amazon checks it
// (docs/amazon.md §1.6). In the website workflow, a seller not yet registered with the app goes through
// the Login URI after the consent (scenario login_uri_new_seller); without the scenario, straight to the
// redirect URI. The test plays the app: it reads the redirect to the Login URI and answers it.
import { describe, expect, it } from 'vitest';
import { draftApp, productionApp, seedAccount, unlistedApp } from './seed';
import {
  Browser,
  EU_HOST,
  confirmConsent,
  consentPath,
  errorKey,
  formFields,
  pageKind,
  passMfa,
  reachConsent,
  sharedTestSandbox,
  signIn,
  type Page,
} from './testing/test-client';

const PROD = productionApp();
const EU = seedAccount('eu.haendler@example.com')!;
const sb = sharedTestSandbox();

/** A seller who authorized the Production app once (so it shows under Manage Your Apps), signed in. */
async function authorizedSeller(): Promise<Browser> {
  const b = new Browser(sb.url);
  const consent = await reachConsent(
    b,
    sb,
    consentPath(EU_HOST, { application_id: PROD.applicationId, state: 'first' }),
    EU,
  );
  expect((await confirmConsent(b, consent)).status).toBe(302);
  return b;
}

/** Clicks Re-Authorize for the app: Seller Central's consent page comes first. */
async function reAuthorizeConsent(b: Browser, applicationId = PROD.applicationId): Promise<Page> {
  const manage = await b.get(`/sc/${EU_HOST}/apps/manage`);
  expect(pageKind(manage.text)).toBe('manage-apps');
  const csrf = /name="csrf" value="([^"]+)"/.exec(manage.text)![1]!;
  const consent = await b.post(`/sc/${EU_HOST}/apps/manage/reauthorize`, { application_id: applicationId, csrf });
  expect(pageKind(consent.text)).toBe('consent');
  return consent;
}

/** Re-Authorize and confirm: returns Amazon's call of the Login URI. */
async function reAuthorize(b: Browser, applicationId = PROD.applicationId): Promise<URL> {
  const res = await confirmConsent(b, await reAuthorizeConsent(b, applicationId));
  expect(res.status).toBe(302);
  return new URL(res.location!);
}

/** The app's answer: back to amazon_callback_uri with redirect_uri, amazon_state and its own state. */
function backToAmazon(login: URL, over: Record<string, string | undefined> = {}): string {
  const back = new URL(login.searchParams.get('amazon_callback_uri')!);
  const params: Record<string, string | undefined> = {
    redirect_uri: PROD.redirectUris[0],
    amazon_state: login.searchParams.get('amazon_state')!,
    state: 'app-state-1',
    ...over,
  };
  for (const [k, v] of Object.entries(params)) if (v !== undefined) back.searchParams.set(k, v);
  return back.pathname + back.search;
}

describe('Manage Your Apps → Re-Authorize', () => {
  it("lists the apps the seller authorized and calls the app's Login URI with amazon_callback_uri, amazon_state, selling_partner_id", async () => {
    const b = await authorizedSeller();
    const manage = await b.get(`/sc/${EU_HOST}/apps/manage`);
    expect(manage.text).toContain(`data-application-id="${PROD.applicationId}"`);
    expect(manage.text).not.toContain(draftApp().applicationId);
    const login = await reAuthorize(b);
    expect(`${login.origin}${login.pathname}`).toBe(PROD.loginUri);
    expect(login.searchParams.get('amazon_callback_uri')).toBe(
      `${sb.url}/sc/${EU_HOST}/apps/authorize/confirm/${PROD.applicationId}`,
    );
    expect(login.searchParams.get('amazon_state')).toMatch(/^[\w-]{20,}$/);
    expect(login.searchParams.get('selling_partner_id')).toBe(EU.sellingPartnerId);
    expect(login.searchParams.has('version')).toBe(false);
  });

  it('shows the consent before the Login URI; cancelling it reaches no app', async () => {
    const b = await authorizedSeller();
    const consent = await reAuthorizeConsent(b);
    expect(consent.text).not.toContain('name="state"');
    const cancelled = await confirmConsent(b, consent, EU_HOST, 'cancel');
    expect(cancelled.status).toBe(200);
    expect(pageKind(cancelled.text)).toBe('cancelled');
    // The same consent cannot be confirmed afterwards.
    expect(errorKey((await confirmConsent(b, consent)).text)).toBe('amazon_state_invalid');
  });

  it('redirects with a code when the app answers correctly after the consent; amazon_state works once', async () => {
    const b = await authorizedSeller();
    const login = await reAuthorize(b);
    const redirect = await b.get(backToAmazon(login));
    expect(redirect.status).toBe(302);
    const target = new URL(redirect.location!);
    expect(target.searchParams.get('state')).toBe('app-state-1');
    expect(target.searchParams.get('selling_partner_id')).toBe(EU.sellingPartnerId);
    expect(target.searchParams.get('spapi_oauth_code')).toBeTruthy();
    expect(errorKey((await b.get(backToAmazon(login))).text)).toBe('amazon_state_invalid');
  });

  it('refuses a changed amazon_state, an unregistered redirect_uri and a missing state', async () => {
    const b = await authorizedSeller();
    const login = await reAuthorize(b);
    const changed = await b.get(backToAmazon(login, { amazon_state: `${login.searchParams.get('amazon_state')}x` }));
    expect(changed.status).toBe(400);
    expect(errorKey(changed.text)).toBe('amazon_state_invalid');
    expect(errorKey((await b.get(backToAmazon(login, { redirect_uri: 'https://evil.example/cb' }))).text)).toBe(
      'MD5101',
    );
    expect(errorKey((await b.get(backToAmazon(login, { state: undefined }))).text)).toBe('MD9999');
    // Still good after the refusals above (they did not use it up).
    expect(new URL((await b.get(backToAmazon(login))).location!).searchParams.get('spapi_oauth_code')).toBeTruthy();
  });

  it('accepts the way back without redirect_uri (the first registered one is used), as Amazon does', async () => {
    const b = await authorizedSeller();
    const login = await reAuthorize(b);
    // The consent came before the Login URI: the way back leads straight to the redirect with the code.
    const redirect = await b.get(backToAmazon(login, { redirect_uri: undefined }));
    expect(redirect.status).toBe(302);
    expect(redirect.location!.startsWith(PROD.redirectUris[0]!)).toBe(true);
  });

  it('binds amazon_state to the seller it was issued to, and expires it', async () => {
    const b = await authorizedSeller();
    const login = await reAuthorize(b);
    const other = new Browser(sb.url);
    const otherSeller = seedAccount('partnerverwaltung@example.com')!;
    const mfa = await signIn(other, backToAmazon(login), otherSeller);
    expect(errorKey((await passMfa(other, sb, mfa, otherSeller)).text)).toBe('amazon_state_invalid');
    const later = await reAuthorize(b);
    sb.clock.now += 16 * 60_000;
    expect(errorKey((await b.get(backToAmazon(later))).text)).toBe('amazon_state_invalid');
  });
});

describe('Appstore → Authorize now', () => {
  it('only listed apps have a page; Authorize now calls the Login URI (version=beta never for a listed app)', async () => {
    const b = new Browser(sb.url);
    expect((await b.get(`/sc/${EU_HOST}/selling-partner-appstore/dp/${unlistedApp().applicationId}`)).status).toBe(404);
    expect((await b.get(`/sc/${EU_HOST}/selling-partner-appstore/dp/${draftApp().applicationId}`)).status).toBe(404);
    // Not signed in: Seller Central's sign-in first, then back to the Appstore page.
    const path = `/sc/${EU_HOST}/selling-partner-appstore/dp/${PROD.applicationId}`;
    const appstore = await passMfa(b, sb, await signIn(b, path, EU), EU);
    expect(pageKind(appstore.text)).toBe('appstore');
    const csrf = /name="csrf" value="([^"]+)"/.exec(appstore.text)![1]!;
    const consent = await b.post(`/sc/${EU_HOST}/selling-partner-appstore/authorize`, {
      application_id: PROD.applicationId,
      csrf,
    });
    expect(pageKind(consent.text)).toBe('consent');
    const res = await confirmConsent(b, consent);
    expect(res.status).toBe(302);
    const login = new URL(res.location!);
    expect(login.searchParams.get('selling_partner_id')).toBe(EU.sellingPartnerId);
    expect(login.searchParams.has('version')).toBe(false);
    expect(new URL((await b.get(backToAmazon(login))).location!).searchParams.get('spapi_oauth_code')).toBeTruthy();
  });
});

describe('website workflow: the Login URI step for a seller not yet registered with the app', () => {
  const first = (b: Browser, state: string) =>
    reachConsent(
      b,
      sb,
      consentPath(EU_HOST, { application_id: PROD.applicationId, state, redirect_uri: PROD.redirectUris[0]! }),
      EU,
    );

  it("without the scenario Amazon redirects straight to the redirect URI with the consent's state", async () => {
    const b = new Browser(sb.url);
    const redirect = await confirmConsent(b, await first(b, 'consent-state'));
    const target = new URL(redirect.location!);
    expect(`${target.origin}${target.pathname}`).toBe(PROD.redirectUris[0]);
    expect(target.searchParams.get('state')).toBe('consent-state');
  });

  it('with login_uri_new_seller: consent, then the Login URI, then the code with the state the app sent back; registered sellers go straight', async () => {
    sb.state.scenarios.set({ id: 'login_uri_new_seller', target: { sellingPartnerId: EU.sellingPartnerId } });
    const b = new Browser(sb.url);
    const toLogin = await confirmConsent(b, await first(b, 'consent-state'));
    const login = new URL(toLogin.location!);
    expect(`${login.origin}${login.pathname}`).toBe(PROD.loginUri);
    expect(login.searchParams.get('selling_partner_id')).toBe(EU.sellingPartnerId);
    expect(login.searchParams.get('amazon_callback_uri')).toBe(
      `${sb.url}/sc/${EU_HOST}/apps/authorize/confirm/${PROD.applicationId}`,
    );
    // Nothing reached the redirect URI yet, and no code exists before the app answered.
    expect(sb.state.codes.size).toBe(0);
    const redirect = await b.get(backToAmazon(login, { state: 'consent-state' }));
    const target = new URL(redirect.location!);
    expect(`${target.origin}${target.pathname}`).toBe(PROD.redirectUris[0]);
    expect(target.searchParams.get('state')).toBe('consent-state');
    expect(target.searchParams.get('spapi_oauth_code')).toBeTruthy();
    // Now registered with the app: the next consent goes straight to the redirect URI.
    const again = new URL(
      (await confirmConsent(b, await b.get(consentPath(EU_HOST, { application_id: PROD.applicationId, state: 's2' }))))
        .location!,
    );
    expect(again.searchParams.get('spapi_oauth_code')).toBeTruthy();
  });

  it('amazon_state issued before the consent is no way around it; login_uri_relative_callback sends a bare path', async () => {
    sb.state.scenarios.set({ id: 'login_uri_new_seller' });
    sb.state.scenarios.set({ id: 'login_uri_relative_callback' });
    const b = new Browser(sb.url);
    const login = new URL((await confirmConsent(b, await first(b, 'st'))).location!);
    expect(login.searchParams.get('amazon_callback_uri')).toBe(`/apps/authorize/confirm/${PROD.applicationId}`);
    const back = `/sc/${EU_HOST}/apps/authorize/confirm/${PROD.applicationId}?${new URLSearchParams({ redirect_uri: PROD.redirectUris[0]!, amazon_state: login.searchParams.get('amazon_state')!, state: 'st' })}`;
    expect(new URL((await b.get(back)).location!).searchParams.get('spapi_oauth_code')).toBeTruthy();
    // Re-Authorize's amazon_state before its consent was confirmed does not lead to a code.
    const consent = await reAuthorizeConsent(b);
    const early = `/sc/${EU_HOST}/apps/authorize/confirm/${PROD.applicationId}?${new URLSearchParams({ redirect_uri: PROD.redirectUris[0]!, amazon_state: formFields(consent.text).amazon_state!, state: 'x' })}`;
    expect(errorKey((await b.get(early)).text)).toBe('amazon_state_invalid');
  });

  it('serves per-country Seller Central hosts such as sellercentral.amazon.de', async () => {
    sb.state.scenarios.set({ id: 'login_uri_new_seller' });
    const b = new Browser(sb.url);
    const host = 'sellercentral.amazon.de';
    const consent = await reachConsent(
      b,
      sb,
      consentPath(host, { application_id: PROD.applicationId, state: 'de' }),
      EU,
    );
    const login = new URL((await confirmConsent(b, consent, host)).location!);
    expect(login.searchParams.get('amazon_callback_uri')).toBe(
      `${sb.url}/sc/${host}/apps/authorize/confirm/${PROD.applicationId}`,
    );
  });
});

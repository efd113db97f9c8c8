// Manage Your Apps (Re-Authorize) and the Appstore (Authorize now) over real HTTP: both call the app's
// Login URI as Amazon does, and the way back is checked as Amazon checks it (docs/amazon.md §1.6).
// The test plays the app: it reads the redirect to the Login URI and answers it.
import { describe, expect, it } from 'vitest';
import { draftApp, productionApp, seedAccount, unlistedApp } from './seed';
import { Browser, EU_HOST, confirmConsent, consentPath, errorKey, pageKind, passMfa, reachConsent, sharedTestSandbox, signIn } from './test-client';

const PROD = productionApp();
const EU = seedAccount('eu.haendler@example.com')!;
const sb = sharedTestSandbox();

/** A seller who authorized the Production app once (so it shows under Manage Your Apps), signed in. */
async function authorizedSeller(): Promise<Browser> {
  const b = new Browser(sb.url);
  const consent = await reachConsent(b, sb, consentPath(EU_HOST, { application_id: PROD.applicationId, state: 'first' }), EU);
  expect((await confirmConsent(b, consent)).status).toBe(302);
  return b;
}

/** Clicks Re-Authorize for the app and returns Amazon's call of the Login URI. */
async function reAuthorize(b: Browser, applicationId = PROD.applicationId): Promise<URL> {
  const manage = await b.get(`/sc/${EU_HOST}/apps/manage`);
  expect(pageKind(manage.text)).toBe('manage-apps');
  const csrf = /name="csrf" value="([^"]+)"/.exec(manage.text)![1]!;
  const res = await b.post(`/sc/${EU_HOST}/apps/manage/reauthorize`, { application_id: applicationId, csrf });
  expect(res.status).toBe(302);
  return new URL(res.location!);
}

/** The app's answer: back to amazon_callback_uri with redirect_uri, amazon_state and its own state. */
function backToAmazon(login: URL, over: Record<string, string | undefined> = {}): string {
  const back = new URL(login.searchParams.get('amazon_callback_uri')!);
  const params: Record<string, string | undefined> = { redirect_uri: PROD.redirectUris[0], amazon_state: login.searchParams.get('amazon_state')!, state: 'app-state-1', ...over };
  for (const [k, v] of Object.entries(params)) if (v !== undefined) back.searchParams.set(k, v);
  return back.pathname + back.search;
}

describe('Manage Your Apps → Re-Authorize', () => {
  it('lists the apps the seller authorized and calls the app\'s Login URI with amazon_callback_uri, amazon_state, selling_partner_id', async () => {
    const b = await authorizedSeller();
    const manage = await b.get(`/sc/${EU_HOST}/apps/manage`);
    expect(manage.text).toContain(`data-application-id="${PROD.applicationId}"`);
    expect(manage.text).not.toContain(draftApp().applicationId);
    const login = await reAuthorize(b);
    expect(`${login.origin}${login.pathname}`).toBe(PROD.loginUri);
    expect(login.searchParams.get('amazon_callback_uri')).toBe(`${sb.url}/sc/${EU_HOST}/apps/authorize/confirm/${PROD.applicationId}`);
    expect(login.searchParams.get('amazon_state')).toMatch(/^[\w-]{20,}$/);
    expect(login.searchParams.get('selling_partner_id')).toBe(EU.sellingPartnerId);
    expect(login.searchParams.has('version')).toBe(false);
  });

  it('continues with consent and the redirect with a code when the app answers correctly; amazon_state works once', async () => {
    const b = await authorizedSeller();
    const login = await reAuthorize(b);
    const consent = await b.get(backToAmazon(login));
    expect(pageKind(consent.text)).toBe('consent');
    const redirect = await confirmConsent(b, consent);
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
    expect(errorKey((await b.get(backToAmazon(login, { redirect_uri: 'https://evil.example/cb' }))).text)).toBe('MD5101');
    expect(errorKey((await b.get(backToAmazon(login, { state: undefined }))).text)).toBe('MD9999');
    // Still good after the refusals above (they did not use it up).
    expect(pageKind((await b.get(backToAmazon(login))).text)).toBe('consent');
  });

  it('accepts the way back without redirect_uri (the first registered one is used), as Amazon does', async () => {
    const b = await authorizedSeller();
    const login = await reAuthorize(b);
    const consent = await b.get(backToAmazon(login, { redirect_uri: undefined }));
    expect(pageKind(consent.text)).toBe('consent');
    const redirect = await confirmConsent(b, consent);
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
    const res = await b.post(`/sc/${EU_HOST}/selling-partner-appstore/authorize`, { application_id: PROD.applicationId, csrf });
    expect(res.status).toBe(302);
    const login = new URL(res.location!);
    expect(login.searchParams.get('selling_partner_id')).toBe(EU.sellingPartnerId);
    expect(pageKind((await b.get(backToAmazon(login))).text)).toBe('consent');
  });
});

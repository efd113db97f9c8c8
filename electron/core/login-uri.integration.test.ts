// Sign-ins that start on Amazon's side (issue 10.2), end to end over real HTTP: the real core (keychain in
// the private gnome-keyring session) against the real cloud and sandbox. Seller Central's Re-Authorize and
// the Appstore's Authorize now go through the cloud's Login URI; the desktop learns of them from the
// cloud's feed and turns Authentifiziert without anyone pressing AKTUALISIEREN. The Login URI answers every
// seller id alike; after Amazon's redirect, unknown and ambiguous sellers are asked for the pairing code
// and the desktop stays as it was.
import { describe, expect, it } from 'vitest';
import { productionApp, seedAccount, type SeedAccount } from '../../sandbox/seed';
import { TestCloudHttp, type Stack } from '../../cloud/testing/stack';
import { confirmConsent, SellerBrowser, signInToConsent, type Page } from '../../cloud/testing/seller-browser';
import { consentAndCallback, newPlatform, startAuth } from '../../cloud/testing/flow-steps';
import type { Desktop } from './testing/desktop';
import { signedInPlatform, useDesktopStack } from './testing/desktop-stack';

const EU = seedAccount('eu.haendler@example.com')!;
const FE = seedAccount('fe.seller@example.com')!;
const NA = seedAccount('na.seller@example.com')!;
const APP = productionApp();
const EU_HOST = 'sellercentral-europe.amazon.com';
const JP_HOST = 'sellercentral.amazon.co.jp';

let stack: Stack;
let desk: Desktop;

useDesktopStack('Muster Handel GmbH', (started) => void ({ stack, desk } = started));

/** Signs in on a Seller Central page (sign-in, one-time code) and returns that page. */
async function sellerCentral(path: string, seller: SeedAccount): Promise<{ browser: SellerBrowser; page: Page }> {
  const browser = new SellerBrowser();
  return { browser, page: await signInToConsent(browser, `${stack.sandbox.url}${path}`, seller, stack.sandbox.url) };
}

const steps = async (id: string) => (await desk.call('getTimeline', { id })).map((e) => e.step);

describe('sign-in started on Amazon', () => {
  it('Re-Authorize in Seller Central (Manage Your Apps) renews the platform; the desktop follows by itself', async () => {
    const first = await signedInPlatform(desk, stack.sandbox.url, 'Amazon Re-Authorize', EU);
    const p = first;
    const firstAt = first.auth.status === 'authenticated' ? first.auth.authorizedAt : '';
    const opened = desk.opened.length;
    stack.clock.advance(60_000);

    const { browser: seller, page: manage } = await sellerCentral(`/sc/${EU_HOST}/apps/manage`, EU);
    expect(manage.text).toContain('data-page="manage-apps"');
    // Amazon shows the consent first and loads the Login URI only after it (docs/amazon.md §1.6).
    const consent = await seller.submit(manage, {}, APP.applicationId);
    expect(consent.text).toContain('data-page="consent"');
    expect((await confirmConsent(seller, consent)).status).toBe(200);
    const renewed = await desk.until(p.id, (x) => x.auth.status === 'authenticated');
    expect(renewed.auth).toMatchObject({ status: 'authenticated', sellingPartnerId: EU.sellingPartnerId });
    expect(renewed.auth.status === 'authenticated' && Date.parse(renewed.auth.authorizedAt)).toBeGreaterThan(
      Date.parse(firstAt),
    );
    expect(desk.opened.length).toBe(opened); // no browser opened by the desktop
    expect(await steps(p.id)).toContain('sign-in started in Seller Central or the Appstore (Login URI)');
  });

  it('Authorize now in the Appstore, for a seller without a platform, with the pairing code from ZUGANGSDATEN', async () => {
    const p = await desk.newPlatform('Amazon Japan', 'JP');
    const { browser, page: appstore } = await sellerCentral(
      `/sc/${JP_HOST}/selling-partner-appstore/dp/${APP.applicationId}`,
      FE,
    );
    // Consent, Login URI, Amazon's redirect: the callback's page asks for the code.
    const asked = await confirmConsent(browser, await browser.submit(appstore, {}, 'authorize-now'));
    expect(asked.status).toBe(200);
    expect(asked.text).toContain('data-reason="unknown_seller"');

    const pairing = await desk.call('getPairingCode', { id: p.id });
    expect(pairing.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(JSON.stringify(await desk.call('getTimeline', { id: p.id }))).not.toContain(pairing.code);
    // Amazon's redirect already came: the code picks the platform and the JSON page follows.
    expect((await browser.submit(asked, { code: pairing.code })).status).toBe(200);
    const done = await desk.until(p.id, (x) => x.auth.status === 'authenticated');
    expect(done.auth).toMatchObject({ status: 'authenticated', sellingPartnerId: FE.sellingPartnerId });
  });

  it("asks an unknown seller and an ambiguous one for the code after Amazon's redirect; the desktop stays as it was", async () => {
    const before = await signedInPlatform(desk, stack.sandbox.url, 'Amazon Eindeutig', EU);
    const p = before;

    // The NA seller has no platform anywhere.
    const { browser: na, page: appstore } = await sellerCentral(
      `/sc/sellercentral.amazon.com/selling-partner-appstore/dp/${APP.applicationId}`,
      NA,
    );
    const unknown = await confirmConsent(na, await na.submit(appstore, {}, 'authorize-now'));
    expect(unknown.status).toBe(200);
    expect(unknown.text).toContain('data-reason="unknown_seller"');

    // Another tenant connects the same EU seller: Re-Authorize no longer names one platform.
    const other = new TestCloudHttp(stack.cloud.url, await stack.cloud.createTenant('Zweiter Mandant'));
    const otherPlatform = await newPlatform(other);
    await consentAndCallback(stack.sandbox.url, (await startAuth(other, otherPlatform)).consentUrl, EU);
    const { browser: eu, page: manage } = await sellerCentral(`/sc/${EU_HOST}/apps/manage`, EU);
    const ambiguous = await confirmConsent(eu, await eu.submit(manage, {}, APP.applicationId));
    expect(ambiguous.status).toBe(200);
    expect(ambiguous.text).toContain('data-reason="ambiguous_seller"');
    // Give a wrongly started follow the time to show up, then check nothing changed.
    await new Promise((r) => setTimeout(r, 300));
    expect((await desk.platform(p.id)).auth).toEqual(before.auth);
  });
});

describe('first sign-in (ANMELDEN) when Amazon sends the new seller through the Login URI', () => {
  it('the desktop opens the cloud start link; the Login URI continues that sign-in to Authentifiziert', async () => {
    const res = await fetch(`${stack.sandbox.url}/sandbox/api/scenarios`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'login_uri_new_seller', account: EU.email }),
    });
    expect(res.status).toBe(200);
    const p = await desk.newPlatform('Amazon Erstanmeldung');
    const waiting = await desk.call('signIn', { id: p.id, mode: 'login' });
    const link = desk.opened.at(-1)!;
    expect(link.startsWith(`${stack.cloud.url}/oauth/amazon/start/`)).toBe(true);
    expect(waiting.auth).toMatchObject({ status: 'waiting', consentUrl: link });
    const browser = new SellerBrowser();
    const page = await confirmConsent(browser, await signInToConsent(browser, link, EU, stack.sandbox.url));
    expect(page.status).toBe(200);
    expect(page.text).toContain('"result":{"result":{');
    const done = await desk.until(p.id, (x) => x.auth.status === 'authenticated');
    expect(done.auth).toMatchObject({ status: 'authenticated', sellingPartnerId: EU.sellingPartnerId });
    expect(await steps(p.id)).not.toContain('sign-in started in Seller Central or the Appstore (Login URI)');
  });

  it("an outsider's Login URI request with the seller id neither cancels the running sign-in nor takes the desktop off it", async () => {
    // A seller no other test here connects (the EU seller is in two tenants by now).
    const seller = seedAccount('gesperrte.angebote@example.com')!;
    const p = await signedInPlatform(desk, stack.sandbox.url, 'Amazon Fremdanfrage', seller);
    const waiting = await desk.call('signIn', { id: p.id, mode: 'refresh' });
    const own = waiting.auth.status === 'waiting' ? waiting.auth.authorizationId : '';
    const amazonStarted = async () =>
      (
        await stack.cloud.db.query<{ n: string }>(
          "SELECT count(*)::text AS n FROM authorizations WHERE origin = 'amazon'",
        )
      ).rows[0]!.n;
    const before = await amazonStarted();
    const outsider = await fetch(
      `${stack.cloud.url}/oauth/amazon/login?${new URLSearchParams({ amazon_callback_uri: `${stack.sandbox.url}/sc/${EU_HOST}/apps/authorize/confirm/${APP.applicationId}`, amazon_state: 'x', selling_partner_id: seller.sellingPartnerId })}`,
      { redirect: 'manual' },
    );
    expect(outsider.status).toBe(302);
    // The Login URI starts nothing: only Amazon's redirect with a code the cloud accepts does.
    expect(await amazonStarted()).toBe(before);
    expect((await desk.platform(p.id)).auth).toMatchObject({ status: 'waiting', authorizationId: own });
    const browser = new SellerBrowser();
    expect(
      (await confirmConsent(browser, await signInToConsent(browser, desk.opened.at(-1)!, seller, stack.sandbox.url)))
        .status,
    ).toBe(200);
    const done = await desk.until(p.id, (x) => x.auth.status === 'authenticated');
    expect(done.auth).toMatchObject({ status: 'authenticated', sellingPartnerId: seller.sellingPartnerId });
  });
});

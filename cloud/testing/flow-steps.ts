// Steps the callback and scenario tests share: a platform, an authorization, and the seller's browser
// up to Amazon's redirect.
import { expect } from 'vitest';
import type { SeedAccount } from '../../sandbox';
import type { TestCloudHttp } from './stack';
import { confirmConsent, consentRedirect, SellerBrowser, signInToConsent, type Page } from './seller-browser';

let counter = 0;

export async function newPlatform(client: TestCloudHttp, countryCode = 'DE', region = 'EU'): Promise<string> {
  const res = await client.createPlatform(`Amazon ${process.pid}-${++counter}`, countryCode, region);
  expect(res.status).toBe(201);
  return res.body.id as string;
}

export async function startAuth(client: TestCloudHttp, platformId: string, mode: 'login' | 'refresh' = 'login') {
  const res = await client.startAuthorization(platformId, mode);
  expect(res.status).toBe(201);
  return res.body as { id: string; consentUrl: string; expiresAt: string };
}

/** Signs in and confirms; returns Amazon's redirect to the cloud without following it. */
export async function amazonRedirect(sandboxUrl: string, consentUrl: string, seller: SeedAccount): Promise<string> {
  const browser = new SellerBrowser();
  return consentRedirect(browser, await signInToConsent(browser, consentUrl, seller, sandboxUrl));
}

/** The whole browser part: sign-in, one-time code, consent, and the cloud's callback page. */
export async function consentAndCallback(sandboxUrl: string, consentUrl: string, seller: SeedAccount): Promise<Page> {
  const browser = new SellerBrowser();
  return confirmConsent(browser, await signInToConsent(browser, consentUrl, seller, sandboxUrl));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are asserted field by field
export async function getCallback(url: string): Promise<{ status: number; headers: Headers; body: any }> {
  const res = await fetch(url, { redirect: 'manual' });
  return { status: res.status, headers: res.headers, body: JSON.parse(await res.text()) };
}

export async function authorization(client: TestCloudHttp, id: string) {
  return (await client.raw('GET', `/v1/authorizations/${id}`)).body;
}

/** Where the cloud's start link (the `consentUrl` of an authorization) sends the browser: Seller Central's consent URL. */
export async function consentTarget(startLink: string): Promise<string> {
  const res = await fetch(startLink, { redirect: 'manual' });
  expect(res.status).toBe(302);
  return res.headers.get('location')!;
}

/**
 * Appstore → Authorize now → consent, as a seller does for an app sign-in that starts at Amazon: the page
 * the browser ends on after the Login URI and Amazon's redirect. Pass the browser back in for another
 * round with the same Seller Central session.
 */
export async function authorizeNow(
  sandboxUrl: string,
  applicationId: string,
  seller: SeedAccount,
  host: string,
  browser = new SellerBrowser(),
): Promise<{ browser: SellerBrowser; page: Page }> {
  const appstore = await signInToConsent(
    browser,
    `${sandboxUrl}/sc/${host}/selling-partner-appstore/dp/${applicationId}`,
    seller,
    sandboxUrl,
  );
  expect(appstore.text).toContain('data-page="appstore"');
  const consent = await browser.submit(appstore, {}, 'authorize-now');
  expect(consent.text).toContain('data-page="consent"');
  return { browser, page: await confirmConsent(browser, consent) };
}

/** Seller Central → Manage Your Apps, signed in: the browser and the page listing the authorized apps. */
export async function manageApps(
  sandboxUrl: string,
  seller: SeedAccount,
  host: string,
): Promise<{ browser: SellerBrowser; page: Page }> {
  const browser = new SellerBrowser();
  const page = await signInToConsent(browser, `${sandboxUrl}/sc/${host}/apps/manage`, seller, sandboxUrl);
  expect(page.text).toContain('data-page="manage-apps"');
  return { browser, page };
}

/** A platform authenticated the ordinary way (ANMELDEN), as the seller's first authorization: its id. */
export async function authenticatedPlatform(
  sandboxUrl: string,
  client: TestCloudHttp,
  seller: SeedAccount,
  country = 'DE',
  region = 'EU',
): Promise<string> {
  const platformId = await newPlatform(client, country, region);
  const auth = await startAuth(client, platformId);
  expect((await consentAndCallback(sandboxUrl, auth.consentUrl, seller)).status).toBe(200);
  expect(await authorization(client, auth.id)).toMatchObject({ status: 'authenticated' });
  return platformId;
}

// A browser without a UI for the tests: a cookie jar (tough-cookie), manual redirects, and forms
// submitted from their hidden fields — enough to walk Seller Central's sign-in, one-time code and
// consent the way a seller's browser does.
import { CookieJar } from 'tough-cookie';
import { totp } from '../../sandbox/totp';

export interface Page {
  url: string;
  status: number;
  headers: Headers;
  text: string;
}

/** The text of an HTML attribute value. */
export const decodeHtml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

export class SellerBrowser {
  readonly jar = new CookieJar();

  /** One request, cookies in and out, no redirect following. */
  async fetch(url: string, init: RequestInit = {}): Promise<Page> {
    const headers = new Headers(init.headers);
    const cookie = await this.jar.getCookieString(url);
    if (cookie) headers.set('cookie', cookie);
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) await this.jar.setCookie(c, url);
    return { url, status: res.status, headers: res.headers, text: await res.text() };
  }

  /** Follows redirects like a browser (POST becomes GET after 302/303). */
  async go(url: string, init: RequestInit = {}): Promise<Page> {
    let page = await this.fetch(url, init);
    for (let hops = 0; page.status >= 300 && page.status < 400 && hops < 10; hops++) {
      const next = new URL(page.headers.get('location')!, page.url).toString();
      page = await this.fetch(next);
    }
    return page;
  }

  /** Submits the page's form (the one containing `marker`, else the first) with its hidden fields plus `fields`. */
  submit(page: Page, fields: Record<string, string>, marker?: string): Promise<Page> {
    const { action, init } = formRequest(page, fields, marker);
    return this.go(action, init);
  }
}

/** The POST a browser would send for the page's form: hidden fields plus `fields`. */
export function formRequest(
  page: Page,
  fields: Record<string, string>,
  marker?: string,
): { action: string; init: RequestInit } {
  const forms = [...page.text.matchAll(/<form[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/g)];
  const form = forms.find((f) => !marker || f[2]!.includes(marker)) ?? forms[0];
  if (!form) throw new Error(`no form on ${page.url}: ${page.text.slice(0, 300)}`);
  const body = new URLSearchParams();
  for (const input of form[2]!.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(input[0])?.[1];
    const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? '';
    if (name) body.set(decodeHtml(name), decodeHtml(value));
  }
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  return {
    action: new URL(decodeHtml(form[1]!), page.url).toString(),
    init: { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() },
  };
}

interface SellerLogin {
  email: string;
  password: string;
  totpSecret?: string;
}

/**
 * Opens the consent URL, signs in, passes the one-time code (TOTP, or the SMS from the sandbox's
 * inbox) and returns the consent page. `otp` overrides the code.
 */
export async function signInToConsent(
  browser: SellerBrowser,
  consentUrl: string,
  seller: SellerLogin,
  sandboxUrl: string,
  otp?: string,
): Promise<Page> {
  const signIn = await browser.go(consentUrl);
  if (!signIn.text.includes('name="password"')) return signIn;
  const mfa = await browser.submit(signIn, { email: seller.email, password: seller.password });
  let code = otp;
  if (!code && seller.totpSecret) code = totp(seller.totpSecret, Date.now());
  if (!code) {
    const inbox = (await (
      await fetch(`${sandboxUrl}/sandbox/api/sms?email=${encodeURIComponent(seller.email)}`)
    ).json()) as { messages: { code: string }[] };
    code = inbox.messages[0]!.code;
  }
  return browser.submit(mfa, { otp: code, action: 'verify' }, 'name="otp"');
}

/** Confirms the consent; the browser ends on the cloud's callback page (or wherever Amazon sends it). */
export function confirmConsent(
  browser: SellerBrowser,
  consentPage: Page,
  action: 'confirm' | 'cancel' = 'confirm',
): Promise<Page> {
  return browser.submit(consentPage, { action }, 'id="consent-confirm"');
}

/** The redirect Seller Central sends after confirming, without following it to the cloud. */
export async function consentRedirect(browser: SellerBrowser, consentPage: Page): Promise<string> {
  const { action, init } = formRequest(consentPage, { action: 'confirm' }, 'id="consent-confirm"');
  const res = await browser.fetch(action, init);
  const location = res.headers.get('location');
  if (res.status !== 302 || !location)
    throw new Error(`consent did not redirect: ${res.status} ${res.text.slice(0, 300)}`);
  return location;
}

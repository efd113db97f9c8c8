// Test helpers: the seller's headless browser (cloud/testing/seller-browser.ts) with paths relative to the
// sandbox, and the steps of the Seller Central flow. Used only by *.test.ts.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { decodeHtml, SellerBrowser, type Page as SellerPage } from '../../cloud/testing/seller-browser';
import { createSandbox, type CreateSandboxOptions } from '../server';
import type { SeedAccount } from '../seed';
import type { SandboxState } from '../state';
import { totp } from '../totp';

export interface Page extends SellerPage {
  /** The redirect's target as sent (relative or absolute). */
  location?: string;
}

/** The seller's browser on the sandbox: paths relative to `base`, redirects followed by hand. */
export class Browser extends SellerBrowser {
  constructor(readonly base: string) {
    super();
  }

  async request(path: string, init: RequestInit = {}): Promise<Page> {
    const page = await this.fetch(path.startsWith('http') ? path : this.base + path, init);
    return { ...page, location: page.headers.get('location') ?? undefined };
  }

  get(path: string, headers?: Record<string, string>): Promise<Page> {
    return this.request(path, { headers });
  }

  post(path: string, form: Record<string, string>): Promise<Page> {
    return this.request(path, {
      method: 'POST',
      body: new URLSearchParams(form),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  /** Follows redirects that stay on the sandbox (a redirect to the app's callback is returned as is). */
  async follow(page: Page): Promise<Page> {
    let current = page;
    while (current.status >= 300 && current.status < 400 && current.location && !current.location.startsWith('http')) {
      current = await this.get(current.location);
    }
    return current;
  }
}

/** Hidden and named inputs of the first form on a page, unescaped. */
export function formFields(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    out[m[1]!] = decodeHtml(m[2]!);
  }
  return out;
}

export function pageKind(html: string): string | undefined {
  return /data-page="([^"]+)"/.exec(html)?.[1];
}

export function errorKey(html: string): string | undefined {
  return /data-error="([^"]+)"/.exec(html)?.[1];
}

export interface TestSandbox {
  url: string;
  state: SandboxState;
  clock: { now: number };
  close(): Promise<void>;
}

export const T0 = Date.parse('2025-03-01T10:00:00Z');

export async function startTestSandbox(opts: Omit<CreateSandboxOptions, 'now'> = {}): Promise<TestSandbox> {
  const clock = { now: T0 };
  const { app, state } = await createSandbox({ ...opts, now: () => clock.now });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, state, clock, close: () => app.close() };
}

/** One sandbox per test file on a free port, its seed and clock reset before each test. */
export function sharedTestSandbox(): TestSandbox {
  let current: TestSandbox | undefined;
  const get = () => {
    if (!current) throw new Error('the sandbox starts in beforeAll');
    return current;
  };
  beforeAll(async () => {
    current = await startTestSandbox();
  });
  afterAll(() => current?.close());
  beforeEach(() => {
    get().state.reset();
    get().clock.now = T0;
  });
  return {
    get url() {
      return get().url;
    },
    get state() {
      return get().state;
    },
    get clock() {
      return get().clock;
    },
    close: () => get().close(),
  };
}

export const EU_HOST = 'sellercentral-europe.amazon.com';

export function consentPath(host: string, query: Record<string, string>): string {
  return `/sc/${host}/apps/authorize/consent?${new URLSearchParams(query).toString()}`;
}

/** Sign-in form → two-step verification page. */
export async function signIn(
  b: Browser,
  consentUrl: string,
  account: SeedAccount,
  password = account.password,
): Promise<Page> {
  const signin = await b.follow(await b.get(consentUrl));
  const fields = formFields(signin.text);
  const host = consentUrl.split('/')[2];
  return b.follow(await b.post(`/sc/${host}/ap/signin`, { ...fields, email: account.email, password }));
}

/** Two-step verification with the right code (TOTP from the clock, or the SMS from the inbox API). */
export async function passMfa(
  b: Browser,
  sb: TestSandbox,
  mfa: Page,
  account: SeedAccount,
  host = EU_HOST,
): Promise<Page> {
  const otp = account.totpSecret ? totp(account.totpSecret, sb.clock.now) : await latestSms(sb.url, account.email);
  return b.follow(await b.post(`/sc/${host}/ap/mfa`, { ...formFields(mfa.text), otp, action: 'verify' }));
}

export async function latestSms(url: string, email: string): Promise<string> {
  const res = await fetch(`${url}/sandbox/api/sms?email=${encodeURIComponent(email)}`);
  const body = (await res.json()) as { messages: { code: string }[] };
  return body.messages[0]?.code ?? '';
}

/** Whole flow up to the consent page. */
export async function reachConsent(
  b: Browser,
  sb: TestSandbox,
  consentUrl: string,
  account: SeedAccount,
): Promise<Page> {
  const mfa = await signIn(b, consentUrl, account);
  return passMfa(b, sb, mfa, account, consentUrl.split('/')[2]);
}

export async function confirmConsent(b: Browser, consent: Page, host = EU_HOST, action = 'confirm'): Promise<Page> {
  return b.post(`/sc/${host}/apps/authorize/confirm`, { ...formFields(consent.text), action });
}

interface AppCredentials {
  applicationId: string;
  clientId: string;
  clientSecret: string;
  status: 'production' | 'draft';
}

/** Signs in, confirms, and returns the redirect's query parameters. */
export async function authorize(
  sb: TestSandbox,
  account: SeedAccount,
  app: AppCredentials,
  host = EU_HOST,
): Promise<URLSearchParams> {
  const b = new Browser(sb.url);
  const query: Record<string, string> = { application_id: app.applicationId, state: 'st-1' };
  if (app.status === 'draft') query.version = 'beta';
  const consent = await reachConsent(b, sb, consentPath(host, query), account);
  const redirect = await confirmConsent(b, consent, host);
  if (redirect.status !== 302 || !redirect.location)
    throw new Error(`no redirect: ${pageKind(redirect.text)} ${errorKey(redirect.text)}`);
  return new URL(redirect.location).searchParams;
}

export async function tokenRequest(
  url: string,
  body: Record<string, string>,
  json = false,
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const res = await fetch(`${url}/auth/o2/token`, {
    method: 'POST',
    headers: { 'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded;charset=UTF-8' },
    body: json ? JSON.stringify(body) : new URLSearchParams(body).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, headers: res.headers };
}

export async function obtainTokens(
  sb: TestSandbox,
  account: SeedAccount,
  app: AppCredentials & { redirectUris: string[] },
  host = EU_HOST,
): Promise<{ access: string; refresh: string }> {
  const params = await authorize(sb, account, app, host);
  const res = await tokenRequest(sb.url, {
    grant_type: 'authorization_code',
    code: params.get('spapi_oauth_code') ?? '',
    redirect_uri: app.redirectUris[0]!,
    client_id: app.clientId,
    client_secret: app.clientSecret,
  });
  if (res.status !== 200) throw new Error(`token exchange failed: ${JSON.stringify(res.body)}`);
  return { access: res.body.access_token as string, refresh: res.body.refresh_token as string };
}

export async function sellers(
  url: string,
  region: string,
  token?: string,
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const res = await fetch(`${url}/spapi/${region}/sellers/v1/marketplaceParticipations`, {
    headers: token ? { 'x-amz-access-token': token } : {},
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, headers: res.headers };
}

/** One call of the sandbox's JSON API (/sandbox/api/…) at `base`: its status and parsed body. */
export async function sandboxApi(
  base: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

// Seller Central over real HTTP with a cookie-keeping client: URL checks, sign-in, 2FA, consent, rules.
import { describe, expect, it } from 'vitest';
import { cloneSeed, draftApp, productionApp, seedAccount, unlistedApp, type SeedAccount } from './seed';
import {
  Browser,
  EU_HOST,
  confirmConsent,
  consentPath,
  errorKey,
  formFields,
  latestSms,
  pageKind,
  reachConsent,
  signIn,
  startTestSandbox,
  sharedTestSandbox,
  T0,
} from './testing/test-client';
import { totp } from './totp';

const PROD = productionApp();
const DRAFT = draftApp();
const EU = seedAccount('eu.haendler@example.com')!;
const FE = seedAccount('fe.seller@example.com')!;
const NA = seedAccount('na.seller@example.com')!;
const prodQuery = { application_id: PROD.applicationId, state: 'state-123' };
const prodUrl = (host = EU_HOST, extra: Record<string, string> = {}) => consentPath(host, { ...prodQuery, ...extra });

const sb = sharedTestSandbox();

async function errorFor(path: string): Promise<string | undefined> {
  const page = await new Browser(sb.url).get(path);
  expect(page.status).toBe(200);
  expect(pageKind(page.text)).toBe('error');
  return errorKey(page.text);
}

describe('consent URL checks', () => {
  it('unknown Seller Central host → 404 page', async () => {
    const page = await new Browser(sb.url).get(consentPath('sellercentral.example.org', prodQuery));
    expect(page.status).toBe(404);
    expect(pageKind(page.text)).toBe('not-found');
  });

  it('MD9999 for a malformed URL (second "?", missing or repeated parameters)', async () => {
    expect(await errorFor(`${prodUrl()}?version=beta`)).toBe('MD9999');
    expect(await errorFor(consentPath(EU_HOST, { application_id: PROD.applicationId }))).toBe('MD9999');
    expect(await errorFor(consentPath(EU_HOST, { state: 'x' }))).toBe('MD9999');
    expect(await errorFor(`${prodUrl()}&state=again`)).toBe('MD9999');
  });

  it('accepts an application id of the older form amzn1.sellerapps.app.<uuid>', async () => {
    const seed = cloneSeed();
    const app = seed.apps.find((a) => a.applicationId === PROD.applicationId)!;
    app.applicationId = 'amzn1.sellerapps.app.0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9';
    const other = await startTestSandbox({ seed });
    try {
      const b = new Browser(other.url);
      const page = await reachConsent(
        b,
        other,
        consentPath(EU_HOST, { application_id: app.applicationId, state: 's' }),
        EU,
      );
      expect(pageKind(page.text)).toBe('consent');
    } finally {
      await other.close();
    }
  });

  it('MD1000 for an application Amazon cannot find (no published app with that id)', async () => {
    expect(
      await errorFor(
        consentPath(EU_HOST, { application_id: 'amzn1.sp.solution.00000000-0000-0000-0000-000000000000', state: 'x' }),
      ),
    ).toBe('MD1000');
    expect(await errorFor(consentPath(EU_HOST, { application_id: 'nonsense', state: 'x' }))).toBe('MD1000');
  });

  it('MD1000 for a Draft app without version=beta; with it the sign-in follows', async () => {
    expect(await errorFor(consentPath(EU_HOST, { application_id: DRAFT.applicationId, state: 'x' }))).toBe('MD1000');
    const ok = await new Browser(sb.url).get(
      consentPath(EU_HOST, { application_id: DRAFT.applicationId, state: 'x', version: 'beta' }),
    );
    expect(ok.status).toBe(302);
    expect(ok.location).toContain(`/sc/${EU_HOST}/ap/signin`);
  });

  it('MD5110 for a fragment, MD5101 for an unregistered redirect URI', async () => {
    expect(await errorFor(prodUrl(EU_HOST, { redirect_uri: `${PROD.redirectUris[0]}#x` }))).toBe('MD5110');
    expect(await errorFor(prodUrl(EU_HOST, { redirect_uri: 'https://evil.example/cb' }))).toBe('MD5101');
  });

  it('error pages show the code and the App ID for Seller Support, in German or English', async () => {
    const b = new Browser(sb.url);
    const de = await b.get(prodUrl(EU_HOST, { redirect_uri: 'https://evil.example/cb' }));
    expect(de.text).toContain('Fehlercode: MD5101');
    const en = await b.get(prodUrl(EU_HOST, { redirect_uri: 'https://evil.example/cb', language: 'en_US' }));
    expect(en.text).toContain('Error Code: MD5101');
    // As on Amazon's "Something went wrong" page (selling-partner-api-docs #262).
    expect(en.text).toContain('Please contact Seller Support and provide them with the following information:');
    expect(en.text).toContain(`App ID: ${PROD.applicationId}`);
    const accept = await b.get(prodUrl(EU_HOST, { redirect_uri: 'https://evil.example/cb' }), {
      'accept-language': 'en-GB,en;q=0.9',
    });
    expect(accept.text).toContain('Error Code: MD5101');
    // A malformed application id is never echoed onto the page.
    const junk = await b.get(
      consentPath(EU_HOST, { application_id: '<script>x</script>', state: 's', language: 'en_US' }),
    );
    expect(junk.text).toContain('Error Code: MD1000');
    expect(junk.text).not.toContain('App ID:');
    expect(junk.text).not.toContain('<script>x');
  });
});

describe('sign-in', () => {
  it('wrong password and unknown e-mail keep the user on the sign-in page with a message', async () => {
    const b = new Browser(sb.url);
    const wrong = await signIn(b, prodUrl(), EU, 'nope');
    expect(pageKind(wrong.text)).toBe('signin');
    expect(wrong.text).toContain('Ihr Passwort ist falsch.');
    const unknown = await signIn(b, prodUrl(), { ...EU, email: 'nobody@example.com' });
    expect(unknown.text).toContain('Wir können kein Konto mit dieser E-Mail-Adresse finden.');
  });

  it('locks the account after 5 failures, even for the right password', async () => {
    const b = new Browser(sb.url);
    for (let i = 0; i < 4; i++)
      expect((await signIn(b, prodUrl(), EU, 'wrong')).text).toContain('Ihr Passwort ist falsch.');
    expect((await signIn(b, prodUrl(), EU, 'wrong')).text).toContain('vorübergehend gesperrt');
    const right = await signIn(b, prodUrl(), EU);
    expect(pageKind(right.text)).toBe('signin');
    expect(right.text).toContain('vorübergehend gesperrt');
    sb.state.reset();
    expect(pageKind((await signIn(b, prodUrl(), EU)).text)).toBe('mfa');
  });

  it('TOTP: wrong code stays on the page; current, previous and next step pass; two steps off fails', async () => {
    const b = new Browser(sb.url);
    const mfa = await signIn(b, prodUrl(), EU);
    expect(pageKind(mfa.text)).toBe('mfa');
    expect(mfa.text).toContain('data-method="totp"');
    const post = (otp: string) => b.post(`/sc/${EU_HOST}/ap/mfa`, { ...formFields(mfa.text), otp, action: 'verify' });
    const twoOff = await post(totp(EU.totpSecret!, T0 - 60_000));
    expect(pageKind(twoOff.text)).toBe('mfa');
    expect(twoOff.text).toContain('Das eingegebene Einmalpasswort ist ungültig.');
    const prev = await post(totp(EU.totpSecret!, T0 - 30_000));
    expect(prev.status).toBe(302);
    expect(pageKind((await b.follow(prev)).text)).toBe('consent');
  });

  it('SMS: the code arrives in the inbox, allows 3 tries, and expires after 5 minutes', async () => {
    const b = new Browser(sb.url);
    const mfa = await signIn(b, prodUrl('sellercentral.amazon.co.jp'), FE);
    expect(mfa.text).toContain('data-method="sms"');
    expect(mfa.text).toContain('+81 ••• ••• 78');
    const code = await latestSms(sb.url, FE.email);
    expect(code).toMatch(/^\d{6}$/);
    const inbox = await b.get('/sandbox/sms');
    expect(inbox.text).toContain(code);

    const post = (otp: string, action = 'verify') =>
      b.post(`/sc/sellercentral.amazon.co.jp/ap/mfa`, { ...formFields(mfa.text), otp, action });
    const bad = code === '000000' ? '111111' : '000000';
    expect((await post(bad)).text).toContain('ungültig');
    expect((await post(bad)).text).toContain('ungültig');
    expect((await post(bad)).text).toContain('Zu viele ungültige Versuche');
    expect((await post(code)).text).toContain('Zu viele ungültige Versuche');

    const resent = await post('', 'resend');
    expect(resent.text).toContain('neues Einmalpasswort gesendet');
    const fresh = await latestSms(sb.url, FE.email);
    sb.clock.now += 5 * 60_000 + 1;
    expect((await post(fresh)).text).toContain('abgelaufen');

    await post('', 'resend');
    const ok = await post(await latestSms(sb.url, FE.email));
    expect(ok.status).toBe(302);
    expect(pageKind((await b.follow(ok)).text)).toBe('consent');
  });

  it('a signed-in browser is not asked again; the session belongs to its host', async () => {
    const b = new Browser(sb.url);
    await reachConsent(b, sb, prodUrl(), EU);
    const again = await b.get(prodUrl(EU_HOST, { state: 'second' }));
    expect(again.status).toBe(200);
    expect(pageKind(again.text)).toBe('consent');
    const otherHost = await b.get(prodUrl('sellercentral.amazon.nl'));
    expect(otherHost.status).toBe(302);
    expect(otherHost.location).toContain('/sc/sellercentral.amazon.nl/ap/signin');
  });
});

describe('consent', () => {
  it('names the app and its roles, and escapes what it echoes', async () => {
    const b = new Browser(sb.url);
    const page = await reachConsent(b, sb, prodUrl(EU_HOST, { state: '"><script>alert(1)</script>' }), EU);
    expect(page.text).toContain(PROD.name);
    for (const role of PROD.roles) expect(page.text).toContain(role);
    expect(page.text).not.toContain('<script>alert(1)</script>');
    expect(formFields(page.text).state).toBe('"><script>alert(1)</script>');
  });

  it('"Bestätigen" redirects with state, selling_partner_id, spapi_oauth_code and mws_auth_token (hybrid)', async () => {
    const b = new Browser(sb.url);
    const consent = await reachConsent(b, sb, prodUrl(), EU);
    const res = await confirmConsent(b, consent);
    expect(res.status).toBe(302);
    const target = new URL(res.location!);
    expect(`${target.origin}${target.pathname}`).toBe(PROD.redirectUris[0]);
    expect(target.searchParams.get('state')).toBe('state-123');
    expect(target.searchParams.get('selling_partner_id')).toBe(EU.sellingPartnerId);
    expect(target.searchParams.get('spapi_oauth_code')).toMatch(/^[A-Za-z]{20}$/);
    expect(target.searchParams.get('mws_auth_token')).toMatch(/^amzn\.mws\./);
  });

  it('a Draft (non-hybrid) app gets no mws_auth_token; an explicit registered redirect_uri keeps its query', async () => {
    const uri = 'https://cloud.example/cb?tenant=7';
    sb.state.appById(DRAFT.applicationId)!.redirectUris.push(uri);
    const b = new Browser(sb.url);
    const consent = await reachConsent(
      b,
      sb,
      consentPath(EU_HOST, { application_id: DRAFT.applicationId, state: 's', version: 'beta', redirect_uri: uri }),
      EU,
    );
    const target = new URL((await confirmConsent(b, consent)).location!);
    expect(target.origin + target.pathname).toBe('https://cloud.example/cb');
    expect(target.searchParams.get('tenant')).toBe('7');
    expect(target.searchParams.has('mws_auth_token')).toBe(false);
    expect(target.searchParams.get('selling_partner_id')).toBe(EU.sellingPartnerId);
  });

  it('"Abbrechen" redirects nowhere', async () => {
    const b = new Browser(sb.url);
    const consent = await reachConsent(b, sb, prodUrl(), EU);
    const res = await confirmConsent(b, consent, EU_HOST, 'cancel');
    expect(res.status).toBe(200);
    expect(res.location).toBeUndefined();
    expect(pageKind(res.text)).toBe('cancelled');
  });

  it('a forged confirmation (wrong CSRF token) is refused', async () => {
    const b = new Browser(sb.url);
    const consent = await reachConsent(b, sb, prodUrl(), EU);
    const res = await b.post(`/sc/${EU_HOST}/apps/authorize/confirm`, {
      ...formFields(consent.text),
      csrf: 'x',
      action: 'confirm',
    });
    expect(errorKey(res.text)).toBe('session_expired');
  });
});

describe('who may authorize', () => {
  async function outcome(account: SeedAccount, host = EU_HOST): Promise<string | undefined> {
    const b = new Browser(sb.url);
    const page = await reachConsent(b, sb, prodUrl(host), account);
    return pageKind(page.text) === 'consent' ? 'consent' : errorKey(page.text);
  }

  it('a secondary user without "Manage Authorized Partners" cannot ("Invalid Access", no code), one with it can', async () => {
    expect(await outcome(seedAccount('mitarbeiter@example.com')!)).toBe('not_primary');
    expect(await outcome(seedAccount('partnerverwaltung@example.com')!)).toBe('consent');
  });

  it('an Individual account cannot', async () => {
    expect(await outcome(seedAccount('privatverkaeufer@example.com')!)).toBe('individual_account');
  });

  it("an account authorizes only on its own region's hosts", async () => {
    expect(await outcome(EU, 'sellercentral.amazon.com')).toBe('wrong_region');
    expect(await outcome(NA, EU_HOST)).toBe('wrong_region');
    expect(await outcome(EU, 'sellercentral.amazon.nl')).toBe('consent');
    expect(await outcome(NA, 'sellercentral.amazon.com')).toBe('consent');
  });

  it('the error page for a rule violation shows no redirect', async () => {
    const b = new Browser(sb.url);
    const page = await reachConsent(b, sb, prodUrl(), seedAccount('mitarbeiter@example.com')!);
    // Amazon's "Invalid Access: You do not have permissions to view this page" (German page: our translation).
    expect(page.text).toContain('Ungültiger Zugriff: Sie haben keine Berechtigung, diese Seite anzuzeigen');
    expect(page.text).not.toContain('data-code=');
    expect(page.text).not.toContain('consent-confirm');
  });
});

describe('limit of 25 sellers for apps outside the Appstore', () => {
  it('a published but unlisted app stops at 25 distinct sellers; a listed app does not', async () => {
    const seed = cloneSeed();
    for (const a of seed.apps) a.priorAuthorizations = 25;
    const limited = await startTestSandbox({ seed });
    try {
      const unlisted = consentPath(EU_HOST, { application_id: unlistedApp().applicationId, state: 's' });
      const b = new Browser(limited.url);
      const denied = await reachConsent(b, limited, unlisted, EU);
      expect(errorKey(denied.text)).toBe('draft_limit');
      expect(denied.text).toContain('Nutzungslimit für OAuth-Autorisierungen');
      expect(denied.text).not.toContain('consent-confirm');
      // The listed (Production) app takes its 26th seller.
      const listed = await b.get(prodUrl());
      expect(pageKind(listed.text)).toBe('consent');
      expect((await confirmConsent(b, listed)).status).toBe(302);
    } finally {
      await limited.close();
    }
  });

  it('a Draft app stops at 25 distinct sellers; re-authorizing an existing seller still works', async () => {
    const seed = cloneSeed();
    seed.apps.find((a) => a.status === 'draft')!.priorAuthorizations = 24;
    const limited = await startTestSandbox({ seed });
    try {
      const draftUrl = consentPath(EU_HOST, { application_id: DRAFT.applicationId, state: 's', version: 'beta' });
      const first = new Browser(limited.url);
      const res = await confirmConsent(first, await reachConsent(first, limited, draftUrl, EU));
      expect(res.status).toBe(302);
      const second = new Browser(limited.url);
      const denied = await reachConsent(second, limited, draftUrl, seedAccount('gesperrte.angebote@example.com')!);
      expect(errorKey(denied.text)).toBe('draft_limit');
      const again = await first.get(draftUrl);
      expect(pageKind(again.text)).toBe('consent');
      // The Production app has no such limit.
      expect(pageKind((await second.get(prodUrl())).text)).toBe('consent');
    } finally {
      await limited.close();
    }
  });
});

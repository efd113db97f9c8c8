// Seller Central's consent page over real HTTP: what it shows, and where "Bestätigen" and "Abbrechen"
// lead (the redirect with state, selling_partner_id and the code).
import { describe, expect, it } from 'vitest';
import { consentPath, errorKey, formFields, pageKind, sharedTestSandbox } from './testing/test-client';
import { Browser, DRAFT, EU, EU_HOST, PROD, confirmConsent, prodUrl, reachConsent } from './testing/consent-fixture';

const sb = sharedTestSandbox();

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

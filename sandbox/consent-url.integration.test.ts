// Seller Central's checks of the consent URL over real HTTP: host, parameters, application id, app
// status and redirect URI, and the error page that names the code (docs/amazon.md §1).
import { describe, expect, it } from 'vitest';
import { cloneSeed } from './seed';
import { Browser, consentPath, pageKind, startTestSandbox, sharedTestSandbox } from './testing/test-client';
import { DRAFT, EU, EU_HOST, PROD, errorFor, prodUrl, reachConsent } from './testing/consent-fixture';

const sb = sharedTestSandbox();

describe('consent URL checks', () => {
  it('unknown Seller Central host → 404 page', async () => {
    const page = await new Browser(sb.url).get(prodUrl('sellercentral.example.org'));
    expect(page.status).toBe(404);
    expect(pageKind(page.text)).toBe('not-found');
  });

  it('MD9999 for a malformed URL (second "?", missing or repeated parameters)', async () => {
    expect(await errorFor(sb.url, `${prodUrl()}?version=beta`)).toBe('MD9999');
    expect(await errorFor(sb.url, consentPath(EU_HOST, { application_id: PROD.applicationId }))).toBe('MD9999');
    expect(await errorFor(sb.url, consentPath(EU_HOST, { state: 'x' }))).toBe('MD9999');
    expect(await errorFor(sb.url, `${prodUrl()}&state=again`)).toBe('MD9999');
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
        sb.url,
        consentPath(EU_HOST, { application_id: 'amzn1.sp.solution.00000000-0000-0000-0000-000000000000', state: 'x' }),
      ),
    ).toBe('MD1000');
    expect(await errorFor(sb.url, consentPath(EU_HOST, { application_id: 'nonsense', state: 'x' }))).toBe('MD1000');
  });

  it('MD1000 for a Draft app without version=beta; with it the sign-in follows', async () => {
    expect(await errorFor(sb.url, consentPath(EU_HOST, { application_id: DRAFT.applicationId, state: 'x' }))).toBe(
      'MD1000',
    );
    const ok = await new Browser(sb.url).get(
      consentPath(EU_HOST, { application_id: DRAFT.applicationId, state: 'x', version: 'beta' }),
    );
    expect(ok.status).toBe(302);
    expect(ok.location).toContain(`/sc/${EU_HOST}/ap/signin`);
  });

  it('MD5110 for a fragment, MD5101 for an unregistered redirect URI', async () => {
    expect(await errorFor(sb.url, prodUrl(EU_HOST, { redirect_uri: `${PROD.redirectUris[0]}#x` }))).toBe('MD5110');
    expect(await errorFor(sb.url, prodUrl(EU_HOST, { redirect_uri: 'https://evil.example/cb' }))).toBe('MD5101');
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

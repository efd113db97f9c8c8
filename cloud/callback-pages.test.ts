// The failure pages of Amazon's redirect in the merchant's browser (issue 24): a short HTML page in the
// browser's language (German first) with the code and the way back to the app; JSON for a client that
// asks for it or takes anything; the success stays the raw JSON; the cloud's CSP on every answer.
import { describe, expect, it } from 'vitest';
import { seedAccount } from '../sandbox';
import { useTenantStack } from './testing/tenant-stack';
import { amazonRedirect, getCallback, newPlatform, startAuth } from './testing/flow-steps';
import { callbackFailurePage, wantsHtml } from './http/callback-pages';

const EU = seedAccount('eu.haendler@example.com')!;
const env = useTenantStack('Callback Seiten GmbH');
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

function forged(redirect: string): string {
  const u = new URL(redirect);
  u.searchParams.set('state', 'not-a-jwt');
  return u.toString();
}

describe('which answer', () => {
  it('HTML only when text/html ranks above application/json', () => {
    expect(wantsHtml(BROWSER_ACCEPT)).toBe(true);
    expect(wantsHtml('application/json')).toBe(false);
    expect(wantsHtml('*/*')).toBe(false);
    expect(wantsHtml(undefined)).toBe(false);
    expect(wantsHtml('text/html;q=0.5, application/json')).toBe(false);
    expect(wantsHtml('text/html;q=x')).toBe(false);
    expect(wantsHtml(`text/html,${'\u0000'.repeat(10)}`)).toBe(true);
  });

  it('an unknown code gets the general sentence, and nothing is taken in unescaped', () => {
    const page = callbackFailurePage('en', '<b>X</b>');
    expect(page.html).toContain('The sign-in with Amazon could not be completed.');
    expect(page.html).not.toContain('<b>X</b>');
  });
});

describe('the failure page in the browser', () => {
  it('German by default: code, one sentence, back to the app; CSP and no caching', async () => {
    const auth = await startAuth(env.client, await newPlatform(env.client));
    const redirect = await amazonRedirect(env.stack.sandbox.url, auth.consentUrl, EU);
    const res = await fetch(forged(redirect), { headers: { accept: BROWSER_ACCEPT } });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-language')).toBe('de');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('<code>STATE_INVALID</code>');
    expect(html).toContain('Diese Rückmeldung gehört zu keiner Anmeldung dieser Cloud.');
    expect(html).toContain('Details in der Anwendung – Sie können dieses Fenster schließen.');
  });

  it('English when the browser prefers it', async () => {
    const res = await fetch(`${env.stack.cloud.url}/oauth/amazon/callback?state=x`, {
      headers: { accept: BROWSER_ACCEPT, 'accept-language': 'en-GB,en;q=0.9,de;q=0.5' },
    });
    const html = await res.text();
    expect(res.headers.get('content-language')).toBe('en');
    expect(html).toContain('Details in the application – you can close this window.');
    expect(html).toContain('<code>STATE_INVALID</code>');
  });

  it('JSON for a client asking for JSON or anything; the success stays raw JSON in a browser too', async () => {
    const url = `${env.stack.cloud.url}/oauth/amazon/callback?state=x`;
    for (const accept of ['application/json', '*/*']) {
      const res = await fetch(url, { headers: { accept } });
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('STATE_INVALID');
    }
    const auth = await startAuth(env.client, await newPlatform(env.client));
    const redirect = await amazonRedirect(env.stack.sandbox.url, auth.consentUrl, EU);
    const ok = await fetch(redirect, { headers: { accept: BROWSER_ACCEPT } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('application/json');
    expect(await ok.json()).toMatchObject({ result: { result: { state: expect.any(String) } } });
    // And the same redirect again (a reload) is still that JSON.
    const again = await getCallback(redirect);
    expect(again.status).toBe(200);
  });
});

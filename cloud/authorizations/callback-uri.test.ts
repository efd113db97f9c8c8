import { describe, expect, it } from 'vitest';
import { productionEndpoints, sandboxEndpoints } from '../../shared/amazon-endpoints';
import { callbackOrigins, checkCallbackUri, regionOfCallback, resolveCallbackUri } from './callback-uri';

const APP = 'amzn1.sp.solution.11111111-2222-3333-4444-555555555555';
const production = productionEndpoints();
const check = (raw: string) => checkCallbackUri(raw, production, APP);

describe('amazon_callback_uri (docs/amazon.md §1.6)', () => {
  it.each([
    'sellercentral-europe.amazon.com',
    'sellercentral.amazon.de',
    'sellercentral.amazon.co.uk',
    'sellercentral.amazon.fr',
    'sellercentral.amazon.it',
    'sellercentral.amazon.es',
    'sellercentral.amazon.com',
    'sellercentral.amazon.co.jp',
    'amazon.com',
  ])('accepts https://%s with our confirm path', (host) => {
    const uri = check(`https://${host}/apps/authorize/confirm/${APP}`);
    expect(uri?.kind).toBe('absolute');
  });

  it('accepts a relative path and resolves it on the Seller Central host of the platform', () => {
    const uri = check(`/apps/authorize/confirm/${APP}`);
    expect(uri).toEqual({ kind: 'relative', path: `/apps/authorize/confirm/${APP}`, search: '' });
    expect(resolveCallbackUri(uri!, production, 'sellercentral-europe.amazon.com').href).toBe(
      `https://sellercentral-europe.amazon.com/apps/authorize/confirm/${APP}`,
    );
    expect(
      resolveCallbackUri(uri!, sandboxEndpoints('http://127.0.0.1:9'), 'sellercentral-europe.amazon.com').href,
    ).toBe(`http://127.0.0.1:9/sc/sellercentral-europe.amazon.com/apps/authorize/confirm/${APP}`);
  });

  it.each([
    [`http://sellercentral.amazon.de/apps/authorize/confirm/${APP}`, 'not https'],
    [`https://sellercentral.amazon.de:8443/apps/authorize/confirm/${APP}`, 'port'],
    [`https://user:pw@sellercentral.amazon.de/apps/authorize/confirm/${APP}`, 'credentials'],
    [`https://sellercentral.amazon.de/apps/authorize/confirm/${APP}#x`, 'fragment'],
    [`https://sellercentral.amazon.de.evil.example/apps/authorize/confirm/${APP}`, 'look-alike host'],
    [`https://evil.example/apps/authorize/confirm/${APP}`, 'foreign host'],
    [`https://sellercentral.amazon.de/apps/authorize/confirm/amzn1.sp.solution.other`, 'another app'],
    [`https://sellercentral.amazon.de/apps/authorize/consent`, 'another path'],
    [`https://sellercentral.amazon.de/apps/authorize/confirm/${APP}/x`, 'longer path'],
    [`https://sellercentral.amazon.de/x/../apps/authorize/confirm/${APP}`, 'dot segments'],
    [`//evil.example/apps/authorize/confirm/${APP}`, 'scheme-relative'],
    [`/apps/authorize/confirm/../../x`, 'relative with dot segments'],
    [`/apps/authorize/confirm/%2e%2e/${APP}`, 'relative, encoded dot segments'],
    [`/apps/authorize/confirm/other`, 'relative, another app'],
    [`/\\evil.example/apps/authorize/confirm/${APP}`, 'backslash'],
    ['javascript:alert(1)', 'javascript'],
    ['not a url', 'not a URL'],
    ['', 'empty'],
    [`https://sellercentral.amazon.de/apps/authorize/confirm/${APP}?${'x'.repeat(3000)}`, 'oversized'],
  ])('refuses %s (%s)', (raw) => {
    expect(check(raw)).toBeUndefined();
  });

  it('in sandbox mode only the sandbox origin, on an Amazon host path', () => {
    const sandbox = sandboxEndpoints('http://127.0.0.1:4100');
    expect(
      checkCallbackUri(`http://127.0.0.1:4100/sc/sellercentral.amazon.de/apps/authorize/confirm/${APP}`, sandbox, APP)
        ?.kind,
    ).toBe('absolute');
    expect(
      checkCallbackUri(`http://127.0.0.1:4100/sc/evil.example/apps/authorize/confirm/${APP}`, sandbox, APP),
    ).toBeUndefined();
    expect(
      checkCallbackUri(`http://127.0.0.1:4101/sc/sellercentral.amazon.de/apps/authorize/confirm/${APP}`, sandbox, APP),
    ).toBeUndefined();
    expect(checkCallbackUri(`http://127.0.0.1:4100/sandbox/api/reset`, sandbox, APP)).toBeUndefined();
  });

  it('names a region only for a regional host; the platform decides otherwise', () => {
    expect(
      regionOfCallback(check(`https://sellercentral-europe.amazon.com/apps/authorize/confirm/${APP}`)!, undefined),
    ).toBe('EU');
    expect(
      regionOfCallback(check(`https://sellercentral.amazon.de/apps/authorize/confirm/${APP}`)!, undefined),
    ).toBeUndefined();
    expect(regionOfCallback(check(`https://amazon.com/apps/authorize/confirm/${APP}`)!, undefined)).toBeUndefined();
    expect(regionOfCallback(check(`/apps/authorize/confirm/${APP}`)!, undefined)).toBeUndefined();
  });

  it('the CSP form-action lists exactly the accepted origins', () => {
    const origins = callbackOrigins(production);
    expect(origins).toContain('https://sellercentral.amazon.de');
    expect(origins).toContain('https://amazon.com');
    expect(origins.every((o) => o.startsWith('https://') && !o.includes('evil'))).toBe(true);
    expect(callbackOrigins(sandboxEndpoints('http://127.0.0.1:4100/'))).toEqual(['http://127.0.0.1:4100']);
  });
});

import { describe, expect, it } from 'vitest';
import { checkConsentUrl } from './external-urls';

const q = '?application_id=amzn1.sp.solution.x&state=s';

describe('checkConsentUrl', () => {
  it.each([
    [`https://sellercentral-europe.amazon.com/apps/authorize/consent${q}`, 'EU'],
    [`https://sellercentral.amazon.pl/apps/authorize/consent${q}`, 'EU'],
    [`https://sellercentral.amazon.com/apps/authorize/consent${q}`, 'NA'],
    [`https://sellercentral.amazon.co.jp/apps/authorize/consent${q}`, 'FE'],
  ] as const)('allows %s for %s', (url, region) => {
    expect(checkConsentUrl(url, region, {}).ok).toBe(true);
  });

  it.each([
    [`http://sellercentral-europe.amazon.com/apps/authorize/consent${q}`, 'EU', 'not https'],
    [`https://sellercentral.amazon.com/apps/authorize/consent${q}`, 'EU', 'not a Seller Central host of region EU'],
    [`https://sellercentral-europe.amazon.com.evil.example/x`, 'EU', 'is not a Seller Central host'],
    [`https://user:pw@sellercentral-europe.amazon.com/x`, 'EU', 'credentials'],
    [`https://sellercentral-europe.amazon.com:8443/x`, 'EU', 'port'],
    ['javascript:alert(1)', 'EU', 'not https'],
    ['file:///etc/passwd', 'EU', 'not https'],
    ['not a url', 'EU', 'not a URL'],
  ] as const)('refuses %s for %s', (url, region, reason) => {
    const r = checkConsentUrl(url, region, {});
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain(reason);
  });

  it('allows the configured sandbox origin only on a Seller Central path of the region', () => {
    const policy = { sandboxOrigin: 'http://127.0.0.1:4100' };
    expect(
      checkConsentUrl(
        `http://127.0.0.1:4100/sc/sellercentral-europe.amazon.com/apps/authorize/consent${q}`,
        'EU',
        policy,
      ).ok,
    ).toBe(true);
    expect(
      checkConsentUrl(`http://127.0.0.1:4100/sc/sellercentral.amazon.com/apps/authorize/consent${q}`, 'EU', policy).ok,
    ).toBe(false);
    expect(checkConsentUrl(`http://127.0.0.1:4100/sandbox/api/reset`, 'EU', policy).ok).toBe(false);
    expect(
      checkConsentUrl(`http://127.0.0.1:4101/sc/sellercentral-europe.amazon.com/apps/authorize/consent`, 'EU', policy)
        .ok,
    ).toBe(false);
  });
});

describe('checkConsentUrl: the cloud start link', () => {
  const start = { cloudUrl: 'https://cloud.example.com', authorizationId: 'auth_abc' };
  const link = 'https://cloud.example.com/oauth/amazon/start/auth_abc?state=eyJ.x.y';

  it('accepts exactly the start link of the sign-in just created', () => {
    expect(checkConsentUrl(link, 'EU', {}, start)).toEqual({ ok: true, url: link });
    expect(
      checkConsentUrl(
        'https://cloud.example.com/prefix/oauth/amazon/start/auth_abc?state=s',
        'EU',
        {},
        { ...start, cloudUrl: 'https://cloud.example.com/prefix/' },
      ).ok,
    ).toBe(true);
    expect(
      checkConsentUrl(
        'http://127.0.0.1:4200/oauth/amazon/start/auth_abc?state=s',
        'EU',
        {},
        { ...start, cloudUrl: 'http://127.0.0.1:4200' },
      ).ok,
    ).toBe(true);
  });

  it.each([
    ['https://cloud.example.com/oauth/amazon/start/auth_other?state=s', 'another sign-in'],
    ['https://cloud.example.com.evil.example/oauth/amazon/start/auth_abc?state=s', 'another host'],
    ['http://cloud.example.com/oauth/amazon/start/auth_abc?state=s', 'another scheme'],
    ['https://cloud.example.com:8443/oauth/amazon/start/auth_abc?state=s', 'another port'],
    ['https://cloud.example.com/oauth/amazon/login?state=s', 'another path'],
    ['https://cloud.example.com/oauth/amazon/start/auth_abc?state=s&next=https://evil.example', 'extra parameter'],
    ['https://cloud.example.com/oauth/amazon/start/auth_abc?state=s#x', 'fragment'],
    ['https://u:p@cloud.example.com/oauth/amazon/start/auth_abc?state=s', 'credentials'],
  ])('refuses %s (%s)', (url) => {
    expect(checkConsentUrl(url, 'EU', {}, start).ok).toBe(false);
  });

  it('refuses a start link when no sign-in was just created', () => {
    expect(checkConsentUrl(link, 'EU', {}).ok).toBe(false);
  });
});

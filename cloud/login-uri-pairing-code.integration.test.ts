// The pairing code on the callback's page (issue 10.2, issue 23 item 2), over real HTTP against the
// sandbox: after Amazon's redirect for a seller id no platform has, the code from the desktop identifies
// the platform; it is single use, expires after 10 minutes, and guessing is rate-limited per address.
import { describe, expect, it } from 'vitest';
import { productionApp, seedAccount } from '../sandbox';
import { useLoginUriStack } from './testing/login-uri-stack';
import { authorization, authorizeNow, newPlatform } from './testing/flow-steps';

const FE = seedAccount('fe.seller@example.com')!;
const APP = productionApp();
const s = useLoginUriStack('Kopplungscode GmbH');

describe('pairing code', () => {
  it("Appstore Authorize now for a seller without a platform: after Amazon's redirect the code from the desktop identifies it", async () => {
    const platformId = await newPlatform(s.client, 'JP', 'FE');
    const { browser, page: asked } = await authorizeNow(
      s.stack.sandbox.url,
      APP.applicationId,
      FE,
      'sellercentral.amazon.co.jp',
    );
    // The consent, the Login URI and Amazon's redirect are behind: the callback's page asks for the code.
    expect(asked.url.startsWith(`${s.stack.cloud.url}/oauth/amazon/callback?`)).toBe(true);
    expect(asked.status).toBe(200);
    expect(asked.text).toContain('data-reason="unknown_seller"');
    expect(asked.text).toContain('Kopplungscode');
    expect(asked.text).toContain('name="consent"');
    // A second round before any code is typed: another form for the same seller.
    const { page: second } = await authorizeNow(
      s.stack.sandbox.url,
      APP.applicationId,
      FE,
      'sellercentral.amazon.co.jp',
      browser,
    );
    expect(second.text).toContain('data-reason="unknown_seller"');

    const wrong = await browser.submit(asked, { code: 'ABCD-EFGH' });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('data-reason="code_invalid"');
    expect(wrong.text).toContain('name="code"');

    const issued = await s.client.raw('POST', `/v1/platforms/${platformId}/pairing-code`, { body: {} });
    expect(issued.status).toBe(201);
    expect(issued.body.code).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
    // Typed in lower case without the dash: still the code. Amazon's code was exchanged on the redirect;
    // the typed code only picks the platform, and the browser sees the raw JSON as on any redirect.
    const callback = await browser.submit(wrong, { code: issued.body.code.replace('-', '').toLowerCase() });
    expect(callback.status).toBe(200);
    const result = JSON.parse(callback.text).result.result as { state: string; spapi_oauth_code: string };
    expect(result.state).toBe(new URL(asked.url).searchParams.get('state'));
    expect(result.spapi_oauth_code).toBe(new URL(asked.url).searchParams.get('spapi_oauth_code'));
    const platform = (await s.client.raw('GET', `/v1/platforms/${platformId}`)).body;
    expect(platform).toMatchObject({ status: 'authenticated', sellingPartnerId: FE.sellingPartnerId });
    // One sign-in marked as Amazon's, finished: the desktop reads it from its feed.
    const started = (await s.feed(s.client, '?since=0')).authorizations;
    expect(started).toEqual([expect.objectContaining({ platformId, origin: 'amazon', mode: 'login' })]);
    expect(await authorization(s.client, started[0]!.id)).toMatchObject({
      status: 'authenticated',
      sellingPartnerId: FE.sellingPartnerId,
    });
    // The form sent again: the same answer, nothing new.
    expect((await browser.submit(wrong, { code: issued.body.code })).status).toBe(200);
    expect((await s.feed(s.client, '?since=0')).authorizations).toHaveLength(1);
    // Single use: the same code does not work on the second form.
    const again = await browser.submit(second, { code: issued.body.code });
    expect(again.status).toBe(400);
    expect(again.text).toContain('data-reason="code_invalid"');
  });

  it('expires after 10 minutes, and guessing is rate-limited per address', async () => {
    const platformId = await newPlatform(s.client, 'JP', 'FE');
    const issued = await s.client.raw('POST', `/v1/platforms/${platformId}/pairing-code`, { body: {} });
    s.stack.clock.advance(10 * 60_000 + 1);
    const { browser, page: asked } = await authorizeNow(
      s.stack.sandbox.url,
      APP.applicationId,
      FE,
      'sellercentral.amazon.co.jp',
    );
    const late = await browser.submit(asked, { code: issued.body.code });
    expect(late.text).toContain('data-reason="code_invalid"');
    let last = 0;
    for (let i = 0; i < 12 && last !== 429; i++) last = (await browser.submit(asked, { code: 'ZZZZ-ZZZZ' })).status;
    expect(last).toBe(429);
  });
});

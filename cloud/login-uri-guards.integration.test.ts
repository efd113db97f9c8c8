// What the Login URI (issue 10.2, issue 23 item 2) does not give away or do, over real HTTP against the
// sandbox: it answers connected, unknown, ambiguous and disabled-tenant seller ids alike and writes
// nothing; it is no open redirect and turns odd input into a 400 page; and for a tenant the operator
// disabled it starts no sign-in, nor does a callback arriving after the disable store tokens.
import { describe, expect, it } from 'vitest';
import { productionApp, seedAccount } from '../sandbox';
import type { TestCloudHttp } from './testing/stack';
import { useLoginUriStack } from './testing/login-uri-stack';
import { authorization, authorizeNow, consentAndCallback, startAuth } from './testing/flow-steps';

const EU = seedAccount('eu.haendler@example.com')!;
const OTHER_EU = seedAccount('gesperrte.angebote@example.com')!;
const NA = seedAccount('na.seller@example.com')!;
const EU_HOST = 'sellercentral-europe.amazon.com';
const APP = productionApp();
const s = useLoginUriStack('Login-URI-Schutz GmbH');

describe('Re-Authorize in Seller Central', () => {
  it('answers connected, unknown, ambiguous and disabled-tenant seller ids alike, and writes nothing', async () => {
    await s.authenticatedPlatform(s.client, EU);
    // One seller id in two tenants, one whose only platform belongs to a disabled tenant.
    await s.authenticatedPlatform(s.client, OTHER_EU);
    await s.authenticatedPlatform(await s.newClient(), OTHER_EU);
    const disabled = await s.newClient();
    await s.authenticatedPlatform(disabled, NA, 'US', 'NA');
    const admin = (action: string) =>
      fetch(`${s.stack.cloud.url}/admin/tenants/${disabled.creds.clientId}/${action}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${s.stack.cloud.adminToken}` },
      });
    expect((await admin('disable')).status).toBe(200);
    const rows = async () =>
      Number(
        (await s.stack.cloud.db.query<{ n: string }>('SELECT count(*)::text AS n FROM authorizations')).rows[0]!.n,
      );
    const before = await rows();
    try {
      const ids = {
        connected: EU.sellingPartnerId,
        unknown: 'A0UNKNOWN0SELL',
        ambiguous: OTHER_EU.sellingPartnerId,
        disabledTenant: NA.sellingPartnerId,
      };
      const answers = await Promise.all(
        Object.values(ids).map(async (id) => {
          const res = await fetch(
            `${s.stack.cloud.url}/oauth/amazon/login?${new URLSearchParams({ amazon_callback_uri: `${s.stack.sandbox.url}/sc/${EU_HOST}/apps/authorize/confirm/${APP.applicationId}`, amazon_state: 'st', selling_partner_id: id })}`,
            { redirect: 'manual' },
          );
          const location = new URL(res.headers.get('location')!);
          const state = location.searchParams.get('state')!;
          const claims = JSON.parse(Buffer.from(state.split('.')[1]!, 'base64url').toString()) as Record<
            string,
            unknown
          >;
          return {
            status: res.status,
            headerNames: [...res.headers.keys()].sort(),
            headers: Object.fromEntries(
              [...res.headers].filter(
                ([name]) =>
                  ![
                    'date',
                    'location',
                    'content-length',
                    'x-request-id',
                    'x-ratelimit-remaining',
                    'x-ratelimit-reset',
                  ].includes(name),
              ),
            ),
            setCookie: res.headers.get('set-cookie'),
            body: await res.text(),
            target: `${location.origin}${location.pathname}`,
            params: [...location.searchParams.keys()].sort(),
            amazonState: location.searchParams.get('amazon_state'),
            claims: Object.keys(claims).sort(),
            seller: claims.spid,
          };
        }),
      );
      for (const [i, answer] of answers.entries()) {
        expect(answer.seller).toBe(Object.values(ids)[i]);
        // Everything but the seller id the request itself named and the state's own id and times.
        expect({ ...answer, seller: undefined }).toEqual({ ...answers[0], seller: undefined });
      }
      expect(answers[0]).toMatchObject({
        status: 302,
        setCookie: null,
        body: '',
        amazonState: 'st',
        params: ['amazon_state', 'redirect_uri', 'state'],
      });
      expect(answers[0]!.claims).toEqual(['aud', 'exp', 'iat', 'rgn', 'spid', 'sub']);
      // No authorization was started for any of them: the same (no) work on every path.
      expect(await rows()).toBe(before);
      expect((await s.feed(s.client)).authorizations).toEqual([]);
    } finally {
      expect((await admin('enable')).status).toBe(200);
    }
  });

  it('is no open redirect: a callback URI that does not lead to Seller Central gets a 400 page', async () => {
    await s.authenticatedPlatform(s.client, EU);
    for (const bad of [
      'https://evil.example/apps/authorize/confirm',
      `https://evil.example/sc/${EU_HOST}/apps/authorize/confirm`,
      `${s.stack.sandbox.url}/sandbox/api/reset`,
      `${s.stack.sandbox.url}/sc/evil.example/x`,
      'javascript:alert(1)',
    ]) {
      const res = await fetch(
        `${s.stack.cloud.url}/oauth/amazon/login?${new URLSearchParams({ amazon_callback_uri: bad, amazon_state: 's', selling_partner_id: EU.sellingPartnerId })}`,
        { redirect: 'manual' },
      );
      expect(res.status, bad).toBe(400);
      expect(res.headers.get('location'), bad).toBeNull();
      expect(await res.text()).toContain('data-reason="bad_request"');
    }
    const missing = await fetch(`${s.stack.cloud.url}/oauth/amazon/login`, { redirect: 'manual' });
    expect(missing.status).toBe(400);
    // Odd input is a page, never a server error: NUL, repeated parameters, oversized values, a bad form.
    for (const query of [
      'amazon_state=%00&amazon_callback_uri=x',
      'amazon_state=a&amazon_state=b',
      `amazon_state=${'x'.repeat(5000)}`,
      'selling_partner_id=%3Cscript%3E',
      'version=%0A',
    ]) {
      const res = await fetch(`${s.stack.cloud.url}/oauth/amazon/login?${query}`, { redirect: 'manual' });
      expect(res.status, query).toBe(400);
    }
    const form = await fetch(`${s.stack.cloud.url}/oauth/amazon/callback`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'code=%00&state=s',
    });
    expect(form.status).toBe(400);
    // The Login URI takes no form any more: the pairing code belongs to the callback's page.
    expect(
      (
        await fetch(`${s.stack.cloud.url}/oauth/amazon/login`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'code=ABCD-EFGH',
        })
      ).status,
    ).toBe(404);
  });
});

describe('a tenant the operator disabled', () => {
  const setDisabled = async (c: TestCloudHttp, disabled: boolean) => {
    const res = await fetch(
      `${s.stack.cloud.url}/admin/tenants/${c.creds.clientId}/${disabled ? 'disable' : 'enable'}`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${s.stack.cloud.adminToken}` },
      },
    );
    expect(res.status).toBe(200);
  };

  it('starts no sign-in from the Login URI, and a callback arriving after the disable stores no tokens', async () => {
    const platformId = await s.authenticatedPlatform(s.client, EU);
    const before = (await s.client.raw('GET', `/v1/platforms/${platformId}`)).body;
    // Begun before the operator disabled the tenant: a pairing code and a sign-in from the desktop.
    const code = (await s.client.raw('POST', `/v1/platforms/${platformId}/pairing-code`, { body: {} })).body
      .code as string;
    const pending = await startAuth(s.client, platformId, 'refresh');
    await setDisabled(s.client, true);
    try {
      // The Login URI answers as for any seller id.
      expect((await reAuthorizeDirect(EU.sellingPartnerId, EU_HOST)).status).toBe(302);
      // After Amazon's round trip the disabled tenant's platform is not a match: the page asks for the code.
      const { browser, page: asked } = await authorizeNow(s.stack.sandbox.url, APP.applicationId, EU, EU_HOST);
      expect(asked.text).toContain('data-reason="unknown_seller"');
      // By pairing code: identified, but refused with the reason and what to do.
      const byCode = await browser.submit(asked, { code });
      expect(byCode.status).toBe(403);
      expect(byCode.headers.get('location')).toBeNull();
      expect(byCode.text).toContain('data-reason="tenant_disabled"');
      expect(byCode.text).toContain('Anbieter der Cloud');
      // Amazon's redirect for the sign-in begun before: the code is not exchanged.
      const callback = await consentAndCallback(s.stack.sandbox.url, pending.consentUrl, EU);
      expect(callback.status).toBe(403);
      expect(JSON.parse(callback.text).error.code).toBe('TENANT_DISABLED');
    } finally {
      await setDisabled(s.client, false);
    }
    const failed = await authorization(s.client, pending.id);
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'TENANT_DISABLED' } });
    // No call to Amazon's token endpoint was made for it.
    expect(failed.amazonRequests ?? []).toEqual([]);
    expect((await s.client.raw('GET', `/v1/platforms/${platformId}`)).body).toMatchObject({
      status: 'authenticated',
      authorizedAt: before.authorizedAt,
    });
    expect((await s.feed(s.client)).authorizations).toEqual([]);
  });
});

/** Calls the Login URI as Amazon would (GET). */
async function reAuthorizeDirect(sellingPartnerId: string, host: string) {
  const params = {
    amazon_callback_uri: `${s.stack.sandbox.url}/sc/${host}/apps/authorize/confirm/${APP.applicationId}`,
    amazon_state: 'st',
    selling_partner_id: sellingPartnerId,
  };
  const res = await fetch(`${s.stack.cloud.url}/oauth/amazon/login?${new URLSearchParams(params)}`, {
    redirect: 'manual',
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

// The Login URI's unbound state at the callback (issue 23, item 2; docs/amazon.md §1.6), over real HTTP
// against the sandbox: only a code Amazon accepts proves the seller, so a forged redirect tells known from
// unknown seller ids no more than the Login URI does, and writes nothing; a reload of a genuine redirect
// answers the same; a late state, a tampered form and an unbound state in the sign-in cookie get nowhere.
import { describe, expect, it } from 'vitest';
import { productionApp, seedAccount } from '../sandbox';
import { useLoginUriStack } from './testing/login-uri-stack';
import { authenticatedPlatform, authorizeNow, newPlatform, startAuth } from './testing/flow-steps';
import { formRequest } from './testing/seller-browser';

const EU = seedAccount('eu.haendler@example.com')!;
const FE = seedAccount('fe.seller@example.com')!;
const EU_HOST = 'sellercentral-europe.amazon.com';
const JP_HOST = 'sellercentral.amazon.co.jp';
const APP = productionApp();

const s = useLoginUriStack('Beweis GmbH');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- error and success bodies are asserted field by field
const json = async (res: Response): Promise<any> => res.json();
const rows = async () =>
  Number((await s.stack.cloud.db.query<{ n: string }>('SELECT count(*)::text AS n FROM authorizations')).rows[0]!.n);

/** The Login URI's state for this seller id, as an outsider gets it. */
async function unboundState(
  sellerId: string,
  host = EU_HOST,
  cookie?: string,
): Promise<{ status: number; state?: string }> {
  const res = await fetch(
    `${s.stack.cloud.url}/oauth/amazon/login?${new URLSearchParams({ amazon_callback_uri: `${s.stack.sandbox.url}/sc/${host}/apps/authorize/confirm/${APP.applicationId}`, amazon_state: 'st', selling_partner_id: sellerId })}`,
    {
      redirect: 'manual',
      ...(cookie ? { headers: { cookie } } : {}),
    },
  );
  const location = res.headers.get('location');
  return { status: res.status, ...(location ? { state: new URL(location).searchParams.get('state')! } : {}) };
}

const connected = () => authenticatedPlatform(s.stack.sandbox.url, s.client, EU);

describe("a redirect with the Login URI's state", () => {
  it("with a made-up code: Amazon's refusal for a connected and an unknown seller id alike, nothing written", async () => {
    await connected();
    const before = await rows();
    const answers = [];
    for (const seller of [EU.sellingPartnerId, 'A0UNKNOWN0PROOF']) {
      const { state } = await unboundState(seller);
      const res = await fetch(
        `${s.stack.cloud.url}/oauth/amazon/callback?${new URLSearchParams({ state: state!, selling_partner_id: seller, spapi_oauth_code: 'ANmadeupcode' })}`,
        { headers: { accept: 'application/json' } },
      );
      answers.push({ status: res.status, body: await res.json() });
    }
    expect(answers[0]).toEqual({
      status: 400,
      body: { error: expect.objectContaining({ code: 'LWA_INVALID_GRANT' }) },
    });
    expect(answers[1]).toEqual(answers[0]);
    expect(await rows()).toBe(before);
    expect((await s.client.raw('GET', '/v1/platforms/changes?since=0')).body.authorizations).toEqual([]);
  });

  it('a reload of a genuine redirect answers the same JSON and starts nothing more', async () => {
    const platformId = await connected();
    const { page } = await authorizeNow(s.stack.sandbox.url, APP.applicationId, EU, EU_HOST);
    expect(page.status).toBe(200);
    const again = await fetch(page.url, { headers: { accept: 'application/json' } });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(JSON.parse(page.text));
    const started = (await s.client.raw('GET', '/v1/platforms/changes?since=0')).body.authorizations as {
      platformId: string;
      origin: string;
      status: string;
    }[];
    expect(started).toEqual([expect.objectContaining({ platformId, origin: 'amazon', status: 'authenticated' })]);
  });

  it('too late: STATE_EXPIRED, nothing written', async () => {
    await connected();
    const { state } = await unboundState(EU.sellingPartnerId);
    s.stack.clock.advance(s.stack.config.authorizationTtlSeconds * 1000 + 1000);
    const before = await rows();
    const res = await fetch(
      `${s.stack.cloud.url}/oauth/amazon/callback?${new URLSearchParams({ state: state!, selling_partner_id: EU.sellingPartnerId, spapi_oauth_code: 'ANcode' })}`,
      { headers: { accept: 'application/json' } },
    );
    expect(res.status).toBe(400);
    expect((await json(res)).error.code).toBe('STATE_EXPIRED');
    expect(await rows()).toBe(before);
  });

  it('another seller than the Login URI named: SELLER_MISMATCH before Amazon is asked', async () => {
    const { state } = await unboundState('A0SOMEONEELSE');
    const res = await fetch(
      `${s.stack.cloud.url}/oauth/amazon/callback?${new URLSearchParams({ state: state!, selling_partner_id: EU.sellingPartnerId, spapi_oauth_code: 'ANcode' })}`,
      { headers: { accept: 'application/json' } },
    );
    expect((await json(res)).error.code).toBe('SELLER_MISMATCH');
  });
});

describe('the pairing form', () => {
  it("refuses a tampered consent and a sign-in's own state; the genuine form still works", async () => {
    const platformId = await newPlatform(s.client, 'JP', 'FE');
    const { page } = await authorizeNow(s.stack.sandbox.url, APP.applicationId, FE, JP_HOST);
    expect(page.text).toContain('data-reason="unknown_seller"');
    const code = (await s.client.raw('POST', `/v1/platforms/${platformId}/pairing-code`, { body: {} })).body
      .code as string;
    const form = new URLSearchParams(formRequest(page, { code }).init.body as string);
    const post = async (fields: URLSearchParams) => {
      const res = await fetch(`${s.stack.cloud.url}/oauth/amazon/callback`, {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
        body: fields.toString(),
      });
      return { status: res.status, body: await json(res) };
    };
    const tampered = new URLSearchParams(form);
    tampered.set('consent', `${form.get('consent')!.slice(0, -4)}AAAA`);
    expect((await post(tampered)).body.error.code).toBe('STATE_INVALID');
    // The form exists only for the Login URI's state: a desktop sign-in's state is refused.
    const bound = new URLSearchParams(form);
    bound.set('state', new URL((await startAuth(s.client, platformId)).consentUrl).searchParams.get('state')!);
    expect((await post(bound)).body.error.code).toBe('STATE_INVALID');
    // None of that used the pairing code up.
    const done = await post(form);
    expect(done.status).toBe(200);
    expect(done.body.result.result.state).toBe(form.get('state'));
    expect((await s.client.raw('GET', `/v1/platforms/${platformId}`)).body).toMatchObject({
      status: 'authenticated',
      sellingPartnerId: FE.sellingPartnerId,
    });
  });
});

describe('the sign-in cookie', () => {
  it('an unbound state in it continues nothing and does not lift the limit per seller id', async () => {
    const seller = 'A0COOKIELIMIT1';
    const { state } = await unboundState(seller);
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await unboundState(seller, EU_HOST, `acc_signin=${state}`)).status);
    // 20 per seller id and window; the first request above was one of them.
    expect(statuses.slice(0, 19)).toEqual(Array(19).fill(302));
    expect(statuses.slice(19)).toEqual([429, 429]);
  });
});

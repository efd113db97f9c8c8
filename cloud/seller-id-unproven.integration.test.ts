// When SP-API cannot say whose token it is (docs/amazon.md §1.6, §4.2): a desktop-started sign-in completes
// with its seller id unproven, one started at Amazon never picks a platform by that id (the pairing code
// does), rows from before the proof count as unproven, and a held seller change keeps what was proven.
// Over real HTTP against the sandbox, each variant of the Product Fees answer.
import { afterEach, describe, expect, it } from 'vitest';
import { productionApp, seedAccount } from '../sandbox';
import { activateScenario, TestCloudHttp } from './testing/stack';
import { useTenantStack } from './testing/tenant-stack';
import { authorizeNow, consentAndCallback, newPlatform, startAuth } from './testing/flow-steps';
import { confirmConsent, formRequest, SellerBrowser, signInToConsent } from './testing/seller-browser';

const EU = seedAccount('eu.haendler@example.com')!;
const OTHER = seedAccount('gesperrte.angebote@example.com')!;
const EU_HOST = 'sellercentral-europe.amazon.com';
const APP = productionApp();

const env = useTenantStack('Unbewiesen GmbH', { fresh: 'sandbox' });
// The Login URI looks across all tenants: platforms of an earlier test would make a seller ambiguous.
afterEach(async () => {
  const fresh = new TestCloudHttp(env.stack.cloud.url, env.client.creds);
  for (const p of (await fresh.raw('GET', '/v1/platforms')).body.platforms)
    await fresh.raw('DELETE', `/v1/platforms/${p.id}`);
});

const scenario = (id: string) => activateScenario(env.stack.sandbox.url, { id });
const proven = async (platformId: string) =>
  (
    await env.stack.cloud.db.query<{ seller_id_proven: boolean }>(
      'SELECT seller_id_proven FROM platforms WHERE id = $1',
      [platformId],
    )
  ).rows[0]!.seller_id_proven;

async function connect(seller = EU): Promise<string> {
  const platformId = await newPlatform(env.client);
  const page = await consentAndCallback(
    env.stack.sandbox.url,
    (await startAuth(env.client, platformId)).consentUrl,
    seller,
  );
  expect(page.status).toBe(200);
  return platformId;
}

describe('a desktop-started sign-in', () => {
  it.each([
    { id: 'pricing_role_missing', isProven: false, outcome: 'Unauthorized' },
    { id: 'fees_429', isProven: false, outcome: 'QuotaExceeded' },
    { id: 'fees_client_error', isProven: true, outcome: 'ok' },
  ])('$id: authenticated, seller id proven: $isProven', async ({ id, isProven, outcome }) => {
    await scenario(id);
    const platformId = await connect();
    const platform = (await env.client.raw('GET', `/v1/platforms/${platformId}`)).body;
    expect(platform).toMatchObject({ status: 'authenticated', sellingPartnerId: EU.sellingPartnerId });
    expect(await proven(platformId)).toBe(isProven);
    // Support sees the proof's call with Amazon's request id.
    expect(platform.amazonRequests).toContainEqual(
      expect.objectContaining({
        operation: 'getMyFeesEstimateForASIN (EU, seller id)',
        outcome,
        requestId: expect.any(String),
      }),
    );
  });
});

describe('a sign-in started at Amazon', () => {
  it('without the proof: the pairing page for a connected seller too, and the code completes it unproven', async () => {
    const platformId = await connect();
    await scenario('pricing_role_missing');
    const { page } = await authorizeNow(env.stack.sandbox.url, APP.applicationId, EU, EU_HOST);
    expect(page.text).toContain('data-reason="seller_unproven"');
    const code = (await env.client.raw('POST', `/v1/platforms/${platformId}/pairing-code`, { body: {} })).body.code;
    const { action, init } = formRequest(page, { code });
    const res = await fetch(action, { ...init, headers: { ...init.headers, accept: 'application/json' } });
    expect(res.status).toBe(200);
    expect(await proven(platformId)).toBe(false);
  });

  it('a row from before the proof is not routed by its seller id; the pairing code proves it again', async () => {
    const platformId = await connect();
    await env.stack.cloud.db.query('UPDATE platforms SET seller_id_proven = false WHERE id = $1', [platformId]);
    const { page } = await authorizeNow(env.stack.sandbox.url, APP.applicationId, EU, EU_HOST);
    expect(page.text).toContain('data-reason="unknown_seller"');
    const code = (await env.client.raw('POST', `/v1/platforms/${platformId}/pairing-code`, { body: {} })).body.code;
    // The mark of a proven consent cannot be added or stripped: it is sealed in.
    const { action, init } = formRequest(page, { code });
    const body = new URLSearchParams(init.body as string);
    const post = (fields: URLSearchParams) =>
      fetch(action, { ...init, body: fields.toString(), headers: { ...init.headers, accept: 'application/json' } });
    const stripped = new URLSearchParams(body);
    stripped.set('consent', body.get('consent')!.replace(/^p\./, ''));
    const refused = (await (await post(stripped)).json()) as { error: { code: string } };
    expect(refused.error.code).toBe('STATE_INVALID');
    expect((await post(body)).status).toBe(200);
    expect(await proven(platformId)).toBe(true);
    // From now on Amazon's sign-ins find it again.
    const again = await authorizeNow(env.stack.sandbox.url, APP.applicationId, EU, EU_HOST);
    expect(again.page.status).toBe(200);
    expect(JSON.parse(again.page.text).result.result.state).toBeTruthy();
  });
});

describe('a refresh with another seller', () => {
  it('holds whether the new seller was proven, and a switch takes it over', async () => {
    const platformId = await connect();
    const refresh = await startAuth(env.client, platformId, 'refresh');
    await scenario('pricing_role_missing');
    const browser = new SellerBrowser();
    const page = await confirmConsent(
      browser,
      await signInToConsent(browser, refresh.consentUrl, OTHER, env.stack.sandbox.url),
    );
    expect(page.status).toBe(200);
    expect(await proven(platformId)).toBe(true);
    const switched = await env.client.raw('POST', `/v1/authorizations/${refresh.id}/seller-change`, {
      body: { decision: 'switch' },
    });
    expect(switched.status).toBe(200);
    expect((await env.client.raw('GET', `/v1/platforms/${platformId}`)).body.sellingPartnerId).toBe(
      OTHER.sellingPartnerId,
    );
    expect(await proven(platformId)).toBe(false);
  });
});

// The redirect's selling_partner_id is the browser's to edit (docs/amazon.md §1.6, "The seller id is
// proven"): the cloud asks SP-API whose token it got before anything is decided by that id. Over real HTTP
// against the sandbox: the two attacks a forged id allowed, refused; a genuine sign-in stores its seller
// id as proven.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { productionApp, seedAccount } from '../sandbox';
import { TestCloudHttp, startStack, type Stack } from './testing/stack';
import { amazonRedirect, authorizeNow, consentAndCallback, newPlatform, startAuth } from './testing/flow-steps';
import { SellerBrowser, consentRedirect, signInToConsent } from './testing/seller-browser';

const VICTIM = seedAccount('eu.haendler@example.com')!;
const ATTACKER = seedAccount('gesperrte.angebote@example.com')!;
const EU_HOST = 'sellercentral-europe.amazon.com';
const APP = productionApp();

let stack: Stack;
const clients: TestCloudHttp[] = [];
const logLines: string[] = [];

beforeAll(async () => {
  stack = await startStack({ logger: { write: (line) => void logLines.push(line) } });
});
afterAll(async () => stack?.close());
// The Login URI looks across all tenants: platforms of an earlier test would make a seller ambiguous.
afterEach(async () => {
  for (const c of clients.splice(0)) {
    const fresh = new TestCloudHttp(stack.cloud.url, c.creds);
    for (const p of (await fresh.raw('GET', '/v1/platforms')).body.platforms)
      await fresh.raw('DELETE', `/v1/platforms/${p.id}`);
  }
});

async function tenant(name: string): Promise<TestCloudHttp> {
  const client = new TestCloudHttp(stack.cloud.url, await stack.cloud.createTenant(`${name} ${Date.now()}`));
  clients.push(client);
  return client;
}

/** The victim's platform, connected from the desktop as usual. */
async function victimConnected(): Promise<{ client: TestCloudHttp; platformId: string }> {
  const client = await tenant('Opfer GmbH');
  const platformId = await newPlatform(client);
  const page = await consentAndCallback(stack.sandbox.url, (await startAuth(client, platformId)).consentUrl, VICTIM);
  expect(page.status).toBe(200);
  return { client, platformId };
}

const edited = (redirect: string, seller: string) => {
  const url = new URL(redirect);
  url.searchParams.set('selling_partner_id', seller);
  return url.href;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are asserted field by field
async function getJson(url: string): Promise<{ status: number; body: any }> {
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  return { status: res.status, body: await res.json() };
}

const platformRow = async (id: string) =>
  (
    await stack.cloud.db.query<{ selling_partner_id: string | null; seller_id_proven: boolean }>(
      'SELECT selling_partner_id, seller_id_proven FROM platforms WHERE id = $1',
      [id],
    )
  ).rows[0]!;

describe('a genuine sign-in', () => {
  it('stores the seller id as proven', async () => {
    const { client, platformId } = await victimConnected();
    expect((await client.raw('GET', `/v1/platforms/${platformId}`)).body.sellingPartnerId).toBe(
      VICTIM.sellingPartnerId,
    );
    expect(await platformRow(platformId)).toEqual({
      selling_partner_id: VICTIM.sellingPartnerId,
      seller_id_proven: true,
    });
  });
});

describe('the redirect names another seller than the token belongs to', () => {
  it("Amazon-started: the attacker's consent with the victim's id is refused, the victim's platform untouched", async () => {
    const victim = await victimConnected();
    const before = (await victim.client.raw('GET', `/v1/platforms/${victim.platformId}`)).body;
    // The Login URI hands anyone an unbound state for a public seller id.
    const login = await fetch(
      `${stack.cloud.url}/oauth/amazon/login?${new URLSearchParams({
        amazon_callback_uri: `${stack.sandbox.url}/sc/${EU_HOST}/apps/authorize/confirm/${APP.applicationId}`,
        amazon_state: 'st',
        selling_partner_id: VICTIM.sellingPartnerId,
      })}`,
      { redirect: 'manual' },
    );
    const state = new URL(login.headers.get('location')!).searchParams.get('state')!;
    // The attacker consents with his own account using that state and edits the seller id in the redirect.
    const browser = new SellerBrowser();
    const consent = await signInToConsent(
      browser,
      `${stack.sandbox.url}/sc/${EU_HOST}/apps/authorize/consent?${new URLSearchParams({ application_id: APP.applicationId, state, redirect_uri: `${stack.cloud.url}/oauth/amazon/callback` })}`,
      ATTACKER,
      stack.sandbox.url,
    );
    const redirect = await consentRedirect(browser, consent);
    expect(new URL(redirect).searchParams.get('selling_partner_id')).toBe(ATTACKER.sellingPartnerId);

    const res = await getJson(edited(redirect, VICTIM.sellingPartnerId));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('SELLER_ID_DISPROVEN');
    expect((await victim.client.raw('GET', `/v1/platforms/${victim.platformId}`)).body).toEqual(before);
    const started = (await victim.client.raw('GET', '/v1/platforms/changes?since=0')).body.authorizations;
    expect(started).toEqual([]);
    // Logged as a warning with the code, never with the code Amazon issued or the state.
    const logged = logLines.filter((l) => l.includes('SELLER_ID_DISPROVEN')).map((l) => JSON.parse(l));
    expect(logged).toEqual([expect.objectContaining({ level: 40, code: 'SELLER_ID_DISPROVEN' })]);
    const code = new URL(redirect).searchParams.get('spapi_oauth_code')!;
    expect(logLines.join('')).not.toContain(code);
    expect(logLines.join('')).not.toContain(state);
  });

  it("desktop-started: the attacker's platform does not take the victim's id, so the victim's renewal is not routed to it", async () => {
    const attacker = await tenant('Angreifer GmbH');
    const platformId = await newPlatform(attacker);
    const auth = await startAuth(attacker, platformId);
    const redirect = await amazonRedirect(stack.sandbox.url, auth.consentUrl, ATTACKER);
    const res = await getJson(edited(redirect, VICTIM.sellingPartnerId));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('SELLER_ID_DISPROVEN');
    expect((await attacker.raw('GET', `/v1/authorizations/${auth.id}`)).body).toMatchObject({
      status: 'failed',
      error: { code: 'SELLER_ID_DISPROVEN' },
    });
    expect(await platformRow(platformId)).toEqual({ selling_partner_id: null, seller_id_proven: false });
    // Nothing of Amazon's token is kept.
    const kept = await stack.cloud.db.query(
      'SELECT 1 FROM authorizations WHERE id = $1 AND (exchanged_refresh_token_enc IS NOT NULL OR held_refresh_token_enc IS NOT NULL)',
      [auth.id],
    );
    expect(kept.rows).toEqual([]);

    // Later the victim renews at Amazon: no platform carries the victim's id, so the page asks for the code.
    const { page } = await authorizeNow(stack.sandbox.url, APP.applicationId, VICTIM, EU_HOST);
    expect(page.text).toContain('data-reason="unknown_seller"');
    expect(await platformRow(platformId)).toEqual({ selling_partner_id: null, seller_id_proven: false });
  });
});

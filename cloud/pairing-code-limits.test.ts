// Pairing codes on the callback's page after a Login URI sign-in (issue 23, items 2 and 6): a refusal
// (Seller Central of another region, a disabled tenant) does not use the code up; the limits count wrong
// codes only — per client address, per typed code across addresses, and over all — so sellers behind one
// office address are not locked out by each other, and guesses spread over many addresses are bounded
// too. The forms come from real Appstore sign-ins in the sandbox (Amazon's redirect for a seller id no
// platform has); they are posted from several loopback addresses (127.0.0.x) to the real cloud.
import http from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { productionApp, seedAccount, type SeedAccount } from '../sandbox';
import { TestCloudHttp, startStack, type Stack } from './testing/stack';
import { authorizeNow, newPlatform } from './testing/flow-steps';
import { formRequest, type SellerBrowser } from './testing/seller-browser';

const APP = productionApp();
const FE = seedAccount('fe.seller@example.com')!;
const EU = seedAccount('eu.haendler@example.com')!;
const JP_HOST = 'sellercentral.amazon.co.jp';
const EU_HOST = 'sellercentral-europe.amazon.com';
let stack: Stack;
let client: TestCloudHttp;
const browsers = new Map<string, SellerBrowser>();

beforeAll(async () => {
  stack = await startStack();
  client = new TestCloudHttp(stack.cloud.url, await stack.cloud.createTenant('Kopplung GmbH'));
});
afterAll(() => stack?.close());
// Each test starts with sellers no platform has, so that Amazon's redirect leads to the code form.
afterEach(async () => {
  for (const p of (await client.raw('GET', '/v1/platforms')).body.platforms)
    await client.raw('DELETE', `/v1/platforms/${p.id}`);
});

/** The pairing form's fields after a real Authorize now of `seller` on `host` (one Seller Central session per seller). */
async function pairingForm(seller: SeedAccount = FE, host = JP_HOST): Promise<URLSearchParams> {
  const { browser, page } = await authorizeNow(
    stack.sandbox.url,
    APP.applicationId,
    seller,
    host,
    browsers.get(seller.email),
  );
  browsers.set(seller.email, browser);
  expect(page.text).toContain('data-reason="unknown_seller"');
  return new URLSearchParams(formRequest(page, {}).init.body as string);
}

/** Posts the code form from a given loopback address, as a seller's browser would. */
function postCode(code: string, form: URLSearchParams, from = '127.0.0.1'): Promise<{ status: number; text: string }> {
  const fields = new URLSearchParams(form);
  fields.set('code', code);
  const body = fields.toString();
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${stack.cloud.url}/oauth/amazon/callback`,
      {
        method: 'POST',
        localAddress: from,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => void (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.once('error', reject);
    req.end(body);
  });
}

async function issueCode(platformId: string): Promise<string> {
  return (await client.raw('POST', `/v1/platforms/${platformId}/pairing-code`, { body: {} })).body.code as string;
}

describe('pairing codes', () => {
  it('Seller Central of another region refuses the code without using it up', async () => {
    const code = await issueCode(await newPlatform(client, 'JP', 'FE'));
    const wrongRegion = await postCode(code, await pairingForm(EU, EU_HOST), '127.0.0.11');
    expect(wrongRegion.status).toBe(409);
    expect(wrongRegion.text).toContain('data-reason="region_mismatch"');
    expect((await postCode(code, await pairingForm(), '127.0.0.11')).status).toBe(200);
  });

  it('a disabled tenant refuses the code without using it up; enabled again, it works', async () => {
    const code = await issueCode(await newPlatform(client, 'JP', 'FE'));
    const form = await pairingForm();
    const admin = (action: string) =>
      fetch(`${stack.cloud.url}/admin/tenants/${client.creds.clientId}/${action}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${stack.cloud.adminToken}` },
      });
    expect((await admin('disable')).status).toBe(200);
    expect((await postCode(code, form, '127.0.0.12')).status).toBe(403);
    expect((await admin('enable')).status).toBe(200);
    expect((await postCode(code, form, '127.0.0.12')).status).toBe(200);
  });

  it('sellers behind one office address each use their right code, however many they are', async () => {
    // The consents first: once one platform has the seller, Amazon's redirect goes straight to it.
    const forms: URLSearchParams[] = [];
    for (let i = 0; i < 12; i++) forms.push(await pairingForm());
    for (const [i, form] of forms.entries()) {
      const code = await issueCode(await newPlatform(client, 'JP', 'FE'));
      expect((await postCode(code, form, '127.0.0.13')).status, `seller ${i + 1}`).toBe(200);
    }
  });

  it('one code tried from many addresses is refused after five wrong tries, wherever they come from', async () => {
    const form = await pairingForm();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await postCode('ZZZZ-ZZZ2', form, `127.0.1.${i + 1}`)).status);
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    // Another code from a fresh address is still checked.
    expect((await postCode('ZZZZ-ZZZ3', form, '127.0.1.9')).status).toBe(400);
  });

  it('one address is refused after ten wrong codes', async () => {
    const form = await pairingForm();
    let last = 0;
    for (let i = 0; i < 12 && last !== 429; i++)
      last = (await postCode(`ZZZZ-ZZ${'23456789ABCD'[i]}Z`, form, '127.0.0.14')).status;
    expect(last).toBe(429);
  });
});

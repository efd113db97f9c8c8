// Pairing codes at the Login URI's form (issue 23, item 6): a refusal (Seller Central of another region,
// a disabled tenant) does not use the code up; the limits count wrong codes only — per client address,
// per typed code across addresses, and over all — so sellers behind one office address are not locked
// out by each other, and guesses spread over many addresses are bounded too. Requests come from several
// loopback addresses (127.0.0.x) to the real cloud.
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { productionApp } from '../sandbox';
import { stackWithTenant } from './testing/stack-suite';
import { newPlatform } from './testing/flow-steps';

const APP = productionApp();
const JP_HOST = 'sellercentral.amazon.co.jp';
const EU_HOST = 'sellercentral-europe.amazon.com';
const t = stackWithTenant('Kopplung GmbH');

/** Posts the code form from a given loopback address, as a seller's browser would. */
function postCode(code: string, host: string, from = '127.0.0.1'): Promise<{ status: number; text: string }> {
  const body = new URLSearchParams({ amazon_callback_uri: `${t.stack.sandbox.url}/sc/${host}/apps/authorize/confirm/${APP.applicationId}`, amazon_state: 'st', selling_partner_id: 'A0UNKNOWN', code }).toString();
  return new Promise((resolve, reject) => {
    const req = http.request(`${t.stack.cloud.url}/oauth/amazon/login`, { method: 'POST', localAddress: from, headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => void (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.once('error', reject);
    req.end(body);
  });
}

async function issueCode(platformId: string): Promise<string> {
  return (await t.client.raw('POST', `/v1/platforms/${platformId}/pairing-code`, { body: {} })).body.code as string;
}

describe('pairing codes', () => {
  it('Seller Central of another region refuses the code without using it up', async () => {
    const code = await issueCode(await newPlatform(t.client, 'JP', 'FE'));
    const wrongRegion = await postCode(code, EU_HOST, '127.0.0.11');
    expect(wrongRegion.status).toBe(409);
    expect(wrongRegion.text).toContain('data-reason="region_mismatch"');
    expect((await postCode(code, JP_HOST, '127.0.0.11')).status).toBe(302);
  });

  it('a disabled tenant refuses the code without using it up; enabled again, it works', async () => {
    const code = await issueCode(await newPlatform(t.client, 'JP', 'FE'));
    const admin = (action: string) => fetch(`${t.stack.cloud.url}/admin/tenants/${t.client.creds.clientId}/${action}`, { method: 'POST', headers: { authorization: `Bearer ${t.stack.cloud.adminToken}` } });
    expect((await admin('disable')).status).toBe(200);
    expect((await postCode(code, JP_HOST, '127.0.0.12')).status).toBe(403);
    expect((await admin('enable')).status).toBe(200);
    expect((await postCode(code, JP_HOST, '127.0.0.12')).status).toBe(302);
  });

  it('sellers behind one office address each use their right code, however many they are', async () => {
    for (let i = 0; i < 12; i++) {
      const code = await issueCode(await newPlatform(t.client, 'JP', 'FE'));
      expect((await postCode(code, JP_HOST, '127.0.0.13')).status, `seller ${i + 1}`).toBe(302);
    }
  });

  it('one code tried from many addresses is refused after five wrong tries, wherever they come from', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await postCode('ZZZZ-ZZZ2', JP_HOST, `127.0.1.${i + 1}`)).status);
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    // Another code from a fresh address is still checked.
    expect((await postCode('ZZZZ-ZZZ3', JP_HOST, '127.0.1.9')).status).toBe(400);
  });

  it('one address is refused after ten wrong codes', async () => {
    let last = 0;
    for (let i = 0; i < 12 && last !== 429; i++) last = (await postCode(`ZZZZ-ZZ${'23456789ABCD'[i]}Z`, JP_HOST, '127.0.0.14')).status;
    expect(last).toBe(429);
  });
});

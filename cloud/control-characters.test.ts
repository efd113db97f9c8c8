// Issue 9, defect 4: a NUL byte (or any control character) anywhere in a request is a 400 in the
// documented shape, never a 500 from the database; on Amazon's redirect it is refused before the state
// is used, and Amazon's own error is recorded in the transaction that uses the state up.
import { describe, expect, it } from 'vitest';
import { seedAccount } from '../sandbox';
import { useTenantStack } from './testing/tenant-stack';
import { amazonRedirect, authorization, getCallback, newPlatform, startAuth } from './testing/flow-steps';

const EU = seedAccount('eu.haendler@example.com')!;
const env = useTenantStack('Kontrollzeichen GmbH');

function expectInvalid(res: { status: number; body: { error?: { code: string; message: string } } }) {
  expect(res.status).toBe(400);
  expect(res.body.error?.code).toBe('INVALID_REQUEST');
  expect(res.body.error?.message).toMatch(/control characters/);
}

describe('control characters in requests', () => {
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  it('POST /oauth/token with client_id=%00 (no authentication)', async () => {
    expectInvalid(
      await env.client.raw('POST', '/oauth/token', {
        auth: false,
        headers: form,
        body: 'grant_type=client_credentials&client_id=%00&client_secret=x',
      }),
    );
    expectInvalid(
      await env.client.raw('POST', '/oauth/token', {
        auth: false,
        headers: form,
        body: 'grant_type=client_credentials%00',
      }),
    );
  });

  it('Basic credentials that decode to a NUL', async () => {
    const basic = Buffer.from('cc_\u0000:secret').toString('base64');
    expectInvalid(
      await env.client.raw('POST', '/oauth/token', {
        auth: false,
        headers: { ...form, authorization: `Basic ${basic}` },
        body: 'grant_type=client_credentials',
      }),
    );
  });

  it('GET /v1/platforms/%00 and every other id in a path', async () => {
    const id = await newPlatform(env.client);
    const auth = await startAuth(env.client, id);
    for (const [method, path] of [
      ['GET', '/v1/platforms/%00'],
      ['PATCH', '/v1/platforms/a%00b'],
      ['DELETE', '/v1/platforms/%1b%5b2J'],
      ['POST', '/v1/platforms/%7f/authorizations'],
      ['POST', '/v1/platforms/%c2%85/settings/import'],
      ['GET', '/v1/authorizations/%00'],
      ['POST', '/v1/authorizations/%0a/cancel'],
      ['GET', `/v1/authorizations/${auth.id}%00`],
    ] as const) {
      expectInvalid(
        await env.client.raw(
          method,
          path,
          method === 'PATCH' || path.endsWith('authorizations') ? { body: { name: 'x', mode: 'login' } } : {},
        ),
      );
    }
  });

  it('names in bodies, and the Idempotency-Key header', async () => {
    for (const name of ['Amazon\u0000', 'Amazon\tDE', 'Zeile\nZwei', 'Amazon\u009b', 'Amazon \ud800']) {
      expectInvalid(await env.client.createPlatform(name));
    }
    expectInvalid(await env.client.createPlatform('Amazon Kopf', 'DE', 'EU', 'key\t1'));
    expectInvalid(await env.client.createPlatform('Amazon Kopf', 'DE', 'EU', 'key\u00851'));
    const id = await newPlatform(env.client);
    expectInvalid(await env.client.raw('PATCH', `/v1/platforms/${id}`, { body: { name: 'neu\u0000' } }));
    // Umlauts and other printable Unicode stay welcome.
    expect((await env.client.createPlatform('Amazon Größe ✓ 😀')).status).toBe(201);
  });
});

describe("control characters on Amazon's redirect", () => {
  it('error=%00 with a genuine state: 400, the state stays unused and the genuine redirect still completes', async () => {
    const auth = await startAuth(env.client, await newPlatform(env.client));
    const redirect = await amazonRedirect(env.stack.sandbox.url, auth.consentUrl, EU);
    const state = new URL(redirect).searchParams.get('state')!;
    for (const query of [
      `error=%00`,
      `error=access_denied&error_description=a%00b`,
      `selling_partner_id=A%00&spapi_oauth_code=x`,
      `error=a&error=b`,
    ]) {
      const res = await getCallback(`${env.stack.cloud.url}/oauth/amazon/callback?state=${state}&${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe('INVALID_REQUEST');
      expect(await authorization(env.client, auth.id)).toMatchObject({ status: 'pending' });
    }
    expect((await getCallback(redirect)).status).toBe(200);
    expect((await authorization(env.client, auth.id)).status).toBe('authenticated');
  });

  it("Amazon's error ends the sign-in: failed with the code, never pending with a spent state", async () => {
    const auth = await startAuth(env.client, await newPlatform(env.client));
    const state = new URL(auth.consentUrl).searchParams.get('state')!;
    const res = await getCallback(
      `${env.stack.cloud.url}/oauth/amazon/callback?state=${state}&error=server_error&error_description=${encodeURIComponent('Ä'.repeat(1500))}`,
    );
    expect(res.body.error.code).toBe('AMAZON_CALLBACK_ERROR');
    expect(await authorization(env.client, auth.id)).toMatchObject({
      status: 'failed',
      error: { code: 'AMAZON_CALLBACK_ERROR' },
    });
    const again = await getCallback(`${env.stack.cloud.url}/oauth/amazon/callback?state=${state}&error=access_denied`);
    expect(again.body.error.code).toBe('STATE_REPLAYED');
    expect(await authorization(env.client, auth.id)).toMatchObject({
      status: 'failed',
      error: { code: 'AMAZON_CALLBACK_ERROR' },
    });
  });
});

// Amazon's redirect: the state is checked first (tampered, missing, expired, replayed, superseded),
// Amazon's error parameters fail the authorization, and a code is good for one exchange only.
import { describe, expect, it } from 'vitest';
import { seedAccount } from '../sandbox';
import { useTenantStack } from './testing/tenant-stack';
import { amazonRedirect, authorization, getCallback, newPlatform, startAuth } from './testing/flow-steps';

const EU = seedAccount('eu.haendler@example.com')!;
const env = useTenantStack('Callback GmbH', { fresh: 'sandbox+clock' });

function withParam(url: string, name: string, value: string | null): string {
  const u = new URL(url);
  if (value === null) u.searchParams.delete(name);
  else u.searchParams.set(name, value);
  return u.toString();
}

describe('state', () => {
  it('a tampered state is rejected and changes nothing', async () => {
    const auth = await startAuth(env.client, await newPlatform(env.client));
    const redirect = await amazonRedirect(env.stack.sandbox.url, auth.consentUrl, EU);
    const state = new URL(redirect).searchParams.get('state')!;
    const [h, p, s] = state.split('.');
    const forged = `${h}.${p}.${s!.slice(0, -4)}${s!.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    const res = await getCallback(withParam(redirect, 'state', forged));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('STATE_INVALID');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect((await authorization(env.client, auth.id)).status).toBe('pending');
    // The genuine redirect still works afterwards.
    expect((await getCallback(redirect)).status).toBe(200);
  });

  it('a HEAD request (a link checker, a prefetch) does not use up the state or the code', async () => {
    const auth = await startAuth(env.client, await newPlatform(env.client));
    const redirect = await amazonRedirect(env.stack.sandbox.url, auth.consentUrl, EU);
    const head = await fetch(redirect, { method: 'HEAD' });
    expect(head.status).toBe(404);
    expect((await authorization(env.client, auth.id)).status).toBe('pending');
    expect((await getCallback(redirect)).status).toBe(200);
    expect((await authorization(env.client, auth.id)).status).toBe('authenticated');
  });

  it('a missing or garbage state is rejected', async () => {
    const auth = await startAuth(env.client, await newPlatform(env.client));
    const redirect = await amazonRedirect(env.stack.sandbox.url, auth.consentUrl, EU);
    expect((await getCallback(withParam(redirect, 'state', null))).body.error.code).toBe('STATE_MISSING');
    expect((await getCallback(withParam(redirect, 'state', 'not-a-jwt'))).body.error.code).toBe('STATE_INVALID');
  });

  it('an expired state fails with STATE_EXPIRED and the authorization is expired', async () => {
    const auth = await startAuth(env.client, await newPlatform(env.client));
    const redirect = await amazonRedirect(env.stack.sandbox.url, auth.consentUrl, EU);
    env.stack.clock.advance(env.stack.config.authorizationTtlSeconds * 1000 + 1);
    env.client.forgetToken(); // the cloud's bearer token (15 min) expired with the clock too
    const res = await getCallback(redirect);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('STATE_EXPIRED');
    expect(await authorization(env.client, auth.id)).toMatchObject({
      status: 'expired',
      error: { code: 'AUTHORIZATION_EXPIRED' },
    });
  });

  it('the same redirect twice changes nothing; the state with another code is a replay', async () => {
    const platformId = await newPlatform(env.client);
    const auth = await startAuth(env.client, platformId);
    const redirect = await amazonRedirect(env.stack.sandbox.url, auth.consentUrl, EU);
    const first = await getCallback(redirect);
    expect(first.status).toBe(200);
    const before = await authorization(env.client, auth.id);

    const reload = await getCallback(redirect);
    expect(reload.status).toBe(200);
    expect(reload.body).toEqual(first.body);
    const replay = await getCallback(withParam(redirect, 'spapi_oauth_code', 'ANOTHERCODE'));
    expect(replay.status).toBe(400);
    expect(replay.body.error.code).toBe('STATE_REPLAYED');
    expect(await authorization(env.client, auth.id)).toEqual(before);
  });

  it('the state of a superseded authorization is refused', async () => {
    const platformId = await newPlatform(env.client);
    const old = await startAuth(env.client, platformId);
    const redirect = await amazonRedirect(env.stack.sandbox.url, old.consentUrl, EU);
    await startAuth(env.client, platformId);
    expect(await authorization(env.client, old.id)).toMatchObject({
      status: 'cancelled',
      error: { code: 'AUTHORIZATION_SUPERSEDED' },
    });
    const res = await getCallback(redirect);
    expect(res.body.error.code).toBe('AUTHORIZATION_NOT_PENDING');
  });
});

describe('Amazon parameters', () => {
  it('Amazon error parameters fail the authorization with a stable code', async () => {
    const auth = await startAuth(env.client, await newPlatform(env.client));
    const state = new URL(auth.consentUrl).searchParams.get('state')!;
    const res = await getCallback(
      `${env.stack.cloud.url}/oauth/amazon/callback?state=${state}&error=access_denied&error_description=User+denied`,
    );
    expect(res.body.error.code).toBe('AMAZON_CONSENT_DENIED');
    expect(await authorization(env.client, auth.id)).toMatchObject({
      status: 'failed',
      error: { code: 'AMAZON_CONSENT_DENIED' },
    });
  });

  it('a redirect without a code fails with CALLBACK_PARAMS_MISSING', async () => {
    const auth = await startAuth(env.client, await newPlatform(env.client));
    const state = new URL(auth.consentUrl).searchParams.get('state')!;
    const res = await getCallback(`${env.stack.cloud.url}/oauth/amazon/callback?state=${state}&selling_partner_id=A1`);
    expect(res.body.error.code).toBe('CALLBACK_PARAMS_MISSING');
    expect((await authorization(env.client, auth.id)).status).toBe('failed');
  });

  it('a replayed code (already exchanged) fails with LWA_INVALID_GRANT', async () => {
    const platformId = await newPlatform(env.client);
    const first = await startAuth(env.client, platformId);
    const redirect = await amazonRedirect(env.stack.sandbox.url, first.consentUrl, EU);
    expect((await getCallback(redirect)).status).toBe(200);

    const second = await startAuth(env.client, platformId, 'refresh');
    const secondState = new URL(second.consentUrl).searchParams.get('state')!;
    const res = await getCallback(withParam(redirect, 'state', secondState));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('LWA_INVALID_GRANT');
    expect(await authorization(env.client, second.id)).toMatchObject({
      status: 'failed',
      error: { code: 'LWA_INVALID_GRANT' },
    });
    // The failed refresh kept the previous authorization.
    expect((await env.client.raw('GET', `/v1/platforms/${platformId}`)).body.status).toBe('authenticated');
  });
});

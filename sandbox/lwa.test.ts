// LWA token endpoint over real HTTP: the three grants, form and JSON bodies, every error shape.
import { describe, expect, it } from 'vitest';
import { draftApp, productionApp, seedAccount } from './seed';
import { authorize, obtainTokens, sellers, sharedTestSandbox, tokenRequest } from './testing/test-client';

const PROD = productionApp();
const DRAFT = draftApp();
const EU = seedAccount('eu.haendler@example.com')!;
const creds = { client_id: PROD.clientId, client_secret: PROD.clientSecret };

const sb = sharedTestSandbox();

async function freshCode(): Promise<string> {
  return (await authorize(sb, EU, PROD)).get('spapi_oauth_code')!;
}

const exchange = (code: string, extra: Record<string, string> = {}, json = false) =>
  tokenRequest(
    sb.url,
    { grant_type: 'authorization_code', code, redirect_uri: PROD.redirectUris[0]!, ...creds, ...extra },
    json,
  );

const invalidCode = { error_description: 'The request has an invalid grant parameter : code', error: 'invalid_grant' };

describe('authorization_code', () => {
  it("exchanges a code (form body) for Amazon's token response", async () => {
    const res = await exchange(await freshCode());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(Object.keys(res.body).sort()).toEqual(['access_token', 'expires_in', 'refresh_token', 'token_type']);
    expect(res.body.access_token).toMatch(/^Atza\|/);
    expect(res.body.refresh_token).toMatch(/^Atzr\|/);
    expect(res.body.token_type).toBe('bearer');
    expect(res.body.expires_in).toBe(3600);
  });

  it('accepts a JSON body too', async () => {
    expect((await exchange(await freshCode(), {}, true)).status).toBe(200);
  });

  it('a code is single-use', async () => {
    const code = await freshCode();
    expect((await exchange(code)).status).toBe(200);
    const again = await exchange(code);
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ ...invalidCode, request_id: again.headers.get('x-amzn-requestid') });
  });

  it('a code expires after 5 minutes', async () => {
    const code = await freshCode();
    sb.clock.now += 5 * 60_000 + 1;
    expect(await exchange(code)).toMatchObject({ status: 400, body: invalidCode });
    const ok = await freshCode();
    sb.clock.now += 5 * 60_000;
    expect((await exchange(ok)).status).toBe(200);
  });

  it('a code is bound to its redirect_uri and client_id', async () => {
    const code = await freshCode();
    expect(await exchange(code, { redirect_uri: 'https://other.example/cb' })).toMatchObject({
      status: 400,
      body: invalidCode,
    });
    expect(await exchange(code, { client_id: DRAFT.clientId, client_secret: DRAFT.clientSecret })).toMatchObject({
      status: 400,
      body: invalidCode,
    });
    expect(await exchange('unknowncode')).toMatchObject({ status: 400, body: invalidCode });
  });

  it('missing parameters → invalid_request', async () => {
    expect(await exchange('')).toMatchObject({
      status: 400,
      body: { error: 'invalid_request', error_description: 'The request is missing a required parameter : code' },
    });
  });

  it('accepts a code exchange without redirect_uri, as Amazon does', async () => {
    const res = await tokenRequest(sb.url, { grant_type: 'authorization_code', code: await freshCode(), ...creds });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['access_token', 'expires_in', 'refresh_token', 'token_type']);
  });
});

describe('client authentication and grant types', () => {
  it('wrong secret or unknown client → 401 invalid_client', async () => {
    const body = { error_description: 'Client authentication failed', error: 'invalid_client' };
    expect(await exchange('x', { client_secret: 'wrong' })).toMatchObject({ status: 401, body });
    expect(await exchange('x', { client_id: 'amzn1.application-oa2-client.unknown' })).toMatchObject({
      status: 401,
      body,
    });
  });

  it("names every answer's request id in x-amzn-RequestId, and errors also in the body's request_id", async () => {
    const ok = await exchange(await freshCode());
    expect(ok.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    const refused = await exchange('x', { client_secret: 'wrong' });
    expect(refused.body.request_id).toBe(refused.headers.get('x-amzn-requestid'));
    expect(refused.body.request_id).not.toBe(ok.headers.get('x-amzn-requestid'));
  });

  it('a rotated client secret: the old one works until its expiry, then invalid_client', async () => {
    const rotate = (body: unknown) =>
      fetch(`${sb.url}/sandbox/api/apps/${PROD.applicationId}/client-secret`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await rotate({ previousValidForSeconds: -1 })).status).toBe(400);
    expect((await rotate({ clientSecret: 'has space in it' })).status).toBe(400);
    const res = await rotate({ previousValidForSeconds: 60 });
    expect(res.status).toBe(200);
    const { clientSecret } = (await res.json()) as { clientSecret: string };
    expect(clientSecret).toMatch(/^amzn1\.oa2-cs\.v1\.[0-9a-f]{64}$/);
    expect((await exchange(await freshCode())).status).toBe(200);
    expect((await exchange(await freshCode(), { client_secret: clientSecret })).status).toBe(200);
    sb.clock.now += 60_000;
    expect((await exchange(await freshCode())).status).toBe(401);
    expect((await exchange(await freshCode(), { client_secret: clientSecret })).status).toBe(200);
  });

  it('missing grant_type → invalid_request; unknown grant → unsupported_grant_type', async () => {
    expect(await tokenRequest(sb.url, { ...creds })).toMatchObject({
      status: 400,
      body: { error: 'invalid_request', error_description: 'The request is missing a required parameter : grant_type' },
    });
    expect(await tokenRequest(sb.url, { grant_type: 'password', ...creds })).toMatchObject({
      status: 400,
      body: {
        error: 'unsupported_grant_type',
        error_description: 'The authorization grant type is not supported by the authorization server',
      },
    });
    expect(await tokenRequest(sb.url, { grant_type: 'refresh_token', client_id: PROD.clientId })).toMatchObject({
      status: 400,
      body: { error: 'invalid_request' },
    });
  });

  it('malformed bodies get an LWA error, never a stack trace', async () => {
    const res = await fetch(`${sb.url}/auth/o2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"grant_type":',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.error).toBe('invalid_request');
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts/);
    const xml = await fetch(`${sb.url}/auth/o2/token`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body: '<a/>',
    });
    expect(xml.status).toBe(400);
    expect(((await xml.json()) as Record<string, unknown>).error).toBe('invalid_request');
  });
});

describe('refresh_token', () => {
  it('returns a new access token and repeats the refresh token', async () => {
    const { refresh } = await obtainTokens(sb, EU, PROD);
    const res = await tokenRequest(sb.url, { grant_type: 'refresh_token', refresh_token: refresh, ...creds });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['access_token', 'expires_in', 'refresh_token', 'token_type']);
    expect(res.body.refresh_token).toBe(refresh);
    expect((await sellers(sb.url, 'eu', res.body.access_token as string)).status).toBe(200);
  });

  it("unknown refresh token → invalid_grant; another app's → unauthorized_client", async () => {
    expect(
      await tokenRequest(sb.url, { grant_type: 'refresh_token', refresh_token: 'Atzr|nope', ...creds }),
    ).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'The request has an invalid grant parameter : refresh_token' },
    });
    const { refresh } = await obtainTokens(sb, EU, PROD);
    expect(
      await tokenRequest(sb.url, {
        grant_type: 'refresh_token',
        refresh_token: refresh,
        client_id: DRAFT.clientId,
        client_secret: DRAFT.clientSecret,
      }),
    ).toMatchObject({
      status: 400,
      body: { error: 'unauthorized_client', error_description: 'Not authorized for requested operation' },
    });
  });

  it('access tokens live 3600 s', async () => {
    const { access } = await obtainTokens(sb, EU, PROD);
    sb.clock.now += 3599_000;
    expect((await sellers(sb.url, 'eu', access)).status).toBe(200);
    sb.clock.now += 1000;
    expect((await sellers(sb.url, 'eu', access)).status).toBe(403);
  });
});

describe('client_credentials', () => {
  it('grants a grantless token for a known scope', async () => {
    const res = await tokenRequest(sb.url, {
      grant_type: 'client_credentials',
      scope: 'sellingpartnerapi::notifications',
      ...creds,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      token_type: 'bearer',
      expires_in: 3600,
      scope: 'sellingpartnerapi::notifications',
    });
    expect(res.body.refresh_token).toBeUndefined();
    // A grantless token does not open seller data.
    expect((await sellers(sb.url, 'eu', res.body.access_token as string)).status).toBe(403);
  });

  it('missing scope → invalid_request; unknown scope → invalid_scope', async () => {
    expect(await tokenRequest(sb.url, { grant_type: 'client_credentials', ...creds })).toMatchObject({
      status: 400,
      body: { error: 'invalid_request' },
    });
    expect(await tokenRequest(sb.url, { grant_type: 'client_credentials', scope: 'profile', ...creds })).toMatchObject({
      status: 400,
      body: { error: 'invalid_scope' },
    });
  });
});

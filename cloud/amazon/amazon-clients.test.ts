// LWA and SP-API clients against a scripted local server: what is retried, what is not, and how
// Amazon's answers map to stable codes (including the wrong region, which the sandbox stops earlier).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { closeServer, listenOnLoopback } from '../testing/loopback-server';
import { exchangeCode, refreshAccessToken, type LwaOptions } from './lwa-client';
import { getMarketplaceParticipations } from './sellers-api';
import { LwaSecretRing } from './lwa-secrets';
import type { CloudError } from '../cloud-error';
import packageJson from '../../package.json' with { type: 'json' };

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
let handler: Handler;
let calls: string[];
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    calls.push(req.url ?? '');
    handler(req, res);
  });
  base = await listenOnLoopback(server);
});
afterAll(() => closeServer(server));
beforeEach(() => {
  calls = [];
});

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};
const lwa = (): LwaOptions => ({
  tokenUrl: `${base}/auth/o2/token`,
  clientId: 'c',
  secrets: new LwaSecretRing([{ slot: 'current', value: 's' }]),
  maxAttempts: 3,
  retryBaseMs: 1,
  timeoutMs: 300,
});
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: CloudError) => e.code,
  );

describe('LWA client', () => {
  it('retries 5xx and returns the tokens', async () => {
    let n = 0;
    handler = (_req, res) =>
      ++n < 3
        ? json(res, 503, { error: 'TemporarilyUnavailable' })
        : json(res, 200, { access_token: 'Atza|a', refresh_token: 'Atzr|r', token_type: 'bearer', expires_in: 3600 });
    expect(await exchangeCode(lwa(), 'code', 'https://x/cb')).toEqual({
      accessToken: 'Atza|a',
      refreshToken: 'Atzr|r',
      expiresIn: 3600,
    });
    expect(calls).toHaveLength(3);
  });

  it('never retries invalid_grant or invalid_client', async () => {
    handler = (_req, res) =>
      json(res, 400, {
        error_description: 'The request has an invalid grant parameter : code',
        error: 'invalid_grant',
      });
    expect(await codeOf(exchangeCode(lwa(), 'code', 'https://x/cb'))).toBe('LWA_INVALID_GRANT');
    expect(await codeOf(refreshAccessToken(lwa(), 'Atzr|r'))).toBe('REFRESH_TOKEN_REVOKED');
    handler = (_req, res) =>
      json(res, 401, { error: 'invalid_client', error_description: 'Client authentication failed' });
    expect(await codeOf(exchangeCode(lwa(), 'code', 'https://x/cb'))).toBe('LWA_INVALID_CLIENT');
    expect(calls).toHaveLength(3);
  });

  it('takes a refresh answer with the repeated refresh token and one without it', async () => {
    handler = (_req, res) =>
      json(res, 200, { access_token: 'Atza|a', refresh_token: 'Atzr|r', token_type: 'bearer', expires_in: 3600 });
    expect(await refreshAccessToken(lwa(), 'Atzr|r')).toMatchObject({ accessToken: 'Atza|a', expiresIn: 3600 });
    handler = (_req, res) => json(res, 200, { access_token: 'Atza|b', token_type: 'bearer', expires_in: 3600 });
    expect(await refreshAccessToken(lwa(), 'Atzr|r')).toMatchObject({ accessToken: 'Atza|b', expiresIn: 3600 });
  });

  it('names the cloud in the User-Agent of the code exchange and the refresh', async () => {
    const agents: (string | undefined)[] = [];
    handler = (req, res) => {
      agents.push(req.headers['user-agent']);
      json(res, 200, { access_token: 'Atza|a', refresh_token: 'Atzr|r', token_type: 'bearer', expires_in: 3600 });
    };
    await exchangeCode(lwa(), 'code', 'https://x/cb');
    await refreshAccessToken(lwa(), 'Atzr|r');
    expect(agents).toEqual(
      Array(2).fill(`AmazonCloudConnect/${packageJson.version} (Language=TypeScript; Platform=Node)`),
    );
  });

  it('gives up after the attempts on timeouts with LWA_UNAVAILABLE', async () => {
    handler = () => undefined; // never answers
    expect(await codeOf(exchangeCode(lwa(), 'code', 'https://x/cb'))).toBe('LWA_UNAVAILABLE');
    expect(calls).toHaveLength(3);
  });
});

describe('Sellers API client', () => {
  const opts = {
    spApiBase: (r: string) => `${base}/spapi/${r.toLowerCase()}`,
    timeoutMs: 300,
    now: () => Date.UTC(2025, 0, 1),
  };
  const denied = (details: string) => ({
    errors: [{ code: 'Unauthorized', message: 'Access to requested resource is denied.', details }],
  });

  it('names the wrong region when another regional host accepts the token', async () => {
    handler = (req, res) =>
      req.url!.startsWith('/spapi/eu/')
        ? json(res, 200, { payload: [] })
        : json(res, 403, denied('The access token you provided is revoked, malformed or invalid.'));
    const err = await getMarketplaceParticipations(opts, 'NA', 't').catch((e: CloudError) => e);
    expect(err).toMatchObject({ code: 'SPAPI_WRONG_REGION' });
    expect((err as CloudError).message).toContain('EU');
  });

  it('names the wrong region also when the 403 carries empty details, as real ones do (models #4825)', async () => {
    handler = (req, res) =>
      req.url!.startsWith('/spapi/fe/') ? json(res, 200, { payload: [] }) : json(res, 403, denied(''));
    const err = await getMarketplaceParticipations(opts, 'EU', 't').catch((e: CloudError) => e);
    expect(err).toMatchObject({ code: 'SPAPI_WRONG_REGION' });
    expect((err as CloudError).message).toContain('FE');
    expect(calls).toEqual(['eu', 'na', 'fe'].map((r) => `/spapi/${r}/sellers/v1/marketplaceParticipations`));
  });

  it('maps 403 without details, an invalid token, 429 with Retry-After, 5xx and a bad body', async () => {
    // Empty details everywhere: no other region accepts the token either, so the role is missing.
    handler = (_req, res) => json(res, 403, denied(''));
    expect(await codeOf(getMarketplaceParticipations(opts, 'EU', 't'))).toBe('SPAPI_ROLES_MISSING');
    handler = (_req, res) => json(res, 403, denied('The access token you provided is revoked, malformed or invalid.'));
    expect(await codeOf(getMarketplaceParticipations(opts, 'EU', 't'))).toBe('SPAPI_ACCESS_DENIED');
    handler = (_req, res) =>
      json(res, 429, { errors: [{ code: 'QuotaExceeded', message: 'x' }] }, { 'retry-after': '7' });
    expect(await getMarketplaceParticipations(opts, 'EU', 't').catch((e: CloudError) => e)).toMatchObject({
      code: 'SPAPI_RATE_LIMITED',
      retryAfter: 7,
    });
    handler = (_req, res) => json(res, 503, { errors: [{ code: 'ServiceUnavailable', message: 'x' }] });
    expect(await codeOf(getMarketplaceParticipations(opts, 'EU', 't'))).toBe('SPAPI_SERVER_ERROR');
    handler = (_req, res) => json(res, 200, { payload: [{ marketplace: { id: 'x' } }] });
    expect(await codeOf(getMarketplaceParticipations(opts, 'EU', 't'))).toBe('SPAPI_SERVER_ERROR');
  });

  it("sends the access token in x-amz-access-token and the cloud's User-Agent", async () => {
    let token: string | undefined;
    let agent: string | undefined;
    handler = (req, res) => {
      token = req.headers['x-amz-access-token'] as string;
      agent = req.headers['user-agent'];
      json(res, 200, { payload: [] });
    };
    expect(await getMarketplaceParticipations(opts, 'FE', 'Atza|tok')).toEqual([]);
    expect(token).toBe('Atza|tok');
    expect(agent).toBe(`AmazonCloudConnect/${packageJson.version} (Language=TypeScript; Platform=Node)`);
    expect(calls).toEqual(['/spapi/fe/sellers/v1/marketplaceParticipations']);
  });
});

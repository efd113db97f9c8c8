// The desktop's cloud client parses every answer with the route's schema from
// shared/cloud-api-routes.ts (the one the cloud serialises with). A real loopback server plays a cloud
// that answers wrongly: each bad answer becomes a CodedError with a stable code, never a crash, and
// fields outside the contract do not reach the caller.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloudClient } from './cloud-client';
import { CodedError } from '../../shared/result';

type Answer = { status: number; body?: string; type?: string };
let next: Answer = { status: 200 };
const seen: { method: string; url: string }[] = [];
let server: http.Server;
let url = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    if (req.url === '/oauth/token') {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ access_token: 'tok', token_type: 'bearer', expires_in: 3600 }));
      return;
    }
    seen.push({ method: req.method!, url: req.url! });
    res
      .writeHead(next.status, next.body === undefined ? {} : { 'content-type': next.type ?? 'application/json' })
      .end(next.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const client = () => new CloudClient(async () => ({ url, clientId: 'c', clientSecret: 's' }));
const platform = {
  id: 'plt_1',
  type: 'amazon',
  name: 'Amazon DE',
  region: 'EU',
  countryCode: 'DE',
  status: 'not_authenticated',
  createdAt: '2026-01-01T00:00:00.000Z',
};

async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'resolved';
  } catch (err) {
    expect(err).toBeInstanceOf(CodedError);
    return (err as CodedError).code;
  }
}

describe('cloud client answers', () => {
  it("calls the contract route's method and path, and passes a valid answer without unknown fields", async () => {
    next = { status: 200, body: JSON.stringify({ ...platform, refresh_token_enc: 'sealed', internal: 1 }) };
    const got = await client().getPlatform('plt/1');
    expect(seen.at(-1)).toEqual({ method: 'GET', url: '/v1/platforms/plt%2F1' });
    expect(got).toEqual(platform);
    next = { status: 204 };
    await expect(client().deletePlatform('plt_1')).resolves.toBeUndefined();
    expect(seen.at(-1)).toEqual({ method: 'DELETE', url: '/v1/platforms/plt_1' });
    next = { status: 200, body: JSON.stringify({ cursor: '0', authorizations: [] }) };
    await client().platformChanges('7', 25);
    expect(seen.at(-1)).toEqual({ method: 'GET', url: '/v1/platforms/changes?wait=25&since=7' });
  });

  const bad: [string, Answer][] = [
    ['a missing field', { status: 200, body: JSON.stringify({ ...platform, name: undefined }) }],
    ['a field of the wrong type', { status: 200, body: JSON.stringify({ ...platform, status: 42 }) }],
    ['an unknown status', { status: 200, body: JSON.stringify({ ...platform, status: 'maybe' }) }],
    ['control characters in a name', { status: 200, body: JSON.stringify({ ...platform, name: 'Amazon\u001b[2J' }) }],
    ['an HTML page with status 200', { status: 200, body: '<html>proxy login</html>', type: 'text/html' }],
    ['JSON that is not an object', { status: 200, body: '[1,2,3]' }],
    ['an empty body', { status: 200, body: '' }],
    [
      'an error body with an unknown code',
      { status: 400, body: JSON.stringify({ error: { code: 'NO_SUCH_CODE', message: 'x' } }) },
    ],
  ];
  it.each(bad)('%s is CLOUD_ERROR', async (_, answer) => {
    next = answer;
    expect(await codeOf(client().getPlatform('plt_1'))).toBe('CLOUD_ERROR');
  });

  it("passes the cloud's own error code through", async () => {
    next = { status: 404, body: JSON.stringify({ error: { code: 'PLATFORM_NOT_FOUND', message: 'No platform.' } }) };
    expect(await codeOf(client().getPlatform('plt_1'))).toBe('PLATFORM_NOT_FOUND');
  });
});

describe('a Cloud-URL that is not our cloud (issue 24)', () => {
  // A web server at the address: 404 for everything, or its start page for any path.
  const other = (answer: Answer) =>
    http.createServer((req, res) => {
      req.resume();
      res.writeHead(answer.status, { 'content-type': answer.type ?? 'text/html' }).end(answer.body);
    });
  const cases: [string, Answer][] = [
    ['404 without our error body', { status: 404, body: '<h1>Not Found</h1>' }],
    ['405 without our error body', { status: 405, body: '' }],
    ['a page with status 200 instead of a token', { status: 200, body: '<html>Willkommen</html>' }],
  ];
  it.each(cases)('%s is NOT_A_CLOUD naming the URL, not "try again later"', async (_, answer) => {
    const s = other(answer);
    await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
    try {
      const at = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
      const error = await CloudClient.test({ url: at, clientId: 'c', clientSecret: 's' }).then(
        () => undefined,
        (e: unknown) => e as CodedError,
      );
      expect(error).toBeInstanceOf(CodedError);
      expect(error).toMatchObject({ code: 'NOT_A_CLOUD', params: { url: at } });
    } finally {
      await new Promise<void>((resolve) => s.close(() => resolve()));
    }
  });

  it('a 404 without our body behind a valid token is NOT_A_CLOUD too', async () => {
    next = { status: 404, body: 'Not Found', type: 'text/plain' };
    expect(await codeOf(client().getPlatform('plt_1'))).toBe('NOT_A_CLOUD');
  });
});

// Every error leaves the cloud as {"error":{"code","message"}} with a stable code, including the ones
// Fastify and Node's HTTP parser raise before a route runs (issue 9).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../shared/cloud-api';
import { startCloud, type RunningCloud } from './start-cloud';
import { TestCloudHttp, testConfig } from './testing/stack';
import { rawRequest } from './testing/raw-http';

let cloud: RunningCloud;
let client: TestCloudHttp;
let bearer: string;

beforeAll(async () => {
  cloud = await startCloud({ port: 0, config: testConfig('http://127.0.0.1:9') });
  client = new TestCloudHttp(cloud.url, await cloud.createTenant('Fehlerform GmbH'));
  bearer = await client.accessToken();
});
afterAll(async () => cloud?.close());

const req = (head: string, body = '') =>
  `${head}\r\nHost: localhost\r\nConnection: close\r\n${body ? `Content-Length: ${Buffer.byteLength(body)}\r\n` : ''}\r\n${body}`;
const auth = () => `Authorization: Bearer ${bearer}`;

describe('error shape', () => {
  const cases: [string, () => string, number, string][] = [
    ['FST_ERR_BAD_URL', () => req('GET /v1/platforms/%zz HTTP/1.1'), 400, 'INVALID_REQUEST'],
    ['FST_ERR_BAD_URL on an unknown path', () => req('GET /%E0%A4%A HTTP/1.1'), 400, 'INVALID_REQUEST'],
    [
      'FST_ERR_MAX_PARAM_LENGTH',
      () => req(`GET /v1/platforms/${'p'.repeat(201)} HTTP/1.1\r\n${auth()}`),
      414,
      'INVALID_REQUEST',
    ],
    ['route not found', () => req('GET /v2/nothing HTTP/1.1'), 404, 'NOT_FOUND'],
    [
      'method not routed (Fastify answers 404, not 405)',
      () => req(`PUT /v1/platforms HTTP/1.1\r\n${auth()}`),
      404,
      'NOT_FOUND',
    ],
    ['method unknown to the HTTP parser', () => req('BREW /v1/platforms HTTP/1.1'), 400, 'INVALID_REQUEST'],
    ['request line that is no URL', () => req('GET http://[ HTTP/1.1'), 400, 'INVALID_REQUEST'],
    [
      'header block too large',
      () => req(`GET /v1/whoami HTTP/1.1\r\nX-Big: ${'a'.repeat(20_000)}`),
      431,
      'PAYLOAD_TOO_LARGE',
    ],
    [
      'invalid Content-Length',
      () =>
        `POST /v1/platforms HTTP/1.1\r\nHost: localhost\r\n${auth()}\r\nContent-Type: application/json\r\nContent-Length: abc\r\n\r\n{}`,
      400,
      'INVALID_REQUEST',
    ],
    [
      'malformed JSON',
      () => req(`POST /v1/platforms HTTP/1.1\r\n${auth()}\r\nContent-Type: application/json`, '{"type":'),
      400,
      'INVALID_REQUEST',
    ],
    [
      'empty JSON body',
      () =>
        `POST /v1/platforms HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n${auth()}\r\nContent-Type: application/json\r\nContent-Length: 0\r\n\r\n`,
      400,
      'INVALID_REQUEST',
    ],
    [
      'body too large',
      () =>
        req(
          `POST /v1/platforms HTTP/1.1\r\n${auth()}\r\nContent-Type: application/json`,
          `{"name":"${'x'.repeat(20_000)}"}`,
        ),
      413,
      'PAYLOAD_TOO_LARGE',
    ],
    [
      'content type not accepted',
      () => req(`POST /v1/platforms HTTP/1.1\r\n${auth()}\r\nContent-Type: application/xml`, '<x/>'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'form body with an unknown charset',
      () =>
        req(
          'POST /oauth/token HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded; charset=latin7',
          'grant_type=x',
        ),
      400,
      'UNSUPPORTED_GRANT_TYPE',
    ],
    ['unauthenticated', () => req('GET /v1/whoami HTTP/1.1'), 401, 'UNAUTHORIZED'],
  ];
  it.each(cases)('%s', async (_label, request, status, code) => {
    const res = await rawRequest(cloud.url, request());
    expect(res.status).toBe(status);
    expect(errorBodySchema.strict().safeParse(res.body).success, JSON.stringify(res.body)).toBe(true);
    expect(res.body.error.code).toBe(code);
    expect(res.headers).toMatch(/content-type: application\/json/i);
  });
});

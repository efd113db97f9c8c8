// Issue 9 fuzzer: every route of the cloud (taken from Fastify's route table, so a new route is fuzzed
// without touching this file) with hostile paths, queries, headers and bodies → no 5xx, and every
// error in the documented shape. Seeded and bounded; prints its count.
import { afterAll, beforeAll, expect, it } from 'vitest';
import fc from 'fast-check';
import { AMAZON_LOGIN_PATH, AMAZON_START_PATH, errorBodySchema } from '../shared/cloud-api';
import { startCloud, type RunningCloud } from './start-cloud';
import { TestCloudHttp, testConfig } from './testing/stack';
import { body, contentType, headerValue, nastyEncoded } from './testing/fuzz-inputs';

const RUNS_PER_ROUTE = 80;
const SEED = 9_009;

let cloud: RunningCloud;
let own: TestCloudHttp;
let known: {
  platformId: string;
  otherPlatformId: string;
  authorizationId: string;
  bearer: string;
  otherBearer: string;
};

beforeAll(async () => {
  // The sandbox origin is never reached: no platform here is authenticated. Limits out of the way.
  cloud = await startCloud({
    port: 0,
    config: testConfig('http://127.0.0.1:9', {
      rateLimitPerMinute: 1_000_000,
      tokenFailuresPerClientPerMinute: 1_000_000,
      tokenFailuresPerAddressPerMinute: 1_000_000,
    }),
  });
  own = new TestCloudHttp(cloud.url, await cloud.createTenant('Fuzz GmbH'));
  const other = new TestCloudHttp(cloud.url, await cloud.createTenant('Andere GmbH'));
  const platformId = (await own.createPlatform('Amazon Fuzz')).body.id as string;
  const authorizationId = (await own.startAuthorization(platformId)).body.id as string;
  // Not pending: a status call with ?wait answers at once instead of holding the fuzzer.
  await own.raw('POST', `/v1/authorizations/${authorizationId}/cancel`);
  known = {
    platformId,
    otherPlatformId: (await other.createPlatform('Amazon Fremd')).body.id as string,
    authorizationId,
    bearer: await own.accessToken(),
    otherBearer: await other.accessToken(),
  };
});
afterAll(async () => cloud?.close());

const segment = () =>
  fc.oneof(fc.constant(known.platformId), fc.constant(known.otherPlatformId), fc.constant(known.authorizationId), {
    weight: 4,
    arbitrary: nastyEncoded,
  });

const request = (method: string) =>
  fc.record({
    method: fc.oneof(
      { weight: 9, arbitrary: fc.constant(method) },
      { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS') },
    ),
    params: fc.array(segment(), { minLength: 3, maxLength: 3 }),
    query: fc.array(
      fc.tuple(
        fc.oneof(fc.constantFrom('wait', 'state', 'mode', 'id'), nastyEncoded),
        fc.oneof(fc.integer({ min: -5, max: 40 }).map(String), nastyEncoded),
      ),
      { maxLength: 4 },
    ),
    authorization: fc.oneof(
      fc.constant(undefined),
      { weight: 5, arbitrary: fc.constant(`Bearer ${known.bearer}`) },
      fc.constant(`Bearer ${known.otherBearer}`),
      headerValue.map((v) => `Bearer ${v}`),
      fc.string({ unit: 'binary', maxLength: 40 }).map((v) => `Basic ${Buffer.from(v).toString('base64')}`),
    ),
    contentType: fc.oneof({ weight: 3, arbitrary: fc.constant('application/json') }, contentType),
    idempotencyKey: fc.option(headerValue, { nil: undefined }),
    body,
  });

it('every route with bad bodies, queries, paths and headers: 0 5xx, every error in the documented shape', async () => {
  const routes = cloud.routes.filter((r) => r.method !== 'HEAD');
  expect(routes.length).toBeGreaterThanOrEqual(10);
  let sent = 0;
  const statuses: Record<number, number> = {};
  for (const route of routes) {
    await fc.assert(
      fc.asyncProperty(request(route.method), async (r) => {
        let i = 0;
        const path = route.url.replace(/:[A-Za-z]+/g, () => r.params[i++ % 3]!);
        const query = r.query.map(([k, v]) => `${k}=${v}`).join('&');
        const headers: Record<string, string> = {};
        if (r.authorization !== undefined) headers.authorization = r.authorization;
        if (r.contentType !== undefined) headers['content-type'] = r.contentType;
        if (r.idempotencyKey !== undefined) headers['idempotency-key'] = r.idempotencyKey;
        const sendsBody = r.body !== undefined && r.method !== 'GET';
        const res = await fetch(`${cloud.url}${path}${query ? `?${query}` : ''}`, {
          method: r.method,
          headers,
          body: sendsBody ? r.body : undefined,
        });
        const text = await res.text();
        sent++;
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        expect(res.status, `${r.method} ${path} → ${text}`).toBeLessThan(500);
        if (
          res.status >= 400 &&
          res.headers.get('content-type')?.startsWith('text/html') &&
          route.url === AMAZON_LOGIN_PATH
        ) {
          // The Login URI is a page for the seller's browser: its documented shape is an HTML page with a stable reason.
          expect(text, text).toMatch(
            /data-page="login-uri" data-reason="(bad_request|unknown_seller|ambiguous_seller|code_invalid|region_mismatch)"/,
          );
        } else if (
          res.status >= 400 &&
          res.headers.get('content-type')?.startsWith('text/html') &&
          route.url === `${AMAZON_START_PATH}/:id`
        ) {
          // The start link is opened by the seller's browser too: an HTML page with a stable reason.
          expect(text, text).toMatch(/data-page="login-uri" data-reason="(bad_request|sign_in_over)"/);
        } else if (res.status >= 400)
          expect(errorBodySchema.strict().safeParse(JSON.parse(text)).success, text).toBe(true);
      }),
      { seed: SEED + routes.indexOf(route), numRuns: RUNS_PER_ROUTE, endOnFailure: true },
    );
  }
  console.log(
    `route fuzzer: ${sent} requests over ${routes.length} routes, 0 5xx; statuses ${JSON.stringify(statuses)}`,
  );
  // The cloud still answers.
  expect((await own.raw('GET', '/v1/whoami')).status).toBe(200);
}, 120_000);

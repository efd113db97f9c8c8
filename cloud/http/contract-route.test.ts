// The contract's schemas at work on a route (unit test of contract-route.ts with the cloud's error
// handler): an answer is serialised by its status code's schema, so a field outside the contract never
// leaves the cloud and a malformed answer is a 500 in our error shape; a request part that does not
// match is 400 INVALID_REQUEST naming the part and field.
import Fastify, { type FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOUD_ROUTES } from '../../shared/cloud-api-routes';
import { contractRoute, installContractSchemas } from './contract-route';
import { installErrorHandlers } from './error-handler';

const platform = {
  id: 'plt_1',
  type: 'amazon' as const,
  name: 'Amazon DE',
  region: 'EU' as const,
  countryCode: 'DE',
  status: 'authenticated' as const,
  createdAt: '2026-01-01T00:00:00.000Z',
};
let answer: unknown = platform;
let app: FastifyInstance;

beforeAll(async () => {
  app = Fastify();
  installErrorHandlers(app);
  installContractSchemas(app);
  app
    .withTypeProvider<ZodTypeProvider>()
    .route({ ...contractRoute(CLOUD_ROUTES.getPlatform), handler: async () => answer as typeof platform });
  await app.ready();
});
afterAll(() => app.close());

describe('contract routes', () => {
  it('strips fields the answer schema does not name (a sealed token, a row column)', async () => {
    answer = { ...platform, refresh_token_enc: 'sealed', tenant_id: 'ten_1' };
    const res = await app.inject({ method: 'GET', url: '/v1/platforms/plt_1' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(platform);
  });

  it('answers a malformed answer with 500 INTERNAL_ERROR in the error shape', async () => {
    answer = { ...platform, status: 'maybe' };
    const res = await app.inject({ method: 'GET', url: '/v1/platforms/plt_1' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { code: 'INTERNAL_ERROR', message: expect.any(String) } });
  });

  it('refuses a path parameter with a control character: 400 INVALID_REQUEST naming the part and field', async () => {
    answer = platform;
    const res = await app.inject({ method: 'GET', url: '/v1/platforms/plt%071' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: { code: 'INVALID_REQUEST', message: expect.stringMatching(/^Invalid params: id: .*control characters/) },
    });
  });
});

describe('the OpenAPI document', () => {
  it('is made on its first request, not at start, and lists the routes with their schemas', async () => {
    // At start, no @fastify/swagger: the instance has no `swagger` decorator.
    expect(app.hasDecorator('swagger')).toBe(false);
    const first = await app.inject({ method: 'GET', url: '/openapi.json' });
    expect(first.statusCode).toBe(200);
    const doc = first.json() as { openapi: string; paths: Record<string, Record<string, { summary?: string }>> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(['/v1/platforms/{id}']);
    expect(doc.paths['/v1/platforms/{id}']!.get!.summary).toBe(CLOUD_ROUTES.getPlatform.summary);
    expect((await app.inject({ method: 'GET', url: '/openapi.json' })).body).toBe(first.body);
    // The routes still answer as before.
    answer = platform;
    expect((await app.inject({ method: 'GET', url: '/v1/platforms/plt_1' })).statusCode).toBe(200);
  });
});

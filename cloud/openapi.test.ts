// GET /openapi.json: the document @fastify/swagger generates from the routes' zod schemas
// (shared/cloud-api-routes.ts, cloud/ops/ops-api.ts). Every registered route is in it, and every route carries its
// request parts and its answers per status code, so the document cannot fall behind the code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOUD_ROUTES } from '../shared/cloud-api-routes';
import { OPS_ROUTES } from './ops/ops-api';
import { startStack, type Stack } from './testing/stack';

interface Operation {
  summary?: string;
  parameters?: { in: string; name: string; required?: boolean; schema?: unknown }[];
  requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown>; required?: string[] } }> };
  responses: Record<string, { content?: Record<string, { schema: { properties?: Record<string, unknown> } }> }>;
}
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
}

const openApiPath = (fastifyPath: string) => fastifyPath.replace(/:([a-zA-Z]+)/g, '{$1}');

let stack: Stack;
let doc: OpenApiDocument;
beforeAll(async () => {
  stack = await startStack();
  const res = await fetch(`${stack.cloud.url}/openapi.json`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('application/json');
  doc = (await res.json()) as OpenApiDocument;
}, 60_000);
afterAll(() => stack?.close());

describe('GET /openapi.json', () => {
  it('is an OpenAPI 3 document listing every route the cloud registered', () => {
    expect(doc.openapi).toMatch(/^3\./);
    const registered = stack.cloud.routes.filter((r) => r.method !== 'HEAD' && r.url !== '/openapi.json');
    expect(registered.length).toBe(Object.keys(CLOUD_ROUTES).length + Object.keys(OPS_ROUTES).length);
    const missing = registered.filter((r) => !doc.paths[openApiPath(r.url)]?.[r.method.toLowerCase()]);
    expect(missing).toEqual([]);
  });

  it("carries each contract route's request parts and its answers per status code", () => {
    for (const [name, route] of Object.entries({ ...CLOUD_ROUTES, ...OPS_ROUTES })) {
      const op = doc.paths[openApiPath(route.path)]?.[route.method.toLowerCase()];
      expect(op, name).toBeDefined();
      expect(op!.summary, name).toBe(route.summary);
      const schema = route.schema as Record<string, unknown> & { response: Record<string, unknown> };
      const where = (part: string) => (op!.parameters ?? []).filter((p) => p.in === part).map((p) => p.name);
      if (schema.params)
        expect(where('path'), name).toEqual([...route.path.matchAll(/:([a-zA-Z]+)/g)].map((m) => m[1]));
      if (schema.querystring) expect(where('query').length, name).toBeGreaterThan(0);
      if (schema.headers) expect(where('header'), name).toContain('idempotency-key');
      if (schema.body) expect(Object.keys(op!.requestBody?.content ?? {}).length, name).toBeGreaterThan(0);
      for (const status of Object.keys(schema.response)) {
        const answer = op!.responses[status.toUpperCase()];
        expect(answer, `${name} ${status}`).toBeDefined();
        if (status !== '204') expect(answer!.content?.['application/json']?.schema, `${name} ${status}`).toBeDefined();
      }
    }
  });

  it('describes the fields, e.g. the platform a POST registers and the error shape', () => {
    const create = doc.paths['/v1/platforms']!.post!;
    const body = create.requestBody!.content['application/json']!.schema;
    expect(body.required).toEqual(expect.arrayContaining(['type', 'name', 'region', 'countryCode']));
    expect(Object.keys(create.responses['201']!.content!['application/json']!.schema.properties ?? {})).toEqual(
      expect.arrayContaining(['id', 'name', 'status', 'region']),
    );
    // A stored secret is no field of the answer, so serialisation strips it if code ever passed one.
    expect(Object.keys(create.responses['201']!.content!['application/json']!.schema.properties ?? {})).not.toContain(
      'refresh_token_enc',
    );
    const error = create.responses['4XX'];
    expect(Object.keys(error!.content!['application/json']!.schema.properties ?? {})).toEqual(['error']);
  });
});

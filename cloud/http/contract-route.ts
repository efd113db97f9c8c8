// Turns an entry of shared/cloud-api-routes.ts into Fastify route options: the method, the URL below
// the plugin's prefix, and the zod schemas that Fastify's type provider validates the request with,
// serialises the answer with (unknown fields are stripped) and @fastify/swagger documents.
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import type { CloudRoute, CloudRouteSchemas } from '../../shared/cloud-api-routes';
import { rememberingValidatorCompiler } from './remembered-validator';

const SWAGGER_OPTIONS = {
  openapi: {
    info: {
      title: 'Amazon cloud relay',
      version: '1',
      description: "The tenant API the desktop calls, Amazon's redirect targets, and the operator's routes.",
    },
    components: { securitySchemes: { bearer: { type: 'http' as const, scheme: 'bearer' } } },
  },
  transform: jsonSchemaTransform,
};

/**
 * The OpenAPI document of these routes, made by @fastify/swagger in a Fastify instance of its own that
 * gets the same routes (method, URL, schema), none of which it runs. Loaded on the first request for
 * it, not at start: @fastify/swagger and its YAML module were 1.1 MB of every instance's heap (issue 26).
 */
async function openApiDocument(routes: RouteOptions[]): Promise<unknown> {
  const { default: swagger } = await import('@fastify/swagger');
  const documenting = Fastify();
  try {
    documenting.setValidatorCompiler(() => () => true);
    documenting.setSerializerCompiler(() => (data) => JSON.stringify(data));
    await documenting.register(swagger, SWAGGER_OPTIONS);
    const handler = () => undefined;
    for (const { method, url, schema } of routes)
      documenting.route({ method, url, handler, exposeHeadRoute: false, ...(schema ? { schema } : {}) });
    await documenting.ready();
    return documenting.swagger();
  } finally {
    await documenting.close();
  }
}

/**
 * Before any route: zod validates requests and serialises answers (a mismatching answer is a 500, never
 * a leak), and every route goes into the document served at GET /openapi.json.
 */
export function installContractSchemas(app: FastifyInstance): void {
  // zod's parse, with the path parameters and queries it accepted remembered (remembered-validator.ts).
  app.setValidatorCompiler(rememberingValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // As @fastify/swagger collects them (HEAD routes are left out of the document).
  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => {
    if (route.method !== 'HEAD') routes.push(route);
  });
  let document: Promise<unknown> | undefined;
  app.get('/openapi.json', { schema: { hide: true } }, () => {
    document ??= openApiDocument(routes);
    // A failed build is tried again on the next request.
    document.catch(() => (document = undefined));
    return document;
  });
}

export function contractRoute<S extends CloudRouteSchemas>(route: CloudRoute<S>, prefix = '') {
  if (!route.path.startsWith(prefix)) throw new Error(`${route.path} is not below ${prefix}`);
  return {
    method: route.method,
    url: route.path.slice(prefix.length) || '/',
    schema: { ...route.schema, summary: route.summary },
  };
}

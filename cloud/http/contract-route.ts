// Turns an entry of shared/cloud-api-routes.ts into Fastify route options: the method, the URL below
// the plugin's prefix, and the zod schemas that Fastify's type provider validates the request with,
// serialises the answer with (unknown fields are stripped) and @fastify/swagger documents.
import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import type { CloudRoute, CloudRouteSchemas } from '../../shared/cloud-api-routes';
import { rememberingValidatorCompiler } from './remembered-validator';

/**
 * Before any route: zod validates requests and serialises answers (a mismatching answer is a 500, never
 * a leak), and @fastify/swagger collects every route into the document served at GET /openapi.json.
 */
export async function installContractSchemas(app: FastifyInstance): Promise<void> {
  // zod's parse, with the path parameters and queries it accepted remembered (remembered-validator.ts).
  app.setValidatorCompiler(rememberingValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Amazon cloud relay',
        version: '1',
        description: "The tenant API the desktop calls, Amazon's redirect targets, and the operator's routes.",
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}

export function contractRoute<S extends CloudRouteSchemas>(route: CloudRoute<S>, prefix = '') {
  if (!route.path.startsWith(prefix)) throw new Error(`${route.path} is not below ${prefix}`);
  return {
    method: route.method,
    url: route.path.slice(prefix.length) || '/',
    schema: { ...route.schema, summary: route.summary },
  };
}

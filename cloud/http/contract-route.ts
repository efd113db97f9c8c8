// Turns an entry of shared/cloud-api-routes.ts into Fastify route options: the method, the URL below
// the plugin's prefix, and the zod schemas that Fastify's type provider validates the request with,
// serialises the answer with (unknown fields are stripped) and @fastify/swagger documents.
import type { CloudRoute, CloudRouteSchemas } from '../../shared/cloud-api-routes';

export function contractRoute<S extends CloudRouteSchemas>(route: CloudRoute<S>, prefix = '') {
  if (!route.path.startsWith(prefix)) throw new Error(`${route.path} is not below ${prefix}`);
  return {
    method: route.method,
    url: route.path.slice(prefix.length) || '/',
    schema: { ...route.schema, summary: route.summary },
  };
}

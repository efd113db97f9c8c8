// HTTP request count and latency by route pattern, method and status class (issue 22, item 8), in one
// histogram: `cloud_http_request_duration_seconds_count` is the request count. On the hot path (the
// status long-poll) the cost is one call from the server's own onSend hook (no hook of its own, no
// promise): the histogram's child for (route, method, class) is looked up in nested maps — no label
// object, no string built per request — and observed once. The time is until the answer is handed
// to Node (serialised), which is what the cloud controls.
// Labels stay bounded: the route pattern Fastify matched (never the URL, so no ids), `unmatched`
// for 404s without a route, Node's fixed set of methods, and 1xx–5xx.
import client from 'prom-client';
import type { FastifyReply, FastifyRequest } from 'fastify';

const STATUS_CLASSES = ['1xx', '2xx', '3xx', '4xx', '5xx'] as const;

/** Returns what the server's onSend hook calls for every answer. */
export function createHttpMetrics(registry: client.Registry): (request: FastifyRequest, reply: FastifyReply) => void {
  const histogram = new client.Histogram({
    name: 'cloud_http_request_duration_seconds',
    help: 'HTTP requests by route pattern, method and status class; long-polls include their wait (up to 30 s)',
    labelNames: ['route', 'method', 'status_class'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  type Child = client.Histogram.Internal<'route' | 'method' | 'status_class'>;
  const children = new Map<string, Map<string, Child[]>>();
  const child = (route: string, method: string, statusClass: number): Child => {
    let byMethod = children.get(route);
    if (!byMethod) children.set(route, (byMethod = new Map()));
    let byClass = byMethod.get(method);
    if (!byClass) byMethod.set(method, (byClass = []));
    return (byClass[statusClass] ??= histogram.labels(route, method, STATUS_CLASSES[statusClass - 1] ?? '5xx'));
  };
  return (request, reply) => {
    const statusClass = Math.min(5, Math.max(1, Math.floor(reply.statusCode / 100)));
    child(request.routeOptions.url ?? 'unmatched', request.method, statusClass).observe(reply.elapsedTime / 1000);
  };
}

// The HTTP histogram (http-metrics.ts) renders exactly what prom-client's Histogram renders for the
// same observations — text exposition and JSON — so dashboards and the tests reading /metrics see no
// difference; and it observes through the server's onSend call.
import client from 'prom-client';
import { describe, expect, it } from 'vitest';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FastHistogram, HTTP_DURATION_BUCKETS, createHttpMetrics } from './http-metrics';

const NAME = 'cloud_http_request_duration_seconds';
const HELP = 'HTTP requests';
const OBSERVATIONS: Array<[string, string, string, number]> = [
  ['/v1/authorizations/:id', 'GET', '2xx', 0.0004],
  ['/v1/authorizations/:id', 'GET', '2xx', 0.005],
  ['/v1/authorizations/:id', 'GET', '2xx', 25.2],
  ['unmatched', 'GET', '4xx', 0.0123],
  ['/v1/authorizations/:id', 'GET', '2xx', 31],
  ['/oauth/token', 'POST', '5xx', 0.3],
  ['unmatched', 'GET', '4xx', 0.01],
];

describe('HTTP request histogram', () => {
  it('renders the same exposition as prom-client’s Histogram for the same observations', async () => {
    const theirs = new client.Registry();
    const reference = new client.Histogram({
      name: NAME,
      help: HELP,
      labelNames: ['route', 'method', 'status_class'],
      buckets: HTTP_DURATION_BUCKETS,
      registers: [theirs],
    });
    const ours = new client.Registry();
    const fast = new FastHistogram(NAME, HELP, HTTP_DURATION_BUCKETS, ours);
    const series = new Map<string, (v: number) => void>();
    for (const [route, method, statusClass, seconds] of OBSERVATIONS) {
      reference.labels(route, method, statusClass).observe(seconds);
      const key = `${route} ${method} ${statusClass}`;
      if (!series.has(key)) series.set(key, fast.seriesFor({ route, method, status_class: statusClass }));
      series.get(key)!(seconds);
    }
    expect(await ours.metrics()).toBe(await theirs.metrics());
    expect(await ours.getMetricsAsJSON()).toEqual(await theirs.getMetricsAsJSON());
    expect(await ours.metrics()).toContain(
      `${NAME}_bucket{le="+Inf",route="/v1/authorizations/:id",method="GET",status_class="2xx"} 4\n`,
    );
    reference.reset();
    fast.reset();
    for (const r of [ours, theirs]) expect(await r.metrics()).not.toContain('route="/oauth/token",method="POST"} 1');
  });

  it('counts an answer by route pattern, method and status class', async () => {
    const registry = new client.Registry();
    const observe = createHttpMetrics(registry);
    const answer = (url: string | undefined, statusCode: number) =>
      observe(
        { routeOptions: { url }, method: 'GET' } as unknown as FastifyRequest,
        { statusCode, elapsedTime: 2 } as unknown as FastifyReply,
      );
    answer('/v1/authorizations/:id', 200);
    answer('/v1/authorizations/:id', 200);
    answer(undefined, 404);
    const text = await registry.metrics();
    expect(text).toContain(`${NAME}_count{route="/v1/authorizations/:id",method="GET",status_class="2xx"} 2\n`);
    expect(text).toContain(`${NAME}_bucket{le="0.005",route="unmatched",method="GET",status_class="4xx"} 1\n`);
    expect(text).toContain(`${NAME}_sum{route="unmatched",method="GET",status_class="4xx"} 0.002\n`);
  });
});

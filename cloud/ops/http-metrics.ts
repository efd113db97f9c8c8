// HTTP request count and latency by route pattern, method and status class (issue 22, item 8), in one
// histogram: `cloud_http_request_duration_seconds_count` is the request count. On the hot path (the
// status long-poll) the cost is one call from the server's own onSend hook (no hook of its own, no
// promise): the series for (route, method, class) is looked up in nested maps — no label object, no
// string built per request — and observed by adding to its counts. The time is until the answer is
// handed to Node (serialised), which is what the cloud controls.
// Not prom-client's Histogram: its `observe` builds a label hash string and checks the labels on every
// call (~5 µs per status call under load, issue 26). This one is registered in the same registry and
// renders the same exposition (http-metrics.test.ts compares it with prom-client's for the same values).
// Labels stay bounded: the route pattern Fastify matched (never the URL, so no ids), `unmatched`
// for 404s without a route, Node's fixed set of methods, and 1xx–5xx.
import type client from 'prom-client';
import type { FastifyReply, FastifyRequest } from 'fastify';

const STATUS_CLASSES = ['1xx', '2xx', '3xx', '4xx', '5xx'] as const;
export const HTTP_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

interface Series {
  labels: Record<string, string>;
  /** Observations per bucket (not cumulative), the last one above every bound. */
  counts: number[];
  sum: number;
  count: number;
}

interface Sample {
  metricName: string;
  labels: Record<string, string | number>;
  sharedLabels: Record<string, string>;
  value: number;
  /** As prom-client's: null on buckets, undefined on sum and count (no exemplars here). */
  exemplar: null | undefined;
}

/** A histogram with fixed label names, in prom-client's shape for a registry (`get`, `getForPromString`). */
export class FastHistogram {
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  private readonly all: Series[] = [];

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly bounds: number[],
    registry: client.Registry,
  ) {
    registry.registerMetric(this as unknown as client.Metric);
  }

  /** A new series for these label values (keep it: looking it up again is the caller's business). */
  seriesFor(labels: Record<string, string>): (value: number) => void {
    const s: Series = { labels, counts: new Array<number>(this.bounds.length + 1).fill(0), sum: 0, count: 0 };
    this.all.push(s);
    const bounds = this.bounds;
    return (value) => {
      if (!Number.isFinite(value)) return;
      let i = 0;
      while (i < bounds.length && value > bounds[i]!) i++;
      s.counts[i]!++;
      s.sum += value;
      s.count++;
    };
  }

  reset(): void {
    for (const s of this.all) {
      s.counts.fill(0);
      s.sum = 0;
      s.count = 0;
    }
  }

  getForPromString() {
    const values: Sample[] = [];
    const bucket = `${this.name}_bucket`;
    for (const s of this.all) {
      let acc = 0;
      this.bounds.forEach((le, i) => {
        acc += s.counts[i]!;
        values.push({ metricName: bucket, labels: { le }, sharedLabels: s.labels, value: acc, exemplar: null });
      });
      const shared = { sharedLabels: s.labels, exemplar: undefined };
      values.push({ metricName: bucket, labels: { le: '+Inf' }, value: s.count, ...shared, exemplar: null });
      values.push({ metricName: `${this.name}_sum`, labels: {}, value: s.sum, ...shared });
      values.push({ metricName: `${this.name}_count`, labels: {}, value: s.count, ...shared });
    }
    return { name: this.name, help: this.help, type: this.type, values, aggregator: this.aggregator };
  }

  get() {
    const data = this.getForPromString();
    return {
      ...data,
      values: data.values.map(({ sharedLabels, labels, ...rest }) => ({
        ...rest,
        labels: { ...labels, ...sharedLabels },
      })),
    };
  }
}

/** Returns what the server's onSend hook calls for every answer. */
export function createHttpMetrics(registry: client.Registry): (request: FastifyRequest, reply: FastifyReply) => void {
  const histogram = new FastHistogram(
    'cloud_http_request_duration_seconds',
    'HTTP requests by route pattern, method and status class; long-polls include their wait (up to 30 s)',
    HTTP_DURATION_BUCKETS,
    registry,
  );
  type Observe = (seconds: number) => void;
  const children = new Map<string, Map<string, Observe[]>>();
  const child = (route: string, method: string, statusClass: number): Observe => {
    let byMethod = children.get(route);
    if (!byMethod) children.set(route, (byMethod = new Map()));
    let byClass = byMethod.get(method);
    if (!byClass) byMethod.set(method, (byClass = []));
    return (byClass[statusClass] ??= histogram.seriesFor({
      route,
      method,
      status_class: STATUS_CLASSES[statusClass - 1] ?? '5xx',
    }));
  };
  return (request, reply) => {
    const statusClass = Math.min(5, Math.max(1, Math.floor(reply.statusCode / 100)));
    child(request.routeOptions.url ?? 'unmatched', request.method, statusClass)(reply.elapsedTime / 1000);
  };
}

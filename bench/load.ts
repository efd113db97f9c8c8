// A small closed-loop load generator on undici keep-alive pools: `connections` workers, each sending
// the next request as soon as the last one is answered, for a fixed time after a warm-up.
import { Pool } from 'undici';
import { now } from './stack';
import { percentile, round } from './stats';

export interface LoadResult {
  requestsPerSecond: number;
  requests: number;
  errors: number;
  non2xx: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
}

export async function closedLoop(
  origin: string,
  path: string,
  headers: Record<string, string>,
  opts: { connections: number; durationMs: number; warmupMs: number },
): Promise<LoadResult> {
  const pool = new Pool(origin, { connections: opts.connections, pipelining: 1 });
  const start = now();
  const measureFrom = start + opts.warmupMs;
  const end = measureFrom + opts.durationMs;
  let requests = 0;
  let errors = 0;
  let non2xx = 0;
  const latencies: number[] = [];
  const worker = async () => {
    // Bounded by the deadline.
    while (now() < end) {
      const t = now();
      try {
        const res = await pool.request({ method: 'GET', path, headers });
        await res.body.text();
        const done = now();
        if (t >= measureFrom && done <= end) {
          requests++;
          if (res.statusCode >= 300) non2xx++;
          if (latencies.length < 200_000) latencies.push(done - t);
        }
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: opts.connections }, worker));
  await pool.close();
  return {
    requestsPerSecond: Math.round(requests / (opts.durationMs / 1000)),
    requests,
    errors,
    non2xx,
    latencyP50Ms: round(percentile(latencies, 50), 2),
    latencyP99Ms: round(percentile(latencies, 99), 2),
  };
}

/** Runs `fn` over `items` with at most `limit` at once. */
export async function mapLimit<T, R>(
  items: T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * Starts `n` requests through `pool`, each on a new connection, with at most `window` connections not
 * yet established at any time. Opening thousands at once overflows the server's listen backlog (511):
 * the dropped SYNs are retried after 1, 3, 7 … s, which made the ramp-up of a loaded machine take longer
 * than the long-poll's 30 s. Paced, every connection is taken at the rate the server accepts them.
 */
/** Connections being opened at once by the capacity benches: half the server's default listen backlog. */
export const CONNECTING_WINDOW = 256;

export async function startPaced<T>(pool: Pool, n: number, window: number, start: (i: number) => T): Promise<T[]> {
  let settled = 0;
  let wake: (() => void) | undefined;
  const onSettled = () => {
    settled++;
    wake?.();
  };
  pool.on('connect', onSettled);
  pool.on('connectionError', onSettled);
  const out: T[] = [];
  try {
    for (let i = 0; i < n; i++) {
      // Bounded: a missed event costs at most 50 ms.
      while (i - settled >= window) await new Promise<void>((resolve) => setTimeout((wake = resolve), 50));
      out.push(start(i));
    }
  } finally {
    pool.off('connect', onSettled);
    pool.off('connectionError', onSettled);
  }
  return out;
}

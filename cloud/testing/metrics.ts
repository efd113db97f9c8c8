// A running cloud's own figures from /metrics (Prometheus text), for tests that must know that
// something happened inside the cloud: a long-poll registered, an upstream call timed out.
import { setTimeout as sleep } from 'node:timers/promises';

interface MetricsSource {
  url: string;
  adminToken: string;
}

/** One sample's value, 0 when the series has none yet; labels must match exactly (prom-client's order). */
export async function metric(cloud: MetricsSource, name: string, labels: Record<string, string> = {}): Promise<number> {
  const res = await fetch(`${cloud.url}/metrics`, { headers: { authorization: `Bearer ${cloud.adminToken}` } });
  if (res.status !== 200) throw new Error(`/metrics answered ${res.status}`);
  const series = Object.keys(labels).length
    ? `${name}{${Object.entries(labels)
        .map(([k, v]) => `${k}="${v}"`)
        .join(',')}}`
    : name;
  const line = (await res.text()).split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

/**
 * Tests that a change wakes a waiting long-poll must make the change only once the long-poll waits:
 * otherwise the GET may arrive after the change and answer at once, and the test passes without any
 * wake-up. The cloud's gauge says when it is registered.
 */
export const longPollsWaiting = (cloud: MetricsSource) => metric(cloud, 'cloud_longpolls_waiting');

/** Resolves once at least `count` long-polls wait (checked every 10 ms; the test's time-out bounds it). */
async function untilLongPollsWaiting(cloud: MetricsSource, count: number): Promise<void> {
  while ((await longPollsWaiting(cloud)) < count) await sleep(10);
}

/**
 * Starts a long-poll request on `cloud` and resolves once the cloud holds it (its gauge rose), so that
 * whatever the test changes next can only answer it by waking it. `answer` is the request's result.
 */
export async function heldLongPoll<T>(
  cloud: MetricsSource,
  request: () => Promise<T>,
): Promise<{ answer: Promise<T> }> {
  const before = await longPollsWaiting(cloud);
  const answer = request();
  await untilLongPollsWaiting(cloud, before + 1);
  return { answer };
}

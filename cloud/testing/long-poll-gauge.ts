// Tests that a change wakes a waiting long-poll must make the change only once the long-poll waits:
// otherwise the GET may arrive after the change and answer at once, and the test passes without any
// wake-up. The cloud's own gauge (/metrics, cloud_longpolls_waiting) says when it is registered.
import { setTimeout as sleep } from 'node:timers/promises';

interface MetricsSource {
  url: string;
  adminToken: string;
}

export async function longPollsWaiting(cloud: MetricsSource): Promise<number> {
  const res = await fetch(`${cloud.url}/metrics`, { headers: { authorization: `Bearer ${cloud.adminToken}` } });
  const match = /^cloud_longpolls_waiting (\d+)$/m.exec(await res.text());
  if (!match) throw new Error('cloud_longpolls_waiting missing from /metrics');
  return Number(match[1]);
}

/** Resolves once at least `count` long-polls wait (checked every 10 ms; the test's time-out bounds it). */
export async function untilLongPollsWaiting(cloud: MetricsSource, count: number): Promise<void> {
  while ((await longPollsWaiting(cloud)) < count) await sleep(10);
}

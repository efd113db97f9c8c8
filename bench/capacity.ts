// Cloud capacity: N clients waiting on the long-poll at once, the cloud child's RSS, and the time from
// the status changes until all N have their answer.
// N clients wait on N / CLIENTS_PER_AUTHORIZATION authorizations (several windows on one sign-in, which
// the notifier supports): every client still costs the cloud its own socket, request, timer,
// subscription and database reads, but the bench need not create 16,000 authorizations (the cloud
// makes ~200 a second). The status changes are cancels through the API (POST …/cancel): they publish on
// the same notifier as Amazon's callback, without a sign-in at the sandbox each.
import { Pool } from 'undici';
import { TestCloudHttp } from '../cloud/testing/stack';
import type { BenchStack } from './stack';
import { now } from './stack';
import { CONNECTING_WINDOW, mapLimit, startPaced } from './load';
import { round, sleep } from './stats';
import type { ChildStats } from './cloud-child';
import type { CloudChild } from './child';

const MB = 2 ** 20;
export const API_CONNECTIONS = 32;
export const CLIENTS_PER_AUTHORIZATION = 10;
/** The long-poll's hold time: the cloud's maximum, so the ramp-up has the most room. */
export const WAIT_SECONDS = 30;

export interface CapacityLevel {
  clients: number;
  /** RSS with the N authorizations stored but nobody waiting, and with all N waiting. */
  rssIdleMB: number;
  rssWaitingMB: number;
  heapUsedWaitingMB: number;
  externalWaitingMB: number;
  perClientKB: number;
  /** The most long-polls the cloud held at once (N when it took them all before the first timed out). */
  held: number;
  /** From the first long-poll sent until `held` were held. */
  setupMs: number;
  /** Long-polls the cloud took per second during the ramp-up. */
  acceptPerSecond: number;
  /** From the first cancel sent until the last waiting client has its answer. */
  wakeAllMs: number;
  answeredCorrectly: number;
  /** Every answer's status (`error` = no HTTP answer): what the ones not answered correctly said instead. */
  statuses: Record<string, number>;
}

const mb = (bytes: number) => round(bytes / MB, 1);
const countBy = (values: string[]) =>
  values.reduce<Record<string, number>>((out, v) => ({ ...out, [v]: (out[v] ?? 0) + 1 }), {});

/** Waits until the cloud holds `inFlight` requests and its CPU is idle, or the time is up. */
export async function settled(
  cloud: CloudChild,
  inFlight: number,
  timeoutMs: number,
): Promise<{ stats: ChildStats; at: number }> {
  const end = Date.now() + timeoutMs;
  let last = await cloud.stats();
  let best = { stats: last, at: now() };
  for (;;) {
    await sleep(200);
    const s = await cloud.stats();
    const busy = (s.cpuMicros - last.cpuMicros) / 200_000;
    last = s;
    const held = s.started - s.finished;
    if (held > best.stats.started - best.stats.finished || (held >= inFlight && busy < 0.1))
      best = { stats: s, at: now() };
    if (held >= inFlight && busy < 0.1) return best;
    if (Date.now() > end) return best;
  }
}

export async function createAuthorizations(
  api: Pool,
  auth: Record<string, string>,
  n: number,
  tag: string,
): Promise<string[]> {
  const headers = { ...auth, 'content-type': 'application/json' };
  return mapLimit(
    Array.from({ length: n }, (_, i) => i),
    API_CONNECTIONS,
    async (i) => {
      const p = await api.request({
        method: 'POST',
        path: '/v1/platforms',
        headers,
        body: JSON.stringify({ type: 'amazon', name: `${tag} ${i}`, region: 'EU', countryCode: 'DE' }),
      });
      const platform = (await p.body.json()) as { id: string };
      if (p.statusCode !== 201) throw new Error(`platform: ${p.statusCode} ${JSON.stringify(platform)}`);
      const a = await api.request({
        method: 'POST',
        path: `/v1/platforms/${platform.id}/authorizations`,
        headers,
        body: '{"mode":"login"}',
      });
      const body = (await a.body.json()) as { id: string };
      if (a.statusCode !== 201) throw new Error(`authorization: ${a.statusCode} ${JSON.stringify(body)}`);
      return body.id;
    },
  );
}

/** Cancels every authorization through the API (`connections` at a time): the change that wakes the waiters. */
export async function cancelAll(
  api: Pool,
  auth: Record<string, string>,
  ids: string[],
  connections = API_CONNECTIONS,
): Promise<void> {
  await mapLimit(ids, connections, async (id) => {
    const res = await api.request({
      method: 'POST',
      path: `/v1/authorizations/${id}/cancel`,
      headers: { ...auth, 'content-type': 'application/json' },
      body: '{}',
    });
    await res.body.text();
  });
}

export async function waitingClients(stack: BenchStack, levels: number[]): Promise<CapacityLevel[]> {
  const token = await new TestCloudHttp(stack.cloudUrl, stack.creds).accessToken();
  const auth = { authorization: `Bearer ${token}` };
  const api = new Pool(stack.cloudUrl, { connections: API_CONNECTIONS });
  const out: CapacityLevel[] = [];
  try {
    for (const n of levels) {
      const ids = await createAuthorizations(api, auth, Math.ceil(n / CLIENTS_PER_AUTHORIZATION), `Capacity ${n}`);
      await stack.cloud.gc();
      const idle = (await settled(stack.cloud, 0, 10_000)).stats;
      const base = idle.started - idle.finished;
      const waiters = new Pool(stack.cloudUrl, {
        connections: n,
        pipelining: 1,
        headersTimeout: 60_000,
        bodyTimeout: 60_000,
        connectTimeout: 30_000,
      });
      const t0 = now();
      // As fast as the cloud accepts the connections (paced, so the listen backlog does not overflow).
      const answers = await startPaced(waiters, n, CONNECTING_WINDOW, (j) =>
        waiters
          .request({
            method: 'GET',
            path: `/v1/authorizations/${ids[j % ids.length]!}?wait=${WAIT_SECONDS}`,
            headers: auth,
          })
          .then(
            async (res) => {
              const body = (await res.body.json()) as { status: string };
              return { at: now(), status: body.status };
            },
            () => ({ at: now(), status: 'error' }),
          ),
      );
      // Until the first long-polls would time out (with a margin for the cancels).
      const peak = await settled(stack.cloud, n + base, (WAIT_SECONDS - 4) * 1000 - (now() - t0));
      const waiting = peak.stats;
      const held = waiting.started - waiting.finished - base;
      const setupMs = peak.at - t0;
      if (process.env.BENCH_DIAG) console.error(JSON.stringify(await stack.cloud.diag()));
      const wakeStart = now();
      await cancelAll(api, auth, ids);
      const results = await Promise.all(answers);
      const wakeAllMs = Math.max(...results.map((r) => r.at)) - wakeStart;
      await waiters.close();
      out.push({
        clients: n,
        rssIdleMB: mb(idle.memory.rss),
        rssWaitingMB: mb(waiting.memory.rss),
        heapUsedWaitingMB: mb(waiting.memory.heapUsed),
        externalWaitingMB: mb(waiting.memory.external),
        perClientKB: round((waiting.memory.rss - idle.memory.rss) / Math.max(1, held) / 1024, 2),
        held,
        setupMs: Math.round(setupMs),
        acceptPerSecond: Math.round(held / (setupMs / 1000)),
        wakeAllMs: Math.round(wakeAllMs),
        answeredCorrectly: results.filter((r) => r.status === 'cancelled').length,
        statuses: countBy(results.map((r) => r.status)),
      });
    }
  } finally {
    await api.close();
  }
  return out;
}

// Scale-out: two cloud instances (each its own process) on one PostgreSQL server, N waiting clients
// spread evenly over both, and every client's authorization changed through the *other* instance, so
// each answer travels LISTEN/NOTIFY. Reports RSS per instance and the time from the first change until
// the last client has its answer. The clients run in two waiter processes (bench/waiter-child.ts), one
// per instance, because one process may not hold 20,000 sockets under the usual open-file limit.
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_CONNECTIONS, cancelAll, settled, WAIT_SECONDS } from './capacity';
import { startTwoClouds, tallyWaiters } from './two-clouds';
import { now } from './stack';
import { round } from './stats';
import type { WaiterConfig, WaitersDone } from './waiter-child';
import type { ChildStats } from './cloud-child';

const here = path.dirname(fileURLToPath(import.meta.url));
const MB = 2 ** 20;

interface ScaleOutInstance {
  clients: number;
  held: number;
  rssIdleMB: number;
  rssWaitingMB: number;
  heapUsedWaitingMB: number;
}

export interface ScaleOutResult {
  instances: ScaleOutInstance[];
  clients: number;
  /** From the first long-poll sent until both instances held theirs. */
  setupMs: number;
  /** From the first change (through the other instance) until the last client has its answer. */
  wakeAllMs: number;
  /** Until the last change (cancel) through the API was answered. */
  changesMs: number;
  answeredCorrectly: number;
  /** Long-polls that timed out before the change (slow ramp-up) and were asked again. */
  repolls: number;
  /** Every answer's status (`http <code>` = an answer other than 200, `error` = no HTTP answer). */
  statuses: Record<string, number>;
}

/** A waiter process holding `paths` on `origin`; resolves `opened`, then `done`. */
export function startWaiters(config: WaiterConfig) {
  const child = fork(path.join(here, 'waiter-child.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  child.send(config);
  let onOpened: () => void;
  const opened = new Promise<void>((resolve) => (onOpened = resolve));
  const done = new Promise<WaitersDone>((resolve, reject) => {
    child.on('message', (msg: { type: string }) => {
      if (msg.type === 'opened') onOpened();
      if (msg.type === 'done') resolve(msg as WaitersDone);
    });
    child.once('exit', (code) => reject(new Error(`waiter process exited with ${code}`)));
  });
  done.catch(() => undefined); // awaited on the normal path; killed early on an error
  return { opened, done, kill: () => child.kill() };
}

export async function scaleOut(databaseUrl: string, clients: number, nodeArgs: string[]): Promise<ScaleOutResult> {
  const clouds = await startTwoClouds(databaseUrl, clients, nodeArgs, 'Scale-out');
  const { children: cloudChildren, token, auth, api, ids } = clouds;
  const waiters: Array<ReturnType<typeof startWaiters>> = [];
  try {
    // Authorizations of the first half are waited on at instance A and changed through B; the second
    // half the other way round.
    const halves = [ids.slice(0, ids.length / 2), ids.slice(ids.length / 2)];
    const idle: ChildStats[] = [];
    for (const c of cloudChildren) {
      await c.gc();
      idle.push((await settled(c, 0, 10_000)).stats);
    }
    const t0 = now();
    cloudChildren.forEach((c, i) => {
      const paths = Array.from(
        { length: clients / 2 },
        (_, j) => `/v1/authorizations/${halves[i]![j % halves[i]!.length]!}?wait=${WAIT_SECONDS}`,
      );
      waiters.push(startWaiters({ origin: c.ready.url, token, paths, expect: 'cancelled' }));
    });
    await Promise.all(waiters.map((w) => w.opened));
    const budget = (WAIT_SECONDS - 4) * 1000 - (now() - t0);
    const peaks = await Promise.all(
      cloudChildren.map((c, i) => settled(c, clients / 2 + idle[i]!.started - idle[i]!.finished, budget)),
    );
    const setupMs = Math.max(...peaks.map((p) => p.at)) - t0;
    const wakeStart = now();
    // Each half changed through the other instance: the change reaches its waiters by NOTIFY.
    await Promise.all(halves.map((half, i) => cancelAll(api[1 - i]!, auth, half, API_CONNECTIONS / 2)));
    const changesMs = now() - wakeStart;
    const done = await Promise.all(waiters.map((w) => w.done));
    const wakeAllMs = Math.max(...done.map((d) => d.lastAt)) - wakeStart;
    return {
      clients,
      instances: peaks.map((p, i) => ({
        clients: clients / 2,
        held: p.stats.started - p.stats.finished - (idle[i]!.started - idle[i]!.finished),
        rssIdleMB: round(idle[i]!.memory.rss / MB, 1),
        rssWaitingMB: round(p.stats.memory.rss / MB, 1),
        heapUsedWaitingMB: round(p.stats.memory.heapUsed / MB, 1),
      })),
      setupMs: Math.round(setupMs),
      wakeAllMs: Math.round(wakeAllMs),
      changesMs: Math.round(changesMs),
      ...tallyWaiters(done),
    };
  } finally {
    for (const w of waiters) w.kill();
    await clouds.close();
  }
}

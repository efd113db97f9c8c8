// Waiting desktops through nginx: the shipped main configuration (cloud/deploy/nginx.conf: its
// worker_connections and worker_rlimit_nofile) and site (nginx-site.conf, TLS) in front of two cloud
// instances on one PostgreSQL server, N long-polls opened through nginx by two waiter processes, then
// every authorization cancelled through the instances directly. Counts the answers by status: Debian's
// default nginx.conf (768 worker_connections) answered 234 of 1,000 with HTML 500 (issue 22 item 2);
// here every one must carry `cancelled`. Reports how the long-polls were spread over the instances,
// nginx's RSS (all its processes) and the time from the first change to the last answer. Loopback only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../cloud/testing/stack';
import { hardFdLimit, nginxWorkersFor, selfSignedCertificate, startNginx, type Nginx } from '../cloud/testing/nginx';
import { cancelAll, WAIT_SECONDS } from './capacity';
import { startTwoClouds, tallyWaiters } from './two-clouds';
import { now } from './stack';
import { round } from './stats';
import { startWaiters } from './scale-out';

export interface NginxWaitersResult {
  clients: number;
  /** Long-polls each instance held at the peak. */
  held: number[];
  /** Every answer's status (`http <code>` = an answer other than 200, e.g. nginx's 500 or 504; `error` = no HTTP answer). */
  statuses: Record<string, number>;
  answeredCorrectly: number;
  repolls: number;
  /** From the first long-poll sent until both instances held all of them (or the budget ended). */
  setupMs: number;
  wakeAllMs: number;
  nginxRssMB: number;
  /** nginx's worker processes: the shipped `auto` (one per core) unless the open-file limit asked for more. */
  nginxWorkers: number;
  /** nginx's error log (warn and above), its lines counted by message: what an answer other than 200 was. */
  nginxErrors: Record<string, number>;
}

/**
 * Error log lines counted by level and message, without time, process, connection, client, request or
 * upstream: `[error] upstream timed out (110: Connection timed out) while connecting to upstream`.
 */
function summariseErrorLog(log: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of log.split('\n')) {
    const m = /^\S+ \S+ \[(\w+)\] \d+#\d+: (?:\*\d+ )?(.*?)(?:, client: .*)?$/.exec(line);
    if (!m || m[1] === 'info' || m[1] === 'notice' || m[1] === 'debug') continue;
    const key = `[${m[1]}] ${m[2]!.replace(/\d+(?:\.\d+)*(?::\d+)?/g, 'N').slice(0, 160)}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

/** RSS of a process and its children (nginx's master and workers), from /proc. */
function treeRssMB(pid: number): number {
  const pids = [pid];
  try {
    for (const p of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) pids.push(Number(p));
    }
  } catch {
    // a process that ended while listed
  }
  const kb = pids.reduce((sum, p) => {
    try {
      return sum + Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      return sum;
    }
  }, 0);
  return round(kb / 1024, 1);
}

export async function nginxWaiters(
  nginxBin: string,
  databaseUrl: string,
  clients: number,
  nodeArgs: string[],
): Promise<NginxWaitersResult> {
  const workers = nginxWorkersFor(clients, os.availableParallelism(), hardFdLimit());
  const clouds = await startTwoClouds(databaseUrl, clients, nodeArgs, 'Nginx');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-nginx-'));
  const { children: cloudChildren, token, auth, ids } = clouds;
  const api = clouds.api[0];
  const waiters: Array<ReturnType<typeof startWaiters>> = [];
  let nginx: Nginx | undefined;
  try {
    const ports = cloudChildren.map((c) => Number(new URL(c.ready.url).port));
    const cert = await selfSignedCertificate(tmp);
    nginx = await startNginx(nginxBin, {
      port: await freePort(),
      cert,
      upstreams: ports,
      ...(workers > os.availableParallelism() ? { workers } : {}),
    });
    const idle = await Promise.all(cloudChildren.map((c) => c.stats()));
    const heldNow = async () =>
      (await Promise.all(cloudChildren.map((c) => c.stats()))).map(
        (s, i) => s.started - s.finished - (idle[i]!.started - idle[i]!.finished),
      );

    const t0 = now();
    for (let w = 0; w < 2; w++) {
      const count = w === 0 ? Math.ceil(clients / 2) : Math.floor(clients / 2);
      const paths = Array.from(
        { length: count },
        (_, j) => `/v1/authorizations/${ids[(w * Math.ceil(clients / 2) + j) % ids.length]!}?wait=${WAIT_SECONDS}`,
      );
      waiters.push(startWaiters({ origin: nginx.url, token, paths, expect: 'cancelled', ca: cert.pem }));
    }
    await Promise.all(waiters.map((w) => w.opened));
    // Until both instances hold every long-poll, or the budget before the first long-polls end.
    const deadline = t0 + (WAIT_SECONDS - 4) * 1000;
    let held = await heldNow();
    while (held.reduce((x, y) => x + y, 0) < clients && now() < deadline) {
      await sleep(200);
      held = await heldNow();
    }
    const setupMs = now() - t0;
    const nginxRssMB = treeRssMB(nginx.child.pid!);
    const wakeStart = now();
    await cancelAll(api, auth, ids);
    const done = await Promise.all(waiters.map((w) => w.done));
    const nginxErrors = summariseErrorLog(nginx.logs());
    return {
      clients,
      held,
      setupMs: Math.round(setupMs),
      wakeAllMs: Math.round(Math.max(...done.map((d) => d.lastAt)) - wakeStart),
      nginxRssMB,
      nginxWorkers: workers,
      nginxErrors,
      ...tallyWaiters(done),
    };
  } finally {
    for (const w of waiters) w.kill();
    await nginx?.close({ fast: true });
    await clouds.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

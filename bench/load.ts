// The benches' load: a closed-loop generator in a process of its own (bench/load-child.ts), placed on
// its own CPU where there are two; and the paced opening of many connections for the capacity benches.
import { execFileSync, spawn } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Pool } from 'undici';
import type { LoadChildConfig } from './load-child';

export interface LoadResult {
  requestsPerSecond: number;
  requests: number;
  errors: number;
  non2xx: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
}

/** Where the closed loop runs: the CPU its process is pinned to (see `loadCpus`), or anywhere. */
interface LoadPlacement {
  cpu?: number;
}

/**
 * With two or more CPUs (and `taskset`), the throughput benches pin the server to CPU 0 and the load
 * generator — bench/load-child.ts or wrk — to CPU 1: the generator then never takes CPU time from the
 * server it measures, and both generators measure the same thing, a server on one core (issue 26: an
 * unpinned Node generator on the same two cores as the server capped the faster, bare route more and
 * pulled the bench's ratio towards 1 against wrk's). Undefined on one CPU or without taskset.
 */
export function loadCpus(): { server: number; client: number } | undefined {
  if (os.availableParallelism() < 2) return undefined;
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  return { server: 0, client: 1 };
}

/** Pins every thread of a running process to `cpu` (threads started later inherit it). */
export function pinProcess(pid: number, cpu: number): void {
  execFileSync('taskset', ['-a', '-p', '-c', String(cpu), String(pid)], { stdio: 'ignore' });
}

/** The command that runs `argv` pinned to `cpu`, or as it is. */
export function pinned(cpu: number | undefined, argv: string[]): [string, string[]] {
  return cpu === undefined ? [argv[0]!, argv.slice(1)] : ['taskset', ['-c', String(cpu), ...argv]];
}

/**
 * `connections` keep-alive connections, each sending the next GET as soon as the last answer is
 * complete, for `durationMs` after `warmupMs`; run in a process of its own (bench/load-child.ts).
 */
export async function closedLoop(
  origin: string,
  path: string,
  headers: Record<string, string>,
  opts: { connections: number; durationMs: number; warmupMs: number },
  placement: LoadPlacement = {},
): Promise<LoadResult> {
  const url = new URL(origin);
  const config: LoadChildConfig = {
    host: url.hostname,
    port: Number(url.port),
    path,
    headers,
    ...opts,
  };
  const [command, args] = pinned(placement.cpu, [
    process.execPath,
    '--import',
    'tsx',
    fileURLToPath(new URL('./load-child.ts', import.meta.url)),
  ]);
  const child = spawn(command, args, {
    env: { ...process.env, LOAD_CHILD: JSON.stringify(config) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return await new Promise<LoadResult>((resolve, reject) => {
    let result: LoadResult | undefined;
    child.once('message', (msg) => resolve((result = msg as LoadResult)));
    child.once('error', reject);
    // 'close', not 'exit': 'exit' may come before the last IPC message has been read.
    child.once('close', (code) => {
      if (!result) reject(new Error(`load generator exited with ${code} without a result`));
    });
  });
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

// The throughput pair of issue 26, as `npm run bench` (bench/throughput.ts) and
// `bench/throughput-only.ts` both measure it: the status endpoint (the real cloud) and the bare route
// (bench/bare-server.ts), each in one process started once, measured exactly alike — the same
// unmeasured warm-up round, the same rounds, the same pinning (servers on one CPU, the load generators
// on the other, bench/load.ts) — in interleaved rounds whose order alternates (status, bare, bare,
// status, …) so that a machine getting faster or slower during the run favours neither side. Each
// round is measured by the bench's closed loop (bench/load-child.ts) and, where wrk is installed, by
// `wrk -t1 -c32` right after it as the independent check. Beside each rate: the server's CPU time per
// answer (steadier than the rate on a shared machine) and its heap after a full GC before and after
// the rounds (a route that leaks shows there).
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { TestCloudHttp } from '../cloud/testing/stack';
import { DEPLOYED_NODE_FLAGS, startChild, type CloudChild } from './child';
import { closedLoop, loadCpus, pinned, pinProcess, type LoadResult } from './load';
import { startBenchStack } from './stack';

export const HIGH_RATE_LIMIT = 1_000_000_000;

/** One server under test: where to send the load, and its process (CPU time, answers, GC). */
interface PairTarget {
  url: string;
  headers: Record<string, string>;
  child: CloudChild;
}

interface PairOptions {
  rounds: number;
  /** Measured seconds per round and generator. */
  seconds: number;
  /** Also measure each round with wrk (when it is installed). */
  wrk: boolean;
}

interface SideFigures {
  /** The round with the median rate (bench generator), all its figures. */
  median: LoadResult;
  /** Every round's rate, in run order. */
  requestsPerSecond: number[];
  serverCpuMicrosPerRequest: number[];
  /** Heap used after a full GC, before the warm-up and after the last round. */
  heapAfterGcMB: { before: number; after: number };
  wrk?: number[];
}

export interface PairResult {
  rounds: number;
  roundSeconds: number;
  pinned: { server: number; client: number } | 'no (one CPU or no taskset)';
  status: SideFigures;
  bare: SideFigures;
  /** status ÷ bare of the two median rates: the figure. */
  ratio: number;
  /** status ÷ bare round by round, and their range: how far one round may be off. */
  roundRatios: number[];
  spread: { min: number; max: number };
  /** bare ÷ status of the median CPU time per answer (1 = the status route costs what the bare route does). */
  cpuRatio: number;
  errors: number;
  wrk: { ratio: number; roundRatios: number[]; agreeWithin005: boolean } | 'not installed' | 'not run';
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const x3 = (a: number, b: number) => Math.round((a / b) * 1000) / 1000;

/** Whether wrk can be run here. */
function wrkInstalled(): boolean {
  try {
    execFileSync('wrk', ['-v'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    // `wrk -v` prints its version and exits with 1; only a missing binary is ENOENT.
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

/**
 * Starts both servers as `npm run bench` runs them (compiled, the unit's node flags unless `nodeArgs`,
 * request log on, rate limit out of the way) and a pending sign-in for the status endpoint to answer.
 */
export async function startPair(nodeArgs: string[] = DEPLOYED_NODE_FLAGS) {
  const stack = await startBenchStack({ rateLimitPerMinute: HIGH_RATE_LIMIT, logger: true, nodeArgs });
  const bareChild = await startChild(
    { mode: 'bare', port: 0, logger: true, rateLimitPerMinute: HIGH_RATE_LIMIT },
    { nodeArgs },
  ).catch(async (error: unknown) => {
    await stack.close();
    throw error;
  });
  const close = async () => {
    await bareChild.stop();
    await stack.close();
  };
  try {
    const client = new TestCloudHttp(stack.cloudUrl, stack.creds);
    const platform = await client.createPlatform('Throughput');
    const auth = await client.startAuthorization(platform.body.id as string);
    const status: PairTarget = {
      url: `${stack.cloudUrl}/v1/authorizations/${auth.body.id as string}`,
      headers: { authorization: `Bearer ${await client.accessToken()}` },
      child: stack.cloud,
    };
    const bare: PairTarget = {
      url: `${bareChild.ready.url}/v1/authorizations/b3f0c2de-5b7a-4c41-9d8e-0a1b2c3d4e5f`,
      headers: {},
      child: bareChild,
    };
    return { status, bare, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Measures the pair; `log` gets one line per round. */
export async function measurePair(
  status: PairTarget,
  bare: PairTarget,
  opts: PairOptions,
  log: (line: string) => void = () => {},
): Promise<PairResult> {
  const cpus = loadCpus();
  const load = { connections: 32, durationMs: opts.seconds * 1000, warmupMs: 1000 };
  const useWrk = opts.wrk && wrkInstalled();
  if (cpus) for (const t of [status, bare]) pinProcess(t.child.pid, cpus.server);

  const heapAfterGc = async (t: PairTarget) => {
    await t.child.gc();
    return Math.round((await t.child.stats()).memory.heapUsed / 2 ** 19) / 2;
  };
  /** The bench's closed loop against `t`, with the server's CPU time per answer it counted itself. */
  const viaBench = async (t: PairTarget) => {
    const u = new URL(t.url);
    const before = await t.child.stats();
    const result = await closedLoop(u.origin, u.pathname, t.headers, load, { cpu: cpus?.client });
    const after = await t.child.stats();
    const cpu = Math.round((after.cpuMicros - before.cpuMicros) / Math.max(1, after.finished - before.finished));
    return { result, cpu };
  };
  const viaWrk = async (t: PairTarget, seconds: number) => {
    const header = Object.entries(t.headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]);
    const [command, args] = pinned(cpus?.client, ['wrk', '-t1', '-c32', `-d${seconds}s`, ...header, t.url]);
    const { stdout } = await promisify(execFile)(command, args);
    const m = /Requests\/sec:\s+([\d.]+)/.exec(stdout);
    if (!m || /Non-2xx or 3xx responses/.test(stdout)) throw new Error(`wrk: ${stdout}`);
    return Math.round(Number(m[1]));
  };

  const sides = { status, bare };
  type Side = keyof typeof sides;
  const runs = {
    status: { bench: [] as LoadResult[], cpu: [] as number[], wrk: [] as number[], heap: [0, 0] },
    bare: { bench: [] as LoadResult[], cpu: [] as number[], wrk: [] as number[], heap: [0, 0] },
  };
  for (const side of ['status', 'bare'] as Side[]) runs[side].heap[0] = await heapAfterGc(sides[side]);
  // The warm-up, the same for both: one unmeasured round (JIT, connections), and wrk once.
  for (const side of ['status', 'bare'] as Side[]) {
    await viaBench(sides[side]);
    if (useWrk) await viaWrk(sides[side], 1);
  }
  for (let r = 0; r < opts.rounds; r++) {
    const order: Side[] = r % 2 === 0 ? ['status', 'bare'] : ['bare', 'status'];
    for (const side of order) {
      const { result, cpu } = await viaBench(sides[side]);
      runs[side].bench.push(result);
      runs[side].cpu.push(cpu);
    }
    if (useWrk) for (const side of order) runs[side].wrk.push(await viaWrk(sides[side], opts.seconds));
    const last = (side: Side) => runs[side].bench.at(-1)!.requestsPerSecond;
    log(
      `round ${r + 1}/${opts.rounds}: status ${last('status')} req/s (${runs.status.cpu.at(-1)} µs/answer), ` +
        `bare ${last('bare')} req/s (${runs.bare.cpu.at(-1)} µs/answer)` +
        (useWrk ? `; wrk ${runs.status.wrk.at(-1)} / ${runs.bare.wrk.at(-1)}` : ''),
    );
  }
  for (const side of ['status', 'bare'] as Side[]) runs[side].heap[1] = await heapAfterGc(sides[side]);

  const figures = (side: Side): SideFigures => {
    const run = runs[side];
    const rates = run.bench.map((b) => b.requestsPerSecond);
    return {
      median: [...run.bench].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[Math.floor(rates.length / 2)]!,
      requestsPerSecond: rates,
      serverCpuMicrosPerRequest: run.cpu,
      heapAfterGcMB: { before: run.heap[0]!, after: run.heap[1]! },
      ...(useWrk ? { wrk: run.wrk } : {}),
    };
  };
  const s = figures('status');
  const b = figures('bare');
  const ratio = x3(s.median.requestsPerSecond, b.median.requestsPerSecond);
  const roundRatios = s.requestsPerSecond.map((rate, i) => x3(rate, b.requestsPerSecond[i]!));
  let wrk: PairResult['wrk'] = opts.wrk ? 'not installed' : 'not run';
  if (useWrk) {
    const wrkRatio = x3(median(s.wrk!), median(b.wrk!));
    wrk = {
      ratio: wrkRatio,
      roundRatios: s.wrk!.map((rate, i) => x3(rate, b.wrk![i]!)),
      agreeWithin005: Math.abs(ratio - wrkRatio) <= 0.05,
    };
  }
  return {
    rounds: opts.rounds,
    roundSeconds: opts.seconds,
    pinned: cpus ?? 'no (one CPU or no taskset)',
    status: s,
    bare: b,
    ratio,
    roundRatios,
    spread: { min: Math.min(...roundRatios), max: Math.max(...roundRatios) },
    cpuRatio: x3(median(b.serverCpuMicrosPerRequest), median(s.serverCpuMicrosPerRequest)),
    errors: [...runs.status.bench, ...runs.bare.bench].reduce((n, r) => n + r.errors + r.non2xx, 0),
    wrk,
  };
}

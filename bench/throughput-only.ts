// `npx tsx bench/throughput-only.ts [rounds] [--wrk] [--seconds N]`: only the status-endpoint throughput
// of `npm run bench` (issue 26), against the bare route, in interleaved A/B rounds on the same two
// processes (status, bare, status, bare, …), the median round of each and the ratio printed as JSON;
// with --wrk, the same pairs once more measured by wrk (`wrk -t1 -c32`, a C load generator outside
// Node) as the independent check. Where there are two CPUs, the servers run pinned to one and both
// generators to the other (bench/load.ts). bench/results.json is untouched.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { TestCloudHttp } from '../cloud/testing/stack';
import { startChild } from './child';
import { closedLoop, loadCpus, pinned, pinProcess, type LoadResult } from './load';
import { startBenchStack } from './stack';
import { loadAverage } from './alone';

const args = process.argv.slice(2);
const rounds = Number(args.find((a) => /^\d+$/.test(a)) ?? 3);
const secondsAt = args.indexOf('--seconds');
const seconds = secondsAt >= 0 ? Number(args[secondsAt + 1]) : 4;
const useWrk = args.includes('--wrk');
if (!Number.isInteger(rounds) || rounds < 1 || rounds > 15 || !(seconds >= 1 && seconds <= 8)) {
  console.error('usage: tsx bench/throughput-only.ts [rounds 1..15] [--wrk] [--seconds 1..8]');
  process.exit(2);
}
const HIGH_RATE_LIMIT = 1_000_000_000;
const LOAD = { connections: 32, durationMs: seconds * 1000, warmupMs: 1000 };

interface Target {
  url: string;
  headers: Record<string, string>;
  /** The server process's CPU time and answered requests (its own count). */
  stats: () => Promise<{ cpuMicros: number; finished: number }>;
}

/** `wrk -t1 -c32` for `seconds` (after a 1 s warm-up run); requests per second, or an error text. */
async function wrk(target: Target): Promise<number> {
  const header = Object.entries(target.headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]);
  const run = (duration: string) =>
    promisify(execFile)(...pinned(cpus?.client, ['wrk', '-t1', '-c32', `-d${duration}`, ...header, target.url]));
  await run('1s');
  const { stdout } = await run(`${seconds}s`);
  const m = /Requests\/sec:\s+([\d.]+)/.exec(stdout);
  const non2xx = /Non-2xx or 3xx responses:\s+(\d+)/.exec(stdout);
  if (!m || non2xx) throw new Error(`wrk: ${stdout}`);
  return Math.round(Number(m[1]));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const x = (a: number, b: number) => Math.round((a / b) * 1000) / 1000;

const stack = await startBenchStack({ rateLimitPerMinute: HIGH_RATE_LIMIT, logger: true });
const bare = await startChild({ mode: 'bare', port: 0, logger: true, rateLimitPerMinute: HIGH_RATE_LIMIT });
// Servers on one CPU, both load generators (this bench's and wrk) on the other (bench/load.ts).
const cpus = loadCpus();
try {
  if (cpus) for (const pid of [stack.cloud.pid, bare.pid]) pinProcess(pid, cpus.server);
  const client = new TestCloudHttp(stack.cloudUrl, stack.creds);
  const platform = await client.createPlatform('Throughput');
  const auth = await client.startAuthorization(platform.body.id as string);
  const status: Target = {
    url: `${stack.cloudUrl}/v1/authorizations/${auth.body.id as string}`,
    headers: { authorization: `Bearer ${await client.accessToken()}` },
    stats: () => stack.cloud.stats(),
  };
  const bareTarget: Target = {
    url: `${bare.ready.url}/v1/authorizations/b3f0c2de-5b7a-4c41-9d8e-0a1b2c3d4e5f`,
    headers: {},
    stats: () => bare.stats(),
  };
  // Beside the rate, the server's CPU time per answer: on a loaded machine the rate follows the
  // scheduler, the CPU per answer much less (the load generator's own cost is not in it).
  const cpu = { status: [] as number[], bare: [] as number[] };
  const viaBench = async (t: Target, into: number[]) => {
    const u = new URL(t.url);
    const before = await t.stats();
    const result = await closedLoop(u.origin, u.pathname, t.headers, LOAD, { cpu: cpus?.client });
    const after = await t.stats();
    into.push(Math.round((after.cpuMicros - before.cpuMicros) / Math.max(1, after.finished - before.finished)));
    return result;
  };
  const before = loadAverage();
  const bench = { status: [] as LoadResult[], bare: [] as LoadResult[] };
  const viaWrk = { status: [] as number[], bare: [] as number[] };
  // One unmeasured round each first: JIT and connection set-up (the first rounds ran 2-5x slower).
  for (const t of [status, bareTarget]) await viaBench(t, []);
  for (let r = 0; r < rounds; r++) {
    bench.status.push(await viaBench(status, cpu.status));
    bench.bare.push(await viaBench(bareTarget, cpu.bare));
    if (useWrk) {
      viaWrk.status.push(await wrk(status));
      viaWrk.bare.push(await wrk(bareTarget));
    }
  }
  const rate = (rs: LoadResult[]) => rs.map((r) => r.requestsPerSecond);
  const errors = [...bench.status, ...bench.bare].reduce((n, r) => n + r.errors + r.non2xx, 0);
  const benchRatio = x(median(rate(bench.status)), median(rate(bench.bare)));
  const wrkRatio = useWrk ? x(median(viaWrk.status), median(viaWrk.bare)) : undefined;
  console.log(
    JSON.stringify(
      {
        loadAverage: { before, after: loadAverage() },
        pinned: cpus ?? 'no (one CPU or no taskset)',
        roundSeconds: seconds,
        bench: { status: rate(bench.status), bare: rate(bench.bare), ratio: benchRatio, errors },
        serverCpuMicrosPerRequest: {
          status: cpu.status,
          bare: cpu.bare,
          bareOverStatus: x(median(cpu.bare), median(cpu.status)),
        },
        ...(useWrk
          ? {
              wrk: {
                status: viaWrk.status,
                bare: viaWrk.bare,
                ratio: wrkRatio,
                agreeWithin005: Math.abs(benchRatio - wrkRatio!) <= 0.05,
              },
            }
          : {}),
      },
      null,
      2,
    ),
  );
} finally {
  await bare.stop();
  await stack.close();
}

// Why the status endpoint is slower than the bare route: `npx tsx bench/profile.ts [--seconds N]` runs
// the status endpoint (the cloud) and the bare route (bench/bare-server.ts) under the same load, each in
// a child started with --cpu-prof, and prints where each one's CPU time went per answer (µs of self time
// by package and by function, counted only while the load ran) side by side, the biggest differences
// first; and the cloud's memory at start and after load.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TestCloudHttp } from '../cloud/testing/stack';
import { DEPLOYED_NODE_FLAGS, startChild, type CloudChild } from './child';
import { startBenchStack } from './stack';
import { closedLoop } from './load';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}
/** A stretch of CLOCK_MONOTONIC in µs: V8's profile timestamps and `process.hrtime` share that clock. */
interface Window {
  fromMicros: number;
  toMicros: number;
}
const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);

function packageOf(url: string, functionName: string): string {
  if (url.includes('node_modules/')) {
    const rest = url.split('node_modules/').pop()!.split('/');
    return rest.slice(0, rest[0]!.startsWith('@') ? 2 : 1).join('/');
  }
  if (url.startsWith('node:')) return 'node internals';
  if (url) return path.relative(process.cwd(), url.replace('file://', '')).split('/').slice(0, 2).join('/');
  return `(${functionName || 'native'})`;
}

/** Self time (µs) by package and by function, of the samples inside `window` (all when omitted). */
function selfTimes(file: string, window?: Window) {
  const prof = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  let at = prof.startTime;
  prof.samples.forEach((id, i) => {
    at += prof.timeDeltas[i] ?? 0;
    if (window && (at < window.fromMicros || at > window.toMicros)) return;
    const node = byId.get(id)!;
    const { url, functionName, lineNumber } = node.callFrame;
    // The time until the next sample is this one's (the last sample: none).
    const micros = prof.timeDeltas[i + 1] ?? 0;
    total += micros;
    const pkg = packageOf(url, functionName);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + micros);
    const fn = `${functionName || '(anonymous)'} ${url ? `${path.basename(url)}:${lineNumber + 1}` : ''}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + micros);
  });
  return { byPackage, byFunction, total };
}

export function summarizeProfile(
  file: string,
  top = 15,
  window?: Window,
): { byPackage: Array<[string, number]>; byFunction: Array<[string, number]> } {
  const s = selfTimes(file, window);
  const pct = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => [k, Math.round((v / s.total) * 1000) / 10] as [string, number]);
  return { byPackage: pct(s.byPackage), byFunction: pct(s.byFunction) };
}

/** Runs the closed loop against `child` and returns the load window and the answers it counted. */
async function underLoad(child: CloudChild, url: string, headers: Record<string, string>, seconds: number) {
  const u = new URL(url);
  const warm = { connections: 32, durationMs: 1000, warmupMs: 0 };
  await closedLoop(u.origin, u.pathname, headers, warm);
  const before = await child.stats();
  const fromMicros = monotonicMicros();
  const load = await closedLoop(u.origin, u.pathname, headers, { ...warm, durationMs: seconds * 1000 });
  const toMicros = monotonicMicros();
  const after = await child.stats();
  return {
    window: { fromMicros, toMicros },
    answers: after.finished - before.finished,
    cpuMicrosPerAnswer: Math.round((after.cpuMicros - before.cpuMicros) / (after.finished - before.finished)),
    requestsPerSecond: load.requestsPerSecond,
  };
}

function profileFile(dir: string): string {
  return path.join(
    dir,
    fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]).endsWith('bench/profile.ts')) {
  const at = process.argv.indexOf('--seconds');
  const seconds = at >= 0 ? Number(process.argv[at + 1]) : 5;
  if (!(seconds >= 1 && seconds <= 30)) {
    console.error('usage: tsx bench/profile.ts [--seconds 1..30]');
    process.exit(2);
  }
  const nodeArgs = (dir: string) => [
    ...DEPLOYED_NODE_FLAGS,
    '--cpu-prof',
    '--cpu-prof-interval=250',
    `--cpu-prof-dir=${dir}`,
  ];
  const dirs = { status: fs.mkdtempSync(path.join(os.tmpdir(), 'acc-bench-prof-')), bare: '' };
  dirs.bare = fs.mkdtempSync(path.join(os.tmpdir(), 'acc-bench-prof-'));
  const rateLimitPerMinute = 1_000_000_000;
  const stack = await startBenchStack({ rateLimitPerMinute, logger: true, nodeArgs: nodeArgs(dirs.status) });
  const mem = (m: NodeJS.MemoryUsage) =>
    Object.fromEntries(Object.entries(m).map(([k, v]) => [k, `${Math.round(v / 2 ** 20)} MB`]));
  let status: Awaited<ReturnType<typeof underLoad>>;
  try {
    console.log('memory at start:', mem((await stack.cloud.stats()).memory));
    const client = new TestCloudHttp(stack.cloudUrl, stack.creds);
    const platform = await client.createPlatform('Profile');
    const auth = await client.startAuthorization(platform.body.id as string);
    const url = `${stack.cloudUrl}/v1/authorizations/${auth.body.id as string}`;
    status = await underLoad(stack.cloud, url, { authorization: `Bearer ${await client.accessToken()}` }, seconds);
    await stack.cloud.gc();
    console.log('memory after load + gc:', mem((await stack.cloud.stats()).memory));
  } finally {
    await stack.close();
  }
  const bareChild = await startChild(
    { mode: 'bare', port: 0, logger: true, rateLimitPerMinute },
    { nodeArgs: nodeArgs(dirs.bare) },
  );
  let bare: Awaited<ReturnType<typeof underLoad>>;
  try {
    bare = await underLoad(
      bareChild,
      `${bareChild.ready.url}/v1/authorizations/b3f0c2de-5b7a-4c41-9d8e-0a1b2c3d4e5f`,
      {},
      seconds,
    );
  } finally {
    await bareChild.stop();
  }
  const s = selfTimes(profileFile(dirs.status), status.window);
  const b = selfTimes(profileFile(dirs.bare), bare.window);
  const per = (micros: number | undefined, answers: number) => Math.round(((micros ?? 0) / answers) * 10) / 10;
  console.log(
    `status ${status.requestsPerSecond} req/s, ${status.cpuMicrosPerAnswer} µs CPU per answer;` +
      ` bare ${bare.requestsPerSecond} req/s, ${bare.cpuMicrosPerAnswer} µs` +
      ` (profiled self time per answer: status ${per(s.total, status.answers)}, bare ${per(b.total, bare.answers)})`,
  );
  const table = (title: string, sm: Map<string, number>, bm: Map<string, number>, top: number) => {
    console.log(`${title} — µs of self time per answer: status, bare, difference`);
    const keys = new Set([...sm.keys(), ...bm.keys()]);
    const rows = [...keys].map((k) => {
      const sv = per(sm.get(k), status.answers);
      const bv = per(bm.get(k), bare.answers);
      return { k, sv, bv, d: Math.round((sv - bv) * 10) / 10 };
    });
    rows.sort((x, y) => Math.abs(y.d) - Math.abs(x.d));
    for (const r of rows.slice(0, top))
      console.log(`  ${String(r.sv).padStart(6)} ${String(r.bv).padStart(6)} ${String(r.d).padStart(7)}  ${r.k}`);
  };
  table('by package', s.byPackage, b.byPackage, 20);
  table('by function', s.byFunction, b.byFunction, 40);
  console.log(`profiles: ${profileFile(dirs.status)} ${profileFile(dirs.bare)}`);
}

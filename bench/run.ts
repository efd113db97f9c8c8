// npm run bench: completion latency, cloud capacity and UI start-up, each against a baseline measured in
// the same run; prints a table and writes bench/results.json. Loopback only; every loop is bounded.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { machine } from './machine';
import { startBenchStack } from './stack';
import { browserHostLatency, coreLatency, pollerLatency } from './latency';
import { phaseRecorder } from './phases';
import { CLIENTS_PER_AUTHORIZATION, waitingClients, type CapacityLevel } from './capacity';
import { DEPLOYED_NODE_FLAGS, startChild } from './child';
import { startup, STARTUP_RUNS } from './startup';
import { buildRenderer } from './startup-builds';
import { formatTable } from './table';
import { round } from './stats';
import { HIGH_RATE_LIMIT, LOAD, THROUGHPUT_ROUNDS, throughputPair } from './throughput';
import { resultRows } from './result-rows';
import { postgresFigures } from './on-postgres';

const here = path.dirname(fileURLToPath(import.meta.url));
const FLOWS = { core: 200, browserHost: 40, poller: 20 };

function fdLimit(): number {
  const line = fs
    .readFileSync('/proc/self/limits', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('Max open files'));
  return Number(line?.split(/\s+/)[3] ?? 1024);
}

const log = (msg: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}`);

async function main() {
  const started = Date.now();
  const limit = fdLimit();
  const notes: string[] = [
    `Cloud rate limit raised to ${HIGH_RATE_LIMIT}/min for all runs (default 600/min per tenant would throttle the bench, not the cloud).`,
    "The cloud runs in a child process, compiled ahead of time by esbuild and started by plain node (as the systemd unit cloud/deploy/amazon-cloud@.service runs `npm run build -- cloud`'s output; the tsx loader of `npm run cloud` adds about 70 MB), file-backed PGlite in a temp data dir opened a second time (as after a restart), request log on (as the CLI) to /dev/null.",
    'Capacity: each level (1,000 / 5,000 / 10,000 waiting clients) runs in a fresh cloud process.',
    `Every cloud process runs with the systemd unit's settings (cloud/deploy/amazon-cloud@.service: node flags ${DEPLOYED_NODE_FLAGS.join(' ')} and its environment, GLIBC_TUNABLES; see cloud/README.md "Memory"), except the rows marked "without the unit's settings", which show the difference.`,
  ];
  const levels = [1000, 5000, 10_000].filter((n) => {
    const ok = n + 500 <= limit;
    if (!ok)
      notes.push(
        `Skipped ${n} waiting clients: open-file limit ${limit} (raise it with "ulimit -n 20000" before npm run bench).`,
      );
    return ok;
  });

  log('latency: core (real core, cloud child, sandbox)');
  const stack = await startBenchStack({ rateLimitPerMinute: HIGH_RATE_LIMIT, logger: true });
  let latency;
  let corePhases: ReturnType<ReturnType<typeof phaseRecorder>['summary']> | undefined;
  try {
    const phases = phaseRecorder();
    const core = await coreLatency(stack, FLOWS.core, 5, phases).finally(() => phases.close());
    corePhases = phases.summary();
    log('latency: browser host + Chromium');
    // The renderer as `npm run build` makes it (dist/renderer may be missing or stale).
    const rendererDir = path.join(here, '..', '.tmp', 'bench', 'renderer');
    await buildRenderer(rendererDir);
    const browserHost = await browserHostLatency(stack, FLOWS.browserHost, rendererDir);
    log('latency: 5-second poller baseline');
    const poller = await pollerLatency(stack, FLOWS.poller, core.p50);
    latency = { core, browserHost, poller };
  } finally {
    await stack.close();
  }

  log(`capacity: ${levels.join(', ')} waiting clients`);
  // Each level in a fresh cloud process (its database reopened, as after a restart), so a level's
  // figure is not inflated by the platforms, authorizations and heap high-water of the levels before.
  const capacity = [];
  for (const n of levels) {
    const capStack = await startBenchStack({ rateLimitPerMinute: HIGH_RATE_LIMIT, logger: true });
    try {
      capacity.push(...(await waitingClients(capStack, [n])));
    } finally {
      await capStack.close();
    }
  }
  // The top level once more as `npm run cloud` starts it, without the unit's flags and environment.
  let withoutFlags: CapacityLevel | undefined;
  if (levels.includes(10_000)) {
    log("capacity: 10000 waiting clients, without the unit's settings");
    const capStack = await startBenchStack({ rateLimitPerMinute: HIGH_RATE_LIMIT, logger: true, nodeArgs: [] });
    try {
      withoutFlags = (await waitingClients(capStack, [10_000]))[0];
    } finally {
      await capStack.close();
    }
  }
  const postgres = await postgresFigures(levels, notes, log);
  const bareIdle = await startChild({ mode: 'bare', port: 0, logger: true, rateLimitPerMinute: HIGH_RATE_LIMIT });
  const bareRssMB = round((await bareIdle.stats()).memory.rss / 2 ** 20);
  await bareIdle.stop();

  log(`throughput: status endpoint vs bare route, ${THROUGHPUT_ROUNDS} rounds interleaved`);
  const { status, bare, bareAuth, pair, profile } = await throughputPair(log);

  log('UI start-up');
  const ui = await startup(STARTUP_RUNS);

  const top = capacity.at(-1)!;
  const rows = resultRows({
    latency,
    capacity,
    bareRssMB,
    withoutFlags,
    ...postgres,
    throughput: { status, bare, bareAuth, pair },
    ui,
  });
  const results = {
    at: new Date().toISOString(),
    machine: machine(String(limit)),
    durationSeconds: Math.round((Date.now() - started) / 1000),
    notes: [
      ...notes,
      `Latency t0 = just before fetching Amazon's redirect at the cloud callback; t1 = core emits platformsChanged with the platform authenticated; t2 = the list's status cell turns authenticated in Chromium (MutationObserver, page clock). Baseline: ${FLOWS.poller} measured 5 s pollers (?wait=0) with random phase; the analytic distribution is in latency.poller.analytic.`,
      `Capacity: ${CLIENTS_PER_AUTHORIZATION} clients per authorization, long-poll wait=30 s, woken by cancels through the API (same notifier as the callback).`,
    ],
    latency: { ...latency, corePhases },
    capacity: {
      levels: capacity,
      bareRouteRssMB: bareRssMB,
      top,
      nodeFlags: DEPLOYED_NODE_FLAGS,
      withoutFlags,
      ...postgres,
      scaleOut: postgres.scaleOut && { ...postgres.scaleOut, singleInstance: postgres.onPostgres },
    },
    throughput: {
      statusEndpoint: status,
      bareRoute: bare,
      bareRouteWithBearerHook: bareAuth,
      load: LOAD,
      // Every round of both sides, the spread, the CPU per answer and wrk's figure beside the bench's.
      pair,
      profile,
    },
    startup: ui,
    table: rows,
  };
  fs.writeFileSync(path.join(here, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  console.log(formatTable(rows));
  if (profile) {
    console.log('\nstatus endpoint CPU profile, self time by package (%):');
    for (const [k, v] of profile.byPackage) console.log(`  ${String(v).padStart(5)}  ${k}`);
  }
  console.log(
    `\nmachine: ${results.machine.cpuModel}, ${results.machine.cores} cores, ${results.machine.memoryGiB} GiB, Node ${results.machine.node}; ${results.durationSeconds} s; bench/results.json written`,
  );
}

await main();

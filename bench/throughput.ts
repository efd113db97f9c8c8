// The throughput part of `npm run bench`: the status endpoint (the real cloud, request log on) against
// the bare route (bench/bare-server.ts), measured by bench/throughput-pair.ts — the bench's closed loop
// and wrk in the same interleaved rounds; with a profile of the status endpoint when it misses its target.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TestCloudHttp } from '../cloud/testing/stack';
import { closedLoop, loadCpus, pinProcess, type LoadResult } from './load';
import { DEPLOYED_NODE_FLAGS, startChild } from './child';
import { startBenchStack } from './stack';
import { summarizeProfile } from './profile';
import { round } from './stats';
import { HIGH_RATE_LIMIT, measurePair, startPair, type PairResult } from './throughput-pair';

export { HIGH_RATE_LIMIT };
/** Measured seconds per round and generator; one warm-up round before (bench/throughput-pair.ts). */
export const LOAD = { connections: 32, durationMs: 4000, warmupMs: 1000 };

/**
 * Rounds of the pair. With 3 rounds, each side in a fresh process per round and no warm-up round, runs
 * of one build gave 0.71–0.93× (issue 26): one slow round (a cold JIT, a neighbour's burst) was the
 * median. Five warm rounds, in alternating order, keep the median off such a round.
 */
export const THROUGHPUT_ROUNDS = 5;

const cpus = loadCpus();

/** One profiled run of the status endpoint under the same load (when the target is missed). */
async function profileStatus(): Promise<ReturnType<typeof summarizeProfile> | undefined> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acc-bench-prof-'));
  try {
    const stack = await startBenchStack({
      rateLimitPerMinute: HIGH_RATE_LIMIT,
      logger: true,
      nodeArgs: [...DEPLOYED_NODE_FLAGS, '--cpu-prof', `--cpu-prof-dir=${dir}`],
    });
    try {
      if (cpus) pinProcess(stack.cloud.pid, cpus.server);
      const client = new TestCloudHttp(stack.cloudUrl, stack.creds);
      const platform = await client.createPlatform('Throughput');
      const auth = await client.startAuthorization(platform.body.id as string);
      const headers = { authorization: `Bearer ${await client.accessToken()}` };
      await closedLoop(stack.cloudUrl, `/v1/authorizations/${auth.body.id as string}`, headers, LOAD, {
        cpu: cpus?.client,
      });
    } finally {
      await stack.close();
    }
    const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    return file ? summarizeProfile(path.join(dir, file), 10) : undefined;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The bare route with the bearer hook, once, after a warm-up round like the pair's. */
async function bareWithBearerHook(): Promise<LoadResult & { rssMB: number }> {
  const child = await startChild({ mode: 'bare-auth', port: 0, logger: true, rateLimitPerMinute: HIGH_RATE_LIMIT });
  try {
    if (cpus) pinProcess(child.pid, cpus.server);
    const headers = { authorization: `Bearer ${child.ready.token!}` };
    const run = () =>
      closedLoop(child.ready.url, '/v1/authorizations/b3f0c2de-5b7a-4c41-9d8e-0a1b2c3d4e5f', headers, LOAD, {
        cpu: cpus?.client,
      });
    await run();
    const load = await run();
    return { ...load, rssMB: round((await child.stats()).memory.rss / 2 ** 20) };
  } finally {
    await child.stop();
  }
}

/** The pair (bench and wrk), then the bare route with the bearer hook; a profile when the target is missed. */
export async function throughputPair(log: (msg: string) => void) {
  let pair: PairResult;
  const { status, bare, close } = await startPair();
  try {
    pair = await measurePair(
      status,
      bare,
      { rounds: THROUGHPUT_ROUNDS, seconds: LOAD.durationMs / 1000, wrk: true },
      log,
    );
  } finally {
    await close();
  }
  const bareAuth = await bareWithBearerHook();
  let profile: ReturnType<typeof summarizeProfile> | undefined;
  if (pair.ratio < 0.9) {
    log('throughput target missed: profiling the cloud under the same load (--cpu-prof)');
    profile = await profileStatus();
  }
  return { status: pair.status.median, bare: pair.bare.median, bareAuth, pair, profile };
}

// The throughput part of `npm run bench`: the status endpoint (the real cloud, request log on) against
// the bare route (bench/bare-server.ts), in interleaved rounds with the bench's closed loop; with a
// profile of the status endpoint when it misses its target.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TestCloudHttp } from '../cloud/testing/stack';
import { closedLoop, loadCpus, pinProcess, type LoadResult } from './load';
import { DEPLOYED_NODE_FLAGS, startChild } from './child';
import { startBenchStack } from './stack';
import { summarizeProfile } from './profile';
import { round } from './stats';

export const HIGH_RATE_LIMIT = 1_000_000_000;
export const LOAD = { connections: 32, durationMs: 4000, warmupMs: 1000 };

/**
 * Rounds of the throughput pair (status endpoint, bare route), interleaved, the median round of each
 * reported: with one round each, run after run put the ratio anywhere from 0.70 to 0.79×, as the
 * machine's speed drifted between the two measurements.
 */
export const THROUGHPUT_ROUNDS = 3;

/** The round with the median rate (an odd count), with every round's rate beside it. */
function medianRound<T extends LoadResult>(rounds: T[]): T & { roundsRequestsPerSecond: number[] } {
  const sorted = [...rounds].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  return { ...sorted[Math.floor(sorted.length / 2)]!, roundsRequestsPerSecond: rounds.map((r) => r.requestsPerSecond) };
}

/** The server on one CPU, the load generator on the other, where there are two (bench/load.ts). */
const cpus = loadCpus();

async function statusThroughput(nodeArgs: string[] = DEPLOYED_NODE_FLAGS) {
  const stack = await startBenchStack({ rateLimitPerMinute: HIGH_RATE_LIMIT, logger: true, nodeArgs });
  try {
    if (cpus) pinProcess(stack.cloud.pid, cpus.server);
    const client = new TestCloudHttp(stack.cloudUrl, stack.creds);
    const platform = await client.createPlatform('Throughput');
    const auth = await client.startAuthorization(platform.body.id as string);
    return await closedLoop(
      stack.cloudUrl,
      `/v1/authorizations/${auth.body.id as string}`,
      { authorization: `Bearer ${await client.accessToken()}` },
      LOAD,
      { cpu: cpus?.client },
    );
  } finally {
    await stack.close();
  }
}

async function bareThroughput(mode: 'bare' | 'bare-auth'): Promise<LoadResult & { rssMB: number }> {
  const child = await startChild({ mode, port: 0, logger: true, rateLimitPerMinute: HIGH_RATE_LIMIT });
  try {
    if (cpus) pinProcess(child.pid, cpus.server);
    const headers: Record<string, string> = child.ready.token ? { authorization: `Bearer ${child.ready.token}` } : {};
    const load = await closedLoop(
      child.ready.url,
      '/v1/authorizations/b3f0c2de-5b7a-4c41-9d8e-0a1b2c3d4e5f',
      headers,
      LOAD,
      { cpu: cpus?.client },
    );
    return { ...load, rssMB: round((await child.stats()).memory.rss / 2 ** 20) };
  } finally {
    await child.stop();
  }
}

/** The status endpoint and the bare route, THROUGHPUT_ROUNDS each, interleaved; the bare route with the bearer hook once. */
export async function throughputPair(log: (msg: string) => void) {
  const statusRounds: LoadResult[] = [];
  const bareRounds: Array<LoadResult & { rssMB: number }> = [];
  for (let r = 0; r < THROUGHPUT_ROUNDS; r++) {
    statusRounds.push(await statusThroughput());
    bareRounds.push(await bareThroughput('bare'));
  }
  const status = medianRound(statusRounds);
  const bare = medianRound(bareRounds);
  const bareAuth = await bareThroughput('bare-auth');

  let profile: ReturnType<typeof summarizeProfile> | undefined;
  if (status.requestsPerSecond < 0.9 * bare.requestsPerSecond) {
    log('throughput target missed: profiling the cloud under the same load (--cpu-prof)');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acc-bench-prof-'));
    await statusThroughput([...DEPLOYED_NODE_FLAGS, '--cpu-prof', `--cpu-prof-dir=${dir}`]);
    const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (file) profile = summarizeProfile(path.join(dir, file), 10);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { status, bare, bareAuth, profile };
}

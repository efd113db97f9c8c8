// `npx tsx bench/latency-only.ts [flows] [--postgres]`: only the completion latency to the core of
// `npm run bench` (consent redirect → core "authenticated"), with the phases between (bench/phases.ts),
// printed as JSON, with the cloud child's CPU time per flow; bench/results.json is untouched.
// `--postgres`: the cloud on a throw-away PostgreSQL server (cloud/testing/postgres-server.ts) instead
// of its file-backed PGlite, the several-instances configuration.
import { coreLatency } from './latency';
import { phaseRecorder, PHASES } from './phases';
import { startBenchStack } from './stack';
import { runAlone } from './alone';
import { cpuTimeMs } from './cpu-time';
import { createDatabase, findPostgresBin, startPostgres, type PostgresServer } from '../cloud/testing/postgres-server';

const onPostgres = process.argv.slice(3).includes('--postgres');

await runAlone(
  { usage: 'tsx bench/latency-only.ts [flows 1..1000] [--postgres]', fallback: 200, min: 1, max: 1000 },
  async (flows) => {
    let server: PostgresServer | undefined;
    if (onPostgres) {
      const bin = findPostgresBin();
      if (!('bin' in bin)) throw new Error(bin.missing);
      server = await startPostgres(bin.bin);
    }
    try {
      const stack = await startBenchStack({
        rateLimitPerMinute: 1_000_000_000,
        logger: true,
        ...(server ? { databaseUrl: await createDatabase(server.url, 'latency') } : {}),
      });
      const phases = phaseRecorder();
      try {
        const cpuBefore = cpuTimeMs(stack.cloud.pid);
        const core = await coreLatency(stack, flows, 5, phases);
        const cpuAfter = cpuTimeMs(stack.cloud.pid);
        // The cloud child's CPU per flow (5 warm-up flows included): its work, less bent by the load.
        const cloudCpuMsPerFlow =
          cpuBefore === undefined || cpuAfter === undefined
            ? null
            : Number(((cpuAfter - cpuBefore) / (flows + 5)).toFixed(2));
        const database = server ? 'postgresql' : 'pglite';
        return {
          database,
          core,
          cloudCpuMsPerFlow,
          phases: phases.summary(),
          phaseMeaning: Object.fromEntries(PHASES),
        };
      } finally {
        phases.close();
        await stack.close();
      }
    } finally {
      await server?.close();
    }
  },
);

// `npx tsx bench/latency-only.ts [flows]`: only the completion latency to the core of `npm run bench`
// (consent redirect → core "authenticated"), with the phases between (bench/phases.ts), printed as
// JSON; bench/results.json is untouched.
import os from 'node:os';
import { coreLatency } from './latency';
import { phaseRecorder, PHASES } from './phases';
import { startBenchStack } from './stack';

const flows = Number(process.argv[2] ?? 200);
if (!Number.isInteger(flows) || flows < 1 || flows > 1000) {
  console.error('usage: tsx bench/latency-only.ts [flows 1..1000]');
  process.exit(2);
}
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const before = load();
const stack = await startBenchStack({ rateLimitPerMinute: 1_000_000_000, logger: true });
const phases = phaseRecorder();
try {
  const core = await coreLatency(stack, flows, 5, phases);
  console.log(
    JSON.stringify(
      {
        loadAverage: { before, after: load() },
        core,
        phases: phases.summary(),
        phaseMeaning: Object.fromEntries(PHASES),
      },
      null,
      2,
    ),
  );
} finally {
  phases.close();
  await stack.close();
}

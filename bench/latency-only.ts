// `npx tsx bench/latency-only.ts [flows]`: only the completion latency to the core of `npm run bench`
// (consent redirect → core "authenticated"), with the phases between (bench/phases.ts), printed as
// JSON; bench/results.json is untouched.
import { coreLatency } from './latency';
import { phaseRecorder, PHASES } from './phases';
import { startBenchStack } from './stack';
import { runAlone } from './alone';

await runAlone(
  { usage: 'tsx bench/latency-only.ts [flows 1..1000]', fallback: 200, min: 1, max: 1000 },
  async (flows) => {
    const stack = await startBenchStack({ rateLimitPerMinute: 1_000_000_000, logger: true });
    const phases = phaseRecorder();
    try {
      const core = await coreLatency(stack, flows, 5, phases);
      return { core, phases: phases.summary(), phaseMeaning: Object.fromEntries(PHASES) };
    } finally {
      phases.close();
      await stack.close();
    }
  },
);

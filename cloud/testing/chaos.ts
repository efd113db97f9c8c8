// The chaos run (issue 23, item 7): many sign-ins at once through the real parts — the sandbox in this
// process, the cloud as a real process (the CLI, PGlite in a data directory), desktop cores with the real
// keychain behind a loopback proxy — while faults are injected: kill -9 and restart of the cloud, LWA
// 500/503 and slow answers, connection-drop windows, lost answers to "register platform", desktop core
// restarts. Each flow is a merchant: ANMELDEN, the seller signs in and consents (reloading Amazon's
// redirect when the cloud did not answer it), and ANMELDEN again after a clear error, a few times.
// At the end every flow is classified against the desktop's and the cloud's state: authenticated, clear
// error (a code with a German text), stuck (still waiting, or nothing to tell), lost (one side has the
// seller's authorization, the other does not; a cloud platform no desktop knows), mixed up (another
// seller than the one who consented). Used by cloud/chaos.test.ts (bounded) and bench/chaos.ts (1,000).
import type { ChaosOptions, ChaosResult } from './chaos-types';
import { injectFaults, startRig, stopRig } from './chaos-rig';
import { runFlow, type FlowRecord } from './chaos-flow';
import { classify } from './chaos-classify';

/** A small seeded generator, so a run can be repeated. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

/** Runs the flows with the faults and classifies every flow. */
export async function runChaos(options: ChaosOptions): Promise<ChaosResult> {
  const started = Date.now();
  const rig = await startRig(options);
  const counts: Record<string, number> = {};
  const rnd = random(options.seed ?? 23);
  try {
    let next = 0;
    let done = 0;
    const records: FlowRecord[] = [];
    const worker = async () => {
      while (next < options.flows) {
        const i = next++;
        records.push(await runFlow(rig, i, options));
        if (++done % 50 === 0) options.log?.(`${done} of ${options.flows} flows ended`);
      }
    };
    const chaos = injectFaults(rig, options, () => done < options.flows, counts, rnd);
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    await chaos;
    return {
      ...(await classify(rig, records)),
      faults: counts,
      durationMs: Date.now() - started,
      flows: options.flows,
    };
  } finally {
    await stopRig(rig);
  }
}

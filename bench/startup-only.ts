// `npx tsx bench/startup-only.ts [runs]`: only the UI start-up part of `npm run bench` (issue 15's
// start-up figure; by default as many launches), with its baseline from the same run, printed as JSON;
// bench/results.json is untouched.
import { startup, STARTUP_RUNS } from './startup';
import { runAlone } from './alone';

const x = (a: number, b: number) => Math.round((a / b) * 100) / 100;
const kib = (bytes: number) => Math.round(bytes / 102.4) / 10;

await runAlone(
  { usage: 'tsx bench/startup-only.ts [runs 1..50]', fallback: STARTUP_RUNS, min: 1, max: 50 },
  async (runs) => {
    const r = await startup(runs);
    return {
      timeToList: {
        app: r.listRenderedMs.profiles0,
        emptyPage: r.listRenderedMs.emptyPage,
        ratio: x(r.listRenderedMs.profiles0, r.listRenderedMs.emptyPage),
        profiles1000: r.listRenderedMs.profiles1000,
      },
      firstScreenKiB: {
        app: kib(r.gzipBytes.firstScreen),
        emptyPage: kib(r.gzipBytes.emptyPage),
        ratio: x(r.gzipBytes.firstScreen, r.gzipBytes.emptyPage),
        allChunksKiB: kib(r.gzipBytes.renderer),
      },
      samplesMs: r.samplesMs,
      phasesMs: r.phasesMs,
      firstScreenFiles: r.gzipBytes.firstScreenFiles,
    };
  },
);

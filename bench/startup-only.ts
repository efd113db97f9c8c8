// `npx tsx bench/startup-only.ts [runs]`: only the UI start-up part of `npm run bench` (issue 15's
// start-up figure; by default as many launches), with its baseline from the same run, printed as JSON;
// bench/results.json is untouched.
import os from 'node:os';
import { startup, STARTUP_RUNS } from './startup';

const runs = Number(process.argv[2] ?? STARTUP_RUNS);
if (!Number.isInteger(runs) || runs < 1 || runs > 50) {
  console.error('usage: tsx bench/startup-only.ts [runs 1..50]');
  process.exit(2);
}
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const before = load();
const r = await startup(runs);
const x = (a: number, b: number) => Math.round((a / b) * 100) / 100;
console.log(
  JSON.stringify(
    {
      loadAverage: { before, after: load() },
      timeToList: {
        app: r.listRenderedMs.profiles0,
        emptyPage: r.listRenderedMs.emptyPage,
        ratio: x(r.listRenderedMs.profiles0, r.listRenderedMs.emptyPage),
        profiles1000: r.listRenderedMs.profiles1000,
      },
      firstScreenKiB: {
        app: Math.round(r.gzipBytes.firstScreen / 102.4) / 10,
        emptyPage: Math.round(r.gzipBytes.emptyPage / 102.4) / 10,
        ratio: x(r.gzipBytes.firstScreen, r.gzipBytes.emptyPage),
        allChunksKiB: Math.round(r.gzipBytes.renderer / 102.4) / 10,
      },
      samplesMs: r.samplesMs,
      phasesMs: r.phasesMs,
      firstScreenFiles: r.gzipBytes.firstScreenFiles,
    },
    null,
    2,
  ),
);

// `npx tsx bench/throughput-only.ts [rounds] [--wrk] [--seconds N]`: only the status-endpoint throughput
// of `npm run bench` (issue 26), against the bare route, measured as the full bench measures it
// (bench/throughput-pair.ts: both servers started once, one warm-up round each, interleaved rounds in
// alternating order, servers and generators pinned apart where there are two CPUs); with --wrk, every
// round also by `wrk -t1 -c32` as the independent check. Prints the pair as JSON with the load average
// before and after; bench/results.json is untouched.
import { loadAverage } from './alone';
import { measurePair, startPair } from './throughput-pair';

const args = process.argv.slice(2);
const rounds = Number(args.find((a) => /^\d+$/.test(a)) ?? 3);
const secondsAt = args.indexOf('--seconds');
const seconds = secondsAt >= 0 ? Number(args[secondsAt + 1]) : 4;
if (!Number.isInteger(rounds) || rounds < 1 || rounds > 15 || !(seconds >= 1 && seconds <= 8)) {
  console.error('usage: tsx bench/throughput-only.ts [rounds 1..15] [--wrk] [--seconds 1..8]');
  process.exit(2);
}

const before = loadAverage();
const { status, bare, close } = await startPair();
try {
  const pair = await measurePair(status, bare, { rounds, seconds, wrk: args.includes('--wrk') }, (line) =>
    console.error(`${line} (load ${loadAverage()})`),
  );
  console.log(JSON.stringify({ loadAverage: { before, after: loadAverage() }, ...pair }, null, 2));
} finally {
  await close();
}

// What the scripts that run one part of the bench alone share (latency-only, startup-only,
// throughput-only): the machine's load beside each figure, a count argument, the JSON they print.
import os from 'node:os';

/** The load averages over 1, 5 and 15 minutes, as noted beside every figure of a shared machine. */
export const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

/**
 * Reads the count argument (`process.argv[2]`, whole, within `min`..`max`; else prints `usage` and exits
 * 2), runs `measure` with it and prints its result as JSON with the load average before and after.
 */
export async function runAlone<T extends object>(
  arg: { usage: string; fallback: number; min: number; max: number },
  measure: (count: number) => Promise<T>,
): Promise<void> {
  const count = Number(process.argv[2] ?? arg.fallback);
  if (!Number.isInteger(count) || count < arg.min || count > arg.max) {
    console.error(`usage: ${arg.usage}`);
    process.exit(2);
  }
  const before = loadAverage();
  const result = await measure(count);
  console.log(JSON.stringify({ loadAverage: { before, after: loadAverage() }, ...result }, null, 2));
}

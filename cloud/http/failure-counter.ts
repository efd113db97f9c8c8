// Failed attempts per key (a Client-ID, a client address) in fixed one-minute windows, in memory.
// Bounded: an attacker inventing keys evicts the oldest windows instead of growing the map.
interface FailureCounter {
  /** Counts one failure for `key`; returns the seconds until its window resets when it is over the limit. */
  fail(key: string): number | undefined;
  /** Seconds until `key`'s window resets when it is already over the limit (counts nothing). */
  over(key: string): number | undefined;
}

export function createFailureCounter(
  limit: number,
  now: () => number,
  opts: { windowMs?: number; maxKeys?: number } = {},
): FailureCounter {
  const windowMs = opts.windowMs ?? 60_000;
  const maxKeys = opts.maxKeys ?? 10_000;
  const windows = new Map<string, { count: number; resetAt: number }>();
  return {
    fail(key) {
      const t = now();
      let w = windows.get(key);
      if (!w || w.resetAt <= t) {
        windows.delete(key);
        if (windows.size >= maxKeys) windows.delete(windows.keys().next().value!);
        w = { count: 0, resetAt: t + windowMs };
        windows.set(key, w);
      }
      w.count++;
      return w.count > limit ? Math.max(1, Math.ceil((w.resetAt - t) / 1000)) : undefined;
    },
    over(key) {
      const t = now();
      const w = windows.get(key);
      return w && w.resetAt > t && w.count >= limit ? Math.max(1, Math.ceil((w.resetAt - t) / 1000)) : undefined;
    },
  };
}

// A change counter per key, for caches fed by the notifier: a reader notes the generation before it
// reads the database and keeps the result only if it is unchanged afterwards, so a change that raced
// with the read is not hidden. A resync (changes may have been missed) bumps every key at once.
import type { AuthorizationNotifier } from './notifier';

interface Generations {
  of(key: string): number;
}

/**
 * Counts `notifier`'s changes per key (`keyOf` maps a notification to its key, or undefined to skip it),
 * keeping at most `maxKeys` counters, and calls `onChange(key)` / `onResync()` so the cache drops its
 * entries.
 */
export function trackGenerations(
  notifier: AuthorizationNotifier,
  hooks: {
    keyOf?: (notified: string) => string | undefined;
    onChange(key: string): void;
    onResync(): void;
    maxKeys?: number;
  },
): Generations {
  const counts = new Map<string, number>();
  // Added to every key's generation: one increment changes them all.
  let epoch = 0;
  notifier.subscribeResync(() => {
    hooks.onResync();
    epoch++;
  });
  notifier.subscribeAll((notified) => {
    const key = hooks.keyOf ? hooks.keyOf(notified) : notified;
    if (key === undefined) return;
    hooks.onChange(key);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    // Counters of keys nobody reads any more need not live for ever.
    if (hooks.maxKeys !== undefined && counts.size > hooks.maxKeys) counts.delete(counts.keys().next().value!);
  });
  return { of: (key) => epoch + (counts.get(key) ?? 0) };
}

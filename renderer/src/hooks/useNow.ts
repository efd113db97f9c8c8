import { useEffect, useState } from 'react';

/**
 * The renderer's clock. Tests set `clock.now` to a fixed time (the renewal warning starts 30 days
 * before a date a year away; nothing waits for it).
 */
export const clock = { now: (): number => Date.now() };

/** The current time, re-rendered every `ms` while `active`. */
export function useNow(active = true, ms = 1000): number {
  const [now, setNow] = useState(() => clock.now());
  useEffect(() => {
    if (!active) return;
    // Catch up after a pause; right after mounting the time is fresh, and an update would render again.
    setNow((prev) => {
      const t = clock.now();
      return Math.abs(t - prev) < ms ? prev : t;
    });
    const timer = setInterval(() => setNow(clock.now()), ms);
    return () => clearInterval(timer);
  }, [active, ms]);
  return now;
}

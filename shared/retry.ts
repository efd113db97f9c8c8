// Waiting between retries, for the desktop (cloud unreachable, queued deletions) and the cloud (Amazon's
// token endpoint): exponential backoff with "full jitter" as the AWS Architecture Blog names it
// (delay = random between 0 and min(cap, base·2^attempt)), so many clients that failed together do not
// come back in lockstep; and the Retry-After header (RFC 9110 §10.2.3: delta-seconds or an HTTP date).

export interface BackoffOptions {
  baseMs: number;
  /** No single delay is longer than this, whatever the attempt. */
  capMs: number;
  random?: () => number;
}

export function backoffDelay(attempt: number, opts: BackoffOptions): number {
  const ceiling = Math.min(opts.capMs, opts.baseMs * 2 ** Math.min(Math.max(0, attempt), 30));
  return Math.round((opts.random ?? Math.random)() * ceiling);
}

/** Resolves after `ms`, or at once (without throwing) when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, Math.max(0, ms));
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}

/** A server may not make us wait longer than this, whatever its header says. */
export const MAX_RETRY_AFTER_SECONDS = 3600;

/** Seconds a Retry-After value asks for (delta-seconds or HTTP date), capped; undefined when absent or unreadable. */
export function retryAfterSeconds(value: string | null | undefined, nowMs: number): number | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (/^\d+$/.test(v)) return Math.min(MAX_RETRY_AFTER_SECONDS, Number(v));
  // An HTTP date names a weekday and month; Date.parse would also read "-3" as a year.
  if (!/[a-z]{3}/i.test(v)) return undefined;
  const date = Date.parse(v);
  return Number.isNaN(date)
    ? undefined
    : Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(0, Math.ceil((date - nowMs) / 1000)));
}

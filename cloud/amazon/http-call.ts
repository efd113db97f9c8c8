// One HTTP call to Amazon with a timeout. fetch (Node 20) keeps the dependency list short; a network
// failure or timeout comes back as `{ kind: 'network' }` so callers decide whether to retry.
export type HttpOutcome =
  | { kind: 'response'; status: number; headers: Headers; body: unknown }
  | { kind: 'network'; reason: string };

/** Told about every finished call (metrics): seconds taken, and the HTTP status or `network`/`timeout`. */
export type CallObserver = (seconds: number, result: string) => void;

export async function httpCall(url: string, init: RequestInit, timeoutMs: number, observe?: CallObserver): Promise<HttpOutcome> {
  const started = performance.now();
  const outcome = await call(url, init, timeoutMs);
  observe?.((performance.now() - started) / 1000, outcome.kind === 'response' ? String(outcome.status) : outcome.reason === 'timeout' ? 'timeout' : 'network');
  return outcome;
}

async function call(url: string, init: RequestInit, timeoutMs: number): Promise<HttpOutcome> {
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // Amazon's proxies sometimes answer 5xx with HTML; keep the text.
    }
    return { kind: 'response', status: res.status, headers: res.headers, body };
  } catch (err) {
    const name = err instanceof Error ? err.name : 'Error';
    return { kind: 'network', reason: name === 'TimeoutError' ? 'timeout' : name };
  }
}

/** Exponential backoff with full jitter: base·2^attempt scaled by a random factor in [0.5, 1.5). */
export function backoffMs(baseMs: number, attempt: number, random: () => number = Math.random): number {
  return Math.round(baseMs * 2 ** attempt * (0.5 + random()));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Seconds from a Retry-After header (delta-seconds or HTTP date), if present. */
export function retryAfterSeconds(headers: Headers, nowMs: number): number | undefined {
  const value = headers.get('retry-after');
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - nowMs) / 1000));
}

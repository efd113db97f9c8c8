// One HTTP call to Amazon with a timeout. fetch (Node 20) keeps the dependency list short; a network
// failure or timeout comes back as `{ kind: 'network' }` so callers decide whether to retry. Every call
// names the cloud in its User-Agent (user-agent.ts).
import { AMAZON_USER_AGENT } from './user-agent';

export type HttpOutcome =
  { kind: 'response'; status: number; headers: Headers; body: unknown } | { kind: 'network'; reason: string };

/** Told about every finished call (metrics): seconds taken, and the HTTP status or `network`/`timeout`. */
export type CallObserver = (seconds: number, result: string) => void;

export async function httpCall(
  url: string,
  init: RequestInit,
  timeoutMs: number,
  observe?: CallObserver,
): Promise<HttpOutcome> {
  const started = performance.now();
  const outcome = await call(url, init, timeoutMs);
  observe?.(
    (performance.now() - started) / 1000,
    outcome.kind === 'response' ? String(outcome.status) : outcome.reason === 'timeout' ? 'timeout' : 'network',
  );
  return outcome;
}

async function call(url: string, init: RequestInit, timeoutMs: number): Promise<HttpOutcome> {
  try {
    const headers = new Headers(init.headers);
    headers.set('user-agent', AMAZON_USER_AGENT);
    const res = await fetch(url, { ...init, headers, signal: AbortSignal.timeout(timeoutMs) });
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

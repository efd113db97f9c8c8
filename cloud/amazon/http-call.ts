// One HTTP call to Amazon with a timeout. fetch (Node 20) keeps the dependency list short; a network
// failure or timeout comes back as `{ kind: 'network' }` so callers decide whether to retry.
export type HttpOutcome =
  | { kind: 'response'; status: number; headers: Headers; body: unknown }
  | { kind: 'network'; reason: string };

export async function httpCall(url: string, init: RequestInit, timeoutMs: number): Promise<HttpOutcome> {
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



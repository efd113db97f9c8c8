// One HTTP call to Amazon with a timeout, on node:http(s) and its global keep-alive agents (the same
// connection serves the next call to the same host). fetch cost ~1.1 ms per call on loopback against
// ~0.55 ms for this (its web streams and Headers objects), and a sign-in makes two calls on the path to
// the desktop's answer (issue 26, bench/README.md). Redirects are not followed (Amazon's APIs answer
// where they are asked) and an answer over MAX_BODY_BYTES is refused. A network failure, timeout or
// oversize answer comes back as `{ kind: 'network' }` so callers decide whether to retry. Every call
// names the cloud in its User-Agent (user-agent.ts).
import http from 'node:http';
import https from 'node:https';
import { AMAZON_USER_AGENT } from './user-agent';

/** The one thing callers read from an answer's headers. */
export interface ResponseHeaders {
  get(name: string): string | null;
}

export type HttpOutcome =
  { kind: 'response'; status: number; headers: ResponseHeaders; body: unknown } | { kind: 'network'; reason: string };

/** Told about every finished call (metrics): seconds taken, and the HTTP status or `network`/`timeout`. */
export type CallObserver = (seconds: number, result: string) => void;

interface HttpCallInit {
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string | URLSearchParams;
}

/** LWA's and SP-API's answers are JSON documents of a few KB; anything far bigger is not one. */
export const MAX_BODY_BYTES = 1024 * 1024;

export async function httpCall(
  url: string,
  init: HttpCallInit,
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

const headersOf = (raw: http.IncomingHttpHeaders): ResponseHeaders => ({
  get(name) {
    const value = raw[name.toLowerCase()];
    return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
  },
});

async function call(url: string, init: HttpCallInit, timeoutMs: number): Promise<HttpOutcome> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const { status, headers, text } = await exchange(url, init, signal).catch((err: unknown) => {
      // A kept-alive connection the other side closed while idle fails the request sent on it before it
      // reached the server (Node's documented race): sent once more, on a new connection.
      if (err instanceof StaleConnectionError && !signal.aborted) return exchange(url, init, signal);
      throw err;
    });
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // Amazon's proxies sometimes answer 5xx with HTML; keep the text.
    }
    return { kind: 'response', status, headers: headersOf(headers), body };
  } catch (err) {
    if (signal.aborted) return { kind: 'network', reason: 'timeout' };
    if (err instanceof OversizeError) return { kind: 'network', reason: 'oversize' };
    return { kind: 'network', reason: err instanceof Error ? err.name : 'Error' };
  }
}

class OversizeError extends Error {
  override name = 'OversizeError';
}

class StaleConnectionError extends Error {
  override name = 'StaleConnectionError';
}

/** The request, and its answer read whole (up to MAX_BODY_BYTES) as UTF-8; rejects on any failure. */
function exchange(
  url: string,
  init: HttpCallInit,
  signal: AbortSignal,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  const body = init.body === undefined ? undefined : Buffer.from(String(init.body), 'utf8');
  const headers: Record<string, string | number> = { ...init.headers, 'user-agent': AMAZON_USER_AGENT };
  if (body) headers['content-length'] = body.length;
  const send = new URL(url).protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = send(url, { method: init.method, headers, signal }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) {
          reject(new OversizeError());
          req.destroy();
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
      // Cut off before its end (the timeout, the connection lost): 'end' never comes.
      res.on('close', () => {
        if (!res.complete) reject(new Error('answer cut off'));
      });
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      const stale = req.reusedSocket && (err.code === 'ECONNRESET' || err.code === 'EPIPE') && !answered;
      reject(stale ? new StaleConnectionError() : err);
    });
    req.end(body);
  });
}

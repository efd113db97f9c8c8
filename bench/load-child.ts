// The closed-loop load generator of bench/load.ts, in a process of its own (so it neither shares an
// event loop with the bench's sandbox nor, when pinned, a core with the server it measures): each of
// `connections` keep-alive sockets sends the next GET as soon as the last answer is complete. Raw
// sockets and one request buffer written again and again, as wrk does: per answer only the header
// block's end, the status code and Content-Length are read, so the generator's own CPU per request is
// a fraction of the servers' (undici's Pool cost more than the bare route itself: issue 26).
// Config in LOAD_CHILD (JSON), the result sent over IPC.
import net from 'node:net';
import { percentile, round } from './stats';

export interface LoadChildConfig {
  host: string;
  port: number;
  path: string;
  headers: Record<string, string>;
  connections: number;
  durationMs: number;
  warmupMs: number;
}

const config = JSON.parse(process.env.LOAD_CHILD ?? '{}') as LoadChildConfig;
const request = Buffer.from(
  `GET ${config.path} HTTP/1.1\r\nHost: ${config.host}:${config.port}\r\n` +
    Object.entries(config.headers)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('') +
    '\r\n',
);
const HEADER_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = /\r\ncontent-length:\s*(\d+)/i;

const now = () => performance.now();
const start = now();
const measureFrom = start + config.warmupMs;
const end = measureFrom + config.durationMs;
let requests = 0;
let errors = 0;
let non2xx = 0;
const latencies: number[] = [];

/** One connection's loop; resolves when the time is up (or the connection failed). */
function connection(): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: config.host, port: config.port, noDelay: true });
    let buffered: Buffer = Buffer.alloc(0);
    let sentAt = 0;
    const send = () => {
      if (now() >= end) {
        socket.end();
        return resolve();
      }
      sentAt = now();
      socket.write(request);
    };
    socket.on('connect', send);
    socket.on('data', (chunk: Buffer) => {
      buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
      const headerEnd = buffered.indexOf(HEADER_END);
      if (headerEnd < 0) return;
      const head = buffered.toString('latin1', 0, headerEnd);
      const length = CONTENT_LENGTH.exec(head);
      if (!length) {
        // Counted as an error by 'close' (no Content-Length: not an answer this generator can frame).
        socket.destroy();
        return resolve();
      }
      const total = headerEnd + 4 + Number(length[1]);
      if (buffered.length < total) return;
      buffered = buffered.subarray(total);
      const done = now();
      if (sentAt >= measureFrom && done <= end) {
        requests++;
        if (head.charCodeAt(9) !== 50 /* '2' of "HTTP/1.1 2xx" */) non2xx++;
        if (latencies.length < 200_000) latencies.push(done - sentAt);
      }
      send();
    });
    socket.on('error', () => resolve());
    // The server closing a connection before the time is up is an error too.
    socket.on('close', () => {
      if (now() < end) errors++;
      resolve();
    });
  });
}

await Promise.all(Array.from({ length: config.connections }, connection));
process.send!({
  requestsPerSecond: Math.round(requests / (config.durationMs / 1000)),
  requests,
  errors,
  non2xx,
  latencyP50Ms: round(percentile(latencies, 50), 2),
  latencyP99Ms: round(percentile(latencies, 99), 2),
});

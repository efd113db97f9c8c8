// Test harness: a real HTTP proxy on a free loopback port in front of the cloud, for what goes wrong on
// the wire. It forwards every request; a rule can let the cloud answer a matching request and then cut
// the connection before the answer reaches the client (a lost answer), and `down` cuts every request
// (a network drop). It records each request's method, path and headers.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
}

export interface ChaosProxy {
  url: string;
  requests: RecordedRequest[];
  /** The next `times` requests matching method and path prefix reach the cloud; their answers are dropped. */
  dropAnswers(method: string, pathPrefix: string, times?: number): void;
  /** While true, every request is cut at once without reaching the cloud. */
  down: boolean;
  /** Points the proxy at another upstream (a restarted cloud on a new port). */
  retarget(upstream: string): void;
  close(): Promise<void>;
}

export async function startChaosProxy(upstream: string): Promise<ChaosProxy> {
  let target = new URL(upstream);
  const rules: Array<{ method: string; prefix: string; left: number }> = [];
  const requests: RecordedRequest[] = [];
  const state = { down: false };
  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ method: req.method ?? '', path, headers: req.headers });
    if (state.down) return void req.socket.destroy();
    const rule = rules.find((r) => r.left > 0 && r.method === req.method && path.startsWith(r.prefix));
    if (rule) rule.left -= 1;
    const out = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path,
        headers: { ...req.headers, host: target.host },
      },
      (answer) => {
        if (rule) {
          // The cloud has done the work; the client never learns the outcome.
          answer.resume();
          answer.on('end', () => req.socket.destroy());
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on('error', () => req.socket.destroy());
    req.pipe(out);
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    dropAnswers(method, prefix, times = 1) {
      rules.push({ method, prefix, left: times });
    },
    get down() {
      return state.down;
    },
    set down(v: boolean) {
      state.down = v;
    },
    retarget(next) {
      target = new URL(next);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

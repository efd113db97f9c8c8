// The browser host: the same core in Node, the built renderer on 127.0.0.1, and the typed API carried
// over a WebSocket guarded by a random per-launch token (and the Origin/Host headers, against DNS
// rebinding and other local pages).
import http from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Core } from '../core/core';
import { contentSecurityPolicy, serveStatic } from './static-files';
import { FIRST_STATE_PATH, parseClientMessage, type FirstState, type ServerMessage } from '../../shared/ws-protocol';

interface BrowserHostOptions {
  core: Core;
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface BrowserHost {
  /** Base URL, e.g. http://127.0.0.1:5123 */
  origin: string;
  /** The URL to open: origin plus the token in the fragment (never sent to the server in requests). */
  url: string;
  close(): Promise<void>;
}

/** The largest frame (and message) the page may send; larger ones close the connection with 1009. */
const MAX_FRAME_BYTES = 1024 * 1024;

/**
 * The request target as a URL, or undefined when it is not one we serve (answered 400 before any
 * handler sees it). Node's parser lets request lines such as `GET http://[ HTTP/1.1` through, and
 * `new URL` throws on them. Origin-form (`/path?query`) is what browsers send; absolute-form
 * (`http://127.0.0.1:port/path`, RFC 9112 §3.2.2) is accepted for this host only.
 */
function parseRequestTarget(target: string | undefined, ownHosts: readonly string[]): URL | undefined {
  if (!target) return undefined;
  try {
    if (target.startsWith('/')) return target.startsWith('//') ? undefined : new URL(target, 'http://host.invalid');
    const url = new URL(target);
    return url.protocol === 'http:' && ownHosts.includes(url.host) && !url.username && !url.password ? url : undefined;
  } catch {
    return undefined;
  }
}

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export async function startBrowserHost(opts: BrowserHostOptions): Promise<BrowserHost> {
  const token = opts.token ?? randomBytes(32).toString('base64url');
  let origin = '';
  let allowedHosts: string[] = [];
  /** The origins the page may have: the one we open, and the same port as localhost. */
  const pageOrigins = () => [origin, origin.replace('127.0.0.1', 'localhost')];

  const server = http.createServer((req, res) => {
    if (!allowedHosts.includes(req.headers.host ?? '')) {
      res.writeHead(421, { 'Content-Type': 'text/plain' }).end('misdirected request');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const url = parseRequestTarget(req.url, allowedHosts);
    if (!url) {
      res.writeHead(400, { 'Content-Type': 'text/plain', Connection: 'close' }).end('bad request target');
      return;
    }
    if (url.pathname === FIRST_STATE_PATH) {
      answerFirstState(req, res);
      return;
    }
    const wsOrigin = origin.replace(/^http/, 'ws');
    serveStatic(opts.rendererDir, url, req, res, contentSecurityPolicy(wsOrigin)).catch(() => {
      // serveStatic answers every failure itself; this only guards against a broken socket.
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });

  /**
   * The first screen's state (shared/ws-protocol.ts). The token comes in a header, never in a URL, and
   * a header another site cannot send without a CORS preflight, which is never granted; a request a
   * browser marks as coming from elsewhere (Origin, Sec-Fetch-Site) is refused before the token is
   * looked at.
   */
  const answerFirstState = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const headers = {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    };
    const fail = (status: number, code: string) =>
      res.writeHead(status, headers).end(JSON.stringify({ error: { code } }));
    if (req.method !== 'GET') return void res.writeHead(405, { Allow: 'GET' }).end();
    const site = req.headers['sec-fetch-site'];
    if (
      (req.headers.origin !== undefined && !pageOrigins().includes(req.headers.origin)) ||
      (site !== undefined && site !== 'same-origin')
    )
      return fail(403, 'FORBIDDEN');
    const bearer = /^Bearer ([A-Za-z0-9_-]{1,128})$/.exec(req.headers.authorization ?? '')?.[1];
    if (!bearer || !sameSecret(bearer, token)) return fail(401, 'UNAUTHORIZED');
    void readFirstState(opts.core).then((state) => res.writeHead(200, headers).end(JSON.stringify(state)));
  };

  // Without a listener Node drops CONNECT requests without a word; answer them like other methods.
  server.on('connect', (_req, socket) => {
    socket.on('error', () => socket.destroy());
    socket.end('HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  server.on('upgrade', (req, socket, head) => {
    // Until ws takes the socket over, a reset by the client must not become an unhandled 'error'.
    socket.on('error', () => socket.destroy());
    const url = parseRequestTarget(req.url, allowedHosts);
    if (!url) {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const originOk = pageOrigins().includes(req.headers.origin ?? '');
    const tokenOk = sameSecret(url.searchParams.get('token') ?? '', token);
    if (url.pathname !== '/api' || !originOk || !tokenOk || !allowedHosts.includes(req.headers.host ?? '')) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws, opts.core));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];

  return {
    origin,
    url: `${origin}/#token=${token}`,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The first screen's state: the list and the app info, as the core answers those requests. */
async function readFirstState(core: Core): Promise<FirstState> {
  const [list, appInfo] = await Promise.all([
    core.invoke('listPlatforms', undefined),
    core.invoke('getAppInfo', undefined),
  ]);
  return { list: list as FirstState['list'], appInfo: appInfo as FirstState['appInfo'] };
}

function attach(ws: WebSocket, core: Core) {
  // ws reports a protocol violation (oversized frame, invalid UTF-8, RSV1, unmasked frame, bad close
  // code, fragmented control frame, unknown opcode) as an 'error' event after it has started closing
  // the connection with the matching close code (1009, 1007, 1002) and ends the socket once that
  // frame is out. Without a listener the event would be thrown and end the host; nothing else to do.
  ws.on('error', () => {});
  const send = (msg: ServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
  };
  const sentSinceConnect = new Set<string>();
  const unsubscribe = core.onEvent((name, payload) => {
    sentSinceConnect.add(name);
    send({ type: 'event', name, payload });
  });
  ws.on('close', unsubscribe);
  // The current state, pushed as the two change events right after the handshake: the page's first
  // state came over HTTP (FIRST_STATE_PATH) and the socket opens only later, so a change in between
  // reaches it this way, with no request of its own. Each event carries the whole state, so one of the
  // same name sent meanwhile is as new as the read: then it stands. Errors are left to the page's own
  // requests, which answer with them.
  void readFirstState(core).then(({ list, appInfo }) => {
    if (list.ok && !sentSinceConnect.has('platformsChanged'))
      send({ type: 'event', name: 'platformsChanged', payload: list.value });
    if (appInfo.ok && !sentSinceConnect.has('appInfoChanged'))
      send({ type: 'event', name: 'appInfoChanged', payload: appInfo.value });
  });
  ws.on('message', (data, isBinary) => void answer(data.toString(), isBinary));
  async function answer(data: string, isBinary: boolean): Promise<void> {
    const msg = isBinary ? null : parseClientMessage(data);
    if (!msg) {
      send({
        type: 'error',
        error: { code: 'INVALID_MESSAGE', detail: 'expected {type:"request", id, name, payload}' },
      });
      return;
    }
    if (msg.type === 'invalid') {
      send({
        type: 'result',
        id: msg.id,
        result: {
          ok: false,
          error: { code: 'UNKNOWN_REQUEST', detail: 'the request name must be text of at most 64 characters' },
        },
      });
      return;
    }
    const result = await core.invoke(msg.name, msg.payload);
    send({ type: 'result', id: msg.id, result });
  }
}

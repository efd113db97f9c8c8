// The HTTP client of the Amazon calls against a scripted local server: answers read whole, redirects
// not followed, oversize answers and stalls refused, one kept-alive connection for consecutive calls.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { closeServer, listenOnLoopback } from '../testing/loopback-server';
import { httpCall, MAX_BODY_BYTES } from './http-call';

let handler: (req: IncomingMessage, res: ServerResponse) => void;
let requests: { url: string; body: string; userAgent: string | undefined }[];
let connections: number;
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      requests.push({ url: req.url ?? '', body, userAgent: req.headers['user-agent'] });
      handler(req, res);
    });
  });
  server.on('connection', () => connections++);
  base = await listenOnLoopback(server);
});
afterAll(() => closeServer(server));
beforeEach(() => {
  requests = [];
  connections = 0;
  server.closeAllConnections();
});

const post = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' } } as const;

describe('httpCall', () => {
  it('sends the body, reads JSON or text, and the headers by any case; one connection for both calls', async () => {
    handler = (req, res) => {
      res.writeHead(req.url === '/json' ? 200 : 503, { 'X-Amzn-RequestId': 'req-1' });
      res.end(req.url === '/json' ? '{"access_token":"a"}' : '<html>busy</html>');
    };
    const json = await httpCall(`${base}/json`, { ...post, body: new URLSearchParams({ code: 'c d' }) }, 2_000);
    const html = await httpCall(`${base}/html`, { method: 'GET' }, 2_000);
    expect(json).toMatchObject({ kind: 'response', status: 200, body: { access_token: 'a' } });
    expect(json.kind === 'response' && json.headers.get('x-amzn-requestid')).toBe('req-1');
    expect(html).toMatchObject({ kind: 'response', status: 503, body: '<html>busy</html>' });
    expect(requests.map((r) => r.body)).toEqual(['code=c+d', '']);
    expect(requests[0]!.userAgent).toMatch(/^AmazonCloudConnect\//);
    expect(connections).toBe(1);
  });

  it('sends a call again on a new connection when the kept-alive one was closed meanwhile', async () => {
    handler = (_req, res) => res.writeHead(200).end('{}');
    expect(await httpCall(`${base}/a`, { method: 'GET' }, 2_000)).toMatchObject({ status: 200 });
    server.closeAllConnections(); // the client has not seen the close yet when it sends the next call
    expect(await httpCall(`${base}/b`, { ...post, body: 'a=b' }, 2_000)).toMatchObject({ status: 200 });
    expect(requests.map((r) => r.url)).toEqual(['/a', '/b']);
  });

  it('does not follow a redirect', async () => {
    // fetch followed it: the token request would have gone wherever the answer pointed.
    handler = (req, res) => {
      if (req.url === '/token') res.writeHead(307, { location: `${base}/elsewhere` }).end();
      else res.writeHead(200).end('{}');
    };
    expect(await httpCall(`${base}/token`, { ...post, body: 'a=b' }, 2_000)).toMatchObject({ status: 307 });
    expect(requests.map((r) => r.url)).toEqual(['/token']);
  });

  it('refuses an answer over MAX_BODY_BYTES', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 'x');
      for (let sent = 0; sent <= MAX_BODY_BYTES; sent += chunk.length) res.write(chunk);
      res.end();
    };
    expect(await httpCall(`${base}/big`, { method: 'GET' }, 5_000)).toEqual({ kind: 'network', reason: 'oversize' });
  });

  it('times out an answer that stalls after its headers', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"access_token":');
    };
    const seen: string[] = [];
    const outcome = await httpCall(`${base}/stall`, { method: 'GET' }, 200, (_s, result) => seen.push(result));
    expect(outcome).toEqual({ kind: 'network', reason: 'timeout' });
    expect(seen).toEqual(['timeout']);
  });

  it('names a refused connection a network failure', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const outcome = await httpCall(`http://127.0.0.1:${port}/`, { method: 'GET' }, 2_000);
    expect(outcome.kind).toBe('network');
    expect(outcome).not.toMatchObject({ reason: 'timeout' });
  });
});

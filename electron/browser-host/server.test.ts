// The browser host over real HTTP and WebSocket on loopback: token, Origin and Host checks,
// static files confined to the renderer folder, the first screen's state over HTTP, and requests/events
// carried through.
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { FIRST_STATE_PATH } from '../../shared/ws-protocol';
import { startBrowserHost, type BrowserHost } from './server';
import { memoryCore } from '../core/testing/memory-core';
import { suiteTempDir } from '../../shared/testing/temp-dir';

const dir = suiteTempDir('acc-bh-');
let rendererDir: string;
let host: BrowserHost;
const token = 'test-token-0123456789abcdefghijklmnop';

beforeAll(async () => {
  rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside');
  const core = memoryCore(path.join(dir, 'profile'));
  host = await startBrowserHost({ core, rendererDir, token });
});
afterAll(async () => {
  await host.close();
});

function get(
  pathname: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const url = new URL(host.origin);
    const req = http.request({ host: '127.0.0.1', port: url.port, path: pathname, headers, method }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** An open socket, with its inbox attached before the handshake (the host pushes frames right after it). */
function connect(query: string, origin = host.origin): Promise<{ ws: WebSocket; box: ReturnType<typeof inbox> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${host.origin.replace('http', 'ws')}/api${query}`, { origin });
    const box = inbox(ws);
    ws.once('open', () => resolve({ ws, box }));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

/** Collects every frame so none is lost between two awaits. */
function inbox(ws: WebSocket) {
  const frames: unknown[] = [];
  const waiters: Array<(f: unknown) => void> = [];
  ws.on('message', (data) => {
    const frame = JSON.parse(data.toString());
    const waiter = waiters.shift();
    if (waiter) waiter(frame);
    else frames.push(frame);
  });
  return {
    next: () => (frames.length ? Promise.resolve(frames.shift()) : new Promise<unknown>((r) => waiters.push(r))),
    call(msg: unknown) {
      ws.send(typeof msg === 'string' ? msg : JSON.stringify(msg));
      return this.next();
    },
  };
}

describe('browser host', () => {
  it('listens on loopback only and serves the renderer with a CSP', async () => {
    expect(new URL(host.origin).hostname).toBe('127.0.0.1');
    const r = await get('/');
    expect(r.status).toBe(200);
    expect(r.body).toContain('<title>app</title>');
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(host.url).toBe(`${host.origin}/#token=${token}`);
  });

  it('never serves files outside the renderer folder', async () => {
    expect((await get('/../secret.txt')).body).not.toContain('outside');
    const encoded = await get('/%2e%2e/secret.txt');
    expect(encoded.status).toBe(404);
    expect(encoded.body).not.toContain('outside');
  });

  it('refuses requests for another Host (DNS rebinding)', async () => {
    expect((await get('/', { Host: 'evil.example:80' })).status).toBe(421);
  });

  it('refuses a WebSocket without the token, with a wrong token, or from another origin', async () => {
    await expect(connect('')).rejects.toThrow('403');
    await expect(connect('?token=wrong')).rejects.toThrow('403');
    await expect(connect(`?token=${token}`, 'http://evil.example')).rejects.toThrow('403');
  });

  it("answers the first screen's state to the page that has the token, in a header", async () => {
    const page = { Authorization: `Bearer ${token}`, 'Sec-Fetch-Site': 'same-origin' };
    const r = await get(FIRST_STATE_PATH, page);
    expect(r.status).toBe(200);
    expect(r.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(r.body)).toEqual({
      list: { ok: true, value: expect.any(Array) },
      appInfo: { ok: true, value: expect.objectContaining({ host: expect.any(String) }) },
    });
    // The same from the page opened as localhost (its Origin header, if the browser sends one).
    expect(
      (await get(FIRST_STATE_PATH, { ...page, Origin: host.origin.replace('127.0.0.1', 'localhost') })).status,
    ).toBe(200);
  });

  it('refuses the first state without the token, with a wrong one, from another site, and to other methods', async () => {
    const denied = async (headers: Record<string, string>, method = 'GET') => {
      const r = await get(FIRST_STATE_PATH, headers, method);
      expect(r.body).not.toContain('"list"');
      return r.status;
    };
    expect(await denied({})).toBe(401);
    expect(await denied({ Authorization: 'Bearer wrong' })).toBe(401);
    expect(await denied({ Authorization: token })).toBe(401);
    expect(await denied({ Authorization: `Bearer ${token}x` })).toBe(401);
    expect(await denied({ Authorization: `Bearer ${'a'.repeat(5000)}` })).toBe(401);
    expect((await get(`${FIRST_STATE_PATH}?token=${token}`)).status).toBe(401); // never from a URL
    expect(await denied({ Authorization: `Bearer ${token}`, Origin: 'http://evil.example' })).toBe(403);
    expect(await denied({ Authorization: `Bearer ${token}`, 'Sec-Fetch-Site': 'cross-site' })).toBe(403);
    expect(await denied({ Authorization: `Bearer ${token}`, 'Sec-Fetch-Site': 'same-site' })).toBe(403);
    expect(await denied({ Authorization: `Bearer ${token}`, Host: 'evil.example:80' })).toBe(421);
    expect(await denied({ Authorization: `Bearer ${token}` }, 'POST')).toBe(405);
    expect(await denied({ Authorization: `Bearer ${token}` }, 'HEAD')).toBe(405);
  });

  it('pushes the current list and app info as change events when the socket connects', async () => {
    const { ws, box } = await connect(`?token=${token}`);
    const pushed = [await box.next(), await box.next()];
    expect(pushed).toEqual(
      expect.arrayContaining([
        { type: 'event', name: 'platformsChanged', payload: expect.any(Array) },
        { type: 'event', name: 'appInfoChanged', payload: expect.objectContaining({ host: expect.any(String) }) },
      ]),
    );
    // The same state a request answers.
    const list = (pushed.find((f) => (f as { name: string }).name === 'platformsChanged') as { payload: unknown })
      .payload;
    expect(await box.call({ type: 'request', id: 1, name: 'listPlatforms' })).toEqual({
      type: 'result',
      id: 1,
      result: { ok: true, value: list },
    });
    ws.close();
  });

  it('carries requests and events, and rejects malformed frames', async () => {
    const { ws, box } = await connect(`?token=${token}`);
    await box.next(); // the two events pushed on connect (above)
    await box.next();
    expect(await box.call('not json')).toMatchObject({ type: 'error', error: { code: 'INVALID_MESSAGE' } });
    expect(await box.call({ type: 'request', id: 'x', name: 'listPlatforms' })).toMatchObject({ type: 'error' });
    // A name no request has, however long or whatever its type: an error result for that id, never silence.
    for (const name of ['x'.repeat(65), 'y'.repeat(5000), 42]) {
      expect(await box.call({ type: 'request', id: 7, name })).toEqual({
        type: 'result',
        id: 7,
        result: { ok: false, error: expect.objectContaining({ code: 'UNKNOWN_REQUEST' }) },
      });
    }
    // The event may arrive before or after the result; take both.
    const frames = [
      await box.call({ type: 'request', id: 1, name: 'createPlatform', payload: { type: 'amazon', name: 'A' } }),
      await box.next(),
    ];
    expect(frames).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'result', id: 1, result: expect.objectContaining({ ok: true }) }),
        expect.objectContaining({ type: 'event', name: 'platformsChanged' }),
      ]),
    );
    expect(
      await box.call({ type: 'request', id: 2, name: 'createPlatform', payload: { type: 'amazon' } }),
    ).toMatchObject({
      type: 'result',
      id: 2,
      result: { ok: false, error: { code: 'INVALID_INPUT' } },
    });
    ws.close();
  });
});

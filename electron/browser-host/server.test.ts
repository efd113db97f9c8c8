// The browser host over real HTTP and WebSocket on loopback: token, Origin and Host checks,
// static files confined to the renderer folder, and requests/events carried through.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';




import { startBrowserHost, type BrowserHost } from './server';
import { memoryCore } from '../core/testing/memory-core';

let dir: string;
let rendererDir: string;
let host: BrowserHost;
const token = 'test-token-0123456789abcdefghijklmnop';

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acc-bh-'));
  rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside');
  const core = memoryCore(path.join(dir, 'profile'));
  host = await startBrowserHost({ core, rendererDir, token });
});
afterAll(async () => {
  await host.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function get(pathname: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const url = new URL(host.origin);
    const req = http.request({ host: '127.0.0.1', port: url.port, path: pathname, headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

function connect(query: string, origin = host.origin): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${host.origin.replace('http', 'ws')}/api${query}`, { origin });
    ws.once('open', () => resolve(ws));
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

  it('carries requests and events, and rejects malformed frames', async () => {
    const ws = await connect(`?token=${token}`);
    const box = inbox(ws);
    expect(await box.call('not json')).toMatchObject({ type: 'error', error: { code: 'INVALID_MESSAGE' } });
    expect(await box.call({ type: 'request', id: 'x', name: 'listPlatforms' })).toMatchObject({ type: 'error' });
    // The event may arrive before or after the result; take both.
    const frames = [await box.call({ type: 'request', id: 1, name: 'createPlatform', payload: { type: 'amazon', name: 'A' } }), await box.next()];
    expect(frames).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'result', id: 1, result: expect.objectContaining({ ok: true }) }),
        expect.objectContaining({ type: 'event', name: 'platformsChanged' }),
      ]),
    );
    expect(await box.call({ type: 'request', id: 2, name: 'createPlatform', payload: { type: 'amazon' } })).toMatchObject({
      type: 'result',
      id: 2,
      result: { ok: false, error: { code: 'INVALID_INPUT' } },
    });
    ws.close();
  });
});

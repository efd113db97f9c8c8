// The browser host's WebSocket client against a real WebSocket server on loopback (the `ws` package's
// client stands in for the browser's WebSocket, which Node 20 lacks): the first requests go out before
// the store listens (boot.ts), so events in that gap are kept for the first listener, and only so many.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket as WsClient, WebSocketServer } from 'ws';
import { createWsApi } from './ws-api';

let server: WebSocketServer | undefined;
afterEach(async () => {
  vi.unstubAllGlobals();
  for (const c of server?.clients ?? []) c.terminate();
  await new Promise((r) => server?.close(r) ?? r(undefined));
  server = undefined;
});

/** A host that sends `events` as soon as a page connects, then answers every request with an empty list. */
async function hostSending(events: { name: string; payload: unknown }[]) {
  server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await once(server, 'listening');
  server.on('connection', (ws) => {
    for (const e of events) ws.send(JSON.stringify({ type: 'event', ...e }));
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as { id: number };
      ws.send(JSON.stringify({ type: 'result', id: msg.id, result: { ok: true, value: [] } }));
    });
  });
  vi.stubGlobal('WebSocket', WsClient);
  vi.stubGlobal('location', { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
}

describe('WebSocket client', () => {
  it('hands an event that came before anyone listened to the first listener of its name, once', async () => {
    await hostSending([{ name: 'platformsChanged', payload: [{ id: 'p1' }] }]);
    const api = createWsApi('token');
    expect(await api.listPlatforms()).toEqual({ ok: true, value: [] });
    const first = vi.fn();
    api.on('platformsChanged', first);
    await vi.waitFor(() => expect(first).toHaveBeenCalledWith([{ id: 'p1' }]));
    const second = vi.fn();
    api.on('platformsChanged', second);
    await new Promise((r) => setTimeout(r, 20));
    expect([first.mock.calls.length, second.mock.calls.length]).toEqual([1, 0]);
  });

  it('keeps at most the last 50 unheard events', async () => {
    await hostSending(Array.from({ length: 60 }, (_, i) => ({ name: 'notification', payload: { title: `t${i}`, body: '' } })));
    const api = createWsApi('token');
    await api.listPlatforms();
    const heard: string[] = [];
    api.on('notification', (n) => heard.push(n.title));
    await vi.waitFor(() => expect(heard).toHaveLength(50));
    expect([heard[0], heard.at(-1)]).toEqual(['t10', 't59']);
  });
});

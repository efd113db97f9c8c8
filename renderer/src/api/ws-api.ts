// window.api for the browser host: the same typed API over a WebSocket, authorised by the per-launch
// token (boot.ts takes it from the address). The host pushes the current list and app info as change
// events on every connection. The socket opens with the first request, or for listeners once the page
// is idle (the first state came over HTTP: api/index.ts).
import type { AppApi } from '../../../shared/ipc-contract';
import { EVENT_NAMES, REQUEST_NAMES } from '../../../shared/ipc-channels';
import type { Result } from '../../../shared/result';
import { FIRST_STATE_PATH, type ServerMessage } from '../../../shared/ws-protocol';
import { whenIdle } from '../when-idle';
import { bestEffort } from '../../../shared/best-effort';

export function createWsApi(token: string | null): AppApi {
  let socket: WebSocket | undefined;
  let opening: Promise<WebSocket> | undefined;
  let nextId = 1;
  let retryMs = 250;
  const pending = new Map<number, (r: Result<unknown>) => void>();
  const listeners = new Map<string, Set<(p: unknown) => void>>();

  const connect = (): Promise<WebSocket> => {
    if (socket?.readyState === WebSocket.OPEN) return Promise.resolve(socket);
    if (opening) return opening;
    opening = new Promise((resolve, reject) => {
      const url = `${location.origin.replace(/^http/, 'ws')}/api?token=${encodeURIComponent(token ?? '')}`;
      const ws = new WebSocket(url);
      ws.onopen = () => {
        socket = ws;
        opening = undefined;
        retryMs = 250;
        resolve(ws);
      };
      ws.onerror = () => {
        opening = undefined;
        reject(new Error('connection failed'));
      };
      ws.onclose = () => {
        socket = undefined;
        for (const [id, done] of pending) {
          done({ ok: false, error: { code: 'HOST_DISCONNECTED' } });
          pending.delete(id);
        }
        // Reconnect while someone listens for events, with a capped backoff.
        if (listeners.size > 0)
          setTimeout(
            () => void bestEffort('reconnecting to the browser host', connect),
            (retryMs = Math.min(retryMs * 2, 5000)),
          );
      };
      ws.onmessage = (e) => {
        let msg: ServerMessage;
        try {
          msg = JSON.parse(String(e.data)) as ServerMessage;
        } catch {
          return;
        }
        if (msg.type === 'result') {
          pending.get(msg.id)?.(msg.result);
          pending.delete(msg.id);
        } else if (msg.type === 'event') {
          for (const l of listeners.get(msg.name) ?? []) l(msg.payload);
        }
      };
    });
    return opening;
  };

  /**
   * For listeners: open the socket once the page is idle (the host pushes the current state when it
   * does, so nothing is missed meanwhile). The store subscribes as the first screen mounts, and the
   * WebSocket's constructor alone costs the main thread 5–10 ms, which would otherwise come before the
   * list's first paint. A request opens it at once.
   */
  let soon = false;
  const connectSoon = () => {
    if (soon || socket || opening) return;
    soon = true;
    const open = () => {
      soon = false;
      if (listeners.size > 0) void bestEffort('connecting to the browser host', connect);
    };
    whenIdle(open, 200);
  };

  const request = async (name: string, payload?: unknown): Promise<Result<unknown>> => {
    let ws: WebSocket;
    try {
      ws = await connect();
    } catch {
      return { ok: false, error: { code: (await tokenRefused(token)) ? 'HOST_TOKEN_INVALID' : 'HOST_UNREACHABLE' } };
    }
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      ws.send(JSON.stringify({ type: 'request', id, name, payload }));
    });
  };

  const api: Record<string, unknown> = Object.fromEntries(
    REQUEST_NAMES.map((n) => [n, (p?: unknown) => request(n, p)]),
  );
  api.on = (event: string, listener: (p: unknown) => void) => {
    if (!(EVENT_NAMES as readonly string[]).includes(event)) throw new Error(`unknown event ${event}`);
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    connectSoon();
    return () => {
      set.delete(listener);
      if (set.size === 0) listeners.delete(event);
    };
  };
  return api as unknown as AppApi;
}

/**
 * Whether the host answers but refuses this token (it was restarted and has a new one): then the page is
 * told to open the new link, not that the app cannot be reached.
 */
async function tokenRefused(token: string | null): Promise<boolean> {
  if (!token) return true;
  try {
    const res = await fetch(FIRST_STATE_PATH, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
    return res.status === 401;
  } catch {
    return false;
  }
}

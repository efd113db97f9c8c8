// @vitest-environment jsdom
// When the browser host's socket opens: at once for a request, and for a listener only once the page is
// idle, so that the WebSocket's set-up never comes before the first screen's paint.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWsApi } from './ws-api';

const opened: string[] = [];
class FakeSocket {
  static readonly OPEN = 1;
  readyState = 0;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onclose: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  sent: string[] = [];
  constructor(url: string) {
    opened.push(url);
    sockets.push(this);
  }
  send(data: string) {
    this.sent.push(data);
  }
  open() {
    this.readyState = FakeSocket.OPEN;
    this.onopen?.();
  }
}
let sockets: FakeSocket[] = [];
let idle: Array<() => void> = [];

beforeEach(() => {
  opened.length = 0;
  sockets = [];
  idle = [];
  vi.stubGlobal('WebSocket', FakeSocket);
  vi.stubGlobal('requestIdleCallback', (fn: () => void) => idle.push(fn));
});
afterEach(() => vi.unstubAllGlobals());

describe('the browser host API over a WebSocket', () => {
  it('opens nothing when made', () => {
    createWsApi('tok');
    expect(opened).toEqual([]);
  });

  it('opens for a listener once the page is idle, once, and the pushed events reach it', () => {
    const api = createWsApi('tok');
    const seen: unknown[] = [];
    api.on('platformsChanged', (p) => seen.push(p));
    api.on('appInfoChanged', () => {});
    expect(opened).toEqual([]);
    expect(idle).toHaveLength(1);
    idle[0]!();
    expect(opened).toEqual([`${location.origin.replace(/^http/, 'ws')}/api?token=tok`]);
    sockets[0]!.open();
    sockets[0]!.onmessage?.({ data: JSON.stringify({ type: 'event', name: 'platformsChanged', payload: [] }) });
    expect(seen).toEqual([[]]);
  });

  it('does not open when every listener left before the page was idle', () => {
    const api = createWsApi('tok');
    const off = api.on('platformsChanged', () => {});
    off();
    idle[0]!();
    expect(opened).toEqual([]);
  });

  it('opens at once for a request, and a listener added meanwhile does not open a second one', async () => {
    const api = createWsApi('tok');
    const answer = api.listPlatforms();
    expect(opened).toHaveLength(1);
    api.on('platformsChanged', () => {});
    expect(idle).toEqual([]);
    sockets[0]!.open();
    await Promise.resolve();
    const sent = JSON.parse(sockets[0]!.sent[0]!) as { id: number; name: string };
    expect(sent.name).toBe('listPlatforms');
    sockets[0]!.onmessage?.({ data: JSON.stringify({ type: 'result', id: sent.id, result: { ok: true, value: [] } }) });
    expect(await answer).toEqual({ ok: true, value: [] });
    expect(opened).toHaveLength(1);
  });
});

describe('a socket that does not open', () => {
  const refuse = async (status: number | 'down') => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        if (status === 'down') throw new TypeError('Failed to fetch');
        return new Response('{}', { status });
      }),
    );
    const before = sockets.length;
    const api = createWsApi('von-frueher');
    const answer = api.listPlatforms();
    await vi.waitFor(() => expect(sockets).toHaveLength(before + 1));
    sockets.at(-1)!.onerror?.();
    return answer;
  };

  it('says the link is no longer valid when the host refuses the token (it was restarted)', async () => {
    expect(await refuse(401)).toEqual({ ok: false, error: { code: 'HOST_TOKEN_INVALID' } });
  });

  it('says the app cannot be reached when no host answers, or it refuses for another reason', async () => {
    expect(await refuse('down')).toEqual({ ok: false, error: { code: 'HOST_UNREACHABLE' } });
    expect(await refuse(403)).toEqual({ ok: false, error: { code: 'HOST_UNREACHABLE' } });
  });
});

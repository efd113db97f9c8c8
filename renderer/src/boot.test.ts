// @vitest-environment jsdom
// boot.ts, the page's first script: the per-launch token from the address (or, after a reload, from
// sessionStorage), the early request for the first screen's state with the token in a header, and the
// token taken out of the address when the app says its first screen is up. Each case evaluates the
// module afresh.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIRST_STATE_PATH } from '../../shared/ws-protocol';

const TOKEN = 'AbC-123_xyz';
const body = { list: { ok: true, value: [] }, appInfo: { ok: true, value: { host: 'browser' } } };
const fetchMock = vi.fn<typeof fetch>();

async function boot(hash: string) {
  window.history.replaceState(null, '', `/${hash}`);
  vi.resetModules();
  await import('./boot');
  return window.__hostBoot;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout'] });
  fetchMock.mockReset().mockResolvedValue(new Response(JSON.stringify(body), { status: 200 }));
  vi.stubGlobal('fetch', fetchMock);
  sessionStorage.clear();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  delete window.__hostBoot;
  delete window.api;
});

describe('boot.ts', () => {
  it('takes the token from the address, asks with it in a header, and keeps it out of the address once told', async () => {
    const b = await boot(`#token=${TOKEN}`);
    expect(b?.token).toBe(TOKEN);
    expect(fetchMock).toHaveBeenCalledWith(FIRST_STATE_PATH, {
      headers: { Authorization: `Bearer ${TOKEN}` },
      cache: 'no-store',
    });
    expect(await b?.firstState).toEqual(body);
    // Not on its own, not even later: a reload until then still finds the token in the address.
    vi.advanceTimersByTime(60_000);
    expect(window.location.hash).toBe(`#token=${TOKEN}`);
    expect(sessionStorage.getItem('acc.browserHostToken')).toBeNull();
    b?.keepToken();
    expect(window.location.hash).toBe('');
    expect(window.location.pathname).toBe('/');
    expect(sessionStorage.getItem('acc.browserHostToken')).toBe(TOKEN);
    // Once: a later call finds nothing to do (and does not put an old token back).
    sessionStorage.removeItem('acc.browserHostToken');
    b?.keepToken();
    expect(sessionStorage.getItem('acc.browserHostToken')).toBeNull();
  });

  it('after a reload takes the token kept in sessionStorage (and has nothing to keep)', async () => {
    sessionStorage.setItem('acc.browserHostToken', TOKEN);
    const b = await boot('?view=1');
    expect(b?.token).toBe(TOKEN);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    b?.keepToken();
    expect(window.location.search).toBe('?view=1');
  });

  const refused = { ok: false, error: { code: 'HOST_TOKEN_INVALID' } };

  it('without a token asks nothing: the first state says the link is not valid (the app says to open the new one)', async () => {
    const b = await boot('#other=1');
    expect(b?.token).toBeNull();
    expect(await b?.firstState).toEqual({ list: refused, appInfo: refused });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('a token the host refuses (an earlier start’s) gives the same first state', async () => {
    fetchMock.mockResolvedValue(new Response('{"error":{"code":"UNAUTHORIZED"}}', { status: 401 }));
    const b = await boot('#token=von-frueher');
    expect(await b?.firstState).toEqual({ list: refused, appInfo: refused });
  });

  it.each([
    [
      'a refusal of another kind',
      () => Promise.resolve(new Response('{"error":{"code":"FORBIDDEN"}}', { status: 403 })),
    ],
    ['no host', () => Promise.reject(new TypeError('Failed to fetch'))],
    ['an answer that is not JSON', () => Promise.resolve(new Response('<html>', { status: 200 }))],
    ['JSON of another shape', () => Promise.resolve(new Response('{"list":[]}', { status: 200 }))],
  ])('after %s has no first state (the app asks over the socket)', async (_name, answer) => {
    fetchMock.mockImplementation(answer);
    const b = await boot(`#token=${TOKEN}`);
    expect(await b?.firstState).toBeUndefined();
  });

  it('does nothing in Electron (window.api from the preload)', async () => {
    window.api = {} as NonNullable<typeof window.api>;
    expect(await boot(`#token=${TOKEN}`)).toBeUndefined();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

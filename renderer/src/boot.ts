// The page's first script (vite.config.ts puts it before the app's): a few hundred bytes with no
// imports, so it runs as soon as the page is parsed, while the app's bundle is still on its way. In the
// browser host it takes the per-launch token and asks the host for the first screen's state over
// plain HTTP (shared/ws-protocol.ts, FIRST_STATE_PATH); the app (api/index.ts) finds both on
// `window.__hostBoot`. The answer is then there when React renders for the first time, and the request's
// set-up, which costs 10 ms of main thread inside the busy app start-up but under 1 ms here, is out of
// its way (issue 15; README, "Performance"). In Electron (window.api from the preload) it does nothing.
import { FIRST_STATE_PATH, type FirstState } from '../../shared/ws-protocol';

interface HostBoot {
  /** The per-launch token: from the address once, then from sessionStorage (a reload). */
  token: string | null;
  /** The first screen's state, or undefined when it could not be had (the app then asks over the socket). */
  firstState: Promise<FirstState | undefined>;
  /**
   * Keeps the token for a reload (sessionStorage) and takes it out of the address bar. Called by the app
   * once its first screen is up (main.tsx): both are synchronous calls into the browser that cost the
   * start-up 3–4 ms of main thread, and an idle callback registered here ran in the pause while the
   * app's bundle was on its way, i.e. still before the first screen. Until then a reload finds the token
   * where it was. Calling it again does nothing.
   */
  keepToken(): void;
}

declare global {
  interface Window {
    __hostBoot?: HostBoot;
  }
}

const TOKEN_KEY = 'acc.browserHostToken';

/**
 * No token, or one the host refuses (a page of an earlier start, or a link cut short): the first state is
 * this error, and the app shows a page saying to open the new link from the console (issue 24).
 */
const refused = { ok: false, error: { code: 'HOST_TOKEN_INVALID' } } as const;
const TOKEN_REFUSED: FirstState = { list: refused, appInfo: refused };

async function fetchFirstState(token: string): Promise<FirstState | undefined> {
  try {
    const res = await fetch(FIRST_STATE_PATH, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
    if (res.status === 401) return TOKEN_REFUSED;
    if (!res.ok) return undefined;
    const body = (await res.json()) as Partial<FirstState> | null;
    return typeof body?.list?.ok === 'boolean' && typeof body.appInfo?.ok === 'boolean'
      ? (body as FirstState)
      : undefined;
  } catch {
    // The host is gone or the answer is not JSON: the app asks over the socket and shows what that says.
    return undefined;
  }
}

function storage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined; // disabled by policy: a reload then needs the launch URL again
  }
}

if (!window.api) {
  const fromAddress = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash)?.[1];
  const token = fromAddress ?? storage()?.getItem(TOKEN_KEY) ?? null;
  let kept = false;
  const keepToken = () => {
    if (kept || !fromAddress) return;
    kept = true;
    storage()?.setItem(TOKEN_KEY, fromAddress);
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  };
  window.__hostBoot = { token, firstState: token ? fetchFirstState(token) : Promise.resolve(TOKEN_REFUSED), keepToken };
}

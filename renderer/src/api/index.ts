// One `api` for the whole renderer: Electron's preload provides window.api; in the browser host the
// WebSocket client plays the same part.
import type { AppApi, AppInfo } from '../../../shared/ipc-contract';
import type { Platform } from '../../../shared/platform';
import type { Result } from '../../../shared/result';
import { createWsApi, takeToken } from './ws-api';

declare global {
  interface Window {
    api?: AppApi;
  }
}

let instance: AppApi | undefined;

export function getApi(): AppApi {
  instance ??= window.api ?? createWsApi(takeToken());
  return instance;
}

/** For component tests. */
export function setApi(api: AppApi | undefined) {
  instance = api;
  first = undefined;
}

interface FirstRequests {
  list: Promise<Result<Platform[]>>;
  appInfo: Promise<Result<AppInfo>>;
}
let first: { take(): FirstRequests } | undefined;

/**
 * Browser host only: the first screen's two requests, sent by boot.ts before React is even compiled, so
 * the WebSocket handshake and the answers overlap the main bundle's download and start-up instead of
 * following them (issue 15). Until the store takes over, the newest state is kept in the socket's order —
 * an answer, or a change event after it — so nothing that happens in between is lost or undone. In
 * Electron the preload's IPC needs no handshake: nothing to gain.
 */
export function startFirstRequests(): void {
  if (window.api || first) return;
  const api = getApi();
  const latest: { list?: Result<Platform[]>; appInfo?: Result<AppInfo> } = {};
  const off = [api.on('platformsChanged', (value) => (latest.list = { ok: true, value })), api.on('appInfoChanged', (value) => (latest.appInfo = { ok: true, value }))];
  const list = api.listPlatforms().then((r) => (latest.list = r));
  const appInfo = api.getAppInfo().then((r) => (latest.appInfo = r));
  first = {
    take() {
      for (const stop of off) stop();
      // Answered already: the newest state now (events from here on go to the taker's own listeners).
      // Not yet: the answer when it comes, in order with those events.
      return { list: latest.list ? Promise.resolve(latest.list) : list, appInfo: latest.appInfo ? Promise.resolve(latest.appInfo) : appInfo };
    },
  };
}

/**
 * The early requests' state, once: for the store's first connect, which must subscribe to the events in
 * the same task (later connects ask anew).
 */
export function takeFirstRequests(): FirstRequests | undefined {
  const taken = first?.take();
  first = undefined;
  return taken;
}

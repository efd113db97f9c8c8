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
let first: FirstRequests | undefined;

/**
 * Browser host only: the first screen's two requests, sent by start-host-connection.ts before React is
 * even compiled, so the WebSocket handshake and the answers overlap the main bundle's download and
 * start-up instead of following them (issue 15). Events that arrive before the store listens are kept
 * for it by the WebSocket client. In Electron the preload's IPC needs no handshake: nothing to gain.
 */
export function startFirstRequests(): void {
  if (window.api || first) return;
  const api = getApi();
  first = { list: api.listPlatforms(), appInfo: api.getAppInfo() };
}

/** The requests started early, once (the store's first connect takes them; later ones ask anew). */
export function takeFirstRequests(): FirstRequests | undefined {
  const taken = first;
  first = undefined;
  return taken;
}

// One `api` for the whole renderer: Electron's preload provides window.api; in the browser host the
// WebSocket client plays the same part.
import type { AppApi } from '../../../shared/ipc-contract';
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
}

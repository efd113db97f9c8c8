// One `api` for the whole renderer: Electron's preload provides window.api; in the browser host the
// WebSocket client plays the same part, with the token boot.ts took.
import type { AppApi } from '../../../shared/ipc-contract';
import type { FirstState } from '../../../shared/ws-protocol';
import { createWsApi } from './ws-api';

declare global {
  interface Window {
    api?: AppApi;
  }
}

let instance: AppApi | undefined;
let firstTaken = false;

export function getApi(): AppApi {
  instance ??= window.api ?? createWsApi(window.__hostBoot?.token ?? null);
  return instance;
}

/** For component tests. */
export function setApi(api: AppApi | undefined) {
  instance = api;
  firstTaken = false;
}

/**
 * Browser host: the answer to boot.ts's early request, or nothing after `maxWaitMs`, so that the first
 * render already shows the list — one render, layout and paint instead of an empty frame, a paint, the
 * store's connect and a second render (issue 15). Electron: nothing, at once.
 */
export async function firstAnswers(maxWaitMs: number): Promise<Partial<FirstState>> {
  const early = window.__hostBoot?.firstState;
  if (!early || firstTaken) return {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  const state = await Promise.race([early, new Promise<undefined>((resolve) => (timer = setTimeout(resolve, maxWaitMs)))]);
  clearTimeout(timer);
  return state ?? {};
}

/**
 * The early request's answer, once: for the store's first connect (later connects, and Electron, ask
 * over the API). Resolves to undefined when there was none to be had.
 */
export function takeFirstRequests(): Promise<FirstState | undefined> | undefined {
  if (firstTaken) return undefined;
  firstTaken = true;
  return window.__hostBoot?.firstState;
}

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
/** The first screen's state, asked once (see `early`); `null` until then. */
let earlyAnswer: Promise<FirstState | undefined> | undefined | null = null;
let firstTaken = false;

export function getApi(): AppApi {
  instance ??= window.api ?? createWsApi(window.__hostBoot?.token ?? null);
  return instance;
}

/** For component tests. */
export function setApi(api: AppApi | undefined) {
  instance = api;
  earlyAnswer = null;
  firstTaken = false;
}

/**
 * The first screen's state: in the browser host the answer to boot.ts's early request; in Electron the
 * same two requests over IPC, asked as the bundle starts. Undefined when there is none to be had.
 */
function early(): Promise<FirstState | undefined> | undefined {
  if (earlyAnswer !== null) return earlyAnswer;
  const api = window.api;
  earlyAnswer =
    window.__hostBoot?.firstState ??
    (api
      ? Promise.all([api.listPlatforms(), api.getAppInfo()]).then(
          ([list, appInfo]) => ({ list, appInfo }),
          () => undefined, // the store's connect asks again and shows what that says
        )
      : undefined);
  return earlyAnswer;
}

/**
 * The first screen's state, or nothing after `maxWaitMs`, so that the first render already shows the
 * list in the language last chosen — one render, layout and paint instead of an empty frame, a paint,
 * the store's connect and a second render (issue 15).
 */
export async function firstAnswers(maxWaitMs: number): Promise<Partial<FirstState>> {
  const answer = early();
  if (!answer || firstTaken) return {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  const state = await Promise.race([
    answer,
    new Promise<undefined>((resolve) => (timer = setTimeout(resolve, maxWaitMs))),
  ]);
  clearTimeout(timer);
  return state ?? {};
}

/**
 * The first state's answer, once: for the store's first connect (later connects ask over the API).
 * Resolves to undefined when there was none to be had.
 */
export function takeFirstRequests(): Promise<FirstState | undefined> | undefined {
  if (firstTaken) return undefined;
  firstTaken = true;
  return early();
}

/** Once the first screen is up: the browser host's token leaves the address bar (boot.ts). */
export function afterFirstScreen(): void {
  window.__hostBoot?.keepToken();
}

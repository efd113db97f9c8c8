// The browser host's wire format: the same requests and events as Electron's IPC, as JSON frames; and
// the first screen's state over plain HTTP.
import type { AppInfo } from './ipc-contract';
import type { Platform } from './platform';
import type { AppError, Result } from './result';

/**
 * `GET` with `Authorization: Bearer <per-launch token>`: the list and app info as `FirstState`, for the
 * page's first render. A fetch costs the page's busy start-up far less than opening the WebSocket (whose
 * constructor alone took 5–10 ms of the main thread), so the socket opens once the list is shown and
 * pushes the current state when it does (issue 15).
 */
export const FIRST_STATE_PATH = '/api/first';

export interface FirstState {
  list: Result<Platform[]>;
  appInfo: Result<AppInfo>;
}

interface ClientRequest {
  type: 'request';
  id: number;
  name: string;
  payload?: unknown;
}

export type ServerMessage =
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; name: string; payload: unknown }
  | { type: 'error'; error: AppError };

/** A request whose id can be answered but whose name is not a request name (not text, or over 64 characters). */
interface InvalidRequest {
  type: 'invalid';
  id: number;
}

/**
 * Parses one frame from the page. A request with a usable id but no usable name is `invalid` (answered
 * with an error result for that id, so the page does not wait for ever); anything else is null.
 */
export function parseClientMessage(text: string): ClientRequest | InvalidRequest | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (v.type !== 'request' || typeof v.id !== 'number' || !Number.isSafeInteger(v.id)) return null;
  if (typeof v.name !== 'string' || v.name.length > 64) return { type: 'invalid', id: v.id };
  return { type: 'request', id: v.id, name: v.name, payload: v.payload };
}

// One contract for renderer <-> main: requests (renderer -> main, with a Result) and events
// (main -> renderer). Every request payload is parsed with its zod schema in the core before use.
// Results and events never carry secrets.
import { z } from 'zod';
import type { Result } from './result';
import { countryCodeSchema, platformNameSchema, PLATFORM_TYPES, type Platform } from './platform';
import type { EVENT_NAMES, REQUEST_NAMES } from './ipc-channels';

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

export interface AppInfo {
  version: string;
  host: 'electron' | 'browser';
  /** Where the Amazon side lives: the sandbox (with its origin) or the real Amazon. */
  amazon: { kind: 'production' | 'sandbox'; sandboxOrigin?: string };
  /** Secrets can only be kept when a keychain is available (or plain text was explicitly allowed). */
  keychain: { available: boolean; plaintextFallback: boolean; detail?: string };
  storeWarning?: { code: string; backupPath: string };
}

export const requestSchemas = {
  getAppInfo: z.undefined(),
  listPlatforms: z.undefined(),
  createPlatform: z.strictObject({ type: z.enum(PLATFORM_TYPES), name: platformNameSchema }),
  updatePlatform: z.strictObject({
    id,
    patch: z.strictObject({
      name: platformNameSchema.optional(),
      active: z.boolean().optional(),
      useCloud: z.boolean().optional(),
      countryCode: countryCodeSchema.optional(),
    }),
  }),
  deletePlatform: z.strictObject({ id }),
} as const;

export interface RequestResults {
  getAppInfo: AppInfo;
  listPlatforms: Platform[];
  createPlatform: Platform;
  updatePlatform: Platform;
  deletePlatform: { id: string };
}

export interface EventPayloads {
  platformsChanged: Platform[];
}

export type Requests = typeof requestSchemas;
export type RequestPayload<K extends keyof Requests> = z.input<Requests[K]>;

/** The typed API the renderer sees as `window.api`, in both hosts. */
export type AppApi = {
  [K in keyof Requests]: (
    ...args: RequestPayload<K> extends undefined ? [] : [payload: RequestPayload<K>]
  ) => Promise<Result<RequestResults[K]>>;
} & {
  on<E extends keyof EventPayloads>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
};

// Compile-time proof that the name lists in ipc-channels.ts match this contract.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _requestsMatch: Same<(typeof REQUEST_NAMES)[number], keyof Requests> = true;
const _resultsMatch: Same<keyof RequestResults, keyof Requests> = true;
const _eventsMatch: Same<(typeof EVENT_NAMES)[number], keyof EventPayloads> = true;
void _requestsMatch;
void _resultsMatch;
void _eventsMatch;

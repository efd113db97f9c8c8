// The shape of the core's request handlers: one function per request of the contract, taking the parsed
// payload. Feature modules (platform-handlers.ts, sign-in/handlers.ts, sandbox/handlers.ts, …) each
// answer a part of the requests; core.ts joins them, and the compiler checks that every request has one.
import type { z } from 'zod';
import type { RequestResults, Requests } from '../../shared/ipc-contract';

export type Handlers = {
  [K in keyof Requests]: (payload: z.output<Requests[K]>) => Promise<RequestResults[K]> | RequestResults[K];
};

/** The handlers of some requests. */
export type HandlerModule<K extends keyof Requests> = Pick<Handlers, K>;

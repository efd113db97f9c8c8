// One id per request (issue 22, item 8): the `X-Request-Id` a proxy sent (the shipped nginx site passes
// nginx's $request_id), when it is 1–128 characters of letters, digits and `.-_:` — anything else is
// replaced, never logged — or else a random UUID. Fastify logs it as `reqId` on every line of the
// request; the answer carries it back in `X-Request-Id`, so a merchant's report, the nginx log and the
// cloud's log meet on one value.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';
const VALID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestId(req: IncomingMessage): string {
  const given = req.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && VALID.test(given) ? given : randomUUID();
}

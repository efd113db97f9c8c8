// The answer of GET /v1/authorizations/:id?wait=N, from the status cache, held in the long-poll registry
// while the authorization is pending. The route calls `answerStatus` from a plain (not async) handler and
// returns nothing, so Fastify waits for reply.send: while the request waits, nothing of it stays
// suspended — no async function, promise chain or closure, only the registry's Waiter with the reply
// (heap snapshots: ~0.9 KB less per waiting request than an `await longPolls.wait()` in the handler).
import type { FastifyReply } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { CLOUD_ROUTES } from '../../shared/cloud-api-routes';
import type { AmazonRequest } from '../../shared/cloud-api';
import type { CloudContext } from '../context';
import { releaseRequestLog } from '../http/request-log';
import { authorizationAmazonRequests } from '../repositories/amazon-requests';
import type { AuthorizationRow } from '../repositories/authorizations/row';
import { authorizationToApi, expireIfDue } from './authorization-service';
import type { WaitOutcome } from './long-poll';

/** The row from the status cache, expired first when due (which is a change the notifier publishes). */
async function load(
  ctx: CloudContext,
  tenantId: string,
  id: string,
): Promise<{ row: AuthorizationRow; generation: number }> {
  const cached = await ctx.statusCache.get(tenantId, id);
  const row = await expireIfDue(ctx.db, cached.row, new Date(ctx.now()));
  if (row !== cached.row) {
    ctx.notifier.publish(id);
    ctx.metrics.authorization('expired');
  }
  return { row, generation: row === cached.row ? cached.generation : ctx.statusCache.generation(id) };
}

const statusRoute = CLOUD_ROUTES.getAuthorization;
/** The route's own serializer (the contract's 200 schema through the zod type provider Fastify uses). */
const serializeStatus = serializerCompiler({
  schema: statusRoute.schema.response[200],
  method: statusRoute.method,
  url: statusRoute.path,
  httpStatus: '200',
});
/** Cached rows are never changed (a change replaces the row): each one's answer is serialised once. */
const serializedPending = new WeakMap<AuthorizationRow, string>();

/**
 * Sends a pending row's answer, serialised and checked by the route's schema once per row rather than
 * on every call: a waiting desktop asks about the same row again and again (issue 26). A string with a
 * JSON content type skips Fastify's serializer; the answer's bytes are the same.
 */
function sendPending(reply: FastifyReply, row: AuthorizationRow): void {
  let json = serializedPending.get(row);
  if (json === undefined) serializedPending.set(row, (json = serializeStatus(authorizationToApi(row))));
  reply.header('content-type', 'application/json; charset=utf-8').send(json);
}

/**
 * Reads of an authorization's Amazon requests in flight, per cloud: the requests woken by one change
 * (several windows on one sign-in) share one query instead of one each. Only reads that started after
 * the change are shared (the calls are stored before the change is published), nothing is kept after.
 */
const amazonReads = new WeakMap<CloudContext, Map<string, Promise<AmazonRequest[]>>>();

export function sharedAmazonRequests(ctx: CloudContext, id: string): Promise<AmazonRequest[]> {
  let reads = amazonReads.get(ctx);
  if (!reads) amazonReads.set(ctx, (reads = new Map()));
  let read = reads.get(id);
  if (!read) {
    read = authorizationAmazonRequests(ctx.db, id).finally(() => reads.delete(id));
    reads.set(id, read);
  }
  return read;
}

/**
 * The Amazon requests of a row this instance has just committed, in hand from the exchange (the same
 * list a read would return): its woken long-polls answer without a query. Kept by row object, so it
 * goes with the cached row and is never used for another version of it.
 */
const knownAmazonRequests = new WeakMap<AuthorizationRow, AmazonRequest[]>();

export function rememberAmazonRequests(row: AuthorizationRow, requests: AmazonRequest[]): void {
  knownAmazonRequests.set(row, requests);
}

/** Sends the row's answer; only a finished sign-in has called Amazon, a waiting one costs no query. */
async function sendBody(ctx: CloudContext, reply: FastifyReply, row: AuthorizationRow): Promise<void> {
  if (row.status === 'pending') return sendPending(reply, row);
  const api = authorizationToApi(row);
  const amazonRequests = knownAmazonRequests.get(row) ?? (await sharedAmazonRequests(ctx, row.id));
  reply.send(amazonRequests.length ? { ...api, amazonRequests } : api);
}

/** What a held request keeps: the reply (its request has the tenant) and the authorization id. */
interface Held {
  ctx: CloudContext;
  reply: FastifyReply;
  tenantId: string;
  id: string;
  /** When the wait ends at the latest (ctx.now() time), for a wait held again after a resync. */
  until: number;
}

/**
 * Shared by every held request: reads the current row whatever ended the wait, and answers — except
 * after a resync (the notifier's LISTEN connection is back, changes may have been missed), where a row
 * still pending is held again for the rest of its wait: the desktop is answered only when something
 * changed, not all of them at once with `pending`.
 */
function onWaitEnd(outcome: WaitOutcome, held: Held): void {
  load(held.ctx, held.tenantId, held.id)
    .then(({ row, generation }) => {
      if (outcome === 'resync' && row.status === 'pending' && !held.reply.raw.destroyed && hold(held, row, generation))
        return undefined;
      return sendBody(held.ctx, held.reply, row);
    })
    .catch((error: unknown) => void held.reply.send(error));
}

/** Holds the request until the row changes or its wait ends; false when no time is left. */
function hold(held: Held, row: AuthorizationRow, generation: number): boolean {
  const { ctx, id } = held;
  const maxWaitMs = Math.min(held.until, row.expires_at.getTime()) - ctx.now();
  if (maxWaitMs <= 0) return false;
  ctx.longPolls.hold(
    {
      authorizationId: id,
      maxWaitMs,
      // The client going away ends the wait.
      closedBy: held.reply.raw,
      // A change between our read and the registration shows as a new generation.
      changedSince: () => ctx.statusCache.generation(id) !== generation,
    },
    onWaitEnd,
    held,
  );
  return true;
}

const NO_RAW_HEADERS: string[] = Object.freeze([]) as unknown as string[];

/**
 * A held request keeps Node's parsed `headers` object, but not the second copy of every header in
 * `rawHeaders` nor the bearer token, which was verified before the handler ran (~0.5 KB a request:
 * the token string, the raw names and their array). `headers` is built from `rawHeaders` on first use,
 * so it is read first (the authentication hook has read it already).
 */
function forgetHeaderCopies(raw: FastifyReply['request']['raw']): void {
  const headers = raw.headers;
  headers.authorization = undefined;
  raw.rawHeaders = NO_RAW_HEADERS;
}

/** A pending row: answered now when `waitSeconds` is 0, else held until it changes or the wait ends. */
function answerPending(
  ctx: CloudContext,
  reply: FastifyReply,
  tenantId: string,
  id: string,
  waitSeconds: number,
  row: AuthorizationRow,
  generation: number,
): void {
  if (waitSeconds <= 0) return sendPending(reply, row);
  forgetHeaderCopies(reply.request.raw);
  // Nothing logs while it waits; the answer's "request completed" line makes the pino child again.
  releaseRequestLog(reply.log);
  const held: Held = { ctx, reply, tenantId, id, until: ctx.now() + waitSeconds * 1000 };
  // No time left (it expires now): read again and answer, as a wait that timed out does.
  if (!hold(held, row, generation)) onWaitEnd('timeout', held);
}

/**
 * Answers at once unless pending and `waitSeconds` > 0; then answers when it changes or the wait ends.
 * Never throws. A pending row in the status cache that is not due to expire is answered (or held)
 * without a promise; anything else is read first.
 */
export function answerStatus(
  ctx: CloudContext,
  reply: FastifyReply,
  tenantId: string,
  id: string,
  waitSeconds: number,
): void {
  const hit = ctx.statusCache.peek(tenantId, id);
  if (hit && hit.row.status === 'pending' && ctx.now() < hit.row.expires_at.getTime()) {
    answerPending(ctx, reply, tenantId, id, waitSeconds, hit.row, hit.generation);
    return;
  }
  load(ctx, tenantId, id)
    .then(({ row, generation }) =>
      row.status === 'pending'
        ? answerPending(ctx, reply, tenantId, id, waitSeconds, row, generation)
        : sendBody(ctx, reply, row),
    )
    .catch((error: unknown) => void reply.send(error));
}

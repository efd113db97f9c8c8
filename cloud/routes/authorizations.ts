// /v1/platforms/:id/authorizations (start a sign-in), /v1/authorizations/:id (long-poll status),
// /v1/authorizations/:id/cancel.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  authorizationQuerySchema,
  createAuthorizationRequestSchema,
  type CreateAuthorizationResponse,
} from '../../shared/cloud-api';
import { safeText } from '../../shared/safe-text';
import type { CloudContext } from '../context';
import { CloudError } from '../http/cloud-error';
import { parseInput } from '../http/parse-input';
import { requireTenant } from '../http/authenticate';
import { authorizationToApi, createAuthorization, expireIfDue, finishPending, getAuthorization } from '../authorizations/store';
import { signState } from '../authorizations/state';
import { buildConsentUrl } from '../authorizations/consent-url';
import { waitForChange } from '../authorizations/long-poll';

const idParams = z.object({ id: safeText().min(1).max(100) });

/** The desktop's first status call may come right away: the call itself waits. */
const POLL_AFTER_MS = 0;

export async function authorizationRoutes(app: FastifyInstance, { ctx }: { ctx: CloudContext }): Promise<void> {
  app.post('/platforms/:id/authorizations', async (request, reply) => {
    const tenantId = requireTenant(request);
    const { id } = parseInput(idParams, request.params, 'path');
    const { mode } = parseInput(createAuthorizationRequestSchema, request.body, 'authorization');
    const now = new Date(ctx.now());
    const { row, platform, cancelled } = await createAuthorization(ctx.db, tenantId, id, mode, now, ctx.config.authorizationTtlSeconds);
    for (const old of cancelled) ctx.notifier.publish(old);
    const state = await signState(ctx.signingKey, row.id, now.getTime(), row.expires_at.getTime());
    const response: CreateAuthorizationResponse = {
      id: row.id,
      platformId: row.platform_id,
      status: 'pending',
      consentUrl: buildConsentUrl({
        endpoints: ctx.endpoints,
        countryCode: platform.country_code,
        applicationId: ctx.config.amazon.applicationId,
        draftApp: ctx.config.amazon.draftApp,
        redirectUri: ctx.redirectUri,
        state,
      }),
      expiresAt: row.expires_at.toISOString(),
      pollAfterMs: POLL_AFTER_MS,
    };
    return reply.code(201).send(response);
  });

  app.get('/authorizations/:id', async (request, reply) => {
    const tenantId = requireTenant(request);
    const { id } = parseInput(idParams, request.params, 'path');
    const { wait = 0 } = parseInput(authorizationQuerySchema, request.query, 'query');
    // From the status cache: a waiting desktop's call usually touches no database at all.
    const load = async () => {
      const cached = await ctx.statusCache.get(tenantId, id);
      const row = await expireIfDue(ctx.db, cached.row, new Date(ctx.now()));
      if (row !== cached.row) ctx.notifier.publish(id);
      return { row, generation: row === cached.row ? cached.generation : ctx.statusCache.generation(id) };
    };
    let { row, generation } = await load();
    if (row.status === 'pending' && wait > 0) {
      // Ends the wait when the client goes away (the response's 'close'; the request's fires early) or
      // the cloud shuts down. Not AbortSignal.any: on Node 20 each call leaves a dependant on the
      // long-lived closing signal, which thousands of waiting requests turn into memory.
      const stop = new AbortController();
      const abort = () => stop.abort();
      reply.raw.once('close', abort);
      ctx.closing.addEventListener('abort', abort, { once: true });
      const untilExpiry = row.expires_at.getTime() - ctx.now();
      try {
        await waitForChange({
          notifier: ctx.notifier,
          authorizationId: id,
          maxWaitMs: Math.min(wait * 1000, untilExpiry),
          signal: ctx.closing.aborted ? AbortSignal.abort() : stop.signal,
          // A change between our read and the subscription shows as a new generation.
          changedSince: async () => ctx.statusCache.generation(id) !== generation,
        });
      } finally {
        ctx.closing.removeEventListener('abort', abort);
        reply.raw.off('close', abort);
      }
      ({ row, generation } = await load());
    }
    return authorizationToApi(row);
  });

  app.post('/authorizations/:id/cancel', async (request) => {
    const tenantId = requireTenant(request);
    const { id } = parseInput(idParams, request.params, 'path');
    const now = new Date(ctx.now());
    const row = await expireIfDue(ctx.db, await getAuthorization(ctx.db, tenantId, id), now);
    const cancelled = row.status === 'pending' ? await finishPending(ctx.db, id, 'cancelled', now) : undefined;
    if (!cancelled) throw new CloudError('AUTHORIZATION_NOT_PENDING', `The authorization is already ${row.status}.`);
    ctx.notifier.publish(id);
    return authorizationToApi(cancelled);
  });
}

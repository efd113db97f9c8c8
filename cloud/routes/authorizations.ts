// /v1/platforms/:id/authorizations (start a sign-in), /v1/authorizations/:id (long-poll status),
// /v1/authorizations/:id/cancel, /v1/authorizations/:id/seller-change.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  authorizationQuerySchema,
  createAuthorizationRequestSchema,
  sellerChangeRequestSchema,
  type CreateAuthorizationResponse,
} from '../../shared/cloud-api';
import { safeText } from '../../shared/safe-text';
import type { CloudContext } from '../context';
import { CloudError } from '../http/cloud-error';
import { parseInput } from '../http/parse-input';
import { requireTenant } from '../http/authenticate';
import { authorizationToApi, createAuthorization, expireIfDue, finishPending, getAuthorization } from '../authorizations/store';
import { answerStatus } from '../authorizations/status-long-poll';
import { signState } from '../authorizations/state';
import { buildConsentUrl } from '../authorizations/consent-url';
import { decideSellerChange } from '../authorizations/seller-change';

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
    ctx.metrics.authorization('started');
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

  // Not async: answerStatus sends the answer, and while a long-poll waits nothing of this call stays
  // suspended (cloud/authorizations/status-long-poll.ts).
  app.get('/authorizations/:id', (request, reply) => {
    const tenantId = requireTenant(request);
    const { id } = parseInput(idParams, request.params, 'path');
    const { wait = 0 } = parseInput(authorizationQuerySchema, request.query, 'query');
    void answerStatus(ctx, reply, tenantId, id, wait);
  });

  // The desktop's answer to a seller change: keep the previous seller, or switch to the new one.
  app.post('/authorizations/:id/seller-change', async (request) => {
    const tenantId = requireTenant(request);
    const { id } = parseInput(idParams, request.params, 'path');
    const { decision } = parseInput(sellerChangeRequestSchema, request.body, 'seller change');
    return authorizationToApi(await decideSellerChange(ctx, tenantId, id, decision));
  });

  app.post('/authorizations/:id/cancel', async (request) => {
    const tenantId = requireTenant(request);
    const { id } = parseInput(idParams, request.params, 'path');
    const now = new Date(ctx.now());
    const row = await expireIfDue(ctx.db, await getAuthorization(ctx.db, tenantId, id), now);
    const cancelled = row.status === 'pending' ? await finishPending(ctx.db, id, 'cancelled', now) : undefined;
    if (!cancelled) throw new CloudError('AUTHORIZATION_NOT_PENDING', `The authorization is already ${row.status}.`);
    ctx.notifier.publish(id);
    ctx.metrics.authorization('cancelled');
    return authorizationToApi(cancelled);
  });
}

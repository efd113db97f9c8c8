// /v1/platforms/:id/authorizations (start a sign-in), /v1/authorizations/:id (long-poll status),
// /v1/authorizations/:id/cancel, /v1/authorizations/:id/seller-change.
// Schemas: shared/cloud-api-routes.ts (validated and serialised by Fastify's zod type provider).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { CreateAuthorizationResponse } from '../../shared/cloud-api';
import { CLOUD_ROUTES } from '../../shared/cloud-api-routes';
import type { CloudContext } from '../context';
import { contractRoute } from '../http/contract-route';
import { requireTenant } from '../http/authenticate';
import { authorizationToApi, cancelAuthorization, createAuthorization } from './authorization-service';
import { answerStatus } from './status-long-poll';
import { signState } from './state';
import { startLink } from './start-link';
import { decideSellerChange } from './seller-change';

/** The desktop's first status call may come right away: the call itself waits. */
const POLL_AFTER_MS = 0;

export async function authorizationRoutes(fastify: FastifyInstance, { ctx }: { ctx: CloudContext }): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.route({
    ...contractRoute(CLOUD_ROUTES.createAuthorization, '/v1'),
    handler: async (request, reply) => {
      const tenantId = requireTenant(request);
      const now = new Date(ctx.now());
      const { row, cancelled } = await createAuthorization(
        ctx.db,
        tenantId,
        request.params.id,
        request.body.mode,
        now,
        ctx.config.authorizationTtlSeconds,
      );
      for (const old of cancelled) ctx.notifier.publish(old);
      ctx.metrics.authorization('started');
      const state = await signState(ctx.signingKey, row.id, now.getTime(), row.expires_at.getTime());
      const response: CreateAuthorizationResponse = {
        id: row.id,
        platformId: row.platform_id,
        status: 'pending',
        // The cloud's start link: it binds the browser to this sign-in, then redirects to Seller Central's
        // consent URL, so that Amazon's Login URI step can continue it (docs/amazon.md §1.6).
        consentUrl: startLink(ctx.loginUri, row.id, state),
        expiresAt: row.expires_at.toISOString(),
        pollAfterMs: POLL_AFTER_MS,
      };
      return reply.code(201).send(response);
    },
  });

  // Not async: answerStatus sends the answer, and while a long-poll waits nothing of this call stays
  // suspended (cloud/authorizations/status-long-poll.ts). The answer is still serialised by the
  // contract's response schema.
  app.route({
    ...contractRoute(CLOUD_ROUTES.getAuthorization, '/v1'),
    handler: (request, reply) => {
      const tenantId = requireTenant(request);
      const { wait = 0 } = request.query;
      answerStatus(ctx, reply, tenantId, request.params.id, wait);
    },
  });

  // The desktop's answer to a seller change: keep the previous seller, or switch to the new one.
  app.route({
    ...contractRoute(CLOUD_ROUTES.decideSellerChange, '/v1'),
    handler: async (request) =>
      authorizationToApi(
        await decideSellerChange(ctx, requireTenant(request), request.params.id, request.body.decision),
      ),
  });

  app.route({
    ...contractRoute(CLOUD_ROUTES.cancelAuthorization, '/v1'),
    handler: async (request) => {
      const tenantId = requireTenant(request);
      const { id } = request.params;
      const cancelled = await cancelAuthorization(ctx.db, tenantId, id, new Date(ctx.now()));
      ctx.notifier.publish(id);
      ctx.metrics.authorization('cancelled');
      return authorizationToApi(cancelled);
    },
  });
}

// /v1/platforms/:id/authorizations (start a sign-in), /v1/authorizations/:id (long-poll status),
// /v1/authorizations/:id/cancel, /v1/authorizations/:id/seller-change.
// Schemas: shared/cloud-api-routes.ts (validated and serialised by Fastify's zod type provider).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { CreateAuthorizationResponse } from '../../shared/cloud-api';
import { CLOUD_ROUTES } from '../../shared/cloud-api-routes';
import type { CloudContext } from '../context';
import { CloudError } from '../http/cloud-error';
import { contractRoute } from '../http/contract-route';
import { requireTenant } from '../http/authenticate';
import { authorizationToApi, createAuthorization, expireIfDue, getAuthorization } from '../authorizations/store';
import { finishPending } from '../repositories/authorizations';
import { signState } from '../authorizations/state';
import { buildConsentUrl } from '../authorizations/consent-url';
import { decideSellerChange } from '../authorizations/seller-change';
import { authorizationAmazonRequests } from '../repositories/amazon-requests';

/** The desktop's first status call may come right away: the call itself waits. */
const POLL_AFTER_MS = 0;

export async function authorizationRoutes(fastify: FastifyInstance, { ctx }: { ctx: CloudContext }): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.route({
    ...contractRoute(CLOUD_ROUTES.createAuthorization, '/v1'),
    handler: async (request, reply) => {
      const tenantId = requireTenant(request);
      const now = new Date(ctx.now());
      const { row, platform, cancelled } = await createAuthorization(ctx.db, tenantId, request.params.id, request.body.mode, now, ctx.config.authorizationTtlSeconds);
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
    },
  });

  app.route({
    ...contractRoute(CLOUD_ROUTES.getAuthorization, '/v1'),
    handler: async (request, reply) => {
      const tenantId = requireTenant(request);
      const { id } = request.params;
      const { wait = 0 } = request.query;
      // From the status cache: a waiting desktop's call usually touches no database at all.
      const load = async () => {
        const cached = await ctx.statusCache.get(tenantId, id);
        const row = await expireIfDue(ctx.db, cached.row, new Date(ctx.now()));
        if (row !== cached.row) {
          ctx.notifier.publish(id);
          ctx.metrics.authorization('expired');
        }
        return { row, generation: row === cached.row ? cached.generation : ctx.statusCache.generation(id) };
      };
      let { row, generation } = await load();
      if (row.status === 'pending' && wait > 0) {
        await ctx.longPolls.wait({
          authorizationId: id,
          maxWaitMs: Math.min(wait * 1000, row.expires_at.getTime() - ctx.now()),
          // The client going away ends the wait.
          closedBy: reply.raw,
          // A change between our read and the registration shows as a new generation.
          changedSince: () => ctx.statusCache.generation(id) !== generation,
        });
        ({ row, generation } = await load());
      }
      const api = authorizationToApi(row);
      // Only a finished sign-in has called Amazon; a waiting one costs no extra query.
      if (row.status === 'pending') return api;
      const amazonRequests = await authorizationAmazonRequests(ctx.db, row.id);
      return amazonRequests.length ? { ...api, amazonRequests } : api;
    },
  });

  // The desktop's answer to a seller change: keep the previous seller, or switch to the new one.
  app.route({
    ...contractRoute(CLOUD_ROUTES.decideSellerChange, '/v1'),
    handler: async (request) => authorizationToApi(await decideSellerChange(ctx, requireTenant(request), request.params.id, request.body.decision)),
  });

  app.route({
    ...contractRoute(CLOUD_ROUTES.cancelAuthorization, '/v1'),
    handler: async (request) => {
      const tenantId = requireTenant(request);
      const { id } = request.params;
      const now = new Date(ctx.now());
      const row = await expireIfDue(ctx.db, await getAuthorization(ctx.db, tenantId, id), now);
      const cancelled = row.status === 'pending' ? await finishPending(ctx.db, id, 'cancelled', now) : undefined;
      if (!cancelled) throw new CloudError('AUTHORIZATION_NOT_PENDING', `The authorization is already ${row.status}.`);
      ctx.notifier.publish(id);
      ctx.metrics.authorization('cancelled');
      return authorizationToApi(cancelled);
    },
  });
}

// GET /v1/platforms/changes?since&wait: the tenant's sign-ins that started on Amazon's side (Login URI),
// long-polled by the desktop while it runs. POST /v1/platforms/:id/pairing-code: the code the desktop
// shows under ZUGANGSDATEN, typed by the seller when Amazon's seller id does not name one platform.
// Schemas: shared/cloud-api-routes.ts (validated and serialised by Fastify's zod type provider).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CLOUD_ROUTES } from '../../shared/cloud-api-routes';
import type { CloudContext } from '../context';
import { contractRoute } from '../http/contract-route';
import { requireTenant } from '../http/authenticate';
import { authorizationToApi } from '../authorizations/authorization-service';
import { feedKey } from '../authorizations/amazon-started-feed';
import { createPairingCode } from './pairing-codes';

export async function platformChangesRoutes(fastify: FastifyInstance, { ctx }: { ctx: CloudContext }): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.route({
    ...contractRoute(CLOUD_ROUTES.platformChanges, '/v1'),
    handler: async (request, reply) => {
      const tenantId = requireTenant(request);
      const { since, wait = 0 } = request.query;
      const generation = ctx.amazonStarted.generation(tenantId);
      let page = await ctx.amazonStarted.read(tenantId, since, new Date(ctx.now()));
      if (page.rows.length === 0 && since !== undefined && wait > 0) {
        // The same registry as the authorization long-poll: released on shutdown, ended when the client goes.
        await ctx.longPolls.wait({
          authorizationId: feedKey(tenantId),
          maxWaitMs: wait * 1000,
          closedBy: reply.raw,
          changedSince: () => ctx.amazonStarted.generation(tenantId) !== generation,
        });
        page = await ctx.amazonStarted.read(tenantId, since, new Date(ctx.now()));
      }
      return { cursor: page.cursor, authorizations: page.rows.map(authorizationToApi) };
    },
  });

  app.route({
    ...contractRoute(CLOUD_ROUTES.createPairingCode, '/v1'),
    handler: async (request, reply) => {
      const { code, expiresAt } = await createPairingCode(
        ctx.db,
        requireTenant(request),
        request.params.id,
        new Date(ctx.now()),
      );
      return reply.code(201).header('cache-control', 'no-store').send({ code, expiresAt: expiresAt.toISOString() });
    },
  });
}

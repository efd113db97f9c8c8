// /v1/platforms: register (idempotent by Idempotency-Key), list, read, rename, delete, settings import.
// Schemas: shared/cloud-api-routes.ts (validated and serialised by Fastify's zod type provider).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IDEMPOTENCY_KEY_HEADER } from '../../shared/cloud-api';
import { CLOUD_ROUTES } from '../../shared/cloud-api-routes';
import type { CloudContext } from '../context';
import { contractRoute } from '../http/contract-route';
import { requireTenant } from '../http/authenticate';
import {
  acknowledgeRenameNotice,
  createPlatform,
  deletePlatform,
  listPlatforms,
  platformWithAmazonRequests,
  platformsToApi,
  platformToApi,
  renamePlatform,
} from './platform-service';
import { importSettings } from './settings-import';

export async function platformRoutes(fastify: FastifyInstance, { ctx }: { ctx: CloudContext }): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.route({
    ...contractRoute(CLOUD_ROUTES.createPlatform, '/v1'),
    handler: async (request, reply) => {
      const key = request.headers[IDEMPOTENCY_KEY_HEADER];
      const { row, created } = await createPlatform(
        ctx.db,
        requireTenant(request),
        request.body,
        key,
        new Date(ctx.now()),
      );
      if (!created) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(platformToApi(row));
    },
  });

  app.route({
    ...contractRoute(CLOUD_ROUTES.listPlatforms, '/v1'),
    handler: async (request) => {
      const tenantId = requireTenant(request);
      return { platforms: await platformsToApi(ctx.db, tenantId, await listPlatforms(ctx.db, tenantId)) };
    },
  });

  app.route({
    ...contractRoute(CLOUD_ROUTES.getPlatform, '/v1'),
    handler: async (request) => platformWithAmazonRequests(ctx.db, requireTenant(request), request.params.id),
  });

  app.route({
    ...contractRoute(CLOUD_ROUTES.renamePlatform, '/v1'),
    handler: async (request) =>
      platformToApi(await renamePlatform(ctx.db, requireTenant(request), request.params.id, request.body.name)),
  });

  app.route({
    ...contractRoute(CLOUD_ROUTES.deletePlatform, '/v1'),
    handler: async (request, reply) => {
      const { id } = request.params;
      const cancelled = await deletePlatform(ctx.db, requireTenant(request), id, new Date(ctx.now()));
      ctx.amazonTokens.forget(id);
      for (const authorizationId of cancelled) ctx.notifier.publish(authorizationId);
      return reply.code(204).send(null);
    },
  });

  app.route({
    ...contractRoute(CLOUD_ROUTES.acknowledgeRenameNotice, '/v1'),
    handler: async (request, reply) => {
      await acknowledgeRenameNotice(ctx.db, requireTenant(request), request.params.id, new Date(ctx.now()));
      return reply.code(204).send(null);
    },
  });

  app.route({
    ...contractRoute(CLOUD_ROUTES.importSettings, '/v1'),
    handler: async (request) => importSettings(ctx, requireTenant(request), request.params.id),
  });
}

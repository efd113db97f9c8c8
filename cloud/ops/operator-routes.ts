// The operator's routes beside the API: /healthz (the process answers), /readyz (see readiness.ts),
// /metrics (Prometheus) and /admin (tenants). Only from loopback unless opsAllowRemote; /metrics and
// /admin also need the admin credential (`Authorization: Bearer <admin token>`). Behind a proxy the
// loopback check needs trustProxy, else every proxied client looks local — the documented nginx
// configuration does not forward these paths at all.
// Schemas: ops-api.ts.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { CloudContext } from '../context';
import { CloudError } from '../cloud-error';
import { contractRoute } from '../http/contract-route';
import { adminTokenMatches } from './admin-credential';
import { OPERATOR_HEADER, OPS_ROUTES } from './ops-api';
import { OPERATOR_PATTERN, type TenantAdmin } from '../admin/tenant-admin';

/** The tenant admin acting for the operator the request names (X-Operator), if any. */
function adminFor(ctx: CloudContext, request: FastifyRequest): TenantAdmin {
  const operator = request.headers[OPERATOR_HEADER];
  if (operator === undefined) return ctx.tenantAdmin;
  if (typeof operator !== 'string' || !OPERATOR_PATTERN.test(operator))
    throw new CloudError('INVALID_REQUEST', 'X-Operator must be 1 to 64 letters, digits or . _ @ + -');
  return ctx.tenantAdmin.as(operator);
}
import { readiness } from './readiness';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

function checkAccess(ctx: CloudContext, request: FastifyRequest, needsToken: boolean): void {
  // Outside loopback these routes do not exist.
  if (!ctx.config.opsAllowRemote && !LOOPBACK.test(request.ip)) throw new CloudError('NOT_FOUND');
  if (!needsToken) return;
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  if (!adminTokenMatches(match?.[1], ctx.adminToken)) throw new CloudError('ADMIN_UNAUTHORIZED');
}

export async function operatorRoutes(fastify: FastifyInstance, { ctx }: { ctx: CloudContext }): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.route({
    ...contractRoute(OPS_ROUTES.healthz),
    handler: async (request, reply) => {
      checkAccess(ctx, request, false);
      return reply.header('cache-control', 'no-store').send({ status: 'ok' });
    },
  });

  app.route({
    ...contractRoute(OPS_ROUTES.readyz),
    handler: async (request, reply) => {
      checkAccess(ctx, request, false);
      const r = await readiness(ctx);
      return reply
        .code(r.ready ? 200 : 503)
        .header('cache-control', 'no-store')
        .send(r);
    },
  });

  app.route({
    ...contractRoute(OPS_ROUTES.metrics),
    handler: async (request, reply) => {
      checkAccess(ctx, request, !ctx.config.metricsWithoutToken);
      const { contentType, body } = await ctx.metrics.render();
      return reply.type(contentType).header('cache-control', 'no-store').send(body);
    },
  });

  await app.register(
    async (plugin) => {
      const admin = plugin.withTypeProvider<ZodTypeProvider>();
      admin.addHook('onRequest', async (request) => checkAccess(ctx, request, true));
      admin.route({
        ...contractRoute(OPS_ROUTES.listTenants, '/admin'),
        handler: async () => ({ tenants: await ctx.tenantAdmin.list() }),
      });
      admin.route({
        ...contractRoute(OPS_ROUTES.createTenant, '/admin'),
        handler: async (request, reply) =>
          reply
            .code(201)
            .header('cache-control', 'no-store')
            .send(await adminFor(ctx, request).create(request.body.name)),
      });
      admin.route({
        ...contractRoute(OPS_ROUTES.rotateSecret, '/admin'),
        handler: async (request, reply) =>
          reply.header('cache-control', 'no-store').send(await adminFor(ctx, request).rotateSecret(request.params.ref)),
      });
      admin.route({
        ...contractRoute(OPS_ROUTES.disableTenant, '/admin'),
        handler: async (request) => adminFor(ctx, request).setDisabled(request.params.ref, true),
      });
      admin.route({
        ...contractRoute(OPS_ROUTES.enableTenant, '/admin'),
        handler: async (request) => adminFor(ctx, request).setDisabled(request.params.ref, false),
      });
      admin.route({
        ...contractRoute(OPS_ROUTES.renameTenant, '/admin'),
        handler: async (request) => adminFor(ctx, request).rename(request.params.ref, request.body.name),
      });
      admin.route({
        ...contractRoute(OPS_ROUTES.deleteTenant, '/admin'),
        handler: async (request) => adminFor(ctx, request).remove(request.params.ref),
      });
    },
    { prefix: '/admin' },
  );
}

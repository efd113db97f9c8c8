// The operator's routes beside the API: /healthz (the process answers), /readyz (see readiness.ts),
// /metrics (Prometheus) and /admin (tenants). Only from loopback unless opsAllowRemote; /metrics and
// /admin also need the admin credential (`Authorization: Bearer <admin token>`). Behind a proxy the
// loopback check needs trustProxy, else every proxied client looks local — the documented nginx
// configuration does not forward these paths at all.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { CloudContext } from '../context';
import { CloudError } from '../http/cloud-error';
import { parseInput } from '../http/parse-input';
import { adminTokenMatches } from './admin-credential';
import { readiness } from './readiness';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

function checkAccess(ctx: CloudContext, request: FastifyRequest, needsToken: boolean): void {
  // Outside loopback these routes do not exist.
  if (!ctx.config.opsAllowRemote && !LOOPBACK.test(request.ip)) throw new CloudError('NOT_FOUND');
  if (!needsToken) return;
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  if (!adminTokenMatches(match?.[1], ctx.adminToken)) throw new CloudError('ADMIN_UNAUTHORIZED');
}

const refParams = z.object({ ref: z.string().min(1).max(100) });
const createBody = z.object({ name: z.string().max(1000) });

export async function operatorRoutes(app: FastifyInstance, { ctx }: { ctx: CloudContext }): Promise<void> {
  app.get('/healthz', async (request, reply) => {
    checkAccess(ctx, request, false);
    return reply.header('cache-control', 'no-store').send({ status: 'ok' });
  });

  app.get('/readyz', async (request, reply) => {
    checkAccess(ctx, request, false);
    const r = await readiness(ctx);
    return reply.code(r.ready ? 200 : 503).header('cache-control', 'no-store').send(r);
  });

  app.get('/metrics', async (request, reply) => {
    checkAccess(ctx, request, !ctx.config.metricsWithoutToken);
    const { contentType, body } = await ctx.metrics.render();
    return reply.type(contentType).header('cache-control', 'no-store').send(body);
  });

  await app.register(
    async (admin) => {
      admin.addHook('onRequest', async (request) => checkAccess(ctx, request, true));
      admin.get('/tenants', async () => ({ tenants: await ctx.tenantAdmin.list() }));
      admin.post('/tenants', async (request, reply) => {
        const { name } = parseInput(createBody, request.body, 'tenant');
        return reply.code(201).header('cache-control', 'no-store').send(await ctx.tenantAdmin.create(name));
      });
      admin.post('/tenants/:ref/rotate-secret', async (request, reply) => {
        const { ref } = parseInput(refParams, request.params, 'path');
        return reply.header('cache-control', 'no-store').send(await ctx.tenantAdmin.rotateSecret(ref));
      });
      admin.post('/tenants/:ref/disable', async (request) => ctx.tenantAdmin.setDisabled(parseInput(refParams, request.params, 'path').ref, true));
      admin.post('/tenants/:ref/enable', async (request) => ctx.tenantAdmin.setDisabled(parseInput(refParams, request.params, 'path').ref, false));
    },
    { prefix: '/admin' },
  );
}

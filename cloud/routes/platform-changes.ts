// GET /v1/platforms/changes?since&wait: the tenant's sign-ins that started on Amazon's side (Login URI),
// long-polled by the desktop while it runs. POST /v1/platforms/:id/pairing-code: the code the desktop
// shows under ZUGANGSDATEN, typed by the seller when Amazon's seller id does not name one platform.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { platformChangesQuerySchema, type PairingCode, type PlatformChanges } from '../../shared/cloud-api';
import type { CloudContext } from '../context';
import { parseInput } from '../http/parse-input';
import { requireTenant } from '../http/authenticate';
import { authorizationToApi } from '../authorizations/store';
import { feedKey } from '../authorizations/amazon-started-feed';
import { createPairingCode } from '../pairing-codes';

const idParams = z.object({ id: z.string().min(1).max(100) });

export async function platformChangesRoutes(app: FastifyInstance, { ctx }: { ctx: CloudContext }): Promise<void> {
  app.get('/platforms/changes', async (request, reply) => {
    const tenantId = requireTenant(request);
    const { since, wait = 0 } = parseInput(platformChangesQuerySchema, request.query, 'query');
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
    const body: PlatformChanges = { cursor: page.cursor, authorizations: page.rows.map(authorizationToApi) };
    return body;
  });

  app.post('/platforms/:id/pairing-code', async (request, reply) => {
    const tenantId = requireTenant(request);
    const { id } = parseInput(idParams, request.params, 'path');
    const { code, expiresAt } = await createPairingCode(ctx.db, tenantId, id, new Date(ctx.now()));
    const body: PairingCode = { code, expiresAt: expiresAt.toISOString() };
    return reply.code(201).header('cache-control', 'no-store').send(body);
  });
}

// GET /v1/platforms/changes?since&wait: the tenant's sign-ins that started on Amazon's side (Login URI),
// long-polled by the desktop while it runs. POST /v1/platforms/:id/pairing-code: the code the desktop
// shows under ZUGANGSDATEN, typed by the seller when Amazon's seller id does not name one platform.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { platformChangesQuerySchema, type PairingCode, type PlatformChanges } from '../../shared/cloud-api';
import type { CloudContext } from '../context';
import { parseInput } from '../http/parse-input';
import { requireTenant } from '../http/authenticate';
import { authorizationToApi } from '../authorizations/store';
import { feedKey } from '../authorizations/amazon-started-feed';
import { waitForChange } from '../authorizations/long-poll';
import { createPairingCode } from '../pairing-codes';

const idParams = z.object({ id: z.string().min(1).max(100) });

export async function platformChangesRoutes(app: FastifyInstance, { ctx }: { ctx: CloudContext }): Promise<void> {
  app.get('/platforms/changes', async (request, reply) => {
    const tenantId = requireTenant(request);
    const { since, wait = 0 } = parseInput(platformChangesQuerySchema, request.query, 'query');
    const generation = ctx.amazonStarted.generation(tenantId);
    let page = await ctx.amazonStarted.read(tenantId, since, new Date(ctx.now()));
    if (page.rows.length === 0 && since !== undefined && wait > 0) {
      await hold(ctx, reply, feedKey(tenantId), wait * 1000, async () => ctx.amazonStarted.generation(tenantId) !== generation);
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

/** Holds the request until the key changes, the time is up, the client goes away or the cloud closes. */
async function hold(ctx: CloudContext, reply: FastifyReply, key: string, maxWaitMs: number, changedSince: () => Promise<boolean>): Promise<void> {
  const stop = new AbortController();
  const abort = () => stop.abort();
  reply.raw.once('close', abort);
  ctx.closing.addEventListener('abort', abort, { once: true });
  try {
    await waitForChange({
      notifier: ctx.notifier,
      authorizationId: key,
      maxWaitMs,
      signal: ctx.closing.aborted ? AbortSignal.abort() : stop.signal,
      changedSince,
    });
  } finally {
    ctx.closing.removeEventListener('abort', abort);
    reply.raw.off('close', abort);
  }
}

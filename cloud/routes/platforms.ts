// /v1/platforms: register (idempotent by Idempotency-Key), list, read, rename, delete, settings import.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  createPlatformRequestSchema,
  IDEMPOTENCY_KEY_HEADER,
  idempotencyKeySchema,
  renamePlatformRequestSchema,
  type PlatformList,
  type SettingsImportResponse,
} from '../../shared/cloud-api';
import { safeText } from '../../shared/safe-text';
import type { CloudContext } from '../context';
import { parseInput } from '../http/parse-input';
import { requireTenant } from '../http/authenticate';
import { createPlatform, deletePlatform, getPlatform, listPlatforms, platformToApi, renamePlatform } from '../platforms';
import { importSettings } from '../settings-import';
import { platformAmazonRequests } from '../repositories/amazon-requests';

const idParams = z.object({ id: safeText().min(1).max(100) });

export async function platformRoutes(app: FastifyInstance, { ctx }: { ctx: CloudContext }): Promise<void> {
  app.post('/platforms', async (request, reply) => {
    const tenantId = requireTenant(request);
    const body = parseInput(createPlatformRequestSchema, request.body, 'platform');
    const rawKey = request.headers[IDEMPOTENCY_KEY_HEADER];
    const key = rawKey === undefined ? undefined : parseInput(idempotencyKeySchema, rawKey, 'Idempotency-Key header');
    const { row, created } = await createPlatform(ctx.db, tenantId, body, key, new Date(ctx.now()));
    if (!created) reply.header('idempotent-replayed', 'true');
    return reply.code(201).send(platformToApi(row));
  });

  app.get('/platforms', async (request) => {
    const rows = await listPlatforms(ctx.db, requireTenant(request));
    const response: PlatformList = { platforms: rows.map(platformToApi) };
    return response;
  });

  app.get('/platforms/:id', async (request) => {
    const { id } = parseInput(idParams, request.params, 'path');
    const platform = platformToApi(await getPlatform(ctx.db, requireTenant(request), id));
    const amazonRequests = await platformAmazonRequests(ctx.db, id);
    return amazonRequests.length ? { ...platform, amazonRequests } : platform;
  });

  app.patch('/platforms/:id', async (request) => {
    const { id } = parseInput(idParams, request.params, 'path');
    const { name } = parseInput(renamePlatformRequestSchema, request.body, 'platform');
    return platformToApi(await renamePlatform(ctx.db, requireTenant(request), id, name));
  });

  app.delete('/platforms/:id', async (request, reply) => {
    const { id } = parseInput(idParams, request.params, 'path');
    const cancelled = await deletePlatform(ctx.db, requireTenant(request), id, new Date(ctx.now()));
    ctx.amazonTokens.forget(id);
    for (const authorizationId of cancelled) ctx.notifier.publish(authorizationId);
    return reply.code(204).send();
  });

  app.post('/platforms/:id/settings/import', async (request) => {
    const { id } = parseInput(idParams, request.params, 'path');
    const response: SettingsImportResponse = await importSettings(ctx, requireTenant(request), id);
    return response;
  });
}

// The ceiling for the status endpoint: the cloud's Fastify configuration (options, error handlers,
// helmet, formbody, rate limit, logger) with one route that answers a constant authorization — no
// database. With `auth`, the cloud's bearer-token hook (a JWT verification per request) runs too,
// which splits the status endpoint's cost into framework, token and database.
import Fastify, { type FastifyInstance } from 'fastify';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import { loggerOptions, rateLimited } from '../cloud/http/logger-options';
import { requestLogFactory } from '../cloud/http/request-log';
import { installErrorHandlers } from '../cloud/http/error-handler';
import { installSecurityHeaders } from '../cloud/http/security-headers';
import { installBearerAuth, requireTenant } from '../cloud/http/authenticate';
import type { CloudContext } from '../cloud/context';

const BODY_LIMIT = 16 * 1024;

const CONSTANT = {
  id: 'b3f0c2de-5b7a-4c41-9d8e-0a1b2c3d4e5f',
  platformId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  mode: 'login',
  status: 'pending',
  expiresAt: '2030-01-01T00:00:00.000Z',
};

export async function buildBareServer(opts: {
  logger: boolean;
  rateLimitPerMinute: number;
  auth?: { signingKey: Uint8Array };
}): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: BODY_LIMIT,
    logger: loggerOptions(opts.logger, 'info'),
    // The cloud's per-request logger (made when the request first logs), as cloud/http/server.ts sets it.
    ...(opts.logger ? { childLoggerFactory: requestLogFactory } : {}),
    routerOptions: { maxParamLength: 200 },
  });
  installErrorHandlers(app);
  await installSecurityHeaders(app);
  await app.register(formbody);
  if (opts.auth) installBearerAuth(app, { signingKey: opts.auth.signingKey, now: Date.now } as CloudContext);
  else app.decorateRequest('tenantId', undefined);
  await app.register(rateLimit, {
    max: opts.rateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => (request.tenantId ? `tenant:${request.tenantId}` : `ip:${request.ip}`),
    errorResponseBuilder: rateLimited,
  });
  const withAuth = Boolean(opts.auth);
  await app.register(
    async (v1) => {
      if (withAuth) v1.addHook('preHandler', async (request) => void requireTenant(request));
      v1.get('/authorizations/:id', async () => CONSTANT);
    },
    { prefix: '/v1' },
  );
  return app;
}

// Bearer authentication for /v1. The token is read in onRequest (so the rate limiter can key on the
// tenant) but rejected only in preHandler, so unauthenticated floods are rate-limited too (by IP).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CloudContext } from '../context';
import { CloudError } from './cloud-error';
import { createAccessTokenVerifier } from './access-token';

declare module 'fastify' {
  interface FastifyRequest {
    tenantId?: string;
    /** The secret generation the bearer token was issued under. */
    tokenGeneration?: number;
  }
}

export function installBearerAuth(app: FastifyInstance, ctx: CloudContext): void {
  app.decorateRequest('tenantId', undefined);
  app.decorateRequest('tokenGeneration', undefined);
  const verify = createAccessTokenVerifier(ctx.signingKey, ctx.now);
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    const token = match ? await verify.check(match[1]!) : undefined;
    if (token) {
      request.tenantId = token.tenantId;
      request.tokenGeneration = token.generation;
    }
  });
}

/** The authenticated tenant of a /v1 request, or UNAUTHORIZED. */
export function requireTenant(request: FastifyRequest): string {
  if (!request.tenantId) throw new CloudError('UNAUTHORIZED');
  return request.tenantId;
}

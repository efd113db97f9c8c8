// Bearer authentication for /v1. The token is read in onRequest (so the rate limiter can key on the
// tenant) but rejected only in preHandler, so unauthenticated floods are rate-limited too (by IP).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CloudContext } from '../context';
import { CloudError } from '../cloud-error';
import { createAccessTokenVerifier } from '../tenants/access-token';

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
  const accept = (request: FastifyRequest, token: { tenantId: string; generation: number } | undefined) => {
    if (token) {
      request.tenantId = token.tenantId;
      request.tokenGeneration = token.generation;
    }
  };
  // Callback style: a token verified before is accepted without a promise (issue 26); a new one is
  // checked (HMAC) first. Never fails: an unusable token only leaves the request unauthenticated.
  app.addHook('onRequest', (request, _reply, done) => {
    const header = request.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) return done();
    const known = verify.known(match[1]!);
    if (known) {
      accept(request, known);
      return done();
    }
    verify.check(match[1]!).then(
      (token) => {
        accept(request, token);
        done();
      },
      () => done(),
    );
  });
}

/** The authenticated tenant of a /v1 request, or UNAUTHORIZED. */
export function requireTenant(request: FastifyRequest): string {
  if (!request.tenantId) throw new CloudError('UNAUTHORIZED');
  return request.tenantId;
}

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

const BEARER = /^Bearer\s+(\S+)$/i;
const USUAL_PREFIX = 'Bearer ';

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
    if (!header) return done();
    // The usual form of a token verified before, `Bearer <token>`: one lookup, no pattern (issue 26).
    // A remembered token matched the pattern when it was verified (it has no white space), so a hit
    // here is a header the pattern accepts, with the same token.
    const usual = header.startsWith(USUAL_PREFIX) ? verify.known(header.slice(USUAL_PREFIX.length)) : undefined;
    if (usual) {
      accept(request, usual);
      return done();
    }
    const match = BEARER.exec(header);
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

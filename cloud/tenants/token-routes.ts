// POST /oauth/token: the tenant trades its Client-ID and Client-Secret (HTTP Basic, or in the body) for
// a short-lived bearer token; GET /v1/whoami is what the ERP's TESTEN button calls.
// Schemas: shared/cloud-api-routes.ts (validated and serialised by Fastify's zod type provider).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { safeText } from '../../shared/safe-text';
import type { TokenResponse } from '../../shared/cloud-api';
import { CLOUD_ROUTES } from '../../shared/cloud-api-routes';
import { contractRoute } from '../http/contract-route';
import type { CloudContext } from '../context';
import { CloudError } from '../cloud-error';
import { parseInput } from '../http/parse-input';
import { issueAccessToken } from './access-token';
import { requireTenant } from '../http/authenticate';
import { authenticateClient, getTenant } from './tenant-service';
import { createFailureCounter } from '../http/failure-counter';

const clientCredentialsSchema = z.object({ id: safeText().max(200), secret: safeText().max(200) });

function basicCredentials(request: FastifyRequest): { id: string; secret: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  // RFC 6749 §2.3.1: both parts are form-urlencoded before Basic encoding.
  const unescape = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
  try {
    return { id: unescape(decoded.slice(0, colon)), secret: unescape(decoded.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}

export async function oauthTokenRoutes(fastify: FastifyInstance, { ctx }: { ctx: CloudContext }): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // The secret is 256 random bits: no rate makes guessing it feasible. The limits therefore count wrong
  // secrets (per Client-ID and, separately, per client address) and answer them with 429 once over,
  // but never lock out the right secret: a flood from a shared address or against a known Client-ID
  // must not cut off the merchant who owns it. The generic per-address limit does not apply here.
  const perClient = createFailureCounter(ctx.config.tokenFailuresPerClientPerMinute, ctx.now);
  const perAddress = createFailureCounter(ctx.config.tokenFailuresPerAddressPerMinute, ctx.now);
  app.route({
    ...contractRoute(CLOUD_ROUTES.token),
    config: { rateLimit: false },
    handler: async (request, reply) => {
      const { body } = request;
      if (body.grant_type !== 'client_credentials') throw new CloudError('UNSUPPORTED_GRANT_TYPE');
      const basic = basicCredentials(request);
      // Decoded Basic credentials are input like any other: the same text rule as the body's fields.
      const creds = basic
        ? parseInput(clientCredentialsSchema, basic, 'Basic credentials')
        : body.client_id && body.client_secret
          ? { id: body.client_id, secret: body.client_secret }
          : undefined;
      const tenant = creds && (await authenticateClient(ctx.db, creds.id, creds.secret));
      if (!tenant) {
        // Both counters count every failure, so each limit holds whichever the attacker varies.
        const clientWait = creds ? perClient.fail(creds.id) : undefined;
        const addressWait = perAddress.fail(request.ip);
        const wait = Math.max(clientWait ?? 0, addressWait ?? 0);
        if (wait > 0) {
          request.log.warn(
            { clientId: creds?.id, clientLimited: clientWait !== undefined, addressLimited: addressWait !== undefined },
            'token attempts over the limit',
          );
          throw new CloudError('RATE_LIMITED', `Too many wrong client secrets; retry in ${wait} s.`, wait);
        }
        throw new CloudError('INVALID_CLIENT_CREDENTIALS');
      }
      if (tenant.disabled) throw new CloudError('TENANT_DISABLED');
      const ttl = ctx.config.accessTokenTtlSeconds;
      const response: TokenResponse = {
        access_token: await issueAccessToken(ctx.signingKey, tenant.id, ctx.now(), ttl, tenant.secretGeneration),
        token_type: 'bearer',
        expires_in: ttl,
      };
      return reply.header('cache-control', 'no-store').send(response);
    },
  });
}

export async function whoamiRoutes(fastify: FastifyInstance, { ctx }: { ctx: CloudContext }): Promise<void> {
  fastify.withTypeProvider<ZodTypeProvider>().route({
    ...contractRoute(CLOUD_ROUTES.whoami, '/v1'),
    handler: async (request) => {
      const tenant = await getTenant(ctx.db, requireTenant(request));
      if (!tenant) throw new CloudError('UNAUTHORIZED');
      return { tenantId: tenant.id, name: tenant.name, clientId: tenant.clientId };
    },
  });
}

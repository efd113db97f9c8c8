// SP-API Sellers on a base URL per region (/spapi/<na|eu|fe>), with Amazon's error shape, request id
// and rate-limit headers, and the usage plan of getMarketplaceParticipations (0.016/s, burst 15).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Region } from '../shared/amazon-regions';
import { newRequestId } from './ids';
import { marketplaceParticipations } from './marketplace-participations';
import type { ScenarioId } from './scenarios';
import type { SandboxState } from './state';
import { TokenBucket } from './token-bucket';

const SELLERS_RATE = 0.016;
const SELLERS_BURST = 15;
const INVALID_TOKEN = 'The access token you provided is revoked, malformed or invalid.';
const REGIONS: Record<string, Region> = { na: 'NA', eu: 'EU', fe: 'FE' };

interface SellerToken {
  clientId: string;
  sellingPartnerId: string;
  region: Region;
}

export function spApiError(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  details = '',
): FastifyReply {
  reply.code(status).header('content-type', 'application/json').header('x-amzn-RequestId', newRequestId());
  // The model lists the rate-limit header only for 200, 400 and 404 (deprecated for the others).
  if (status === 400 || status === 404) reply.header('x-amzn-RateLimit-Limit', String(SELLERS_RATE));
  return reply.send(JSON.stringify({ errors: [{ code, message, details }] }));
}

export const denied = (reply: FastifyReply, details = INVALID_TOKEN) =>
  spApiError(reply, 403, 'Unauthorized', 'Access to requested resource is denied.', details);

/**
 * The seller token of an SP-API call on this region's host, or the reply Amazon gives without one
 * (unknown, expired, revoked, another region's: 403 Unauthorized; an unknown region: 404).
 */
function sellerToken(
  req: FastifyRequest,
  reply: FastifyReply,
  state: SandboxState,
): { token: SellerToken } | { reply: FastifyReply } {
  const region = REGIONS[(req.params as { region: string }).region];
  if (!region) return { reply: spApiError(reply, 404, 'NotFound', 'Resource not found.') };
  const header = req.headers['x-amz-access-token'];
  const token = typeof header === 'string' ? state.accessTokens.get(header.trim()) : undefined;
  if (!token || !token.sellingPartnerId) return { reply: denied(reply) };
  if (state.now() >= token.expiresAt) return { reply: denied(reply) };
  // A token only works in the region it was authorized for; real answers carry empty details (§4).
  if (token.region !== region) return { reply: denied(reply, state.wrongRegion403 === 'empty' ? '' : INVALID_TOKEN) };
  const refresh = token.refreshToken ? state.refreshTokens.get(token.refreshToken) : undefined;
  if (refresh?.revoked || state.scenarios.peek('refresh_revoked', { sellingPartnerId: token.sellingPartnerId }))
    return { reply: denied(reply) };
  return { token: { clientId: token.clientId, sellingPartnerId: token.sellingPartnerId, region } };
}

/**
 * An SP-API call's seller token and scenario context, or Amazon's refusal: no valid token (sellerToken),
 * or the scenario that takes away a role the operation needs (403 Unauthorized with empty details, §4).
 */
export function sellerCall(
  req: FastifyRequest,
  reply: FastifyReply,
  state: SandboxState,
  roleMissing: ScenarioId,
): { token: SellerToken; ctx: { sellingPartnerId: string } } | { reply: FastifyReply } {
  const checked = sellerToken(req, reply, state);
  if ('reply' in checked) return checked;
  const ctx = { sellingPartnerId: checked.token.sellingPartnerId };
  if (state.scenarios.take(roleMissing, ctx)) return { reply: denied(reply, '') };
  return { token: checked.token, ctx };
}

export function registerSpApiRoutes(app: FastifyInstance, state: SandboxState): void {
  app.get('/spapi/:region/sellers/v1/marketplaceParticipations', async (req, reply) => {
    const call = sellerCall(req, reply, state, 'roles_missing');
    if ('reply' in call) return call.reply;
    const { token, ctx } = call;
    if (state.scenarios.take('spapi_500', ctx)) {
      return spApiError(reply, 500, 'InternalFailure', 'We encountered an internal error. Please try again.');
    }
    const bucketKey = `${token.clientId}|${token.sellingPartnerId}`;
    let bucket = state.buckets.get(bucketKey);
    if (!bucket) {
      bucket = new TokenBucket(SELLERS_RATE, SELLERS_BURST, state.now());
      state.buckets.set(bucketKey, bucket);
    }
    if (state.scenarios.take('spapi_429', ctx) || !bucket.take(state.now())) {
      return spApiError(reply, 429, 'QuotaExceeded', 'You exceeded your quota for the requested resource.');
    }
    const seller = state.seller(token.sellingPartnerId);
    if (!seller) return denied(reply);
    return reply
      .code(200)
      .header('content-type', 'application/json')
      .header('x-amzn-RequestId', newRequestId())
      .header('x-amzn-RateLimit-Limit', String(SELLERS_RATE))
      .send(JSON.stringify({ payload: marketplaceParticipations(seller) }));
  });
}

// Login with Amazon token endpoint (docs/amazon.md §3): authorization_code, refresh_token and
// client_credentials grants, form or JSON bodies, with LWA's own error bodies and statuses.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { newAccessToken, newRefreshToken, newRequestId } from './ids';
import { field } from './sc-common';
import { secretAccepted } from './client-secret-rotation';
import type { ScenarioContext } from './scenarios';
import type { SandboxState } from './state';

const CODE_VALID_MS = 5 * 60_000;
const ACCESS_TOKEN_SECONDS = 3600;
const GRANTLESS_SCOPES = ['sellingpartnerapi::notifications', 'sellingpartnerapi::client_credential:rotation'];

const MESSAGES = {
  missing: (name: string) => `The request is missing a required parameter : ${name}`,
  invalidGrant: (name: string) => `The request has an invalid grant parameter : ${name}`,
  revoked:
    "The request has an invalid grant parameter : refresh_token. User may have revoked or didn't grant the permission.",
  unsupportedGrant: 'The authorization grant type is not supported by the authorization server',
  invalidClient: 'Client authentication failed',
  unauthorizedClient: 'Not authorized for requested operation',
  invalidScope: 'An unknown scope was requested',
  serverError: 'The server encountered a runtime error.',
  unavailable: 'The server is temporarily unavailable.',
};

/**
 * LWA puts error_description before error; kept so byte-level comparisons with logs match. Newer LWA
 * error bodies also carry `request_id` (the same id as the header here; docs/amazon.md §3).
 */
export function lwaError(reply: FastifyReply, status: number, error: string, description: string): FastifyReply {
  const requestId = newRequestId();
  return json(reply, status, { error_description: description, error, request_id: requestId }, requestId);
}

/** Every answer names its request id in `x-amzn-RequestId`, as Amazon's services do. */
function json(reply: FastifyReply, status: number, body: unknown, requestId = newRequestId()): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'application/json;charset=UTF-8')
    .header('cache-control', 'no-cache, no-store, must-revalidate')
    .header('pragma', 'no-cache')
    .header('x-amzn-RequestId', requestId)
    .send(JSON.stringify(body));
}

/** LWA's answer with tokens: a bearer access token for an hour and the refresh token. */
function tokenAnswer(reply: FastifyReply, accessToken: string, refreshToken: string): FastifyReply {
  return json(reply, 200, {
    access_token: accessToken,
    refresh_token: refreshToken,
    token_type: 'bearer',
    expires_in: ACCESS_TOKEN_SECONDS,
  });
}

export function registerLwaRoutes(app: FastifyInstance, state: SandboxState): void {
  app.post('/auth/o2/token', async (req, reply) => {
    const body = req.body;
    const grantType = field(body, 'grant_type');
    const ctx = contextOf(state, grantType, body);

    const slow = state.scenarios.take('lwa_slow', ctx);
    if (slow?.ms) await new Promise((resolve) => setTimeout(resolve, slow.ms));
    if (state.scenarios.take('lwa_500', ctx)) return lwaError(reply, 500, 'ServerError', MESSAGES.serverError);
    if (state.scenarios.take('lwa_503', ctx))
      return lwaError(reply, 503, 'TemporarilyUnavailable', MESSAGES.unavailable);

    if (!grantType) return lwaError(reply, 400, 'invalid_request', MESSAGES.missing('grant_type'));
    if (!['authorization_code', 'refresh_token', 'client_credentials'].includes(grantType)) {
      return lwaError(reply, 400, 'unsupported_grant_type', MESSAGES.unsupportedGrant);
    }
    const clientId = field(body, 'client_id');
    const clientSecret = field(body, 'client_secret');
    if (!clientId) return lwaError(reply, 400, 'invalid_request', MESSAGES.missing('client_id'));
    if (!clientSecret) return lwaError(reply, 400, 'invalid_request', MESSAGES.missing('client_secret'));
    const client = state.appByClientId(clientId);
    if (!client || !secretAccepted(client, clientSecret, state.now()) || state.scenarios.take('invalid_client', ctx)) {
      return lwaError(reply, 401, 'invalid_client', MESSAGES.invalidClient);
    }

    if (grantType === 'authorization_code') {
      const code = field(body, 'code');
      const redirectUri = field(body, 'redirect_uri');
      if (!code) return lwaError(reply, 400, 'invalid_request', MESSAGES.missing('code'));
      // Amazon documents no redirect_uri for this grant ([LWA]) and accepts the exchange without it; when
      // it is given, it must be the one of the consent step (docs/amazon.md §3).
      const grant = state.codes.get(code);
      const valid =
        grant &&
        !grant.used &&
        state.now() - grant.issuedAt <= CODE_VALID_MS &&
        grant.clientId === clientId &&
        (!redirectUri || grant.redirectUri === redirectUri);
      if (!grant || !valid || state.scenarios.take('code_expired', ctx)) {
        return lwaError(reply, 400, 'invalid_grant', MESSAGES.invalidGrant('code'));
      }
      grant.used = true;
      const refresh = newRefreshToken();
      state.refreshTokens.set(refresh, {
        token: refresh,
        clientId,
        sellingPartnerId: grant.sellingPartnerId,
        region: grant.region,
        revoked: false,
      });
      return tokenAnswer(reply, issueAccessToken(state, clientId, refresh), refresh);
    }

    if (grantType === 'refresh_token') {
      const token = field(body, 'refresh_token');
      if (!token) return lwaError(reply, 400, 'invalid_request', MESSAGES.missing('refresh_token'));
      const stored = state.refreshTokens.get(token);
      if (!stored) return lwaError(reply, 400, 'invalid_grant', MESSAGES.invalidGrant('refresh_token'));
      // A refresh token of another app (e.g. after switching LWA credentials) is refused like this.
      if (stored.clientId !== clientId) return lwaError(reply, 400, 'unauthorized_client', MESSAGES.unauthorizedClient);
      if (stored.revoked || state.scenarios.take('refresh_revoked', ctx)) {
        return lwaError(reply, 400, 'invalid_grant', MESSAGES.revoked);
      }
      // Amazon's documented answer repeats the refresh token (the same one; docs/amazon.md §3).
      return tokenAnswer(reply, issueAccessToken(state, clientId, token), token);
    }

    const scope = field(body, 'scope');
    if (!scope) return lwaError(reply, 400, 'invalid_request', MESSAGES.missing('scope'));
    if (!scope.split(' ').every((s) => GRANTLESS_SCOPES.includes(s)))
      return lwaError(reply, 400, 'invalid_scope', MESSAGES.invalidScope);
    const access = issueAccessToken(state, clientId);
    return json(reply, 200, { access_token: access, scope, token_type: 'bearer', expires_in: ACCESS_TOKEN_SECONDS });
  });
}

function issueAccessToken(state: SandboxState, clientId: string, refreshToken?: string): string {
  const token = newAccessToken();
  const refresh = refreshToken ? state.refreshTokens.get(refreshToken) : undefined;
  state.accessTokens.set(token, {
    token,
    clientId,
    sellingPartnerId: refresh?.sellingPartnerId,
    region: refresh?.region,
    refreshToken,
    expiresAt: state.now() + ACCESS_TOKEN_SECONDS * 1000,
  });
  return token;
}

/** The seller a token request concerns, so per-account scenarios can apply. */
function contextOf(state: SandboxState, grantType: string, body: unknown): ScenarioContext {
  if (grantType === 'authorization_code')
    return { sellingPartnerId: state.codes.get(field(body, 'code'))?.sellingPartnerId };
  if (grantType === 'refresh_token')
    return { sellingPartnerId: state.refreshTokens.get(field(body, 'refresh_token'))?.sellingPartnerId };
  return {};
}

// GET /oauth/amazon/login: the Login URI Amazon calls for Re-Authorize (Seller Central) and Authorize now
// (Appstore). POST /oauth/amazon/login: the pairing-code form of its pages, rate-limited per client
// address so that codes cannot be guessed. The query carries Amazon's state: never cached, no Referer.
// Schemas: shared/cloud-api-routes.ts; a malformed request gets the page (attachValidation), not JSON.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AMAZON_LOGIN_PATH } from '../../shared/cloud-api';
import { CLOUD_ROUTES } from '../../shared/cloud-api-routes';
import type { CloudContext } from '../context';
import { contractRoute } from '../http/contract-route';
import { callbackOrigins, handleLogin, type LoginOutcome, type LoginUriParams } from '../authorizations/login-uri';
import { loginPage, pickPageLang } from '../http/login-pages';

/** Attempts at a pairing code per client address and window: 30^8 codes make guessing hopeless. */
const CODE_ATTEMPTS = 10;
const CODE_WINDOW_MS = 10 * 60_000;

export async function loginUriRoutes(fastify: FastifyInstance, { ctx }: { ctx: CloudContext }): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // The pages have no scripts or styles; the form posts here and is redirected to Seller Central.
  const csp = `default-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self' ${callbackOrigins(ctx).join(' ')}`;
  const answer = (request: FastifyRequest, reply: FastifyReply, outcome: LoginOutcome, params: LoginUriParams) =>
    send(request, reply.header('content-security-policy', csp), outcome, params);
  app.route({
    ...contractRoute(CLOUD_ROUTES.loginUri),
    attachValidation: true,
    handler: async (request, reply) => {
      if (request.validationError) return answer(request, reply, badRequest, {});
      return answer(request, reply, await handleLogin(ctx, request.query), request.query);
    },
  });

  app.route({
    ...contractRoute(CLOUD_ROUTES.loginUriCode),
    config: { rateLimit: { max: CODE_ATTEMPTS, timeWindow: CODE_WINDOW_MS, keyGenerator: (r: FastifyRequest) => `pairing:${r.ip}` } },
    attachValidation: true,
    handler: async (request, reply) => {
      if (request.validationError) return answer(request, reply, badRequest, {});
      const { code, ...params } = request.body;
      const outcome = await handleLogin(ctx, params, code);
      if (outcome.kind === 'page') request.log.info({ reason: outcome.reason }, 'login uri: pairing code refused');
      return answer(request, reply, outcome, params);
    },
  });
}

const badRequest: LoginOutcome = { kind: 'page', status: 400, reason: 'bad_request', askForCode: false };

function send(request: FastifyRequest, reply: FastifyReply, outcome: LoginOutcome, params: LoginUriParams): FastifyReply {
  reply.header('referrer-policy', 'no-referrer').header('cache-control', 'no-store');
  if (outcome.kind === 'redirect') return reply.redirect(outcome.location, 302);
  const lang = pickPageLang(request.headers['accept-language']);
  // Relative: the form posts back to this path, also behind a proxy that adds a prefix.
  const action = AMAZON_LOGIN_PATH.split('/').pop()!;
  return reply.code(outcome.status).type('text/html; charset=utf-8').header('content-language', lang).send(loginPage(lang, outcome.reason, outcome.askForCode, action, params));
}

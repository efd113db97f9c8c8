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
import { createFailureCounter } from '../http/failure-counter';
import { CloudError } from '../http/cloud-error';
import { pairingCodeKey } from '../pairing-codes';

/**
 * Wrong pairing codes allowed per window: per client address, per typed code (wherever it comes from), and
 * over all addresses together, so guesses spread over many addresses stay bounded too. Only failures
 * count: sellers behind one office address who type their right codes use up nothing. 30^8 codes make
 * guessing hopeless at these rates.
 */
const CODE_FAILURES_PER_ADDRESS = 10;
const CODE_FAILURES_PER_CODE = 5;
const CODE_FAILURES_TOTAL = 500;
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

  const window = { windowMs: CODE_WINDOW_MS };
  const perAddress = createFailureCounter(CODE_FAILURES_PER_ADDRESS, ctx.now, window);
  const perCode = createFailureCounter(CODE_FAILURES_PER_CODE, ctx.now, window);
  const total = createFailureCounter(CODE_FAILURES_TOTAL, ctx.now, window);
  app.route({
    ...contractRoute(CLOUD_ROUTES.loginUriCode),
    attachValidation: true,
    handler: async (request, reply) => {
      if (request.validationError) return answer(request, reply, badRequest, {});
      const { code, ...params } = request.body;
      const key = pairingCodeKey(code);
      const wait = Math.max(perAddress.over(request.ip) ?? 0, perCode.over(key) ?? 0, total.over('all') ?? 0);
      if (wait > 0) {
        request.log.warn('login uri: pairing code attempts over the limit');
        throw new CloudError('RATE_LIMITED', `Too many wrong pairing codes; retry in ${wait} s.`, wait);
      }
      const outcome = await handleLogin(ctx, params, code);
      if (outcome.kind === 'page') {
        if (outcome.reason === 'code_invalid') {
          perAddress.fail(request.ip);
          perCode.fail(key);
          total.fail('all');
        }
        request.log.info({ reason: outcome.reason }, 'login uri: pairing code refused');
      }
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

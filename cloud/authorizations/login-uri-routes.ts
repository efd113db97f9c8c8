// GET /oauth/amazon/login: the Login URI Amazon calls for Re-Authorize (Seller Central) and Authorize now
// (Appstore), and in the website workflow for a seller not yet registered with the app. The query carries
// Amazon's state: never cached, no Referer. Limited per selling_partner_id (an outsider can send any
// seller's public id), known or unknown alike, except for a browser carrying a sign-in cookie (the start
// link's; only it can continue the desktop's sign-in). The pairing-code form moved to the callback's
// page (callback-routes.ts): only Amazon's round trip tells who the seller is.
// Schemas: shared/cloud-api-routes.ts; a malformed request gets the page (attachValidation), not JSON.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CLOUD_ROUTES } from '../../shared/cloud-api-routes';
import type { CloudContext } from '../context';
import { contractRoute } from '../http/contract-route';
import { handleLogin, type LoginOutcome } from './login-uri';
import { cookieState } from './start-link';
import { verifyState } from './state';
import { loginPage, pickPageLang } from '../http/login-pages';

/** Login URI requests per seller id and window: a genuine Re-Authorize needs one or two. */
const SELLER_ATTEMPTS = 20;
const SELLER_WINDOW_MS = 10 * 60_000;

export async function loginUriRoutes(fastify: FastifyInstance, { ctx }: { ctx: CloudContext }): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // The page (a request that does not lead back to Amazon) has no scripts, styles or forms.
  const csp = "default-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";
  const answer = (request: FastifyRequest, reply: FastifyReply, outcome: LoginOutcome) =>
    send(request, reply.header('content-security-policy', csp), outcome);
  app.route({
    ...contractRoute(CLOUD_ROUTES.loginUri),
    config: {
      rateLimit: {
        max: SELLER_ATTEMPTS,
        timeWindow: SELLER_WINDOW_MS,
        keyGenerator: (r: FastifyRequest) => `login-seller:${sellerKey(r)}`,
        // Only a cookie with a state this cloud signed (a made-up one must not lift the limit).
        allowList: async (r: FastifyRequest) => {
          const state = cookieState(r.headers.cookie);
          return state !== undefined && (await verifyState(ctx.signingKey, state, ctx.now())).ok;
        },
      },
    },
    attachValidation: true,
    handler: async (request, reply) => {
      if (request.validationError) return answer(request, reply, badRequest);
      const outcome = await handleLogin(ctx, request.query, cookieState(request.headers.cookie));
      return answer(request, reply, outcome);
    },
  });
}

/** The seller id the request names (any string: it is only a bucket name), else the client address. */
function sellerKey(r: FastifyRequest): string {
  const id = (r.query as { selling_partner_id?: unknown } | undefined)?.selling_partner_id;
  return typeof id === 'string' && id ? `id:${id.slice(0, 64)}` : `ip:${r.ip}`;
}

const badRequest: LoginOutcome = { kind: 'page', status: 400, reason: 'bad_request', askForCode: false };

function send(request: FastifyRequest, reply: FastifyReply, outcome: LoginOutcome): FastifyReply {
  reply.header('referrer-policy', 'no-referrer').header('cache-control', 'no-store');
  if (outcome.kind === 'redirect') return reply.redirect(outcome.location, 302);
  const lang = pickPageLang(request.headers['accept-language']);
  return reply
    .code(outcome.status)
    .type('text/html; charset=utf-8')
    .header('content-language', lang)
    .send(loginPage(lang, outcome.reason, false, ''));
}

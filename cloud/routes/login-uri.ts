// GET /oauth/amazon/login: the Login URI Amazon calls for Re-Authorize (Seller Central) and Authorize now
// (Appstore). POST /oauth/amazon/login: the pairing-code form of its pages, rate-limited per client
// address so that codes cannot be guessed. The query carries Amazon's state: never cached, no Referer.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AMAZON_LOGIN_PATH } from '../../shared/cloud-api';
import type { CloudContext } from '../context';
import { callbackOrigins, handleLogin, type LoginOutcome, type LoginUriParams } from '../authorizations/login-uri';
import { loginPage, pickPageLang } from '../http/login-pages';

// Control characters are refused like any other malformed value.
const param = z.string().max(2048).refine((s) => !/\p{Cc}/u.test(s)).optional();
const loginQuerySchema = z.object({
  amazon_callback_uri: param,
  amazon_state: param,
  selling_partner_id: z.string().max(64).regex(/^[A-Za-z0-9]*$/).optional(),
  // Amazon sends version=beta for a Draft app; the cloud answers from its own configuration (amazon.draftApp).
  version: z.string().max(20).regex(/^[a-z0-9]*$/).optional(),
});
const codeFormSchema = loginQuerySchema.extend({ code: z.string().max(40) });

/** Attempts at a pairing code per client address and window: 30^8 codes make guessing hopeless. */
const CODE_ATTEMPTS = 10;
const CODE_WINDOW_MS = 10 * 60_000;

export async function loginUriRoutes(app: FastifyInstance, { ctx }: { ctx: CloudContext }): Promise<void> {
  // The pages have no scripts or styles; the form posts here and is redirected to Seller Central.
  const csp = `default-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self' ${callbackOrigins(ctx).join(' ')}`;
  const answer = (request: FastifyRequest, reply: FastifyReply, outcome: LoginOutcome, params: LoginUriParams) =>
    send(request, reply.header('content-security-policy', csp), outcome, params);
  app.get(AMAZON_LOGIN_PATH, async (request, reply) => {
    const parsed = loginQuerySchema.safeParse(request.query ?? {});
    const params: LoginUriParams = parsed.success ? parsed.data : {};
    const outcome = parsed.success ? await handleLogin(ctx, params) : badRequest;
    return answer(request, reply, outcome, params);
  });

  app.post(
    AMAZON_LOGIN_PATH,
    { config: { rateLimit: { max: CODE_ATTEMPTS, timeWindow: CODE_WINDOW_MS, keyGenerator: (r: FastifyRequest) => `pairing:${r.ip}` } } },
    async (request, reply) => {
      const parsed = codeFormSchema.safeParse(request.body ?? {});
      if (!parsed.success) return answer(request, reply, badRequest, {});
      const { code, ...params } = parsed.data;
      const outcome = await handleLogin(ctx, params, code);
      if (outcome.kind === 'page') request.log.info({ reason: outcome.reason }, 'login uri: pairing code refused');
      return answer(request, reply, outcome, params);
    },
  );
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

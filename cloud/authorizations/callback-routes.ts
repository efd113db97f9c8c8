// GET /oauth/amazon/callback: Amazon's redirect target. On success the browser sees raw JSON, as in the
// ERP; a failure is a short page in the browser's language (http/callback-pages.ts) unless JSON is asked
// for. The query carries the code and state, so the response is never cached and never leaks a Referer.
// After a Login URI sign-in for a seller id no single platform has, the page asks for the pairing code
// (authorizations/seller-proof.ts); POST /oauth/amazon/callback takes that form, limited like any typed
// code (only wrong codes count, per address, per code and in total).
// Schemas: shared/cloud-api-routes.ts; a malformed request is answered here (attachValidation), so that
// it is counted like every other refused redirect.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { CallbackSuccess } from '../../shared/cloud-api';
import { CLOUD_ROUTES } from '../../shared/cloud-api-routes';
import type { CloudContext } from '../context';
import { CloudError } from '../cloud-error';
import { contractRoute } from '../http/contract-route';
import { schemaMismatch, sendError } from '../http/error-handler';
import { handleCallback, type PairingPage } from './callback-flow';
import { callbackFailurePage, wantsHtml } from '../http/callback-pages';
import { loginPage, pickPageLang } from '../http/login-pages';
import { createFailureCounter } from '../http/failure-counter';
import { pairingCodeKey } from '../platforms/pairing-codes';

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

/** The pairing page posts back to this path; it has no scripts, styles or other resources. */
const PAIRING_CSP = "default-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

export async function callbackRoutes(fastify: FastifyInstance, { ctx }: { ctx: CloudContext }): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  /** The raw JSON, the pairing page, or the failure (page or JSON error body). */
  async function answer(
    request: FastifyRequest,
    reply: FastifyReply,
    run: () => Promise<CallbackSuccess | PairingPage>,
  ): Promise<FastifyReply> {
    reply.header('referrer-policy', 'no-referrer').header('cache-control', 'no-store');
    try {
      const outcome = await run();
      if ('kind' in outcome) {
        ctx.metrics.callback(`pairing_${outcome.reason}`);
        const lang = pickPageLang(request.headers['accept-language']);
        // Untyped reply: the contract's schemas describe the JSON answers; this page is the browser's.
        const html: FastifyReply = reply;
        // Relative: the form posts back to this path, also behind a proxy that adds a prefix.
        return html
          .code(outcome.status)
          .header('content-security-policy', PAIRING_CSP)
          .header('content-language', lang)
          .header('vary', 'Accept-Language')
          .type('text/html; charset=utf-8')
          .send(
            loginPage(lang, outcome.reason, outcome.askForCode, 'callback', outcome.askForCode ? outcome.fields : {}),
          );
      }
      ctx.metrics.callback('ok');
      ctx.metrics.authorization('authenticated');
      return reply.send(outcome);
    } catch (err) {
      if (!(err instanceof CloudError)) {
        ctx.metrics.callback('INTERNAL_ERROR');
        throw err;
      }
      ctx.metrics.callback(err.code);
      // A bad, replayed or late state changes no authorization; everything else fails it.
      if (!err.code.startsWith('STATE_') && err.code !== 'AUTHORIZATION_NOT_PENDING')
        ctx.metrics.authorization('failed');
      // A redirect whose seller id was edited may be an attack on another seller: operators see it as a warning.
      if (err.code === 'SELLER_ID_DISPROVEN') request.log.warn({ code: err.code }, 'amazon callback rejected');
      else request.log.info({ code: err.code }, 'amazon callback rejected');
      // Amazon refusing the redirect's code (expired, used, forged) is the redirect's fault, not an
      // upstream failure: 400 here; LWA_INVALID_CLIENT and LWA_UNAVAILABLE stay 502/503.
      const status = err.code === 'LWA_INVALID_GRANT' ? 400 : err.statusCode;
      // The merchant's browser gets a short page in its language with the way back to the app; a
      // client asking for JSON (or for anything) the error body as before.
      if (wantsHtml(request.headers.accept)) {
        if (err.retryAfter !== undefined) reply.header('retry-after', String(err.retryAfter));
        const page = callbackFailurePage(request.headers['accept-language'], err.code);
        const html: FastifyReply = reply;
        return html
          .code(status)
          .header('content-language', page.lang)
          .header('vary', 'Accept, Accept-Language')
          .type('text/html; charset=utf-8')
          .send(page.html);
      }
      return sendError(reply, err, status);
    }
  }

  // No rate limit: a limit keyed by address would let anyone behind a merchant's address (or every
  // client, behind a proxy) block that merchant's one-time redirect. Without a genuine state a request
  // costs one HMAC check; with one, the state is used once.
  // GET only: Fastify would answer HEAD with the same handler, and a link checker's HEAD would use up
  // the one-time code and state.
  app.route({
    ...contractRoute(CLOUD_ROUTES.amazonCallback),
    exposeHeadRoute: false,
    config: { rateLimit: false },
    attachValidation: true,
    handler: async (request, reply) =>
      answer(request, reply, async () => {
        if (request.validationError) throw schemaMismatch(request.validationError) ?? new CloudError('INVALID_REQUEST');
        return handleCallback(ctx, request.query);
      }),
  });

  const window = { windowMs: CODE_WINDOW_MS };
  const perAddress = createFailureCounter(CODE_FAILURES_PER_ADDRESS, ctx.now, window);
  const perCode = createFailureCounter(CODE_FAILURES_PER_CODE, ctx.now, window);
  const total = createFailureCounter(CODE_FAILURES_TOTAL, ctx.now, window);
  app.route({
    ...contractRoute(CLOUD_ROUTES.amazonCallbackCode),
    attachValidation: true,
    handler: async (request, reply) =>
      answer(request, reply, async () => {
        if (request.validationError) throw schemaMismatch(request.validationError) ?? new CloudError('INVALID_REQUEST');
        const { code, consent, ...q } = request.body;
        const key = pairingCodeKey(code);
        const wait = Math.max(perAddress.over(request.ip) ?? 0, perCode.over(key) ?? 0, total.over('all') ?? 0);
        if (wait > 0) {
          request.log.warn('amazon callback: pairing code attempts over the limit');
          throw new CloudError('RATE_LIMITED', `Too many wrong pairing codes; retry in ${wait} s.`, wait);
        }
        const outcome = await handleCallback(ctx, q, { code, consent: consent ?? '' });
        if ('kind' in outcome && outcome.reason === 'code_invalid') {
          perAddress.fail(request.ip);
          perCode.fail(key);
          total.fail('all');
        }
        return outcome;
      }),
  });
}

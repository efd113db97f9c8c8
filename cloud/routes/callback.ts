// GET /oauth/amazon/callback: Amazon's redirect target. On success the browser sees raw JSON, as in the
// ERP; a failure is a short page in the browser's language (http/callback-pages.ts) unless JSON is asked
// for. The query carries the code and state, so the response is never cached and never leaks a Referer.
// Schemas: shared/cloud-api-routes.ts; a malformed query is answered here (attachValidation), so that
// it is counted like every other refused redirect.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CLOUD_ROUTES } from '../../shared/cloud-api-routes';
import type { CloudContext } from '../context';
import { CloudError } from '../http/cloud-error';
import { contractRoute } from '../http/contract-route';
import { schemaMismatch, sendError } from '../http/error-handler';
import { handleCallback } from '../authorizations/callback-flow';
import { callbackFailurePage, wantsHtml } from '../http/callback-pages';

export async function callbackRoutes(fastify: FastifyInstance, { ctx }: { ctx: CloudContext }): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
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
    handler: async (request, reply) => {
      reply.header('referrer-policy', 'no-referrer').header('cache-control', 'no-store');
      try {
        if (request.validationError) throw schemaMismatch(request.validationError) ?? new CloudError('INVALID_REQUEST');
        const body = await handleCallback(ctx, request.query);
        ctx.metrics.callback('ok');
        ctx.metrics.authorization('authenticated');
        return reply.send(body);
      } catch (err) {
        if (!(err instanceof CloudError)) {
          ctx.metrics.callback('INTERNAL_ERROR');
          throw err;
        }
        ctx.metrics.callback(err.code);
        // A bad, replayed or late state changes no authorization; everything else fails it.
        if (!err.code.startsWith('STATE_') && err.code !== 'AUTHORIZATION_NOT_PENDING') ctx.metrics.authorization('failed');
        request.log.info({ code: err.code }, 'amazon callback rejected');
        // Amazon refusing the redirect's code (expired, used, forged) is the redirect's fault, not an
        // upstream failure: 400 here; LWA_INVALID_CLIENT and LWA_UNAVAILABLE stay 502/503.
        const status = err.code === 'LWA_INVALID_GRANT' ? 400 : err.statusCode;
        // The merchant's browser gets a short page in its language with the way back to the app; a
        // client asking for JSON (or for anything) the error body as before.
        if (wantsHtml(request.headers.accept)) {
          if (err.retryAfter !== undefined) reply.header('retry-after', String(err.retryAfter));
          const page = callbackFailurePage(request.headers['accept-language'], err.code);
          // Untyped reply: the contract's schemas describe the JSON answers; this page is the browser's.
          const html: FastifyReply = reply;
          return html.code(status).header('content-language', page.lang).header('vary', 'Accept, Accept-Language').type('text/html; charset=utf-8').send(page.html);
        }
        return sendError(reply, err, status);
      }
    },
  });
}

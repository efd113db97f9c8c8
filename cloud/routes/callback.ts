// GET /oauth/amazon/callback: Amazon's redirect target. The browser sees raw JSON, as in the ERP; the
// query carries the code and state, so the response is never cached and never leaks a Referer.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AMAZON_CALLBACK_PATH } from '../../shared/cloud-api';
import { safeText } from '../../shared/safe-text';
import type { CloudContext } from '../context';
import { CloudError } from '../http/cloud-error';
import { sendError } from '../http/error-handler';
import { parseInput } from '../http/parse-input';
import { handleCallback } from '../authorizations/callback-flow';

const param = safeText().max(4096).optional();
const callbackQuerySchema = z.object({
  state: param,
  selling_partner_id: param,
  spapi_oauth_code: param,
  mws_auth_token: param,
  error: param,
  error_description: param,
});

export async function callbackRoutes(app: FastifyInstance, { ctx }: { ctx: CloudContext }): Promise<void> {
  // No rate limit: a limit keyed by address would let anyone behind a merchant's address (or every
  // client, behind a proxy) block that merchant's one-time redirect. Without a genuine state a request
  // costs one HMAC check; with one, the state is used once.
  // GET only: Fastify would answer HEAD with the same handler, and a link checker's HEAD would use up
  // the one-time code and state.
  app.get(AMAZON_CALLBACK_PATH, { exposeHeadRoute: false, config: { rateLimit: false } }, async (request, reply) => {
    reply.header('referrer-policy', 'no-referrer').header('cache-control', 'no-store');
    try {
      const query = parseInput(callbackQuerySchema, request.query, 'redirect parameters');
      const body = await handleCallback(ctx, query);
      return reply.type('application/json').send(JSON.stringify(body));
    } catch (err) {
      if (!(err instanceof CloudError)) throw err;
      request.log.info({ code: err.code }, 'amazon callback rejected');
      // Amazon refusing the redirect's code (expired, used, forged) is the redirect's fault, not an
      // upstream failure: 400 here; LWA_INVALID_CLIENT and LWA_UNAVAILABLE stay 502/503.
      return sendError(reply, err, err.code === 'LWA_INVALID_GRANT' ? 400 : err.statusCode);
    }
  });
}

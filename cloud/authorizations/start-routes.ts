// GET /oauth/amazon/start/:id?state=…: the consent link the desktop opens (cloud/authorizations/start-link.ts,
// docs/amazon.md §1.6). Binds the browser to the pending sign-in with a short-lived cookie and redirects to
// Seller Central's consent URL; a link whose sign-in is over gets a page saying so. Never cached, no Referer.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CLOUD_ROUTES } from '../../shared/cloud-api-routes';
import type { CloudContext } from '../context';
import { contractRoute } from '../http/contract-route';
import { loginPage, pickPageLang } from '../http/login-pages';
import type { LoginRefusal } from './login-uri';
import { verifyState } from './state';
import { authorizationToStart } from './authorization-service';
import { buildConsentUrl } from './consent-url';
import { signInCookie } from './start-link';

export async function startRoutes(fastify: FastifyInstance, { ctx }: { ctx: CloudContext }): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.route({
    ...contractRoute(CLOUD_ROUTES.amazonStart),
    attachValidation: true,
    handler: async (request, reply) => {
      reply.header('referrer-policy', 'no-referrer').header('cache-control', 'no-store');
      reply.header(
        'content-security-policy',
        "default-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
      );
      const state = request.validationError ? undefined : request.query.state;
      if (!state) return page(request, reply, 400, 'bad_request');
      const now = new Date(ctx.now());
      const check = await verifyState(ctx.signingKey, state, now.getTime());
      if (!('authorizationId' in check) || check.authorizationId !== request.params.id)
        return page(request, reply, 400, 'bad_request');
      const found = await authorizationToStart(ctx.db, check.authorizationId, now);
      if (!found) return page(request, reply, 400, 'bad_request');
      const { row, platform } = found;
      if (found.expired) ctx.notifier.publish(row.id);
      if (!check.ok || row.status !== 'pending' || row.state_used_at || !platform)
        return page(request, reply, 410, 'sign_in_over');
      const consentUrl = buildConsentUrl({
        endpoints: ctx.endpoints,
        countryCode: platform.country_code,
        applicationId: ctx.config.amazon.applicationId,
        draftApp: ctx.config.amazon.draftApp,
        redirectUri: ctx.redirectUri,
        state,
      });
      const maxAge = (row.expires_at.getTime() - now.getTime()) / 1000;
      return reply.header('set-cookie', signInCookie(ctx.loginUri, state, maxAge)).redirect(consentUrl, 302);
    },
  });
}

function page(request: FastifyRequest, reply: FastifyReply, status: number, reason: LoginRefusal): FastifyReply {
  const lang = pickPageLang(request.headers['accept-language']);
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('content-language', lang)
    .send(loginPage(lang, reason, false, ''));
}

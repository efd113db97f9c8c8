// Assembles the sandbox: one Fastify app serving Seller Central (/sc/<host>), LWA (/auth/o2/token),
// SP-API (/spapi/<region>) and its own pages and API (/, /sandbox). Bad input never shows a stack trace.
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { registerAdminApi, apiError } from './admin-api';
import { registerAdminPages } from './admin-pages';
import { registerConsentRoutes } from './consent-routes';
import { registerLoginUriRoutes } from './login-uri-routes';
import { html, page, pickLanguage } from './html';
import { lwaError, registerLwaRoutes } from './lwa-routes';
import { notFoundPage } from './sc-pages';
import { sendHtml } from './sc-common';
import { SEED, type Seed } from './seed';
import { registerSignInRoutes } from './sc-signin-routes';
import { registerSpApiRoutes, spApiError } from './spapi-routes';
import { registerFeesRoutes } from './fees-routes';
import { SandboxState, type WrongRegion403 } from './state';
import { loadState, saveState } from './persistence';

export interface CreateSandboxOptions {
  now?: () => number;
  extraRedirectUris?: string[];
  /** The Login URI of every seeded app (Re-Authorize and Authorize now call it). */
  loginUri?: string;
  logger?: boolean;
  /** Another fixture (tests of the Draft limit use one with prior authorizations). */
  seed?: Seed;
  /** Keep tokens, authorizations and scenarios across restarts in this JSON file (persistence.ts). */
  stateFile?: string;
  /** The `details` of SP-API's 403 for a token of another region: empty (default, as reported) or detailed. */
  wrongRegion403?: WrongRegion403;
}

interface Sandbox {
  app: FastifyInstance;
  state: SandboxState;
}

export async function createSandbox(opts: CreateSandboxOptions = {}): Promise<Sandbox> {
  const state = new SandboxState(opts.seed ?? SEED, opts.extraRedirectUris ?? [], opts.now ?? Date.now, opts.loginUri);
  if (opts.wrongRegion403) state.wrongRegion403 = opts.wrongRegion403;
  const app = Fastify({ logger: opts.logger ? { level: 'info' } : false, bodyLimit: 64 * 1024 });
  await app.register(cookie);
  await app.register(formbody);

  if (opts.stateFile) {
    const file = opts.stateFile;
    const loaded = loadState(file, state);
    if (loaded.keptAside) state.stateWarning = loaded.keptAside;
    state.persisted = true;
    // Every request that can change the state is followed by a save (small file, one write).
    app.addHook('onResponse', async (req) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        try {
          saveState(file, state);
        } catch (error) {
          req.log.error({ error: String(error) }, 'sandbox state could not be saved');
        }
      }
    });
  }

  registerSignInRoutes(app, state);
  registerConsentRoutes(app, state);
  registerLoginUriRoutes(app, state);
  registerLwaRoutes(app, state);
  registerSpApiRoutes(app, state);
  registerFeesRoutes(app, state);
  registerAdminApi(app, state);
  registerAdminPages(app, state);

  app.setErrorHandler((error: { statusCode?: number; message?: string }, req, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) req.log.error(error);
    return sendFailure(req, reply, status, status === 500 ? 'Internal error' : 'The request could not be parsed');
  });
  app.setNotFoundHandler((req, reply) => sendFailure(req, reply, 404, 'Not found'));
  return { app, state };
}

/** Every failure in the format the caller of that part of Amazon expects. */
function sendFailure(req: FastifyRequest, reply: FastifyReply, status: number, message: string): FastifyReply {
  const path = req.url.split('?')[0] ?? '';
  if (path.startsWith('/auth/o2/')) {
    return status >= 500
      ? lwaError(reply, 500, 'ServerError', 'The server encountered a runtime error.')
      : lwaError(reply, status === 404 ? 404 : 400, 'invalid_request', message);
  }
  if (path.startsWith('/spapi/')) {
    if (status === 404) return spApiError(reply, 404, 'NotFound', 'Resource not found.');
    if (status >= 500)
      return spApiError(reply, 500, 'InternalFailure', 'We encountered an internal error. Please try again.');
    return spApiError(reply, 400, 'InvalidInput', message);
  }
  if (path.startsWith('/sandbox/api/'))
    return apiError(
      reply,
      status,
      status === 404 ? 'NOT_FOUND' : status >= 500 ? 'INTERNAL' : 'INVALID_INPUT',
      message,
    );
  const lang = pickLanguage(undefined, req.headers['accept-language']);
  if (status === 404) {
    const host = path.startsWith('/sc/') ? (path.split('/')[2] ?? '') : 'Sandbox';
    return sendHtml(reply, notFoundPage({ lang, host }), 404);
  }
  return sendHtml(
    reply,
    page({ lang, title: 'Amazon', body: html`<div class="box" data-page="failure"><h1>${message}</h1></div>` }),
    status,
  );
}

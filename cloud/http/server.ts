// The Fastify instance: logging without secrets, security headers, body limits, per-tenant rate
// limits (the token endpoint and Amazon's redirect have their own rules), the client address behind a
// trusted proxy, one error shape, and the route plugins.
import Fastify, { type FastifyInstance, type FastifyRequest, type onRequestHookHandler } from 'fastify';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import type { CloudContext } from '../context';
import { loggerOptions, rateLimited, type CloudLogger } from './logger-options';
import { requestLogFactory } from './request-log';
import { clientErrorHandler, frameworkErrors, installErrorHandlers } from './error-handler';
import { securityHeaderSetter } from './security-headers';
import { installContractSchemas } from './contract-route';
import { installBearerAuth, requireTenant } from './authenticate';
import { oauthTokenRoutes, whoamiRoutes } from '../tenants/token-routes';
import { platformRoutes } from '../platforms/platform-routes';
import { authorizationRoutes } from '../authorizations/authorization-routes';
import { callbackRoutes } from '../authorizations/callback-routes';
import { loginUriRoutes } from '../authorizations/login-uri-routes';
import { startRoutes } from '../authorizations/start-routes';
import { platformChangesRoutes } from '../platforms/platform-changes-routes';
import { operatorRoutes } from '../ops/operator-routes';
import { createHttpMetrics } from '../ops/http-metrics';
import { REQUEST_ID_HEADER, requestId } from './request-id';
import { adminTokenMatches } from '../ops/admin-credential';

/** Bodies here are tiny JSON objects; anything larger is a mistake or an attack. */
const BODY_LIMIT = 16 * 1024;

export interface RouteEntry {
  method: string;
  url: string;
}

/** `routes` receives every route as it is registered (the fuzzers cover new routes automatically). */
export async function buildServer(
  ctx: CloudContext,
  logger: CloudLogger,
  routes: RouteEntry[] = [],
): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: BODY_LIMIT,
    // Behind a reverse proxy the client is in X-Forwarded-For; only hops named here are believed.
    trustProxy: ctx.config.trustProxy,
    logger: loggerOptions(logger, ctx.config.logLevel),
    // Each request's pino child is made when it logs and given up while a long-poll waits (request-log.ts).
    ...(logger !== false ? { childLoggerFactory: requestLogFactory } : {}),
    // Amazon's codes and JWTs are long; keep the default URL limits but reject absurd ones.
    routerOptions: { maxParamLength: 200 },
    // Errors before routing (bad URL, too long parameter) and from the HTTP parser: our shape too.
    frameworkErrors,
    clientErrorHandler,
    // X-Request-Id from the proxy when valid, else a UUID (request-id.ts); logged as reqId.
    genReqId: requestId,
    requestIdHeader: false,
  });
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });
  installErrorHandlers(app);
  installContractSchemas(app);
  // While stopping, every answer closes its connection: Node's server.close() waits for keep-alive
  // sockets, which Fastify would otherwise keep open up to keepAliveTimeout (72 s) after the last answer.
  // The request id and helmet's security headers go back with every answer, and the request is
  // counted: one hook for all four, callback style (no promise per request: the status route is hot).
  const observe = createHttpMetrics(ctx.metrics.registry);
  const setSecurityHeaders = await securityHeaderSetter();
  app.addHook('onSend', (request, reply, payload, done) => {
    setSecurityHeaders(reply);
    reply.header(REQUEST_ID_HEADER, request.id);
    if (ctx.closing.aborted) reply.header('connection', 'close');
    observe(request, reply);
    done(null, payload);
  });
  await app.register(formbody);
  installBearerAuth(app, ctx);
  await app.register(rateLimit, {
    max: ctx.config.rateLimitPerMinute,
    timeWindow: 60_000,
    // The operator (the admin credential on /admin and /metrics) has a bucket of its own: a flood of
    // unauthenticated requests from the same address (loopback, a shared host) must not lock it out.
    keyGenerator: (request) =>
      request.tenantId
        ? `tenant:${request.tenantId}`
        : isOperator(request, ctx.adminToken)
          ? 'operator'
          : `ip:${request.ip}`,
    errorResponseBuilder: rateLimited,
  });
  await app.register(oauthTokenRoutes, { ctx });
  await app.register(callbackRoutes, { ctx });
  await app.register(loginUriRoutes, { ctx });
  await app.register(startRoutes, { ctx });
  await app.register(operatorRoutes, { ctx });
  await app.register(
    async (v1) => {
      // Before the body is read and the schemas are checked: an unauthenticated or disabled caller
      // learns nothing about them. After the rate limiter (its own per-route onRequest hook, added by
      // its onRoute hook before this one), so refused calls count too. In onRequest rather than a
      // preValidation hook: one hook phase less per call (issue 26).
      const tenantCheck = tenantCheckHook(ctx);
      v1.addHook('onRoute', (route) => {
        route.onRequest = [...[route.onRequest ?? []].flat(), tenantCheck];
      });
      await v1.register(whoamiRoutes, { ctx });
      await v1.register(platformRoutes, { ctx });
      await v1.register(platformChangesRoutes, { ctx });
      await v1.register(authorizationRoutes, { ctx });
    },
    { prefix: '/v1' },
  );
  return app;
}

/**
 * The disabled-tenant refusal (and UNAUTHORIZED without a token), callback style: a remembered answer
 * lets the call through without a promise (issue 26).
 */
function tenantCheckHook(ctx: CloudContext): onRequestHookHandler {
  return (request, _reply, done) => {
    try {
      const tenantId = requireTenant(request);
      const generation = request.tokenGeneration ?? 0;
      if (ctx.tenantGate.checkKnown(tenantId, generation)) return done();
      ctx.tenantGate.assertActive(tenantId, generation).then(() => done(), done);
    } catch (error) {
      done(error as Error);
    }
  };
}

/** A request to the operator's routes that carries the admin credential. */
function isOperator(request: FastifyRequest, adminToken: string): boolean {
  const path = request.url.split('?')[0]!;
  if (!path.startsWith('/admin/') && path !== '/metrics') return false;
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  return adminTokenMatches(match?.[1], adminToken);
}

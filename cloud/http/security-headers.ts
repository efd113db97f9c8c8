// Helmet's security headers, added when an answer is sent (onSend), not when the request arrives.
//
// Why not simply register @fastify/helmet: it builds helmet's middleware for every request in onRequest
// and writes a dozen headers into the ServerResponse there, so a long-poll held for 25 s keeps them the
// whole time (heap snapshots: ~1.5 KB per waiting request, 15 MB for 10,000 waiting clients), and
// building the middleware per request costs ~0.1 ms of CPU in the burst when thousands are woken at once.
// The headers do not depend on the request, so the plugin itself computes them once, on a private
// Fastify instance at start-up, and one onSend hook adds them to every answer: routes, 404s, errors and
// rate-limit refusals alike. A header the route set itself is left as it is.
// Callback style: no promise per answer.
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';

export const HELMET_OPTIONS: FastifyHelmetOptions = {
  contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  // Helmet's default adds includeSubDomains: that would force https on every host under the cloud's
  // domain (the vendor's other sites) for a year. Whoever wants it adds it in the proxy.
  strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: false },
};

/** Headers of the probe's answer that are not helmet's. */
const NOT_HELMET = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding']);

/** The headers @fastify/helmet sends with these options, read from one answer of a throw-away instance. */
async function helmetHeaders(options: FastifyHelmetOptions = HELMET_OPTIONS): Promise<Record<string, string>> {
  const probe = Fastify();
  try {
    await probe.register(helmet, options);
    probe.get('/', async () => '');
    const res = await probe.inject('/');
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(res.headers))
      if (!NOT_HELMET.has(name) && value !== undefined) out[name] = String(value);
    return out;
  } finally {
    await probe.close();
  }
}

/**
 * What adds the headers to an answer, for a server's own onSend hook (the cloud's adds them in the hook
 * that also sets the request id: one hook per answer instead of two, issue 26).
 */
export async function securityHeaderSetter(): Promise<(reply: FastifyReply) => void> {
  const headers = await helmetHeaders();
  if (!headers['content-security-policy'] || !headers['x-content-type-options'])
    throw new Error('helmet sent no security headers');
  const entries = Object.entries(headers);
  // A route's own value wins (the Login URI's pages widen form-action to Seller Central's origins).
  return (reply) => {
    for (const [name, value] of entries) if (!reply.hasHeader(name)) reply.header(name, value);
  };
}

/** The headers on every answer, in an onSend hook of their own (the bench's bare route). */
export async function installSecurityHeaders(app: FastifyInstance): Promise<void> {
  const set = await securityHeaderSetter();
  app.addHook('onSend', (_request, reply, payload, done) => {
    set(reply);
    done(null, payload);
  });
}

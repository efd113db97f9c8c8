import Fastify from 'fastify';
import helmet from '@fastify/helmet';
import { describe, expect, it } from 'vitest';
import { HELMET_OPTIONS, installSecurityHeaders } from './security-headers';
import { installErrorHandlers } from './error-handler';

describe('security headers added on send', () => {
  it('are exactly what @fastify/helmet sends, on answers, errors and 404s alike', async () => {
    const reference = Fastify();
    await reference.register(helmet, HELMET_OPTIONS);
    reference.get('/ok', async () => ({ ok: true }));
    const expected = (await reference.inject('/ok')).headers;
    await reference.close();
    // HSTS for the cloud's own host only: includeSubDomains would bind every sibling host for a year.
    expect(expected['strict-transport-security']).toBe('max-age=31536000');

    const app = Fastify();
    installErrorHandlers(app);
    await installSecurityHeaders(app);
    app.get('/ok', async () => ({ ok: true }));
    app.get('/fails', async () => {
      throw new Error('boom');
    });
    try {
      for (const url of ['/ok', '/fails', '/nowhere']) {
        const res = await app.inject(url);
        for (const [name, value] of Object.entries(expected)) {
          if (['date', 'content-length', 'connection', 'content-type'].includes(name)) continue;
          expect([url, name, res.headers[name]]).toEqual([url, name, value]);
        }
      }
    } finally {
      await app.close();
    }
  });

  it("leave a header the route set itself (the Login URI's pages widen form-action)", async () => {
    const app = Fastify();
    await installSecurityHeaders(app);
    const own = "default-src 'none'; form-action 'self' https://sellercentral.amazon.de";
    app.get('/own', async (_request, reply) => reply.header('content-security-policy', own).send('ok'));
    try {
      const res = await app.inject('/own');
      expect(res.headers['content-security-policy']).toBe(own);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    } finally {
      await app.close();
    }
  });
});

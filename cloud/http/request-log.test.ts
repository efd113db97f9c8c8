// The per-request logger (request-log.ts): the same lines as Fastify's default pino child, byte for
// byte (apart from the clock), and no pino child kept by a request that gave it up while it waits.
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { loggerOptions } from './logger-options';
import { holdsChildLogger, releaseRequestLog, requestLogFactory } from './request-log';

async function logLines(withFactory: boolean): Promise<{ lines: string[]; heldHadChild: boolean[] }> {
  const lines: string[] = [];
  const heldHadChild: boolean[] = [];
  const app = Fastify({
    logger: loggerOptions({ write: (line) => void lines.push(line) }, 'debug'),
    ...(withFactory ? { childLoggerFactory: requestLogFactory } : {}),
  });
  app.get('/ok', async () => ({ ok: true }));
  app.get('/fails', async () => {
    throw new Error('broken');
  });
  app.get('/logs', async (request) => {
    request.log.warn({ code: 'X', headers: { authorization: 'Bearer secret-token' } }, 'own line');
    request.log.child({ sub: 1 }).debug('child line');
    return {};
  });
  // As the status long-poll does: gives the child up, waits, then answers.
  app.get('/held', (request, reply) => {
    releaseRequestLog(reply.log);
    setTimeout(() => {
      heldHadChild.push(holdsChildLogger(reply.log));
      reply.send({ held: true });
    }, 5);
  });
  for (const url of ['/ok', '/fails', '/logs', '/held', '/missing', '/held'])
    await app.inject({ method: 'GET', url, headers: { authorization: 'Bearer secret-token' } });
  await app.close();
  // The clock and the measured time differ between two runs; everything else must not.
  const stable = lines.map((l) =>
    l.replace(/"time":\d+/, '"time":0').replace(/"responseTime":[\d.e-]+/, '"responseTime":0'),
  );
  return { lines: stable, heldHadChild };
}

describe('request logger', () => {
  it("writes the same lines as Fastify's default child logger", async () => {
    const ours = await logLines(true);
    const fastifys = await logLines(false);
    expect(ours.lines.length).toBeGreaterThan(10);
    expect(ours.lines).toEqual(fastifys.lines);
    expect(ours.lines.join('')).not.toContain('secret-token');
    expect(
      ours.lines.filter((l) => l.includes('"msg":"request completed"') && l.includes('"reqId":"req-')),
    ).toHaveLength(6);
  });

  it('holds no pino child while a request waits, and makes one again for its next line', async () => {
    const { heldHadChild, lines } = await logLines(true);
    expect(heldHadChild).toEqual([false, false]);
    expect(lines.filter((l) => l.includes('"msg":"request completed"'))).toHaveLength(6);
    // Fastify's default: the pino child stays for the whole wait.
    expect((await logLines(false)).heldHadChild).toEqual([true, true]);
  });
});

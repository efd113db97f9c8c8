// The server's log: JSON lines without secrets. Amazon's redirect carries the code and the state in its
// query, so a request is logged by its path only; credentials and tokens are redacted wherever they
// appear. Also used by the bench's bare server, so its figures include the same logging work.
import type { FastifyServerOptions } from 'fastify';
import { CloudError } from '../cloud-error';

/** `true` logs to stdout; a stream (tests, log shippers) receives the same JSON lines. */
export type CloudLogger = boolean | { write(line: string): void };

export function loggerOptions(logger: CloudLogger, level: string): FastifyServerOptions['logger'] {
  return (
    logger !== false && {
      ...(typeof logger === 'object' ? { stream: logger } : {}),
      level,
      serializers: {
        // ip: the client's address (from X-Forwarded-For when trustProxy names the proxy).
        req: (req: { method: string; url: string; ip?: string }) => ({
          method: req.method,
          path: req.url.split('?')[0],
          remoteAddress: req.ip,
        }),
      },
      redact: {
        paths: [
          'req.headers.authorization',
          'headers.authorization',
          '*.client_secret',
          '*.refresh_token',
          '*.access_token',
        ],
        censor: '[redacted]',
      },
    }
  );
}

/** The answer over a rate limit: RATE_LIMITED with the seconds until the window frees up. */
export function rateLimited(_request: unknown, context: { ttl: number }): CloudError {
  const seconds = Math.ceil(context.ttl / 1000);
  return new CloudError('RATE_LIMITED', `Too many requests; retry in ${seconds} s.`, seconds);
}

import { randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import type { CloudContext } from '../context';
import { issueAccessToken } from '../tenants/access-token';
import { installBearerAuth } from './authenticate';

describe('bearer authentication', () => {
  it('accepts a remembered token in exactly the header forms the pattern accepts, first use or not', async () => {
    const signingKey = new Uint8Array(randomBytes(32));
    const app = Fastify();
    installBearerAuth(app, { signingKey, now: Date.now } as CloudContext);
    app.get('/who', async (request) => ({ tenant: request.tenantId ?? null }));
    const token = await issueAccessToken(signingKey, 'tenant-1', Date.now(), 600);
    const forms: Array<[string, string | null]> = [
      [`Bearer ${token}`, 'tenant-1'],
      [`bearer ${token}`, 'tenant-1'],
      [`BEARER ${token}`, 'tenant-1'],
      [`Bearer  ${token}`, 'tenant-1'],
      [`Bearer\t${token}`, 'tenant-1'],
      [`Bearer ${token} `, null],
      [`Bearer ${token} x`, null],
      [`Bearer  ${token}x`, null],
      [`Bearer ${token.slice(0, -1)}`, null],
      [`Bearer${token}`, null],
      [`Basic ${token}`, null],
      [`Bearer `, null],
    ];
    try {
      // Twice: the first pass verifies (and remembers) the token, the second answers from memory.
      for (const pass of [1, 2])
        for (const [authorization, tenant] of forms) {
          const res = await app.inject({ url: '/who', headers: { authorization } });
          expect([pass, authorization, res.json()]).toEqual([pass, authorization, { tenant }]);
        }
    } finally {
      await app.close();
    }
  });
});

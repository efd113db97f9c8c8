// The core's sandbox hint reads accounts and their current one-time codes from the sandbox's API over
// HTTP (the core imports nothing from sandbox/); the codes are the sandbox's, by the sandbox's clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { startSandbox, type SandboxHandle } from '../../../sandbox';
import { seedAccount } from '../../../sandbox/seed';
import { totp } from '../../../sandbox/totp';
import { sandboxHint } from './hint';

const T = Date.parse('2025-03-01T10:00:07Z');
let sb: SandboxHandle;

beforeAll(async () => {
  sb = await startSandbox({ port: 0, now: () => T });
});
afterAll(() => sb.close());

describe('sandboxHint', () => {
  it('shows each account with the one-time code the sandbox accepts right now', async () => {
    const hint = await sandboxHint(sb.url);
    const eu = hint.accounts.find((a) => a.email === 'eu.haendler@example.com');
    const secret = (seedAccount('eu.haendler@example.com') as { totpSecret: string }).totpSecret;
    expect(eu?.totp).toEqual({ code: totp(secret, T), secondsLeft: 23 });
    expect(hint.accounts.find((a) => a.email === 'fe.seller@example.com')).toMatchObject({ sms: true });
    expect(hint.accounts.find((a) => a.email === 'fe.seller@example.com')?.totp).toBeUndefined();
  });

  it("refuses a body that is not the sandbox's account list", async () => {
    const server: Server = createServer((_req, res) =>
      res.end(JSON.stringify({ accounts: [{ email: 'x'.repeat(5000), password: 1 }] })),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    await expect(sandboxHint(`http://127.0.0.1:${port}`)).rejects.toThrow();
    await new Promise((r) => server.close(r));
  });
});

// The set-up most cloud suites share: one sandbox + cloud stack for the file and one tenant's client.
// Registers the vitest hooks itself; read `stack` and `client` inside tests and hooks only (they are
// set once beforeAll has run).
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { TestCloudHttp, startStack, type Stack } from './stack';

interface TenantStack {
  readonly stack: Stack;
  readonly client: TestCloudHttp;
}

/**
 * `fresh`: 'sandbox' resets the sandbox's state before each test; 'sandbox+clock' also sets the
 * cloud's clock back to now (suites that move time).
 */
export function useTenantStack(
  tenantName: string,
  opts: { fresh?: 'sandbox' | 'sandbox+clock'; stack?: Parameters<typeof startStack>[0] } = {},
): TenantStack {
  const ctx = {} as { stack: Stack; client: TestCloudHttp };
  beforeAll(async () => {
    ctx.stack = await startStack(opts.stack);
    ctx.client = new TestCloudHttp(ctx.stack.cloud.url, await ctx.stack.cloud.createTenant(tenantName));
  });
  afterAll(async () => ctx.stack?.close());
  if (opts.fresh) {
    beforeEach(() => {
      ctx.stack.sandbox.reset();
      if (opts.fresh === 'sandbox+clock') ctx.stack.clock.set(Date.now());
    });
  }
  return ctx;
}

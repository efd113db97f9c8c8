// One stack (sandbox + cloud on loopback) for a whole test file, with its tenant(s). Call at the top
// level of the file; read `stack` and `client` inside the tests.
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { CloudClient, startStack, type Stack } from './stack';

interface TenantPerTest {
  readonly stack: Stack;
  /** This test's tenant. */
  readonly client: CloudClient;
  /** Another tenant, cleaned up with this test. */
  newClient(): Promise<CloudClient>;
}

/** One stack and one tenant for all tests of the file. */
export function stackWithTenant(tenantName: string): Omit<TenantPerTest, 'newClient'> {
  let stack: Stack | undefined;
  let client: CloudClient | undefined;
  beforeAll(async () => {
    stack = await startStack();
    client = new CloudClient(stack.cloud.url, await stack.cloud.createTenant(tenantName));
  });
  afterAll(async () => stack?.close());
  return {
    get stack() {
      return started(stack);
    },
    get client() {
      return started(client);
    },
  };
}

function started<T>(value: T | undefined): T {
  if (!value) throw new Error('the stack starts in beforeAll');
  return value;
}

/**
 * Each test gets a fresh tenant, and its platforms are deleted after it: the Login URI looks across all
 * tenants, so an earlier test's platforms would make a seller ambiguous.
 */
export function stackWithTenantPerTest(tenantName: string): TenantPerTest {
  let stack: Stack | undefined;
  let client: CloudClient | undefined;
  let tenants = 0;
  const clients: CloudClient[] = [];
  const suite: TenantPerTest = {
    get stack() {
      return started(stack);
    },
    get client() {
      return started(client);
    },
    async newClient() {
      const c = new CloudClient(suite.stack.cloud.url, await suite.stack.cloud.createTenant(`${tenantName} ${++tenants}`));
      clients.push(c);
      return c;
    },
  };
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => stack?.close());
  beforeEach(async () => {
    suite.stack.sandbox.reset();
    client = await suite.newClient();
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) {
      for (const p of (await c.raw('GET', '/v1/platforms')).body.platforms) await c.raw('DELETE', `/v1/platforms/${p.id}`);
    }
  });
  return suite;
}

// The set-up of the Login URI suites: one sandbox + cloud stack per file, a fresh tenant's client for
// each test (the sandbox reset), more tenants on request, and after each test every platform of its
// tenants deleted — the Login URI looks across all tenants, so an earlier test's platforms would make a
// seller ambiguous. Read the fields inside tests and hooks only.
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { SeedAccount } from '../../sandbox';
import { TestCloudHttp, startStack, type Stack } from './stack';
import { authenticatedPlatform } from './flow-steps';

interface Feed {
  cursor: string;
  authorizations: Array<{ id: string; platformId: string; status: string; mode: string; origin?: string }>;
}

interface LoginUriStack {
  readonly stack: Stack;
  /** This test's tenant. */
  readonly client: TestCloudHttp;
  /** Another tenant for this test. */
  newClient(): Promise<TestCloudHttp>;
  /** A platform authenticated the ordinary way (ANMELDEN), as the seller's first authorization: its id. */
  authenticatedPlatform(c: TestCloudHttp, seller: SeedAccount, country?: string, region?: string): Promise<string>;
  /** The tenant's feed of sign-ins (GET /v1/platforms/changes), checked to answer 200. */
  feed(c: TestCloudHttp, query?: string): Promise<Feed>;
}

export function useLoginUriStack(tenantPrefix: string): LoginUriStack {
  let tenants = 0;
  const clients: TestCloudHttp[] = [];
  const suite = {
    stack: undefined as unknown as Stack,
    client: undefined as unknown as TestCloudHttp,
    async newClient() {
      const c = new TestCloudHttp(
        suite.stack.cloud.url,
        await suite.stack.cloud.createTenant(`${tenantPrefix} ${++tenants}`),
      );
      clients.push(c);
      return c;
    },
    authenticatedPlatform: (c: TestCloudHttp, seller: SeedAccount, country = 'DE', region = 'EU') =>
      authenticatedPlatform(suite.stack.sandbox.url, c, seller, country, region),
    async feed(c: TestCloudHttp, query = '') {
      const res = await c.raw('GET', `/v1/platforms/changes${query}`);
      expect(res.status).toBe(200);
      return res.body as Feed;
    },
  };
  beforeAll(async () => {
    suite.stack = await startStack();
  });
  afterAll(async () => suite.stack?.close());
  beforeEach(async () => {
    suite.stack.sandbox.reset();
    suite.client = await suite.newClient();
  });
  afterEach(async () => {
    // Fresh clients: a test may have moved the clock past an access token.
    for (const { creds } of clients.splice(0)) {
      const c = new TestCloudHttp(suite.stack.cloud.url, creds);
      for (const p of (await c.raw('GET', '/v1/platforms')).body.platforms)
        await c.raw('DELETE', `/v1/platforms/${p.id}`);
    }
  });
  return suite;
}

// The set-up of the cloud API suites (cloud/api-*.integration.test.ts): one cloud on loopback for the
// file, without Amazon (the sandbox origin is never called), a settable clock, and two tenants A and B.
// Registers the vitest hooks itself; read the fields inside tests only.
import { afterAll, beforeAll, expect } from 'vitest';
import { startCloud, type RunningCloud } from '../start-cloud';
import { TestCloudHttp, testClock, testConfig } from './stack';
import { heldLongPoll } from './metrics';

interface ApiCloud {
  readonly cloud: RunningCloud;
  readonly clock: ReturnType<typeof testClock>;
  /** Tenant "A GmbH". */
  readonly a: TestCloudHttp;
  /** Tenant "B GmbH". */
  readonly b: TestCloudHttp;
  /** A platform name not used before in this file. */
  name(): string;
  /** A new platform of `client` (tenant A unless given): its id. */
  platform(client?: TestCloudHttp): Promise<string>;
  /** A status long-poll of tenant A, once the cloud holds it. */
  holdStatus(authId: string): ReturnType<typeof holdStatusOf>;
}

/** The sandbox origin these suites never call: `.invalid` never resolves (RFC 2606), no port is fixed. */
const NO_AMAZON = 'http://amazon.invalid';

const holdStatusOf = (cloud: RunningCloud, a: TestCloudHttp, authId: string) =>
  heldLongPoll(cloud, () => a.raw('GET', `/v1/authorizations/${authId}?wait=30`));

export function useApiCloud(): ApiCloud {
  let n = 0;
  const ctx = {
    clock: testClock(),
    name: () => `Amazon ${++n}`,
    async platform(client = ctx.a) {
      const res = await client.createPlatform(ctx.name());
      expect(res.status).toBe(201);
      return res.body.id as string;
    },
    holdStatus: (authId: string) => holdStatusOf(ctx.cloud, ctx.a, authId),
  } as ApiCloud & { cloud: RunningCloud; a: TestCloudHttp; b: TestCloudHttp };
  beforeAll(async () => {
    ctx.cloud = await startCloud({ port: 0, config: testConfig(NO_AMAZON), now: ctx.clock });
    ctx.a = new TestCloudHttp(ctx.cloud.url, await ctx.cloud.createTenant('A GmbH'));
    ctx.b = new TestCloudHttp(ctx.cloud.url, await ctx.cloud.createTenant('B GmbH'));
  });
  afterAll(async () => ctx.cloud?.close());
  return ctx;
}

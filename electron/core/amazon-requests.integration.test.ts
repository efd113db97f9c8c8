// Amazon's request ids in the Protokoll, through the real core, cloud and sandbox: the code exchange's
// LWA call after the sign-in, the SP-API call of a settings import, and the failing call of an import
// that Amazon refused — each once, with the same id the cloud stored and the sandbox sent.
import { expect, it } from 'vitest';
import { seedAccount } from '../../sandbox/seed';
import { activateScenario, TestCloudHttp, type Stack } from '../../cloud/testing/stack';
import type { Desktop } from './testing/desktop';
import { signedInPlatform, useDesktopStack } from './testing/desktop-stack';

const EU = seedAccount('eu.haendler@example.com')!;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
let stack: Stack;
let desk: Desktop;
let cloud: TestCloudHttp;

useDesktopStack('Support GmbH', (started) => void ({ stack, desk, client: cloud } = started));

it("shows every LWA and SP-API call with Amazon's request id in the Protokoll", async () => {
  const p = await signedInPlatform(desk, stack.sandbox.url, 'Amazon Support', EU);
  await desk.call('importSettings', { id: p.id });
  await activateScenario(stack.sandbox.url, { id: 'spapi_500', count: 1 });
  expect(await desk.failureCode('importSettings', { id: p.id })).toBe('SPAPI_SERVER_ERROR');

  const entries = (await desk.call('getTimeline', { id: p.id })).filter((e) => e.amazon);
  expect(entries.map((e) => `${e.step} | ${e.outcome}`)).toEqual([
    'Amazon request: Login with Amazon token:authorization_code | ok',
    'Amazon request: SP-API getMyFeesEstimateForASIN (EU, seller id) | ok',
    'Amazon request: SP-API getMarketplaceParticipations (EU) | ok',
    'Amazon request: SP-API getMarketplaceParticipations (EU) | error',
  ]);
  for (const e of entries) {
    expect(e.amazon!.requestId).toMatch(UUID);
    expect(e.detail).toContain(`x-amzn-RequestId ${e.amazon!.requestId}`);
  }
  expect(entries[3]!.detail).toBe(`HTTP 500 InternalFailure · x-amzn-RequestId ${entries[3]!.amazon!.requestId}`);
  // The same ids the cloud stored for the platform.
  const p2 = await desk.platform(p.id);
  const stored = (await cloud.raw('GET', `/v1/platforms/${p2.cloudPlatformId}`)).body.amazonRequests as {
    requestId: string;
  }[];
  expect(stored.map((r) => r.requestId)).toEqual(entries.map((e) => e.amazon!.requestId));
});

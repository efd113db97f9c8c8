// A lost answer to "register platform" (issue 23, item 1): the cloud created the platform, the answer
// never reached the desktop (a proxy cut the connection). The next ANMELDEN replays the create with the
// stored Idempotency-Key and adopts the cloud's platform: no PLATFORM_NAME_TAKEN for the merchant's own
// platform and no orphan under "Nur in der Cloud".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAccount } from '../../sandbox/seed';
import { TestCloudHttp, startStack, type Stack } from '../../cloud/testing/stack';
import { startChaosProxy, type ChaosProxy } from '../../cloud/testing/chaos-proxy';
import { confirmConsent, SellerBrowser, signInToConsent } from '../../cloud/testing/seller-browser';
import type { Desktop } from './testing/desktop';
import { connectedDesktop } from './testing/desktop-stack';

const EU = seedAccount('eu.haendler@example.com')!;
let stack: Stack;
let proxy: ChaosProxy;
let desk: Desktop;
let client: TestCloudHttp;

beforeAll(async () => {
  // The proxy is the cloud's public address (the start link and the callback use it), as behind nginx.
  proxy = await startChaosProxy('http://127.0.0.1:9');
  stack = await startStack({ overrides: { publicUrl: proxy.url, registerRedirectUriWithSandbox: true } });
  proxy.retarget(stack.cloud.listenUrl);
  const tenant = await stack.cloud.createTenant('Verlorene Antwort GmbH');
  client = new TestCloudHttp(stack.cloud.listenUrl, tenant);
  desk = await connectedDesktop(proxy.url, tenant, { sandboxUrl: stack.sandbox.url });
});
afterAll(async () => {
  await desk?.close();
  await proxy?.close();
  await stack?.close();
});

describe('lost answer to POST /v1/platforms', () => {
  it('the next ANMELDEN replays the create and signs in the platform the cloud created', async () => {
    const p = await desk.newPlatform('Amazon Verloren');
    proxy.dropAnswers('POST', '/v1/platforms', 1);
    const lost = await desk.failure('signIn', { id: p.id, mode: 'login' });
    expect(lost.code).not.toBe('PLATFORM_NAME_TAKEN');
    const inCloud = (await client.raw('GET', '/v1/platforms')).body.platforms as Array<{ id: string; name: string }>;
    expect(inCloud.map((x) => x.name)).toEqual(['Amazon Verloren']);

    const waiting = await desk.call('signIn', { id: p.id, mode: 'login' });
    expect(waiting.auth.status).toBe('waiting');
    expect(waiting.cloudPlatformId).toBe(inCloud[0]!.id);
    expect(waiting).not.toHaveProperty('cloudIdempotencyKey');
    const browser = new SellerBrowser();
    await confirmConsent(browser, await signInToConsent(browser, desk.opened.at(-1)!, EU, stack.sandbox.url));
    await desk.until(p.id, (x) => x.auth.status === 'authenticated');
    expect((await client.raw('GET', '/v1/platforms')).body.platforms).toHaveLength(1);
    expect(await desk.call('listCloudOnlyPlatforms')).toEqual([]);
  });

  it('a name the account really uses is still a clash when the key is fresh', async () => {
    expect((await client.createPlatform('Amazon Vergeben')).status).toBe(201);
    const p = await desk.newPlatform('Amazon Vergeben');
    expect(await desk.failureCode('signIn', { id: p.id, mode: 'login' })).toBe('PLATFORM_NAME_TAKEN');
  });
});

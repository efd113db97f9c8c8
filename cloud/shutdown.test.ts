// Graceful stop (what SIGTERM runs): waiting long-polls are answered at once with their current state
// (the desktop simply asks again), a callback in flight — here with a slow Login with Amazon — is
// finished and stored, new connections are refused, and after a restart the authorization is there.
import { afterAll, describe, expect, it } from 'vitest';
import { seedAccount, startSandbox, type SandboxHandle } from '../sandbox';
import { startCloud, type RunningCloud } from './start-cloud';
import { activateScenario, TestCloudHttp, freePort, testConfig } from './testing/stack';
import { amazonRedirect, getCallback, newPlatform, startAuth } from './testing/flow-steps';
import type { CloudConfig } from './config';
import { suiteTempDir } from '../shared/testing/temp-dir';

const EU = seedAccount('eu.haendler@example.com')!;
let sandbox: SandboxHandle;
const dataDir = suiteTempDir('acc-shutdown-');
let cloud: RunningCloud | undefined;

afterAll(async () => {
  await cloud?.close();
  await sandbox?.close();
});

describe('graceful shutdown', () => {
  it('answers the waiting long-poll with pending, finishes the callback in flight, refuses new connections', async () => {
    const port = await freePort();
    sandbox = await startSandbox({ port: 0, extraRedirectUris: [`http://127.0.0.1:${port}/oauth/amazon/callback`] });
    const config: CloudConfig = testConfig(sandbox.url);
    const lines: string[] = [];
    cloud = await startCloud({ port, dataDir, config, logger: { write: (line) => void lines.push(line) } });
    const tenant = await cloud.createTenant('Abschalten GmbH');
    const client = new TestCloudHttp(cloud.url, tenant);
    const platformId = await newPlatform(client);
    const auth = await startAuth(client, platformId);
    const redirect = await amazonRedirect(sandbox.url, auth.consentUrl, EU);

    const order: string[] = [];
    const waiting = client
      .raw('GET', `/v1/authorizations/${auth.id}?wait=25`)
      .then((r) => (order.push('long-poll'), r));
    await expect
      .poll(() => lines.some((l) => l.includes(`/v1/authorizations/${auth.id}`)), { timeout: 10_000 })
      .toBe(true);
    // Amazon's token endpoint takes 2 s: the callback is in flight when the stop begins.
    await activateScenario(sandbox.url, { id: 'lwa_slow', ms: 2_000 });
    const callback = getCallback(redirect).then((r) => (order.push('callback'), r));
    await expect.poll(() => lines.some((l) => l.includes('/oauth/amazon/callback')), { timeout: 10_000 }).toBe(true);

    const closed = cloud.close();
    const answered = await waiting;
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ id: auth.id, status: 'pending' });
    // No new connection while stopping.
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    const done = await callback;
    expect(done.status).toBe(200);
    expect(done.body.result.result.state).toBeTruthy();
    await closed;
    // The long-poll did not wait for the callback (nor for its own 25 s).
    expect(order).toEqual(['long-poll', 'callback']);

    // Started again on the same data: the desktop's next ask finds the sign-in complete.
    cloud = await startCloud({ port, dataDir, config });
    const again = new TestCloudHttp(cloud.url, tenant);
    expect((await again.raw('GET', `/v1/authorizations/${auth.id}`)).body).toMatchObject({
      status: 'authenticated',
      sellingPartnerId: EU.sellingPartnerId,
    });
  }, 90_000);
});

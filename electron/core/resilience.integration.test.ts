// What goes wrong around the core: the app restarts while waiting, the cloud goes down while
// waiting and comes back, the cloud is down when a platform is deleted, no keychain exists.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAccount } from '../../sandbox/seed';
import { TestCloudHttp, startStack, type Stack } from '../../cloud/testing/stack';
import { startCloud, type RunningCloud } from '../../cloud';
import { confirmConsent, SellerBrowser, signInToConsent } from '../../cloud/testing/seller-browser';
import { startDesktop } from './testing/desktop';
import { connectedDesktop } from './testing/desktop-stack';
import { openVault } from './vault';
import { suiteTempDir, tempDirs } from '../../shared/testing/temp-dir';

const EU = seedAccount('eu.haendler@example.com')!;
let stack: Stack;
let cloud: RunningCloud;
const dataDir = suiteTempDir('acc-cloud-data-');
const freshDir = tempDirs('acc-plain-');
let tenant: { clientId: string; clientSecret: string };

async function consent(url: string) {
  const browser = new SellerBrowser();
  return confirmConsent(browser, await signInToConsent(browser, url, EU, stack.sandbox.url));
}

/** Stops the cloud (its port refuses connections) and returns a function that starts it again. */
async function cloudDown() {
  await cloud.close();
  return async () => {
    cloud = await startCloud({ port: stack.cloudPort, config: stack.config, dataDir, now: stack.clock });
  };
}

beforeAll(async () => {
  stack = await startStack({ dataDir });
  cloud = stack.cloud;
  tenant = await cloud.createTenant('Resilienz GmbH');
});
afterAll(async () => {
  await cloud?.close();
  await stack?.sandbox.close();
});

async function desktop(dir?: string) {
  return connectedDesktop(cloud.url, tenant, { sandboxUrl: stack.sandbox.url, ...(dir ? { dir } : {}) });
}

describe('resilience', () => {
  it('an app restart while waiting resumes the wait, and the sign-in completes', async () => {
    const first = await desktop();
    const p = await first.newPlatform('Amazon Restart');
    await first.call('signIn', { id: p.id, mode: 'login' });
    const url = first.opened.at(-1)!;
    await first.close();

    const second = await desktop(first.dir);
    expect((await second.platform(p.id)).auth.status).toBe('waiting');
    expect(second.opened).toEqual([]);
    await consent(url);
    const done = await second.until(p.id, (x) => x.auth.status === 'authenticated');
    expect(done.auth).toMatchObject({ sellingPartnerId: EU.sellingPartnerId });
    expect((await second.call('getTimeline', { id: p.id })).map((e) => e.step)).toContain(
      'waiting resumed after restart',
    );
    await second.close();
  });

  it('the cloud goes down while waiting: the status says so, and it completes once the cloud is back', async () => {
    const d = await desktop();
    const p = await d.newPlatform('Amazon Cloud Down');
    await d.call('signIn', { id: p.id, mode: 'login' });
    const url = d.opened.at(-1)!;
    const restart = await cloudDown();
    const down = await d.until(p.id, (x) => x.auth.status === 'waiting' && Boolean(x.auth.cloudUnreachableSince));
    expect(down.auth.status).toBe('waiting');
    await restart();
    await consent(url);
    const done = await d.until(p.id, (x) => x.auth.status === 'authenticated');
    expect(done.auth).not.toHaveProperty('cloudUnreachableSince');
    await d.close();
  });

  it('ANMELDEN while the cloud is down says CLOUD_UNREACHABLE and keeps the last good state', async () => {
    const d = await desktop();
    const p = await d.newPlatform('Amazon Offline');
    const restart = await cloudDown();
    try {
      expect(await d.failureCode('signIn', { id: p.id, mode: 'login' })).toBe('CLOUD_UNREACHABLE');
      expect((await d.platform(p.id)).auth).toEqual({ status: 'not_authenticated' });
    } finally {
      await restart();
      await d.close();
    }
  });

  it('deleting while the cloud is down: CLOUD_UNREACHABLE, then local delete with the cloud deletion queued and retried', async () => {
    const d = await desktop();
    const p = await d.newPlatform('Amazon Queue');
    await d.call('signIn', { id: p.id, mode: 'login' });
    await consent(d.opened.at(-1)!);
    const done = await d.until(p.id, (x) => x.auth.status === 'authenticated');
    const restart = await cloudDown();
    expect(await d.failureCode('deletePlatform', { id: p.id })).toBe('CLOUD_UNREACHABLE');
    expect(await d.platform(p.id)).toBeTruthy();
    expect(await d.call('deletePlatform', { id: p.id, mode: 'localQueue' })).toEqual({ id: p.id, cloud: 'queued' });
    expect((await d.call('listPlatforms')).some((x) => x.id === p.id)).toBe(false);
    expect((await d.call('getAppInfo')).pendingCloudDeletions).toBe(1);
    // By name, for the list (issue 24): deleted here, its cloud copy not yet.
    expect((await d.call('getAppInfo')).pendingCloudDeletionList).toEqual([
      { name: 'Amazon Queue', queuedAt: expect.any(String) },
    ]);

    await restart();
    const api = new TestCloudHttp(cloud.url, tenant);
    // The queue retries on its own with backoff until the cloud accepts the deletion.
    const end = Date.now() + 20_000;
    while ((await d.call('getAppInfo')).pendingCloudDeletions > 0 && Date.now() < end)
      await new Promise((r) => setTimeout(r, 50));
    expect((await d.call('getAppInfo')).pendingCloudDeletions).toBe(0);
    expect((await d.call('getAppInfo')).pendingCloudDeletionList).toEqual([]);
    expect((await api.raw('GET', `/v1/platforms/${done.cloudPlatformId}`)).status).toBe(404);
    await d.close();
  });

  it('without a keychain: says KEYCHAIN_UNAVAILABLE and never writes the secret in plain text', async () => {
    const noKeychain = await openVault({
      loadKeytar: async () =>
        Promise.reject(new Error('The name org.freedesktop.secrets was not provided by any .service files')),
    });
    expect(noKeychain.available).toBe(false);
    const d = await startDesktop({ sandboxUrl: stack.sandbox.url, vault: noKeychain });
    expect((await d.call('getAppInfo')).keychain).toMatchObject({
      available: false,
      plaintextFallback: false,
      detail: expect.stringContaining('org.freedesktop.secrets'),
    });
    expect(
      await d.failureCode('saveCloudSettings', {
        url: cloud.url,
        clientId: tenant.clientId,
        clientSecret: tenant.clientSecret,
      }),
    ).toBe('KEYCHAIN_UNAVAILABLE');
    const p = await d.newPlatform('Amazon No Keychain');
    expect(await d.failureCode('signIn', { id: p.id, mode: 'login' })).toBe('CLOUD_NOT_CONFIGURED');
    expect(d.storeText()).not.toContain(tenant.clientSecret);
    await d.close();
  });

  it('with the explicit plain-text flag: works, and says so permanently', async () => {
    const dir = freshDir();
    const vault = await openVault({
      allowPlaintext: true,
      plaintextFile: path.join(dir, 'secrets.insecure.json'),
      loadKeytar: async () => Promise.reject(new Error('no keychain')),
    });
    const d = await startDesktop({ sandboxUrl: stack.sandbox.url, vault, dir });
    expect((await d.call('getAppInfo')).keychain).toMatchObject({ available: true, plaintextFallback: true });
    await d.call('saveCloudSettings', { url: cloud.url, clientId: tenant.clientId, clientSecret: tenant.clientSecret });
    expect(await d.call('testCloudConnection', {})).toMatchObject({ tenantName: 'Resilienz GmbH' });
    expect(fs.statSync(path.join(dir, 'secrets.insecure.json')).mode & 0o777).toBe(0o600);
    expect(d.storeText()).not.toContain(tenant.clientSecret);
    await d.close();
  });
});

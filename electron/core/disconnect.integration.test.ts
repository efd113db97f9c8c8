// "Verbindung trennen" and *Aktiv* (issue 24, items 8 and 9) through the real core, cloud and sandbox on
// loopback, secrets in the real keychain: disconnecting deletes the cloud platform (and with it the
// Amazon token), keeps the platform as Nicht authentifiziert and the tenant's secret in the keychain;
// ANMELDEN then connects it again. An inactive platform starts no sign-in and no import.
import { describe, expect, it } from 'vitest';
import { seedAccount } from '../../sandbox/seed';
import type { TestCloudHttp, Stack } from '../../cloud/testing/stack';
import { confirmConsent, SellerBrowser, signInToConsent } from '../../cloud/testing/seller-browser';
import type { Desktop } from './testing/desktop';
import { signedInPlatform, useDesktopStack } from './testing/desktop-stack';

const EU = seedAccount('eu.haendler@example.com')!;
let stack: Stack;
let desk: Desktop;
let cloud: TestCloudHttp;

useDesktopStack('Trennen GmbH', (started) => void ({ stack, desk, client: cloud } = started));

describe('Verbindung trennen', () => {
  it('deletes the cloud side, keeps the platform as Nicht authentifiziert, and ANMELDEN connects it again', async () => {
    const p = await signedInPlatform(desk, stack.sandbox.url, 'Amazon Trennen', EU);
    await desk.call('importSettings', { id: p.id });
    const cloudId = p.cloudPlatformId!;
    expect((await cloud.raw('GET', `/v1/platforms/${cloudId}`)).status).toBe(200);

    const kept = await desk.call('disconnectPlatform', { id: p.id });
    expect(kept).toMatchObject({
      id: p.id,
      name: 'Amazon Trennen',
      active: true,
      useCloud: true,
      countryCode: 'DE',
      auth: { status: 'not_authenticated' },
    });
    expect(kept.cloudPlatformId).toBeUndefined();
    expect(kept.marketplaces).toBeUndefined();
    expect((await cloud.raw('GET', `/v1/platforms/${cloudId}`)).status).toBe(404);
    expect((await desk.call('listPlatforms')).map((x) => x.id)).toContain(p.id);
    // The cloud account's Client-Secret is not the platform's: it stays in the keychain.
    expect(await desk.call('getCloudSettings')).toMatchObject({ hasSecret: true });
    expect(await desk.failureCode('importSettings', { id: p.id })).toBe('NOT_AUTHENTICATED');
    expect((await desk.call('getTimeline', { id: p.id })).map((e) => e.step)).toContain(
      'connection removed: the cloud platform and its Amazon token deleted; the platform stays',
    );

    await desk.call('signIn', { id: p.id, mode: 'login' });
    const browser = new SellerBrowser();
    await confirmConsent(browser, await signInToConsent(browser, desk.opened.at(-1)!, EU, stack.sandbox.url));
    const again = await desk.until(p.id, (x) => x.auth.status === 'authenticated');
    expect(again.cloudPlatformId).toBeDefined();
    expect(again.cloudPlatformId).not.toBe(cloudId);
  });

  it('on a platform never registered: only the status; while a sign-in runs: refused', async () => {
    const fresh = await desk.newPlatform('Amazon Nie angemeldet');
    expect(await desk.call('disconnectPlatform', { id: fresh.id })).toMatchObject({
      auth: { status: 'not_authenticated' },
    });

    await desk.call('signIn', { id: fresh.id, mode: 'login' });
    expect(await desk.failureCode('disconnectPlatform', { id: fresh.id })).toBe('SIGN_IN_IN_PROGRESS');
    await desk.call('cancelSignIn', { id: fresh.id });
  });

  it('a cloud platform already gone is no failure', async () => {
    const p = await signedInPlatform(desk, stack.sandbox.url, 'Amazon Schon weg', EU);
    expect((await cloud.raw('DELETE', `/v1/platforms/${p.cloudPlatformId}`)).status).toBeLessThan(300);
    expect(await desk.call('disconnectPlatform', { id: p.id })).toMatchObject({
      auth: { status: 'not_authenticated' },
    });
  });
});

describe('Aktiv', () => {
  it('an inactive platform starts no sign-in and no import; its connection stays', async () => {
    const p = await signedInPlatform(desk, stack.sandbox.url, 'Amazon Inaktiv', EU);
    await desk.call('updatePlatform', { id: p.id, patch: { active: false } });
    expect(await desk.failureCode('signIn', { id: p.id, mode: 'refresh' })).toBe('PLATFORM_INACTIVE');
    expect(await desk.failureCode('importSettings', { id: p.id })).toBe('PLATFORM_INACTIVE');
    expect((await desk.platform(p.id)).auth).toMatchObject({ status: 'authenticated' });

    await desk.call('updatePlatform', { id: p.id, patch: { active: true } });
    expect((await desk.call('importSettings', { id: p.id })).marketplaces).toHaveLength(8);
  });
});

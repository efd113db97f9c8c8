// The core against the real cloud, sandbox and keychain: what a registered platform shares with the
// cloud account — imported marketplaces, a name unique across the account (on ANMELDEN and on
// renaming), and its deletion.
import { describe, expect, it } from 'vitest';
import { seedAccount } from '../../sandbox/seed';
import { TestCloudHttp, type Stack } from '../../cloud/testing/stack';
import type { Desktop } from './testing/desktop';
import { connectedDesktop, importedCountries, signedInPlatform, useDesktopStack } from './testing/desktop-stack';

const EU = seedAccount('eu.haendler@example.com')!;

let stack: Stack;
let tenant: { clientId: string; clientSecret: string };
let desk: Desktop;

useDesktopStack('Plattformen Handel GmbH', (started) => void ({ stack, desk, tenant } = started));

describe('a platform in the cloud account', () => {
  it('imports the seller’s marketplaces and keeps the user’s choice on re-import', async () => {
    const p = await signedInPlatform(desk, stack.sandbox.url, 'Amazon Import', EU);
    const imported = await desk.call('importSettings', { id: p.id });
    expect(imported.marketplaces?.map((m) => m.countryCode).sort()).toEqual(importedCountries(EU));
    expect(imported.marketplaces?.every((m) => m.selected && m.isParticipating && m.storeName === EU.storeName)).toBe(
      true,
    );
    const de = imported.marketplaces!.find((m) => m.countryCode === 'DE')!;
    expect(de).toMatchObject({ id: 'A1PA6795UKMFR9', defaultCurrencyCode: 'EUR', domainName: 'www.amazon.de' });
    // Entries outside Amazon's table are kept in the data, never offered, and never name the store.
    expect(imported.otherMarketplaces?.map((m) => m.id)).toEqual(['AHRY1CZE9ZY4H', 'A1ZFFQZ3HTUKT9']);
    expect(imported.auth).toMatchObject({ status: 'authenticated', storeName: EU.storeName });
    expect(await desk.failureCode('selectMarketplaces', { id: p.id, marketplaceIds: ['A1ZFFQZ3HTUKT9'] })).toBe(
      'INVALID_INPUT',
    );
    const chosen = await desk.call('selectMarketplaces', { id: p.id, marketplaceIds: [de.id] });
    expect(chosen.marketplaces?.filter((m) => m.selected).map((m) => m.id)).toEqual([de.id]);
    const again = await desk.call('importSettings', { id: p.id });
    expect(again.marketplaces?.filter((m) => m.selected).map((m) => m.id)).toEqual([de.id]);
    expect(await desk.failureCode('selectMarketplaces', { id: p.id, marketplaceIds: ['NOPE'] })).toBe('INVALID_INPUT');
  });

  it('refuses ANMELDEN without "Cloud verwenden", and a name the cloud account already uses', async () => {
    const local = await desk.call('createPlatform', { type: 'amazon', name: 'Amazon Local' });
    expect(await desk.failureCode('signIn', { id: local.id, mode: 'login' })).toBe('CLOUD_NOT_ENABLED');

    // A second desktop of the same tenant (another workstation) registers "Amazon Shared" first.
    const other = await connectedDesktop(stack.cloud.url, tenant, { sandboxUrl: stack.sandbox.url });
    const theirs = await other.newPlatform('Amazon Shared');
    await other.call('signIn', { id: theirs.id, mode: 'login' });
    await other.close();

    const mine = await desk.newPlatform('amazon shared');
    const before = await desk.platform(mine.id);
    expect(await desk.failure('signIn', { id: mine.id, mode: 'login' })).toMatchObject({
      code: 'PLATFORM_NAME_TAKEN',
      params: { name: 'amazon shared', scope: 'cloud', suggestion: 'amazon shared (2)' },
    });
    expect((await desk.platform(mine.id)).auth).toEqual(before.auth);
  });

  it('renaming a registered platform renames it in the cloud account, refusing a name used there', async () => {
    const p = await desk.newPlatform('Amazon Umbenennen');
    await desk.call('signIn', { id: p.id, mode: 'login' });
    const cloudId = (await desk.platform(p.id)).cloudPlatformId!;
    const api = new TestCloudHttp(stack.cloud.url, tenant);
    await desk.call('updatePlatform', { id: p.id, patch: { name: 'Amazon Umbenannt' } });
    expect((await api.raw('GET', `/v1/platforms/${cloudId}`)).body.name).toBe('Amazon Umbenannt');
    // A name only the cloud account knows (another workstation's platform) is refused, nothing changes.
    expect((await api.createPlatform('Amazon Anderswo')).status).toBe(201);
    expect(await desk.failure('updatePlatform', { id: p.id, patch: { name: 'Amazon Anderswo' } })).toMatchObject({
      code: 'PLATFORM_NAME_TAKEN',
      params: { name: 'Amazon Anderswo', scope: 'cloud', suggestion: 'Amazon Anderswo (2)' },
    });
    expect((await desk.platform(p.id)).name).toBe('Amazon Umbenannt');
    expect((await api.raw('GET', `/v1/platforms/${cloudId}`)).body.name).toBe('Amazon Umbenannt');
    // The same rule on both sides: the cloud's NFC, lower-case name clashes with the desktop's NFD, upper-case one.
    expect((await api.createPlatform('Amazon Café Straße')).status).toBe(201);
    expect(
      await desk.failure('updatePlatform', { id: p.id, patch: { name: ' AMAZON CAFE\u0301 STRASSE ' } }),
    ).toMatchObject({
      code: 'PLATFORM_NAME_TAKEN',
      params: { scope: 'cloud', name: 'AMAZON CAFÉ STRASSE', suggestion: 'AMAZON CAFÉ STRASSE (2)' },
    });
  });

  it('deleting an authenticated platform deletes it in the cloud too', async () => {
    const done = await signedInPlatform(desk, stack.sandbox.url, 'Amazon Delete', EU);
    const p = done;
    expect(await desk.call('deletePlatform', { id: p.id })).toEqual({ id: p.id, cloud: 'deleted' });
    expect(
      (await new TestCloudHttp(stack.cloud.url, tenant).raw('GET', `/v1/platforms/${done.cloudPlatformId}`)).status,
    ).toBe(404);
  });
});

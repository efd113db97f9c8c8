// The core against the real cloud, sandbox and keychain: AKTUALISIEREN (a refresh) keeps the old
// authorization while waiting; when another seller confirms, the question names both, answered here
// (keep or switch) or on another workstation first.
import { describe, expect, it } from 'vitest';
import { seedAccount } from '../../sandbox/seed';
import { TestCloudHttp, type Stack } from '../../cloud/testing/stack';
import type { Desktop } from './testing/desktop';
import { sellerConfirms, signedInPlatform, useDesktopStack } from './testing/desktop-stack';

const EU = seedAccount('eu.haendler@example.com')!;
const EU_OTHER = seedAccount('gesperrte.angebote@example.com')!;

let stack: Stack;
let tenant: { clientId: string; clientSecret: string };
let desk: Desktop;

const consent = (url: string, seller = EU) => sellerConfirms(url, seller, stack.sandbox.url);

useDesktopStack('Verkäuferwechsel GmbH', (started) => void ({ stack, desk, tenant } = started));

describe('refresh and seller change', () => {
  it('refresh keeps the old authorization while waiting; another seller is asked about, naming both', async () => {
    const p = await signedInPlatform(desk, stack.sandbox.url, 'Amazon Refresh', EU);
    const imported = await desk.call('importSettings', { id: p.id });
    expect(imported.auth).toMatchObject({ status: 'authenticated', storeName: EU.storeName });

    const waiting = await desk.call('signIn', { id: p.id, mode: 'refresh' });
    expect(waiting.auth).toMatchObject({
      status: 'waiting',
      mode: 'refresh',
      previous: { sellingPartnerId: EU.sellingPartnerId },
    });
    await consent(desk.opened.at(-1)!);
    const same = await desk.until(p.id, (x) => x.auth.status === 'authenticated');
    expect(same.auth).toMatchObject({ sellingPartnerId: EU.sellingPartnerId, storeName: EU.storeName });
    expect(same.auth).not.toHaveProperty('previousSellingPartnerId');

    // Another seller: the question, naming both; the old connection still imports.
    await desk.call('signIn', { id: p.id, mode: 'refresh' });
    await consent(desk.opened.at(-1)!, EU_OTHER);
    const asked = await desk.until(p.id, (x) => x.auth.status === 'seller_changed');
    expect(asked.auth).toMatchObject({
      status: 'seller_changed',
      previous: { sellingPartnerId: EU.sellingPartnerId, storeName: EU.storeName },
      next: { sellingPartnerId: EU_OTHER.sellingPartnerId, storeName: EU_OTHER.storeName },
    });
    expect(
      (await desk.call('importSettings', { id: p.id })).marketplaces?.every((m) => m.storeName === EU.storeName),
    ).toBe(true);

    // Keep: back to the previous seller, marketplaces untouched.
    const kept = await desk.call('resolveSellerChange', { id: p.id, decision: 'keep' });
    expect(kept.auth).toMatchObject({ status: 'authenticated', sellingPartnerId: EU.sellingPartnerId });
    expect(kept.marketplaces).toHaveLength(EU.marketplaces.length);
    expect(await desk.failureCode('resolveSellerChange', { id: p.id, decision: 'switch' })).toBe('NO_SELLER_CHANGE');

    // Again, and switch: the new seller, the old seller's marketplaces cleared.
    await desk.call('signIn', { id: p.id, mode: 'refresh' });
    await consent(desk.opened.at(-1)!, EU_OTHER);
    await desk.until(p.id, (x) => x.auth.status === 'seller_changed');
    const switched = await desk.call('resolveSellerChange', { id: p.id, decision: 'switch' });
    expect(switched.auth).toMatchObject({
      status: 'authenticated',
      sellingPartnerId: EU_OTHER.sellingPartnerId,
      storeName: EU_OTHER.storeName,
      previousSellingPartnerId: EU.sellingPartnerId,
    });
    expect(switched.marketplaces).toBeUndefined();
    const reimported = await desk.call('importSettings', { id: p.id });
    expect(reimported.marketplaces?.map((m) => m.countryCode).sort()).toEqual(['DE', 'FR', 'IT']);
  });

  it('a seller change answered elsewhere first: the cloud’s answer is applied here', async () => {
    const p = await signedInPlatform(desk, stack.sandbox.url, 'Amazon Anderswo Entschieden', EU);
    await desk.call('signIn', { id: p.id, mode: 'refresh' });
    await consent(desk.opened.at(-1)!, EU_OTHER);
    const asked = await desk.until(p.id, (x) => x.auth.status === 'seller_changed');
    const authorizationId = asked.auth.status === 'seller_changed' ? asked.auth.authorizationId : '';
    // Another workstation of the account answered "switch" already.
    const api = new TestCloudHttp(stack.cloud.url, tenant);
    expect(
      (await api.raw('POST', `/v1/authorizations/${authorizationId}/seller-change`, { body: { decision: 'switch' } }))
        .status,
    ).toBe(200);
    const applied = await desk.call('resolveSellerChange', { id: p.id, decision: 'keep' });
    expect(applied.auth).toMatchObject({ status: 'authenticated', sellingPartnerId: EU_OTHER.sellingPartnerId });
    expect((await api.raw('GET', `/v1/platforms/${applied.cloudPlatformId}`)).body.sellingPartnerId).toBe(
      EU_OTHER.sellingPartnerId,
    );
  });
});

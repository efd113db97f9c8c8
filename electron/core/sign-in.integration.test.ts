// The core against the real cloud and the real sandbox on loopback, secrets in the real keychain
// (a private gnome-keyring session): login, refresh, cancel, timeout, settings import, deletion,
// notifications — and no secret in the store file, the logs or any event.
import { describe, expect, it } from 'vitest';
import { seedAccount } from '../../sandbox/seed';
import { TestCloudHttp, type Stack } from '../../cloud/testing/stack';
import { confirmConsent, SellerBrowser, signInToConsent } from '../../cloud/testing/seller-browser';
import { consentTarget } from '../../cloud/testing/flow-steps';
import type { Desktop } from './testing/desktop';
import { connectedDesktop, importedCountries, signedInPlatform, useDesktopStack } from './testing/desktop-stack';

const EU = seedAccount('eu.haendler@example.com')!;
const EU_OTHER = seedAccount('gesperrte.angebote@example.com')!;

let stack: Stack;
let tenant: { clientId: string; clientSecret: string };
let desk: Desktop;
let shift = 0;
const desktopNow = () => Date.now() + shift;

/** The seller's browser: sign-in, one-time code and consent on the URL the core opened. */
async function consent(url: string, seller = EU) {
  const browser = new SellerBrowser();
  const page = await confirmConsent(browser, await signInToConsent(browser, url, seller, stack.sandbox.url));
  return page;
}

useDesktopStack('Muster Handel GmbH', (started) => void ({ stack, desk, tenant } = started), {
  desktop: { now: desktopNow },
});

describe('cloud access', () => {
  it('keeps the Client-Secret in the keychain only, and TESTEN names the tenant', async () => {
    expect(await desk.call('getCloudSettings')).toEqual({
      url: stack.cloud.url,
      clientId: tenant.clientId,
      hasSecret: true,
    });
    expect(await desk.call('testCloudConnection', {})).toMatchObject({ tenantName: 'Muster Handel GmbH' });
    expect(desk.storeText()).not.toContain(tenant.clientSecret);
  });

  it('TESTEN with a wrong secret says INVALID_CLIENT_CREDENTIALS and keeps the saved one', async () => {
    expect(await desk.failureCode('testCloudConnection', { clientSecret: 'wrong-secret-value' })).toBe(
      'INVALID_CLIENT_CREDENTIALS',
    );
    expect(await desk.call('testCloudConnection', {})).toMatchObject({ tenantName: 'Muster Handel GmbH' });
  });

  it('TESTEN against a closed port says CLOUD_UNREACHABLE', async () => {
    expect(
      await desk.failureCode('testCloudConnection', { url: 'http://127.0.0.1:9', clientSecret: 'typed-for-this-test' }),
    ).toBe('CLOUD_UNREACHABLE');
  });

  it('TESTEN of another URL without a typed secret never sends the saved one (CLOUD_SECRET_REQUIRED)', async () => {
    expect(await desk.failureCode('testCloudConnection', { url: 'http://127.0.0.1:9' })).toBe('CLOUD_SECRET_REQUIRED');
  });
});

describe('sign-in', () => {
  it('login: registers, opens Seller Central, waits on the cloud and turns Authentifiziert', async () => {
    const p = await desk.newPlatform('Amazon Login');
    const waiting = await desk.call('signIn', { id: p.id, mode: 'login' });
    expect(waiting.auth).toMatchObject({ status: 'waiting', origin: 'desktop', mode: 'login', browserOpened: true });
    expect(waiting.cloudPlatformId).toBeTruthy();
    const url = desk.opened.at(-1)!;
    expect(url).toBe(
      waiting.auth.status === 'waiting' && waiting.auth.origin === 'desktop' ? waiting.auth.consentUrl : '',
    );
    // The cloud's start link, leading to the region's Seller Central (docs/amazon.md §1.1).
    expect(url.startsWith(`${stack.cloud.url}/oauth/amazon/start/`)).toBe(true);
    expect(await consentTarget(url)).toContain(
      `${stack.sandbox.url}/sc/sellercentral-europe.amazon.com/apps/authorize/consent?`,
    );

    const page = await consent(url);
    expect(JSON.parse(page.text)).toMatchObject({
      result: { result: { spapi_oauth_code: expect.any(String), state: expect.any(String) } },
    });

    const done = await desk.until(p.id, (x) => x.auth.status === 'authenticated');
    expect(done.auth).toMatchObject({
      status: 'authenticated',
      sellingPartnerId: EU.sellingPartnerId,
      renewalDueAt: expect.any(String),
    });
    expect(desk.notifications.at(-1)?.title).toBe('Amazon-Anmeldung abgeschlossen');
    const steps = (await desk.call('getTimeline', { id: p.id })).map((e) => e.step);
    expect(steps).toEqual(
      expect.arrayContaining([
        'platform registered in the cloud',
        'authorization created',
        'browser opened on Seller Central',
        'authenticated',
      ]),
    );
  });

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

  it('refresh needs an authentication first', async () => {
    const p = await desk.newPlatform('Amazon Refresh First');
    expect(await desk.failureCode('signIn', { id: p.id, mode: 'refresh' })).toBe('NOT_AUTHENTICATED');
  });

  it('cancel: the status turns Abgebrochen; the consent link then no longer works', async () => {
    const p = await desk.newPlatform('Amazon Cancel');
    await desk.call('signIn', { id: p.id, mode: 'login' });
    const url = desk.opened.at(-1)!;
    const cancelled = await desk.call('cancelSignIn', { id: p.id });
    expect(cancelled.auth.status).toBe('cancelled');
    // The start link says the sign-in is over; Seller Central is not even reached.
    const link = await fetch(url, { redirect: 'manual' });
    expect(link.status).toBe(410);
    expect(await link.text()).toContain('data-reason="sign_in_over"');
    expect((await desk.platform(p.id)).auth.status).toBe('cancelled');
    expect(await desk.failureCode('cancelSignIn', { id: p.id })).toBe('NOT_WAITING');
  });

  it('cancelling a refresh returns to the previous authentication', async () => {
    const p = await signedInPlatform(desk, stack.sandbox.url, 'Amazon Cancel Refresh', EU);
    await desk.call('signIn', { id: p.id, mode: 'refresh' });
    const back = await desk.call('cancelSignIn', { id: p.id });
    expect(back.auth).toMatchObject({ status: 'authenticated', sellingPartnerId: EU.sellingPartnerId });
  });

  it('a new ANMELDEN replaces a running one (one pending authorization per platform)', async () => {
    const p = await desk.newPlatform('Amazon Twice');
    await desk.call('signIn', { id: p.id, mode: 'login' });
    const first = desk.opened.at(-1)!;
    await desk.call('signIn', { id: p.id, mode: 'login' });
    const second = desk.opened.at(-1)!;
    expect(second).not.toBe(first);
    await consent(second);
    await desk.until(p.id, (x) => x.auth.status === 'authenticated');
  });

  it('times out at expiresAt with AUTH_TIMEOUT when nothing reaches the cloud', async () => {
    const p = await desk.newPlatform('Amazon Timeout');
    const waiting = await desk.call('signIn', { id: p.id, mode: 'login' });
    expect(waiting.auth.status).toBe('waiting');
    // Nobody confirms: move both clocks past the authorization's lifetime (the cloud's expiresAt).
    const past = Date.parse(waiting.auth.status === 'waiting' ? waiting.auth.expiresAt : '') - stack.clock() + 60_000;
    stack.clock.advance(past);
    shift += past;
    const expired = await desk.until(p.id, (x) => x.auth.status === 'expired');
    expect(expired.auth).toMatchObject({ status: 'expired', error: { code: 'AUTH_TIMEOUT' } });
    expect(desk.notifications.at(-1)?.title).toBe('Amazon-Anmeldung fehlgeschlagen');
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

  it('never writes a secret to the store file, the logs or any event', () => {
    const haystacks = [desk.storeText(), desk.logs.join('\n'), desk.events.join('\n')];
    for (const text of haystacks) {
      expect(text).not.toContain(tenant.clientSecret);
      expect(text).not.toMatch(/Atz[ar]\|/);
      expect(text).not.toMatch(/spapi_oauth_code=|"spapi_oauth_code"/);
    }
    expect(desk.events.length).toBeGreaterThan(10);
  });
});

// The core against the real cloud and the real sandbox on loopback, secrets in the real keychain
// (a private gnome-keyring session): cloud access, login, cancel, timeout, notifications — and no secret
// in the store file, the logs or any event. Refresh and seller change: seller-change.integration.test.ts;
// import, names and deletion in the cloud account: cloud-platforms.integration.test.ts.
import { describe, expect, it } from 'vitest';
import { seedAccount } from '../../sandbox/seed';
import type { Stack } from '../../cloud/testing/stack';
import { consentTarget } from '../../cloud/testing/flow-steps';
import type { Desktop } from './testing/desktop';
import { sellerConfirms, signedInPlatform, useDesktopStack } from './testing/desktop-stack';

const EU = seedAccount('eu.haendler@example.com')!;

let stack: Stack;
let tenant: { clientId: string; clientSecret: string };
let desk: Desktop;
let shift = 0;
const desktopNow = () => Date.now() + shift;

/** The seller's browser: sign-in, one-time code and consent on the URL the core opened. */
const consent = (url: string) => sellerConfirms(url, EU, stack.sandbox.url);

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

// The marketplaces imported by themselves after the first authentication (issue 24, item 8): the real
// core (auto-import on, as in the app), cloud and sandbox on loopback, secrets in the real keychain.
// The merchant's Verwenden choices survive every re-import; a failing automatic import leaves the
// authentication alone and shows the import's error until an import succeeds.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedAccount } from '../../sandbox/seed';
import { activateScenario, type Stack } from '../../cloud/testing/stack';
import { confirmConsent, SellerBrowser, signInToConsent } from '../../cloud/testing/seller-browser';
import { startDesktop, type Desktop } from './testing/desktop';
import { signedInPlatform, useDesktopStack } from './testing/desktop-stack';

const EU = seedAccount('eu.haendler@example.com')!;
let stack: Stack;
let desk: Desktop;

useDesktopStack('Auto Import GmbH', (started) => void ({ stack, desk } = started), {
  desktop: { autoImport: true },
  freshSandbox: true,
});

const steps = async (id: string) => (await desk.call('getTimeline', { id })).map((e) => e.step);

describe('automatic import after the first authentication', () => {
  it('imports the marketplaces without a click and keeps the Verwenden choices on every re-import', async () => {
    const p = await signedInPlatform(desk, stack.sandbox.url, 'Amazon Auto', EU);
    const imported = await desk.until(p.id, (x) => x.marketplaces !== undefined && x.autoImport === undefined);
    expect(imported.marketplaces).toHaveLength(8);
    expect(imported.auth).toMatchObject({ status: 'authenticated', storeName: EU.storeName });
    expect(await steps(p.id)).toContain('settings import started automatically after the first authentication');

    // The merchant uses two marketplaces; a manual re-import keeps exactly these.
    const chosen = imported.marketplaces!.slice(0, 2).map((m) => m.id);
    await desk.call('selectMarketplaces', { id: p.id, marketplaceIds: chosen });
    const again = await desk.call('importSettings', { id: p.id });
    expect(again.marketplaces!.filter((m) => m.selected).map((m) => m.id)).toEqual(chosen);

    // AKTUALISIEREN with the same seller: not a first authentication, nothing imported by itself; the choice stays.
    await desk.call('signIn', { id: p.id, mode: 'refresh' });
    const browser = new SellerBrowser();
    await confirmConsent(browser, await signInToConsent(browser, desk.opened.at(-1)!, EU, stack.sandbox.url));
    const refreshed = await desk.until(p.id, (x) => x.auth.status === 'authenticated');
    expect(refreshed.marketplaces!.filter((m) => m.selected).map((m) => m.id)).toEqual(chosen);
    expect((await steps(p.id)).filter((s) => s.startsWith('settings import started automatically'))).toHaveLength(1);
    const third = await desk.call('importSettings', { id: p.id });
    expect(third.marketplaces!.filter((m) => m.selected).map((m) => m.id)).toEqual(chosen);
  });

  it('a failing automatic import keeps Authentifiziert, shows the import’s error, and the manual import still works', async () => {
    await activateScenario(stack.sandbox.url, { id: 'spapi_500', account: EU.email });
    const p = await signedInPlatform(desk, stack.sandbox.url, 'Amazon Auto Fehler', EU);
    const failed = await desk.until(p.id, (x) => x.autoImport?.status === 'failed');
    expect(failed.autoImport).toMatchObject({ status: 'failed', error: { code: 'SPAPI_SERVER_ERROR' } });
    expect(failed.auth).toMatchObject({ status: 'authenticated', sellingPartnerId: EU.sellingPartnerId });
    expect(failed.marketplaces).toBeUndefined();

    await fetch(`${stack.sandbox.url}/sandbox/api/scenarios`, { method: 'DELETE' });
    const manual = await desk.call('importSettings', { id: p.id });
    expect(manual.marketplaces).toHaveLength(8);
    expect(manual.autoImport).toBeUndefined();
  });
});

describe('sandbox: an import test case armed for the sign-in', () => {
  it('leaves the import to support (no automatic import), so the failure shows where the merchant saw it', async () => {
    const p = await desk.newPlatform('Amazon Auto Testfall');
    await desk.call('armSandboxScenario', { id: p.id, scenario: 'spapi_500' });
    await desk.call('signIn', { id: p.id, mode: 'login' });
    const browser = new SellerBrowser();
    await confirmConsent(browser, await signInToConsent(browser, desk.opened.at(-1)!, EU, stack.sandbox.url));
    await desk.until(p.id, (x) => x.auth.status === 'authenticated');
    await expect
      .poll(() => steps(p.id))
      .toContain('no automatic import: a sandbox test case of the import is armed for it');
    expect((await desk.platform(p.id)).autoImport).toBeUndefined();
    expect(await desk.failureCode('importSettings', { id: p.id })).toBe('SPAPI_SERVER_ERROR');
  });
});

describe('an automatic import cut off by the end of the app', () => {
  it('does not stay "running" after a restart: the manual button is free again', async () => {
    const other = await startDesktop({ sandboxUrl: stack.sandbox.url, autoImport: true });
    const p = await other.call('createPlatform', { type: 'amazon', name: 'Amazon Abgebrochen' });
    await other.close();
    // The store as the app left it when it ended during the import.
    const file = path.join(other.dir, 'config.json');
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { platforms: Record<string, unknown>[] };
    stored.platforms = stored.platforms.map((x) =>
      x.id === p.id ? { ...x, autoImport: { status: 'running', since: '2026-03-01T10:00:00.000Z' } } : x,
    );
    fs.writeFileSync(file, JSON.stringify(stored));

    const again = await startDesktop({ sandboxUrl: stack.sandbox.url, autoImport: true, dir: other.dir });
    try {
      expect((await again.platform(p.id)).autoImport).toBeUndefined();
      expect((await again.call('getTimeline', { id: p.id })).map((e) => e.step)).toContain(
        'automatic settings import did not finish before the app ended',
      );
    } finally {
      await again.close();
    }
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { Core } from './core';
import { MemoryVault } from './vault';
import { silentLogger } from './host';
import { ProfileStore, openConfStore } from './profile-store';
import type { Platform } from '../../shared/platform';
import type { AppInfo } from '../../shared/ipc-contract';
import { tempDirs } from '../../shared/testing/temp-dir';

const freshDir = tempDirs('acc-core-');
let dir: string;
let core: Core;
let events: Array<{ name: string; payload: unknown }>;

function makeCore(d = dir, amazon: AppInfo['amazon'] = { kind: 'sandbox', sandboxOrigin: 'http://127.0.0.1:4100' }) {
  const c = new Core({
    host: {
      kind: 'browser',
      appVersion: '1.2.3',
      openExternal: async () => {},
      notify: () => {},
      isFocused: () => true,
    },
    store: new ProfileStore(openConfStore(d).store),
    logger: silentLogger,
    amazon,
    vault: { available: true, vault: new MemoryVault(), plaintextFallback: false },
  });
  c.onEvent((name, payload) => events.push({ name, payload }));
  return c;
}

beforeEach(() => {
  dir = freshDir();
  events = [];
  core = makeCore();
});

describe('core requests', () => {
  it('creates, lists, updates and deletes a platform, emitting platformsChanged each time', async () => {
    const created = await core.invoke('createPlatform', { type: 'amazon', name: '  Amazon 123456 ' });
    expect(created.ok).toBe(true);
    const p = (created as { value: Platform }).value;
    expect(p).toMatchObject({
      name: 'Amazon 123456',
      type: 'amazon',
      useCloud: false,
      countryCode: 'DE',
      auth: { status: 'not_authenticated' },
    });

    const updated = await core.invoke('updatePlatform', {
      id: p.id,
      patch: { useCloud: true, countryCode: 'UK', active: false },
    });
    expect(updated).toMatchObject({ ok: true, value: { useCloud: true, countryCode: 'UK', active: false } });

    const list = await core.invoke('listPlatforms', undefined);
    expect(list).toMatchObject({ ok: true, value: [{ id: p.id, countryCode: 'UK' }] });

    expect(await core.invoke('deletePlatform', { id: p.id })).toEqual({
      ok: true,
      value: { id: p.id, cloud: 'not_registered' },
    });
    expect(await core.invoke('listPlatforms', undefined)).toEqual({ ok: true, value: [] });
    expect(events.map((e) => e.name)).toEqual(['platformsChanged', 'platformsChanged', 'platformsChanged']);
    expect(events.at(-1)?.payload).toEqual([]);
  });

  it('keeps profiles across a restart (same folder)', async () => {
    await core.invoke('createPlatform', { type: 'amazon', name: 'Amazon EU' });
    const again = makeCore();
    expect(await again.invoke('listPlatforms', undefined)).toMatchObject({ ok: true, value: [{ name: 'Amazon EU' }] });
  });

  it('refuses a second platform with the same name, ignoring case, and suggests a free one', async () => {
    await core.invoke('createPlatform', { type: 'amazon', name: 'Amazon 1' });
    expect(await core.invoke('createPlatform', { type: 'amazon', name: 'AMAZON 1' })).toMatchObject({
      ok: false,
      error: { code: 'PLATFORM_NAME_TAKEN', params: { name: 'AMAZON 1', scope: 'local', suggestion: 'AMAZON 1 (2)' } },
    });
  });

  it.each([
    ['white space', 'Amazon Leer', '  Amazon Leer\t'],
    ['Unicode NFC vs NFD', 'Amazon Caf\u00e9', 'Amazon Cafe\u0301'],
    ['ß vs SS', 'Amazon Straße', 'AMAZON STRASSE'],
  ])('the name rule holds for %s, on create and on rename', async (_kind, first, second) => {
    const created = await core.invoke('createPlatform', { type: 'amazon', name: first });
    expect(created).toMatchObject({ ok: true, value: { name: first.normalize('NFC').trim() } });
    expect(await core.invoke('createPlatform', { type: 'amazon', name: second })).toMatchObject({
      ok: false,
      error: { code: 'PLATFORM_NAME_TAKEN', params: { scope: 'local' } },
    });
    const other = await core.invoke('createPlatform', { type: 'amazon', name: 'Amazon Anders' });
    const id = other.ok ? (other.value as { id: string }).id : '';
    expect(await core.invoke('updatePlatform', { id, patch: { name: second } })).toMatchObject({
      ok: false,
      error: { code: 'PLATFORM_NAME_TAKEN' },
    });
  });

  it('answers an unknown id with PLATFORM_NOT_FOUND', async () => {
    expect(await core.invoke('deletePlatform', { id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'PLATFORM_NOT_FOUND' },
    });
  });

  it('keeps the cloud Client-Secret in the vault only and reports when the cloud is configured', async () => {
    await core.whenReady();
    expect(await core.invoke('getAppInfo', undefined)).toMatchObject({ ok: true, value: { cloudConfigured: false } });
    const saved = await core.invoke('saveCloudSettings', {
      url: 'https://cloud.example/',
      clientId: 'client-1',
      clientSecret: 's3cr3t-value',
    });
    expect(saved).toEqual({ ok: true, value: { url: 'https://cloud.example', clientId: 'client-1', hasSecret: true } });
    expect(await core.invoke('getAppInfo', undefined)).toMatchObject({ ok: true, value: { cloudConfigured: true } });
    expect(events.map((e) => e.name)).toContain('appInfoChanged');
    expect(JSON.stringify(events)).not.toContain('s3cr3t-value');
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).not.toContain('s3cr3t-value');
    // Another Client-ID without a secret is refused (the saved secret is not carried over); the saved values stay.
    expect(
      await core.invoke('saveCloudSettings', { url: 'https://cloud.example', clientId: 'client-2' }),
    ).toMatchObject({ ok: false, error: { code: 'CLOUD_SECRET_REQUIRED' } });
    expect(await core.invoke('getCloudSettings', undefined)).toEqual({
      ok: true,
      value: { url: 'https://cloud.example', clientId: 'client-1', hasSecret: true },
    });
  });

  it('refuses a cloud URL that is not https (or loopback http)', async () => {
    for (const url of ['http://cloud.example', 'ftp://x', 'https://user:pw@cloud.example', 'not a url']) {
      expect(await core.invoke('saveCloudSettings', { url, clientId: 'c' })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', params: { reason: 'CLOUD_URL_INVALID' } },
      });
    }
  });

  it('reports app info without secrets', async () => {
    const r = await core.invoke('getAppInfo', undefined);
    expect(r).toMatchObject({ ok: true, value: { version: '1.2.3', host: 'browser', amazon: { kind: 'sandbox' } } });
  });
});

describe('contract validation', () => {
  const bad: Array<[string, unknown]> = [
    ['createPlatform', undefined],
    ['createPlatform', null],
    ['createPlatform', 'Amazon'],
    ['createPlatform', { type: 'ebay', name: 'x' }],
    ['createPlatform', { type: 'amazon', name: '' }],
    ['createPlatform', { type: 'amazon', name: '   ' }],
    ['createPlatform', { type: 'amazon', name: 'x'.repeat(81) }],
    ['createPlatform', { type: 'amazon', name: 'bad\u0000name' }],
    ['createPlatform', { type: 'amazon', name: 'ok', extra: true }],
    ['createPlatform', { type: 'amazon', name: 42 }],
    ['updatePlatform', { id: '../../etc', patch: {} }],
    ['updatePlatform', { id: 'a', patch: { countryCode: 'XX' } }],
    ['updatePlatform', { id: 'a', patch: { useCloud: 'yes' } }],
    ['updatePlatform', { id: 'a', patch: { secret: 'x' } }],
    ['deletePlatform', { id: '' }],
    ['deletePlatform', {}],
    ['listPlatforms', { sneaky: 1 }],
    ['getAppInfo', 'x'],
  ];
  it.each(bad)('%s(%j) → INVALID_INPUT, nothing stored', async (name, payload) => {
    const r = await core.invoke(name, payload);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(events).toEqual([]);
  });

  it('answers an unknown request name with UNKNOWN_REQUEST', async () => {
    expect(await core.invoke('__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_REQUEST' } });
    expect(await core.invoke('constructor', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_REQUEST' } });
  });
});

describe('routing', () => {
  it('answers the sandbox requests without a sandbox: nothing to show, or SANDBOX_ONLY', async () => {
    const production = makeCore(dir, { kind: 'production' });
    const created = (await production.invoke('createPlatform', { type: 'amazon', name: 'Amazon 1' })) as {
      value: Platform;
    };
    expect(await production.invoke('getSandboxScenarios', undefined)).toEqual({ ok: true, value: null });
    expect(await production.invoke('getSandboxHint', undefined)).toEqual({ ok: true, value: null });
    for (const [name, payload] of [
      ['armSandboxScenario', { id: created.value.id, scenario: 'lwa_500' }],
      ['resetSandboxScenarios', undefined],
      ['importTimeline', { text: '{}' }],
    ] as const) {
      expect(await production.invoke(name, payload), name).toMatchObject({
        ok: false,
        error: { code: 'SANDBOX_ONLY' },
      });
    }
    await production.dispose();
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, expect, it } from 'vitest';
import { ProfileStore, openConfStore } from './profile-store';
import { memoryCore, STORED_PLATFORM } from './testing/memory-core';
import { tempDirs } from '../../shared/testing/temp-dir';

let dir: string;
const freshDir = tempDirs('acc-store-');
beforeEach(() => (dir = freshDir()));

const valid = STORED_PLATFORM;

it('keeps a corrupt store file aside and reports it instead of silently replacing it', () => {
  fs.writeFileSync(path.join(dir, 'config.json'), '{"platforms": [ this is not json');
  const opened = openConfStore(dir);
  expect(opened.warning?.code).toBe('STORE_CORRUPT');
  expect(fs.readFileSync(opened.warning!.backupPath, 'utf8')).toContain('this is not json');
  expect(new ProfileStore(opened.store).list()).toEqual([]);
});

it('keeps a file that fails the schema aside too', () => {
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ platforms: 'not an array' }));
  const opened = openConfStore(dir);
  expect(opened.warning?.code).toBe('STORE_CORRUPT');
});

it('keeps entries it cannot read when writing the list back', () => {
  const unknown = { id: 'p2', type: 'ebay', name: 'From a newer version' };
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ platforms: [valid, unknown] }));
  const store = new ProfileStore(openConfStore(dir).store);
  const list = store.list();
  expect(list.map((p) => p.id)).toEqual(['p1']);
  store.save([{ ...list[0]!, name: 'Renamed' }]);
  const raw = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8'));
  expect(raw.platforms).toEqual([{ ...valid, name: 'Renamed' }, unknown]);
});

it('refuses to write an invalid profile', () => {
  const store = new ProfileStore(openConfStore(dir).store);
  expect(() => store.save([{ ...valid, countryCode: 'XX' } as never])).toThrow();
});

const modeOf = (p: string) => fs.statSync(p).mode & 0o777;

it('creates the store file 0600 in a 0700 folder (it holds the state JWT while a sign-in waits)', () => {
  const folder = path.join(dir, 'user-data');
  const store = openConfStore(folder).store;
  store.set('cloud', { url: 'https://cloud.example', clientId: 'c' });
  expect(modeOf(path.join(folder, 'config.json'))).toBe(0o600);
  expect(modeOf(folder)).toBe(0o700);
  // Every later write keeps it so (the store writes atomically through a temporary file).
  store.set('platforms', [valid]);
  expect(modeOf(path.join(folder, 'config.json'))).toBe(0o600);
});

it('tightens a store file and folder left readable by an earlier version', () => {
  fs.chmodSync(dir, 0o755);
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ platforms: [valid] }), { mode: 0o644 });
  fs.chmodSync(path.join(dir, 'config.json'), 0o644);
  openConfStore(dir);
  expect(modeOf(path.join(dir, 'config.json'))).toBe(0o600);
  expect(modeOf(dir)).toBe(0o700);
});

it('keeps a corrupt file aside readable only by the user', () => {
  fs.writeFileSync(path.join(dir, 'config.json'), '{ not json', { mode: 0o644 });
  fs.chmodSync(path.join(dir, 'config.json'), 0o644);
  const opened = openConfStore(dir);
  expect(modeOf(opened.warning!.backupPath)).toBe(0o600);
});

it('reports entries it cannot read (code and count) instead of hiding them, and keeps them on disk', async () => {
  const broken = [
    { id: 'p2', type: 'ebay', name: 'From a newer version' },
    { id: 'p3', name: 42 },
  ];
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ platforms: [valid, ...broken] }));
  const core = memoryCore(dir);
  const info = await core.invoke('getAppInfo', undefined);
  expect(info).toMatchObject({
    ok: true,
    value: { unreadableProfiles: { code: 'PROFILES_UNREADABLE', count: 2, file: path.join(dir, 'config.json') } },
  });
  // Changing the readable one keeps the others as they were.
  expect(await core.invoke('updatePlatform', { id: 'p1', patch: { active: false } })).toMatchObject({ ok: true });
  expect(JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).platforms.slice(1)).toEqual(broken);
  await core.dispose();
});

it('says nothing when every entry is readable', async () => {
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ platforms: [valid] }));
  const core = memoryCore(dir);
  const info = (await core.invoke('getAppInfo', undefined)) as { ok: true; value: Record<string, unknown> };
  expect(info.value.unreadableProfiles).toBeUndefined();
  await core.dispose();
});

it('reads waiting states of older versions (sentinels, no origin) as sign-ins started here or on Amazon', () => {
  const waiting = {
    status: 'waiting',
    mode: 'refresh',
    authorizationId: 'a1',
    expiresAt: '2026-01-01T00:10:00.000Z',
    startedAt: '2026-01-01T00:00:00.000Z',
  };
  const fromAmazon = { ...valid, auth: { ...waiting, consentUrl: '', browserOpened: true, startedOnAmazon: true } };
  const fromDesktop = {
    ...valid,
    id: 'p2',
    name: 'Amazon 2',
    auth: { ...waiting, consentUrl: 'https://cloud.example/oauth/amazon/start/a1', browserOpened: false },
  };
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ platforms: [fromAmazon, fromDesktop] }));
  const store = new ProfileStore(openConfStore(dir).store);
  expect(store.unreadableCount()).toBe(0);
  expect(store.get('p1')!.auth).toEqual({ ...waiting, origin: 'amazon' });
  expect(store.get('p2')!.auth).toEqual({
    ...waiting,
    origin: 'desktop',
    consentUrl: 'https://cloud.example/oauth/amazon/start/a1',
    browserOpened: false,
  });
});

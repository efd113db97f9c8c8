import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ProfileStore, openConfStore } from './profile-store';

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'acc-store-'))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const valid = {
  id: 'p1',
  type: 'amazon',
  name: 'Amazon 1',
  active: true,
  useCloud: true,
  countryCode: 'DE',
  createdAt: '2026-01-01T00:00:00.000Z',
  auth: { status: 'not_authenticated' },
};

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

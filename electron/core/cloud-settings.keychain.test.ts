// A keychain that fails is reported as such (KEYCHAIN_UNAVAILABLE), not as missing credentials.
import { describe, expect, it } from 'vitest';
import { CloudSettings } from './cloud-settings';
import type { KeyValueStore } from './profile-store';
import type { Vault } from './vault';

function memoryKv(): KeyValueStore {
  const data = new Map<string, unknown>();
  return { path: '(memory)', get: (k) => data.get(k), set: (k, v) => void data.set(k, v) };
}

/** A keychain whose Secret Service went away (locked collection, D-Bus gone). */
const brokenVault: Vault = {
  kind: 'keychain',
  get: () => Promise.reject(new Error('org.freedesktop.DBus.Error.ServiceUnknown')),
  set: () => Promise.reject(new Error('org.freedesktop.DBus.Error.ServiceUnknown')),
  delete: () => Promise.reject(new Error('org.freedesktop.DBus.Error.ServiceUnknown')),
};

describe('CloudSettings with a failing keychain', () => {
  const kv = memoryKv();
  kv.set('cloud', { url: 'https://cloud.example', clientId: 'client-1' });
  const settings = new CloudSettings(kv, brokenVault);

  it('says KEYCHAIN_UNAVAILABLE when showing, using or testing the saved credentials', async () => {
    await expect(settings.view()).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
    await expect(settings.credentials()).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
    await expect(settings.merged({})).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
  });
});

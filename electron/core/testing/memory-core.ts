// The real core for unit-level tests that need no keychain and no Amazon: its profiles in `profileDir`
// (the real conf store), secrets in memory, a browser host that opens nothing (or records, via
// `openExternal`), production mode (the sandbox is never asked).
import { Core } from '../core';
import { silentLogger } from '../host';
import { ProfileStore, openConfStore } from '../profile-store';
import { MemoryVault, type Vault } from '../vault';

export function memoryCore(
  profileDir: string,
  opts: { vault?: Vault; openExternal?: (url: string) => Promise<void> } = {},
): Core {
  return new Core({
    host: {
      kind: 'browser',
      appVersion: '0',
      openExternal: opts.openExternal ?? (async () => {}),
      notify: () => {},
      isFocused: () => true,
    },
    store: new ProfileStore(openConfStore(profileDir).store),
    logger: silentLogger,
    amazon: { kind: 'production' },
    vault: { available: true, vault: opts.vault ?? new MemoryVault(), plaintextFallback: false },
  });
}

/** A platform as a store file holds it: an Amazon DE platform with the cloud on, not signed in. */
export const STORED_PLATFORM = {
  id: 'p1',
  type: 'amazon',
  name: 'Amazon 1',
  active: true,
  useCloud: true,
  countryCode: 'DE',
  createdAt: '2026-01-01T00:00:00.000Z',
  auth: { status: 'not_authenticated' },
} as const;

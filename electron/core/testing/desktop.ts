// Test harness: the real core (conf store in a temp folder, keytar vault in the private
// gnome-keyring session that `npm test` starts) against the real cloud and sandbox on loopback.
// It plays the host: the "default browser" is a list of opened URLs that the test then walks with
// a cookie-keeping HTTP client.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Core, type CoreOptions } from '../core';
import type { Logger } from '../host';
import { ProfileStore, openConfStore } from '../profile-store';
import { openVault, type VaultStatus } from '../vault';
import type { Platform } from '../../../shared/platform';
import type { RequestResults } from '../../../shared/ipc-contract';
import type { Result } from '../../../shared/result';

export interface DesktopOptions {
  sandboxUrl: string;
  dir?: string;
  vault?: VaultStatus;
  now?: () => number;
  focused?: boolean;
  extra?: Partial<Pick<CoreOptions, 'signIn' | 'deletionRetry'>>;
  /**
   * The import after the first authentication (on in the app). Off by default here: most suites walk the
   * import step by step and arm SP-API failures for it; auto-import.integration.test.ts turns it on.
   */
  autoImport?: boolean;
}

export type Desktop = Awaited<ReturnType<typeof startDesktop>>;

/** The real keychain; a test run without a Secret Service fails loudly rather than using another vault. */
async function keychain(): Promise<VaultStatus> {
  const status = await openVault({});
  if (!status.available)
    throw new Error(
      `no Secret Service: ${status.detail}. Run the tests with "npm test" (it starts a private gnome-keyring).`,
    );
  return status;
}

export async function startDesktop(o: DesktopOptions) {
  const dir = o.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'acc-desktop-'));
  const opened: string[] = [];
  const notifications: Array<{ title: string; body: string }> = [];
  const logs: string[] = [];
  const events: string[] = [];
  const capture = (level: string) => (msg: string, data?: Record<string, unknown>) =>
    void logs.push(`${level} ${msg} ${JSON.stringify(data ?? {})}`);
  const logger: Logger = { info: capture('info'), warn: capture('warn'), error: capture('error') };
  const core = new Core({
    host: {
      kind: 'browser',
      appVersion: 'test',
      openExternal: async (url) => void opened.push(url),
      notify: (title, body) => void notifications.push({ title, body }),
      isFocused: () => o.focused ?? false,
    },
    store: new ProfileStore(openConfStore(dir).store),
    logger,
    amazon: { kind: 'sandbox', sandboxOrigin: o.sandboxUrl },
    vault: o.vault ?? (await keychain()),
    ...(o.now ? { now: o.now } : {}),
    signIn: { waitSeconds: 2, backoff: { baseMs: 40, capMs: 250 }, graceMs: 60_000, ...o.extra?.signIn },
    deletionRetry: { baseMs: 40, capMs: 250, ...o.extra?.deletionRetry },
    autoImport: o.autoImport ?? false,
  });
  core.onEvent((name, payload) => void events.push(`${name} ${JSON.stringify(payload)}`));
  await core.whenReady();

  async function call<K extends keyof RequestResults>(name: K, payload?: unknown): Promise<RequestResults[K]> {
    const r = (await core.invoke(name, payload)) as Result<RequestResults[K]>;
    if (!r.ok)
      throw Object.assign(new Error(`${name}: ${r.error.code} ${r.error.detail ?? ''}`), {
        code: r.error.code,
        params: r.error.params,
      });
    return r.value;
  }

  async function failure(name: keyof RequestResults, payload?: unknown) {
    const r = await core.invoke(name, payload);
    if (r.ok) throw new Error(`${name} unexpectedly succeeded`);
    return r.error;
  }

  /** The error code of a request that must fail. */
  async function failureCode(name: keyof RequestResults, payload?: unknown) {
    return (await failure(name, payload)).code;
  }

  async function platform(id: string): Promise<Platform> {
    const p = (await call('listPlatforms')).find((x) => x.id === id);
    if (!p) throw new Error(`no platform ${id}`);
    return p;
  }

  /** Waits (polling the core every 20 ms, at most `ms`) until the platform matches. */
  async function until(id: string, test: (p: Platform) => boolean, ms = 20_000): Promise<Platform> {
    const end = Date.now() + ms;
    for (;;) {
      const p = await platform(id);
      if (test(p)) return p;
      if (Date.now() > end) throw new Error(`timed out; platform is ${JSON.stringify(p.auth)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** A cloud-enabled Amazon profile for a country. */
  async function newPlatform(name: string, countryCode = 'DE'): Promise<Platform> {
    const p = await call('createPlatform', { type: 'amazon', name });
    return call('updatePlatform', { id: p.id, patch: { useCloud: true, countryCode } });
  }

  return {
    core,
    dir,
    opened,
    notifications,
    logs,
    events,
    call,
    failure,
    failureCode,
    platform,
    until,
    newPlatform,
    storeText: () => fs.readFileSync(path.join(dir, 'config.json'), 'utf8'),
    close: () => core.dispose(),
  };
}

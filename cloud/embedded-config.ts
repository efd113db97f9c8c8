// The embedded default: the cloud talks to the project's sandbox as its production app, with signing
// and encryption keys generated on first start and kept in a 0600 file: <dataDir>/keys.json unless a
// keys file outside the data directory is named (CLOUD_KEYS_FILE) or the keys come from the environment
// (CLOUD_SIGNING_KEY + CLOUD_ENCRYPTION_KEY), which is what anything beyond development should do.
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { draftApp, productionApp, unlistedApp, type SeedApp } from '../sandbox/seed';
import { parseConfig, readKeysFile, type CloudConfig } from './config';
import { writeSecretFile } from './dev-tenant';

interface KeyFile {
  signingKey: string;
  encryptionKey: string;
}

/** Reads the keys from `file`, or generates and stores them there the first time. */
export function loadOrCreateKeys(file: string): KeyFile {
  if (existsSync(file)) return readKeysFile(file) as KeyFile;
  const keys: KeyFile = { signingKey: randomBytes(32).toString('base64'), encryptionKey: randomBytes(32).toString('base64') };
  writeSecretFile(file, JSON.stringify(keys, null, 2));
  return keys;
}

export type SandboxAppKind = 'production' | 'draft' | 'unlisted';

/** The sandbox's seeded app of this kind (its ids and LWA credentials are public test values). */
export function sandboxApp(kind: SandboxAppKind = 'production'): SeedApp {
  return kind === 'draft' ? draftApp() : kind === 'unlisted' ? unlistedApp() : productionApp();
}

export interface EmbeddedKeyOptions {
  /** Where the keys live (default `<dataDir>/keys.json`, which the cloud warns about). */
  keysFile?: string;
  /** CLOUD_SIGNING_KEY + CLOUD_ENCRYPTION_KEY here mean no key file at all; CLOUD_KEYS_FILE names one. */
  env?: NodeJS.ProcessEnv;
}

function embeddedKeys(dataDir: string, opts: EmbeddedKeyOptions): KeyFile & { keysFile?: string } {
  const env = opts.env ?? {};
  if (env.CLOUD_SIGNING_KEY && env.CLOUD_ENCRYPTION_KEY) return { signingKey: env.CLOUD_SIGNING_KEY, encryptionKey: env.CLOUD_ENCRYPTION_KEY };
  const keysFile = opts.keysFile ?? (env.CLOUD_KEYS_FILE || join(dataDir, 'keys.json'));
  return { ...loadOrCreateKeys(keysFile), keysFile };
}

export function embeddedDefaultConfig(dataDir: string, sandboxOrigin: string, opts: { app?: SandboxAppKind } & EmbeddedKeyOptions = {}): CloudConfig {
  const app = sandboxApp(opts.app);
  return parseConfig({
    amazon: {
      mode: 'sandbox',
      sandboxOrigin,
      applicationId: app.applicationId,
      draftApp: app.status === 'draft',
      lwaClientId: app.clientId,
      lwaClientSecret: app.clientSecret,
    },
    ...embeddedKeys(dataDir, opts),
    devTenantFile: join(dataDir, 'dev-tenant.json'),
    registerRedirectUriWithSandbox: true,
  });
}

// The embedded default: the cloud talks to the project's sandbox as its production app, with signing
// and encryption keys generated on first start and kept in <dataDir>/keys.json (mode 0600).
import { existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { draftApp, productionApp, unlistedApp, type SeedApp } from '../sandbox/seed';
import { parseConfig, type CloudConfig } from './config';
import { writeSecretFile } from './dev-tenant';

interface KeyFile {
  signingKey: string;
  encryptionKey: string;
}

/** Reads the keys, or generates and stores them the first time. */
export function loadOrCreateKeys(dataDir: string): KeyFile {
  const file = join(dataDir, 'keys.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as KeyFile;
  const keys: KeyFile = { signingKey: randomBytes(32).toString('base64'), encryptionKey: randomBytes(32).toString('base64') };
  writeSecretFile(file, JSON.stringify(keys, null, 2));
  return keys;
}

export type SandboxAppKind = 'production' | 'draft' | 'unlisted';

/** The sandbox's seeded app of this kind (its ids and LWA credentials are public test values). */
export function sandboxApp(kind: SandboxAppKind = 'production'): SeedApp {
  return kind === 'draft' ? draftApp() : kind === 'unlisted' ? unlistedApp() : productionApp();
}

export function embeddedDefaultConfig(dataDir: string, sandboxOrigin: string, opts: { app?: SandboxAppKind } = {}): CloudConfig {
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
    ...loadOrCreateKeys(dataDir),
    devTenantFile: join(dataDir, 'dev-tenant.json'),
    registerRedirectUriWithSandbox: true,
  });
}

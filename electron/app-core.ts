// Composition root shared by both hosts: opens the profile store and the vault, reads the launcher's
// configuration from the environment (the ACC_* variables, checked in desktop-config.ts), and builds
// the core. The embedded cloud's development tenant is adopted when no credentials are set;
// --insecure-plaintext-secrets or ACC_INSECURE_PLAINTEXT_SECRETS=1 allows plain-text secrets when no
// keychain exists (a permanent warning is shown).
import fs from 'node:fs';
import path from 'node:path';
import { Core, type CoreOptions } from './core/core';
import type { CoreHost, Logger } from './core/host';
import { ProfileStore, type StoreOpenResult } from './core/profile-store';
import { openVault, type VaultStatus } from './core/vault';
import type { AppInfo } from '../shared/ipc-contract';
import type { CloudCredentials } from './core/cloud-client';
import { parseDevTenant, readDesktopEnv, type DesktopEnv } from './desktop-config';

export interface AppCoreOptions {
  host: CoreHost;
  openStore: () => StoreOpenResult;
  userDataDir: string;
  logger: Logger;
  env?: NodeJS.ProcessEnv;
  argv?: string[];
  /** Tests may hand in a vault status (e.g. a real keychain opened once per file). */
  vault?: VaultStatus;
  extra?: Pick<CoreOptions, 'now' | 'signIn' | 'deletionRetry'>;
}

function amazonFromEnv(env: DesktopEnv): AppInfo['amazon'] {
  const origin = env.ACC_SANDBOX_ORIGIN;
  return origin ? { kind: 'sandbox', sandboxOrigin: origin.replace(/\/+$/, '') } : { kind: 'production' };
}

/** The embedded cloud's development tenant, if the launcher started one. */
function embeddedCloudFromEnv(env: DesktopEnv, logger: Logger): CloudCredentials | undefined {
  const url = env.ACC_CLOUD_URL;
  const file = env.ACC_DEV_TENANT_FILE;
  if (!url || !file || !fs.existsSync(file)) return undefined;
  const data = parseDevTenant(fs.readFileSync(file, 'utf8'));
  if ('error' in data) {
    logger.warn("the embedded cloud's development tenant file is not usable", { detail: data.error });
    return undefined;
  }
  return { url, clientId: data.clientId, clientSecret: data.clientSecret };
}

export async function createAppCore(opts: AppCoreOptions): Promise<Core> {
  const env = readDesktopEnv(opts.env ?? process.env);
  const argv = opts.argv ?? process.argv;
  const opened = opts.openStore();
  if (opened.warning)
    opts.logger.warn('store file was unreadable and was kept aside', { backupPath: opened.warning.backupPath });
  const allowPlaintext = argv.includes('--insecure-plaintext-secrets') || env.ACC_INSECURE_PLAINTEXT_SECRETS === '1';
  const vault =
    opts.vault ??
    (await openVault({ allowPlaintext, plaintextFile: path.join(opts.userDataDir, 'secrets.insecure.json') }));
  if (!vault.available) opts.logger.warn('no keychain available; secrets cannot be stored', { detail: vault.detail });
  if (vault.available && vault.plaintextFallback)
    opts.logger.warn('INSECURE: secrets are stored in plain text (explicit flag)');
  const embeddedCloud = embeddedCloudFromEnv(env, opts.logger);
  const core = new Core({
    host: opts.host,
    store: new ProfileStore(opened.store),
    logger: opts.logger,
    amazon: amazonFromEnv(env),
    vault,
    ...(embeddedCloud ? { embeddedCloud } : {}),
    ...(opened.warning ? { storeWarning: { code: opened.warning.code, backupPath: opened.warning.backupPath } } : {}),
    ...opts.extra,
  });
  await core.whenReady();
  return core;
}

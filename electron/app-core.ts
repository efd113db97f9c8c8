// Composition root shared by both hosts: opens the profile store and builds the core.
import { Core } from './core/core';
import type { CoreHost, Logger } from './core/host';
import { ProfileStore, type StoreOpenResult } from './core/profile-store';
import type { AppInfo } from '../shared/ipc-contract';

export interface AppCoreOptions {
  host: CoreHost;
  openStore: () => StoreOpenResult;
  logger: Logger;
  env?: NodeJS.ProcessEnv;
}

/** Where the Amazon side lives, as the launcher configured it (ACC_SANDBOX_ORIGIN). */
export function amazonFromEnv(env: NodeJS.ProcessEnv): AppInfo['amazon'] {
  const origin = env.ACC_SANDBOX_ORIGIN;
  return origin ? { kind: 'sandbox', sandboxOrigin: origin } : { kind: 'production' };
}

export function createAppCore(opts: AppCoreOptions): Core {
  const env = opts.env ?? process.env;
  const opened = opts.openStore();
  if (opened.warning) opts.logger.warn('store file was unreadable and was kept aside', { backupPath: opened.warning.backupPath });
  return new Core({
    host: opts.host,
    store: new ProfileStore(opened.store),
    logger: opts.logger,
    amazon: amazonFromEnv(env),
    keychain: { available: false, plaintextFallback: false, detail: 'not checked yet' },
    ...(opened.warning ? { storeWarning: { code: opened.warning.code, backupPath: opened.warning.backupPath } } : {}),
  });
}

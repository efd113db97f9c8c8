// What the renderer learns about the app (`getAppInfo`, the `appInfoChanged` event): version, host,
// Amazon or sandbox, the keychain's state, unreadable profiles, queued cloud deletions, the language.
import type { AppInfo } from '../../shared/ipc-contract';
import type { UiLanguage } from '../../shared/ui-language';
import type { CoreHost } from './host';
import type { ProfileStore } from './profile-store';
import type { VaultStatus } from './vault';

interface AppInfoSources {
  host: CoreHost;
  store: ProfileStore;
  amazon: AppInfo['amazon'];
  vault: VaultStatus;
  storeWarning?: AppInfo['storeWarning'];
  deletionQueue: readonly { name: string; queuedAt: string }[];
  cloudConfigured: boolean;
  language: UiLanguage;
}

export function buildAppInfo(s: AppInfoSources): AppInfo {
  const v = s.vault;
  const unreadable = s.store.unreadableCount();
  return {
    version: s.host.appVersion,
    host: s.host.kind,
    amazon: s.amazon,
    keychain: v.available
      ? { available: true, plaintextFallback: v.plaintextFallback }
      : { available: false, plaintextFallback: false, detail: v.detail },
    ...(s.storeWarning ? { storeWarning: s.storeWarning } : {}),
    ...(unreadable > 0
      ? { unreadableProfiles: { code: 'PROFILES_UNREADABLE' as const, count: unreadable, file: s.store.filePath } }
      : {}),
    pendingCloudDeletions: s.deletionQueue.length,
    pendingCloudDeletionList: s.deletionQueue.map((q) => ({ name: q.name, queuedAt: q.queuedAt })),
    cloudConfigured: s.cloudConfigured,
    language: s.language,
  };
}

// The names of every IPC channel, without schemas, so the sandboxed preload bundle stays tiny.
// shared/ipc-contract.ts checks at compile time that these lists match the contract exactly.

export const REQUEST_NAMES = [
  'getAppInfo',
  'listPlatforms',
  'createPlatform',
  'updatePlatform',
  'deletePlatform',
  'getCloudSettings',
  'saveCloudSettings',
  'testCloudConnection',
  'signIn',
  'cancelSignIn',
  'reopenConsent',
  'resolveSellerChange',
  'getPairingCode',
  'openManageYourApps',
  'importSettings',
  'disconnectPlatform',
  'acknowledgeRenameNotice',
  'selectMarketplaces',
  'getTimeline',
  'getSandboxHint',
  'reportSellerCentralError',
  'getSandboxScenarios',
  'armSandboxScenario',
  'resetSandboxScenarios',
  'exportTimeline',
  'importTimeline',
  'listCloudOnlyPlatforms',
  'adoptCloudPlatform',
  'deleteCloudPlatform',
  'setLanguage',
] as const;

export const EVENT_NAMES = ['platformsChanged', 'appInfoChanged', 'notification'] as const;

export type EventName = (typeof EVENT_NAMES)[number];

/** Electron channel names are prefixed so they cannot collide with Electron's own. */
export const channelOf = (name: string) => `app:${name}`;

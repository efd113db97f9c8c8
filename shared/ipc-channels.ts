// The names of every IPC channel, without schemas, so the sandboxed preload bundle stays tiny.
import type { EventPayloads, RequestName } from './ipc-contract';

/**
 * One entry per request of the map in ipc-contract.ts: `satisfies` makes a missing or an extra name a
 * compile error, without a runtime import of the contract (and its zod schemas) into the preload.
 */
const REQUEST_CHANNELS = {
  getAppInfo: true,
  listPlatforms: true,
  createPlatform: true,
  updatePlatform: true,
  deletePlatform: true,
  getCloudSettings: true,
  saveCloudSettings: true,
  testCloudConnection: true,
  signIn: true,
  cancelSignIn: true,
  reopenConsent: true,
  resolveSellerChange: true,
  getPairingCode: true,
  openManageYourApps: true,
  importSettings: true,
  disconnectPlatform: true,
  acknowledgeRenameNotice: true,
  selectMarketplaces: true,
  getTimeline: true,
  getSandboxHint: true,
  reportSellerCentralError: true,
  getSandboxScenarios: true,
  armSandboxScenario: true,
  resetSandboxScenarios: true,
  exportTimeline: true,
  importTimeline: true,
  listCloudOnlyPlatforms: true,
  adoptCloudPlatform: true,
  deleteCloudPlatform: true,
  setLanguage: true,
} as const satisfies Record<RequestName, true>;

export const REQUEST_NAMES = Object.keys(REQUEST_CHANNELS) as RequestName[];

const EVENT_CHANNELS = { platformsChanged: true, appInfoChanged: true, notification: true } as const satisfies Record<
  keyof EventPayloads,
  true
>;

export type EventName = keyof EventPayloads;
export const EVENT_NAMES = Object.keys(EVENT_CHANNELS) as EventName[];

/** Electron channel names are prefixed so they cannot collide with Electron's own. */
export const channelOf = (name: string) => `app:${name}`;

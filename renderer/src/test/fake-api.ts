// A fake AppApi for component tests: every request is a vi.fn answering ok with sensible defaults;
// `emit` plays the core's events.
import { vi } from 'vitest';
import type {
  AppApi,
  AppInfo,
  CloudOnlyPlatform,
  DeleteOutcome,
  EventPayloads,
  SandboxHint,
  SandboxScenarioView,
  TimelineEntry,
} from '../../../shared/ipc-contract';
import type { AuthState, Platform } from '../../../shared/platform';
import { ok } from '../../../shared/result';
import type { TimelineExport } from '../../../shared/timeline-export';
import type { UiLanguage } from '../../../shared/ui-language';

export const platform = (over: Partial<Platform> = {}): Platform => ({
  id: 'p1',
  type: 'amazon',
  name: 'Amazon 123456',
  active: true,
  useCloud: true,
  countryCode: 'DE',
  createdAt: '2026-01-01T00:00:00.000Z',
  auth: { status: 'not_authenticated' },
  ...over,
});

/** What every waiting sign-in has: its authorization, started now, five minutes left. */
const waitingSince = () => ({
  status: 'waiting' as const,
  authorizationId: 'a1',
  expiresAt: new Date(Date.now() + 5 * 60_000).toISOString(),
  startedAt: new Date().toISOString(),
});

/** A sign-in in progress (ANMELDEN pressed, the browser opened, five minutes left). */
type DesktopWaiting = Extract<AuthState, { status: 'waiting'; origin: 'desktop' }>;
export const waitingAuth = (over: Partial<DesktopWaiting> = {}): DesktopWaiting => ({
  ...waitingSince(),
  origin: 'desktop',
  mode: 'login',
  consentUrl: 'https://sellercentral-europe.amazon.com/apps/authorize/consent?application_id=x&state=s',
  browserOpened: true,
  ...over,
});

/** A sign-in started in Seller Central or the Appstore (the cloud's Login URI): no link of ours. */
type AmazonWaiting = Extract<AuthState, { status: 'waiting'; origin: 'amazon' }>;
export const amazonWaitingAuth = (over: Partial<AmazonWaiting> = {}): AuthState => ({
  ...waitingSince(),
  origin: 'amazon',
  mode: 'refresh',
  ...over,
});

export const appInfo = (over: Partial<AppInfo> = {}): AppInfo => ({
  version: '0.1.0',
  host: 'browser',
  amazon: { kind: 'production' },
  keychain: { available: true, plaintextFallback: false },
  pendingCloudDeletions: 0,
  cloudConfigured: true,
  language: 'de',
  ...over,
});

type Listeners = { [E in keyof EventPayloads]?: ((p: EventPayloads[E]) => void)[] };

export function fakeApi(platforms: Platform[] = [platform()], info: AppInfo = appInfo()) {
  const listeners: Listeners = {};
  const byId = (id: string) => platforms.find((p) => p.id === id) ?? platform({ id });
  const api = {
    getAppInfo: vi.fn(async () => ok(info)),
    listPlatforms: vi.fn(async () => ok(platforms)),
    createPlatform: vi.fn(async ({ name }: { name: string }) => ok(platform({ id: 'new', name }))),
    updatePlatform: vi.fn(async ({ id, patch }: { id: string; patch: Partial<Platform> }) =>
      ok({ ...byId(id), ...patch }),
    ),
    deletePlatform: vi.fn(async ({ id }: { id: string }) => ok<DeleteOutcome>({ id, cloud: 'deleted' })),
    getCloudSettings: vi.fn(async () => ok({ url: 'https://cloud.example', clientId: 'client-1', hasSecret: true })),
    saveCloudSettings: vi.fn(async (p: { url: string; clientId: string }) =>
      ok({ url: p.url, clientId: p.clientId, hasSecret: true }),
    ),
    testCloudConnection: vi.fn(async () => ok({ tenantName: 'Muster GmbH', tenantId: 't1' })),
    signIn: vi.fn(async ({ id }: { id: string }) => ok(byId(id))),
    cancelSignIn: vi.fn(async ({ id }: { id: string }) => ok(byId(id))),
    reopenConsent: vi.fn(async ({ id }: { id: string }) => ok(byId(id))),
    resolveSellerChange: vi.fn(async ({ id }: { id: string }) => ok(byId(id))),
    getPairingCode: vi.fn(async () => ok({ code: 'K7QM-4TZP', expiresAt: '2026-03-02T10:10:00.000Z' })),
    openManageYourApps: vi.fn(async () => ok({ url: 'https://sellercentral-europe.amazon.com/apps/manage' })),
    importSettings: vi.fn(async ({ id }: { id: string }) => ok(byId(id))),
    disconnectPlatform: vi.fn(async ({ id }: { id: string }) =>
      ok({ ...byId(id), auth: { status: 'not_authenticated' as const } }),
    ),
    acknowledgeRenameNotice: vi.fn(async ({ id }: { id: string }) => {
      const { cloudRenameNotice: _seen, ...rest } = byId(id);
      return ok<Platform>(rest);
    }),
    selectMarketplaces: vi.fn(async ({ id }: { id: string }) => ok(byId(id))),
    getTimeline: vi.fn(async () => ok<TimelineEntry[]>([])),
    getSandboxHint: vi.fn(async () => ok<SandboxHint | null>(null)),
    reportSellerCentralError: vi.fn(async ({ id }: { id: string; key: string; actualRegion?: string }) => ok(byId(id))),
    getSandboxScenarios: vi.fn(async () => ok<SandboxScenarioView | null>(null)),
    armSandboxScenario: vi.fn(async ({ id, scenario, account }: { id: string; scenario?: string; account?: string }) =>
      ok({
        ...byId(id),
        ...(scenario || account
          ? { sandboxArmed: { ...(scenario ? { scenario } : {}), ...(account ? { account } : {}) } }
          : {}),
      }),
    ),
    exportTimeline: vi.fn(async ({ id }: { id: string }) =>
      ok<TimelineExport>({
        format: 'amazon-cloud-connect-protokoll',
        version: 1,
        header: {
          exportedAt: '2026-01-01T00:00:00.000Z',
          timeZone: 'UTC',
          appVersion: '0.1.0',
          amazon: 'sandbox',
          platform: { id, name: 'Amazon 123456', type: 'amazon', countryCode: 'DE', region: 'EU' },
          authorizationIds: [],
          amazonRequestIds: [],
        },
        status: { status: 'not_authenticated' },
        timeline: [],
      }),
    ),
    importTimeline: vi.fn(async (_p: { text: string }) =>
      ok({
        platform: platform({ id: 'replay', name: 'Nachstellung Amazon 123456' }),
        plan: { account: 'eu.haendler@example.com' },
      }),
    ),
    listCloudOnlyPlatforms: vi.fn(async () => ok<CloudOnlyPlatform[]>([])),
    adoptCloudPlatform: vi.fn(async ({ cloudPlatformId }: { cloudPlatformId: string }) =>
      ok(platform({ id: 'adopted', cloudPlatformId })),
    ),
    deleteCloudPlatform: vi.fn(async ({ cloudPlatformId }: { cloudPlatformId: string }) => ok({ id: cloudPlatformId })),
    resetSandboxScenarios: vi.fn(async () => ok<SandboxScenarioView>({ available: [], active: [], accounts: [] })),
    setLanguage: vi.fn(async ({ language }: { language: UiLanguage }) => ok({ language })),
    on: vi.fn(<E extends keyof EventPayloads>(event: E, listener: (p: EventPayloads[E]) => void) => {
      const list = (listeners[event] ??= []) as ((p: EventPayloads[E]) => void)[];
      list.push(listener);
      return () => void list.splice(list.indexOf(listener), 1);
    }),
  } satisfies AppApi;
  const emit = <E extends keyof EventPayloads>(event: E, payload: EventPayloads[E]) =>
    (listeners[event] as ((p: EventPayloads[E]) => void)[] | undefined)?.forEach((l) => l(payload));
  return { api, emit };
}

// One contract for renderer <-> main: requests (renderer -> main, with a Result) and events
// (main -> renderer). Every request payload is parsed with its zod schema in the core before use.
// Results and events never carry secrets (the cloud Client-Secret goes in, never comes out).
import { z } from 'zod';
import type { ErrorCode, Result } from './result';
import { countryCodeSchema, type AmazonRequest } from './cloud-api';
import { platformNameSchema, PLATFORM_TYPES, type Platform } from './platform';
import { REGIONS } from './amazon-regions';
import { SELLER_CENTRAL_ERROR_KEYS } from './seller-central-errors';
import { MAX_IMPORT_CHARS, type TimelineExport } from './timeline-export';
import type { TimelineStepId } from './timeline-step-ids';
import { clientIdSchema, clientSecretSchema, cloudUrlSchema } from './cloud-settings-rules';
import { UI_LANGUAGES, type UiLanguage } from './ui-language';

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

export interface AppInfo {
  version: string;
  host: 'electron' | 'browser';
  /** Where the Amazon side lives: the sandbox (with its origin) or the real Amazon. */
  amazon: { kind: 'production' | 'sandbox'; sandboxOrigin?: string };
  /** Secrets are kept only in the OS keychain; plain text only when started with the explicit flag. */
  keychain: { available: boolean; plaintextFallback: boolean; detail?: string };
  storeWarning?: { code: 'STORE_CORRUPT'; backupPath: string };
  /** Platform entries in the store file that this version cannot read: kept on disk untouched, and said so. */
  unreadableProfiles?: { code: 'PROFILES_UNREADABLE'; count: number; file: string };
  /** Cloud deletions queued while the cloud was unreachable, retried until they succeed. */
  pendingCloudDeletions: number;
  /** The same queue by platform: each deleted here, its cloud copy not yet (the list shows them). */
  pendingCloudDeletionList?: { name: string; queuedAt: string }[];
  /** Cloud URL, Client-ID and a Client-Secret in the keychain are all there (ANMELDEN can work). */
  cloudConfigured: boolean;
  /**
   * The UI's language as last chosen (setLanguage), kept by the core: the renderer starts in it. The core
   * is its one keeper; the browser host's page origin changes with its port, so the page's own storage
   * could not keep it.
   */
  language: UiLanguage;
}

export interface CloudSettingsView {
  url: string;
  clientId: string;
  /** Whether a Client-Secret is in the keychain; the secret itself never leaves the core. */
  hasSecret: boolean;
}

export interface TimelineEntry {
  at: string;
  /** The step's English sentence (versions before step ids wrote only this; exports carry it). */
  step: string;
  /** The step's id and params (shared/timeline-step-ids.ts); absent in entries of older versions. */
  stepId?: TimelineStepId;
  params?: Record<string, string>;
  outcome: 'ok' | 'error' | 'info';
  /** Redacted: never a token, code, secret or state. */
  detail?: string;
  /** The stable error code of a failed step (its German text is the renderer's). */
  code?: ErrorCode;
  /** The cloud's authorization this step belongs to. */
  authorizationId?: string;
  /** A call the cloud made to Amazon, with Amazon's request id (support asks for it). */
  amazon?: AmazonRequest;
}

interface SandboxAccountHint {
  label: string;
  email: string;
  password: string;
  region: string;
  /** Current one-time code for accounts with an authenticator app. */
  totp?: { code: string; secondsLeft: number };
  sms?: boolean;
}

export interface SandboxHint {
  origin: string;
  smsInboxUrl: string;
  accounts: SandboxAccountHint[];
}

/** Sandbox mode: the scenarios support staff can arm from the app, those switched on, the seeded accounts. */
export interface SandboxScenarioView {
  available: { id: string; description: string; area: string }[];
  active: { id: string; account?: string; remaining?: number; ms?: number }[];
  /** `failure`: why this account cannot authorize whatever the region (a wrong region depends on the platform). */
  accounts: {
    email: string;
    label: string;
    region: string;
    failure?: 'individual_account' | 'not_primary' | (string & {});
  }[];
  /** The sandbox keeps its state in the app's data folder. */
  persisted?: boolean;
  /** When the sandbox was last reset deliberately: earlier sandbox sign-ins are void since. */
  resetAt?: string;
  /** The saved sandbox state could not be read and was kept aside (its path). */
  stateWarning?: string;
}

/** How an imported Protokoll's failure is produced again in the sandbox (electron/core/replay.ts). */
export interface ReplayPlan {
  scenario?: string;
  /** The seeded account filled into the sign-in page. */
  account: string;
  /** A failure that stays on Amazon's page: what support then reports ("Seller Central zeigt einen Fehler?"). */
  report?: string;
  /** A failure after the sign-in: the step that shows it. */
  afterSignIn?: 'importSettings';
}

/** A platform of this tenant that exists in the cloud but in no profile of this desktop. */
export interface CloudOnlyPlatform {
  id: string;
  name: string;
  countryCode: string;
  region: string;
  status: 'not_authenticated' | 'authenticated';
  createdAt: string;
  sellingPartnerId?: string;
  authorizedAt?: string;
}

export type DeleteOutcome = { id: string; cloud: 'deleted' | 'queued' | 'not_registered' };

/** Marks a request's result type in the map; nothing at runtime. */
const returns = <T>() => undefined as unknown as T;

/**
 * Every request: its payload's schema (parsed by the core before use) and its result type. The names
 * (RequestName, the preload's REQUEST_NAMES), the payload and result types and AppApi are derived from it.
 */
const requests = {
  getAppInfo: { payload: z.undefined(), result: returns<AppInfo>() },
  listPlatforms: { payload: z.undefined(), result: returns<Platform[]>() },
  createPlatform: {
    payload: z.strictObject({ type: z.enum(PLATFORM_TYPES), name: platformNameSchema }),
    result: returns<Platform>(),
  },
  updatePlatform: {
    payload: z.strictObject({
      id,
      patch: z.strictObject({
        name: platformNameSchema.optional(),
        active: z.boolean().optional(),
        useCloud: z.boolean().optional(),
        countryCode: countryCodeSchema.optional(),
        /** The user confirmed that a change to another region ends the platform's sign-in. */
        confirmRegionChange: z.literal(true).optional(),
      }),
    }),
    result: returns<Platform>(),
  },
  /** mode 'cloud' (default) deletes in the cloud first; 'localQueue' deletes locally and queues the cloud deletion. */
  deletePlatform: {
    payload: z.strictObject({ id, mode: z.enum(['cloud', 'localQueue']).optional() }),
    result: returns<DeleteOutcome>(),
  },
  getCloudSettings: { payload: z.undefined(), result: returns<CloudSettingsView>() },
  /** clientSecret omitted = keep the one in the keychain. */
  saveCloudSettings: {
    payload: z.strictObject({
      url: cloudUrlSchema,
      clientId: clientIdSchema,
      clientSecret: clientSecretSchema.optional(),
    }),
    result: returns<CloudSettingsView>(),
  },
  /** TESTEN: with values from the dialog (not yet saved) or, without payload fields, the saved ones. */
  testCloudConnection: {
    payload: z.strictObject({
      url: cloudUrlSchema.optional(),
      clientId: clientIdSchema.optional(),
      clientSecret: clientSecretSchema.optional(),
    }),
    result: returns<{ tenantName: string; tenantId: string }>(),
  },
  signIn: { payload: z.strictObject({ id, mode: z.enum(['login', 'refresh']) }), result: returns<Platform>() },
  cancelSignIn: { payload: z.strictObject({ id }), result: returns<Platform>() },
  /** Opens the consent link of a running sign-in again (e.g. the browser tab was closed). */
  reopenConsent: { payload: z.strictObject({ id }), result: returns<Platform>() },
  /** The answer to a refresh that brought another seller: keep the previous one, or switch. */
  resolveSellerChange: {
    payload: z.strictObject({ id, decision: z.enum(['keep', 'switch']) }),
    result: returns<Platform>(),
  },
  /** A short code for the cloud's Login URI page (Re-Authorize / Appstore when the seller id is not enough). */
  getPairingCode: { payload: z.strictObject({ id }), result: returns<{ code: string; expiresAt: string }>() },
  /** Opens Seller Central's "Manage Your Apps" of the platform's country (Re-Authorize there renews it). */
  openManageYourApps: { payload: z.strictObject({ id }), result: returns<{ url: string }>() },
  importSettings: { payload: z.strictObject({ id }), result: returns<Platform>() },
  /** "Verbindung trennen": the cloud side deleted, the platform kept as Nicht authentifiziert. */
  disconnectPlatform: { payload: z.strictObject({ id }), result: returns<Platform>() },
  /** The merchant has read the notice of the cloud upgrade's rename (cloudRenameNotice): it goes, here and in the cloud. */
  acknowledgeRenameNotice: { payload: z.strictObject({ id }), result: returns<Platform>() },
  selectMarketplaces: {
    payload: z.strictObject({ id, marketplaceIds: z.array(z.string().min(1).max(32)).max(50) }),
    result: returns<Platform>(),
  },
  getTimeline: { payload: z.strictObject({ id }), result: returns<TimelineEntry[]>() },
  getSandboxHint: { payload: z.undefined(), result: returns<SandboxHint | null>() },
  /** "Seller Central zeigt einen Fehler?": what Amazon's page shows; actualRegion as the merchant picked it. */
  reportSellerCentralError: {
    payload: z.strictObject({ id, key: z.enum(SELLER_CENTRAL_ERROR_KEYS), actualRegion: z.enum(REGIONS).optional() }),
    result: returns<Platform>(),
  },
  getSandboxScenarios: { payload: z.undefined(), result: returns<SandboxScenarioView | null>() },
  /** Sandbox mode: a scenario and/or a seeded account for this platform's next ANMELDEN; neither = disarm. */
  armSandboxScenario: {
    payload: z.strictObject({
      id,
      scenario: z
        .string()
        .regex(/^[a-z0-9_]{1,40}$/)
        .optional(),
      account: z
        .string()
        .trim()
        .min(3)
        .max(200)
        .regex(/^[^\s@\p{Cc}]+@[^\s@\p{Cc}]+$/u)
        .optional(),
    }),
    result: returns<Platform>(),
  },
  resetSandboxScenarios: { payload: z.undefined(), result: returns<SandboxScenarioView>() },
  /** The Protokoll for support: header, status and German steps; redacted. */
  exportTimeline: { payload: z.strictObject({ id }), result: returns<TimelineExport>() },
  /** Sandbox mode: a merchant's Protokoll export (the file's text) set up to happen again. */
  importTimeline: {
    payload: z.strictObject({ text: z.string().max(MAX_IMPORT_CHARS, 'IMPORT_TOO_LARGE') }),
    result: returns<{ platform: Platform; plan: ReplayPlan; errorCode?: string }>(),
  },
  /** Cloud-Zugangsdaten: platforms of the tenant that exist in the cloud but not here; adopt or delete them. */
  listCloudOnlyPlatforms: { payload: z.undefined(), result: returns<CloudOnlyPlatform[]>() },
  adoptCloudPlatform: { payload: z.strictObject({ cloudPlatformId: id }), result: returns<Platform>() },
  deleteCloudPlatform: { payload: z.strictObject({ cloudPlatformId: id }), result: returns<{ id: string }>() },
  /** The UI's language, for the core's desktop notifications; remembered across restarts. */
  setLanguage: {
    payload: z.strictObject({ language: z.enum(UI_LANGUAGES) }),
    result: returns<{ language: UiLanguage }>(),
  },
} as const;

type RequestMap = typeof requests;
export type RequestName = keyof RequestMap;
/** The payload schema of each request. */
export type Requests = { [K in RequestName]: RequestMap[K]['payload'] };
export type RequestResults = { [K in RequestName]: RequestMap[K]['result'] };
/** The payload schemas by name (the core parses with these). */
export const requestSchemas = Object.fromEntries(
  Object.entries(requests).map(([name, r]) => [name, r.payload]),
) as Requests;

export interface EventPayloads {
  platformsChanged: Platform[];
  appInfoChanged: AppInfo;
  /** Browser host only: the page shows it as a web notification when it has no focus (Electron notifies natively). */
  notification: { title: string; body: string };
}

export type RequestPayload<K extends keyof Requests> = z.input<Requests[K]>;

/** The typed API the renderer sees as `window.api`, in both hosts. */
export type AppApi = {
  [K in keyof Requests]: (
    ...args: RequestPayload<K> extends undefined ? [] : [payload: RequestPayload<K>]
  ) => Promise<Result<RequestResults[K]>>;
} & {
  on<E extends keyof EventPayloads>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
};

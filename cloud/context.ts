// What every route needs, built once by startCloud (buildContext) before the server exists and frozen:
// no field is assigned after that. What changes while the cloud runs lives in objects made for it —
// the LWA secrets in their ring (a SIGHUP reload replaces them), the caches, the long-poll registry —
// and the public URLs, known only once the server listens on its port, in a write-once PublicUrls.
import type { AmazonEndpoints } from '../shared/amazon-endpoints';
import type { CloudConfig } from './config';
import type { Database } from './db/database';
import type { AuthorizationNotifier } from './authorizations/notifier';
import { createStatusCache, type StatusCache } from './authorizations/status-cache';
import { createAmazonStartedFeed, type AmazonStartedFeed } from './authorizations/amazon-started-feed';
import type { LongPolls } from './authorizations/long-poll';
import { createSecretBox, type SecretBox } from './crypto/secret-box';
import type { LwaOptions } from './amazon/lwa-client';
import { LwaSecretRing, secretsFromConfig } from './amazon/lwa-secrets';
import { createAccessTokenCache, type AccessTokenCache } from './amazon/access-token-cache';
import type { CloudMetrics } from './ops/metrics';
import { createTenantGate, type TenantGate } from './tenants/tenant-gate';
import { createTenantAdmin, type TenantAdmin } from './admin/tenant-admin';
import { loadOrCreateAdminToken } from './ops/admin-credential';
import type { PublicUrls } from './public-urls';

export interface CloudContext {
  readonly db: Database;
  /** The configuration the cloud started with (frozen); a reload changes only the LWA secrets, in `lwa.secrets`. */
  readonly config: CloudConfig;
  readonly endpoints: AmazonEndpoints;
  now(): number;
  readonly notifier: AuthorizationNotifier;
  /** Authorization rows for the status long-poll, dropped on every change the notifier reports. */
  readonly statusCache: StatusCache;
  /** Sign-ins started at the Login URI, per tenant, for the desktop's feed long-poll. */
  readonly amazonStarted: AmazonStartedFeed;
  /** The requests waiting on GET /v1/authorizations/:id?wait=N (released on close). */
  readonly longPolls: LongPolls;
  readonly secretBox: SecretBox;
  readonly signingKey: Uint8Array;
  readonly lwa: Readonly<LwaOptions>;
  readonly amazonTokens: AccessTokenCache;
  /** Aborted on close; releases the waiting long-polls, so they answer at once instead of holding the shutdown. */
  readonly closing: AbortSignal;
  /** Amazon's redirect target: `amazon.redirectUri`, or `<public URL>/oauth/amazon/callback` (known once listening). */
  readonly redirectUri: string;
  /** `<public URL>/oauth/amazon/login`, known once the server listens. */
  readonly loginUri: string;
  readonly metrics: CloudMetrics;
  /** Refuses disabled tenants' bearer tokens. */
  readonly tenantGate: TenantGate;
  readonly tenantAdmin: TenantAdmin;
  /** The operator's credential for /admin and /metrics. */
  readonly adminToken: string;
}

/** Where the context's own messages go; startCloud points it at the server's logger once that exists. */
interface ContextLog {
  info(entry: object, message: string): void;
  warn(entry: object, message: string): void;
}

interface ContextParts {
  db: Database;
  config: CloudConfig;
  endpoints: AmazonEndpoints;
  now(): number;
  notifier: AuthorizationNotifier;
  longPolls: LongPolls;
  metrics: CloudMetrics;
  closing: AbortSignal;
  urls: PublicUrls;
  log: ContextLog;
  /** Where a generated admin credential is kept (PGlite's data directory). */
  dataDir?: string;
}

export function buildContext(parts: ContextParts): CloudContext {
  const { db, config, now, notifier, metrics, urls, log } = parts;
  const tenantGate = createTenantGate(db, notifier, now);
  return Object.freeze({
    db,
    // A copy: the caller's object stays theirs (tests reuse theirs with changes).
    config: deepFreeze(structuredClone(config)),
    endpoints: parts.endpoints,
    now,
    notifier,
    statusCache: createStatusCache(db, notifier),
    amazonStarted: createAmazonStartedFeed(db, notifier),
    longPolls: parts.longPolls,
    secretBox: createSecretBox(config.encryptionKey),
    signingKey: new Uint8Array(Buffer.from(config.signingKey, 'base64')),
    lwa: Object.freeze({
      tokenUrl: parts.endpoints.lwaTokenUrl,
      clientId: config.amazon.lwaClientId,
      secrets: new LwaSecretRing(secretsFromConfig(config), now),
      maxAttempts: config.lwaMaxAttempts,
      retryBaseMs: config.lwaRetryBaseMs,
      timeoutMs: config.httpTimeoutMs,
      observe: metrics.lwaCall,
      onSecretSwitch: (slot) =>
        log.warn(
          { lwaSecret: { active: slot } },
          `LWA refused the other client secret (invalid_client) and accepted the ${slot} one; it is used first from now on.`,
        ),
    } satisfies LwaOptions),
    amazonTokens: createAccessTokenCache(),
    closing: parts.closing,
    get redirectUri() {
      return urls.get().redirectUri;
    },
    get loginUri() {
      return urls.get().loginUri;
    },
    metrics,
    tenantGate,
    tenantAdmin: createTenantAdmin({
      db,
      now,
      via: 'admin-api',
      audit: (entry) => log.info({ admin: entry }, 'admin action'),
      changed: tenantGate.changed,
    }),
    adminToken: config.adminToken ?? loadOrCreateAdminToken(parts.dataDir),
  });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

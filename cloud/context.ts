// What every route needs, built once by startCloud and handed to the route plugins.
import type { AmazonEndpoints } from '../shared/amazon-endpoints';
import type { CloudConfig } from './config';
import type { Database } from './db/database';
import type { AuthorizationNotifier } from './authorizations/notifier';
import type { StatusCache } from './authorizations/status-cache';
import type { AmazonStartedFeed } from './authorizations/amazon-started-feed';
import type { LongPolls } from './authorizations/long-poll';
import type { SecretBox } from './crypto/secret-box';
import type { LwaOptions } from './amazon/lwa-client';
import type { AccessTokenCache } from './amazon/access-token-cache';
import type { CloudMetrics } from './ops/metrics';
import type { TenantGate } from './tenants/tenant-gate';
import type { TenantAdmin } from './admin/tenant-admin';

export interface CloudContext {
  db: Database;
  config: CloudConfig;
  endpoints: AmazonEndpoints;
  now(): number;
  notifier: AuthorizationNotifier;
  /** Authorization rows for the status long-poll, dropped on every change the notifier reports. */
  statusCache: StatusCache;
  /** Sign-ins started at the Login URI, per tenant, for the desktop's feed long-poll. */
  amazonStarted: AmazonStartedFeed;
  /** The requests waiting on GET /v1/authorizations/:id?wait=N (released on close). */
  longPolls: LongPolls;
  secretBox: SecretBox;
  signingKey: Uint8Array;
  lwa: LwaOptions;
  amazonTokens: AccessTokenCache;
  /** Aborted on close; releases the waiting long-polls, so they answer at once instead of holding the shutdown. */
  closing: AbortSignal;
  /** Known once the server listens (the port may be chosen by the OS). */
  redirectUri: string;
  /** `<publicUrl>/oauth/amazon/login`, known once the server listens. */
  loginUri: string;
  metrics: CloudMetrics;
  /** Refuses disabled tenants' bearer tokens. */
  tenantGate: TenantGate;
  tenantAdmin: TenantAdmin;
  /** The operator's credential for /admin and /metrics. */
  adminToken: string;
}

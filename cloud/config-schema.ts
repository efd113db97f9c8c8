// Every key of the cloud's configuration with its default and its rule (cloud/README.md lists them, from
// config-reference.ts); where the values come from, and the checks across keys, is config.ts.
import { isIP } from 'node:net';
import { z } from 'zod';
import { safeText } from '../shared/safe-text';

const base64Key = (minBytes: number, exactBytes?: number) =>
  safeText().refine(
    (s) => {
      const n = Buffer.from(s, 'base64').length;
      return exactBytes ? n === exactBytes : n >= minBytes;
    },
    exactBytes ? `must be ${exactBytes} bytes, base64` : `must be at least ${minBytes} bytes, base64`,
  );

/** `2027-05-01` or a full ISO 8601 date-time. */
const isoDate = safeText()
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'must be an ISO 8601 date, e.g. 2027-05-01')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'must be a valid date');

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** One entry of a trusted proxy list: an address, an address/prefix or /netmask, or a proxy-addr name. */
function isProxyEntry(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true;
  const [address, range, ...rest] = entry.split('/');
  if (rest.length > 0 || !address || isIP(address) === 0) return false;
  if (range === undefined) return true;
  if (/^\d{1,3}$/.test(range)) return Number(range) <= (isIP(address) === 4 ? 32 : 128);
  return isIP(range) === isIP(address);
}

const trustProxySchema = z
  .union([
    z.boolean(),
    z.number(),
    safeText().refine(
      (s) => s.split(',').every((e) => isProxyEntry(e.trim())),
      'must be addresses or CIDR ranges, comma-separated',
    ),
    z.array(safeText().refine(isProxyEntry, 'must be an address or CIDR range')).min(1),
  ])
  .transform((value, ctx) => {
    // Fastify 5 ignores hop counts (trusts no hop): a count cannot check that the peer is the proxy.
    if (typeof value !== 'number') return value;
    ctx.addIssue({
      code: 'custom',
      message:
        'a hop count cannot check the proxy (Fastify trusts no hop for it): name the proxy addresses, e.g. "127.0.0.1" or "loopback"',
    });
    return z.NEVER;
  });

export const cloudConfigSchema = z.object({
  /** Public base URL of the cloud (scheme://host[:port]); defaults to the address it listens on. */
  publicUrl: z.url().optional(),
  amazon: z.object({
    /** 'production' talks to Amazon's real hosts; 'sandbox' to the project's sandbox at sandboxOrigin. */
    mode: z.enum(['production', 'sandbox']),
    sandboxOrigin: z.url().optional(),
    /** Seller Central application id, `amzn1.sp.solution.<uuid>` (older apps: `amzn1.sellerapps.app.<uuid>`). */
    applicationId: safeText().min(1),
    /** A Draft app needs `version=beta` on the consent URL (else MD1000). */
    draftApp: z.boolean().default(false),
    lwaClientId: safeText().min(1),
    /** The LWA client secret in use. Amazon makes it expire 180 days after it was issued (docs/amazon.md §3). */
    lwaClientSecret: safeText().min(1),
    /** When Amazon stops accepting lwaClientSecret (ISO 8601 date or date-time); drives the expiry warning. */
    lwaClientSecretExpiresAt: isoDate.optional(),
    /**
     * The rotated secret, configured before the current one expires. On `invalid_client` the cloud tries
     * the other secret and keeps using the one LWA accepts; reloaded on SIGHUP without a restart.
     */
    lwaNextClientSecret: safeText().min(1).optional(),
    lwaNextClientSecretExpiresAt: isoDate.optional(),
    /** Must be registered with the app; defaults to `<publicUrl>/oauth/amazon/callback`. */
    redirectUri: z.url().optional(),
  }),
  /**
   * A JSON file {signingKey, encryptionKey} (mode 0600) that supplies the keys not given directly.
   * Keep it outside the data directory: whoever copies both can decrypt every refresh token.
   */
  keysFile: safeText().optional(),
  /** HS256 key for state and access tokens, base64, ≥ 32 bytes. */
  signingKey: base64Key(32),
  /** AES-256-GCM key for refresh tokens at rest, base64, exactly 32 bytes. */
  encryptionKey: base64Key(32, 32),
  /**
   * How long a sign-in may take, from the consent URL to Amazon's redirect: the state and the
   * authorization live this long. 30 minutes cover a password reset, a late SMS code and reading the
   * consent page (docs/amazon.md §1.9); the spapi_oauth_code's own 5 minutes start only at the redirect.
   */
  authorizationTtlSeconds: z.number().int().min(30).max(3600).default(1800),
  accessTokenTtlSeconds: z.number().int().min(60).max(86_400).default(900),
  /** /v1 requests per minute per tenant (per client address before authentication). */
  rateLimitPerMinute: z.number().int().min(1).default(600),
  /** Wrong secrets per minute for one Client-ID before POST /oauth/token answers them with 429. */
  tokenFailuresPerClientPerMinute: z.number().int().min(1).default(20),
  /** Wrong secrets per minute from one client address, counted separately from the Client-ID's. */
  tokenFailuresPerAddressPerMinute: z.number().int().min(1).default(100),
  /**
   * Which X-Forwarded-For hops to believe, as Fastify's trustProxy: false (default: the socket's peer
   * is the client), true (any hop: only when nothing but the proxy can reach the cloud), or the proxy
   * addresses/CIDRs (comma list or array; the safe choice behind a proxy). The client address keys the
   * rate limits and the logs.
   */
  trustProxy: trustProxySchema.default(false),
  /** Attempts at LWA on 5xx or timeout, with exponential backoff and jitter from lwaRetryBaseMs. */
  lwaMaxAttempts: z.number().int().min(1).max(10).default(4),
  lwaRetryBaseMs: z.number().int().min(0).default(250),
  /** Timeout of one call to LWA or SP-API. */
  httpTimeoutMs: z.number().int().min(100).default(10_000),
  /**
   * A PostgreSQL server (postgres://…) instead of PGlite: for several instances, which then wake each
   * other's long-polls through LISTEN/NOTIFY. Omitted = PGlite in the data directory.
   */
  databaseUrl: safeText()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  /**
   * The admin credential (≥ 32 characters) for /admin and /metrics. Omitted = generated on first start
   * into <dataDir>/admin-token (mode 0600); set it when several instances must accept one credential.
   */
  adminToken: safeText().min(32).optional(),
  /** /healthz, /readyz, /metrics and /admin answer clients outside loopback too (default: loopback only). */
  opsAllowRemote: z.boolean().default(false),
  /** /metrics without the admin credential (for a Prometheus on this host). */
  metricsWithoutToken: z.boolean().default(false),
  /** /readyz reports not ready when the LWA client secret expires within this many days. */
  readyzLwaSecretMinDays: z.number().int().min(0).default(7),
  /** Lowest level logged (pino's names); every line is JSON (cloud/README.md, "Logs"). */
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** PostgreSQL pool size of one instance (plus 2 connections for LISTEN/NOTIFY). */
  dbPoolSize: z.number().int().min(1).max(100).default(10),
  /** application_name of the instance's PostgreSQL connections (pg_stat_activity, server logs). */
  dbApplicationName: safeText().min(1).max(63).default('amazon-cloud'),
  /** Retention (ops/retention.ts): authorizations older than this many days are deleted. */
  retentionAuthorizationsDays: z.number().int().min(1).default(90),
  /** Idempotency-Keys of POST /v1/platforms older than this many days are deleted. */
  retentionIdempotencyKeysDays: z.number().int().min(1).default(7),
  /** Deleted platforms (tombstones, with their sign-ins and Amazon calls) are removed after this many days. */
  retentionDeletedPlatformsDays: z.number().int().min(1).default(30),
  /** How often each instance runs the retention job. */
  retentionIntervalMinutes: z.number().int().min(1).max(1440).default(60),
  /** Embedded default: create a development tenant once and write its credentials here (mode 0600). */
  devTenantFile: safeText().optional(),
  /** Embedded default: add the callback URL to the sandbox app's redirect URIs at start. */
  registerRedirectUriWithSandbox: z.boolean().default(false),
});

export type CloudConfig = z.infer<typeof cloudConfigSchema>;
export type CloudConfigInput = z.input<typeof cloudConfigSchema>;

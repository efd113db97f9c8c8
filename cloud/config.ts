// The cloud's configuration: defaults < JSON file < environment. Secrets (LWA client secret, signing and
// encryption keys) come only from here and are never logged.
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { z } from 'zod';
import { safeText } from '../shared/safe-text';
import { productionEndpoints, sandboxEndpoints, type AmazonEndpoints } from '../shared/amazon-endpoints';

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

/** Environment variables and the config key each one sets. */
export const ENV_KEYS: Record<string, string> = {
  CLOUD_PUBLIC_URL: 'publicUrl',
  CLOUD_AMAZON_MODE: 'amazon.mode',
  CLOUD_SANDBOX_ORIGIN: 'amazon.sandboxOrigin',
  CLOUD_AMAZON_APPLICATION_ID: 'amazon.applicationId',
  CLOUD_AMAZON_DRAFT_APP: 'amazon.draftApp',
  CLOUD_LWA_CLIENT_ID: 'amazon.lwaClientId',
  CLOUD_LWA_CLIENT_SECRET: 'amazon.lwaClientSecret',
  CLOUD_LWA_CLIENT_SECRET_EXPIRES_AT: 'amazon.lwaClientSecretExpiresAt',
  CLOUD_LWA_NEXT_CLIENT_SECRET: 'amazon.lwaNextClientSecret',
  CLOUD_LWA_NEXT_CLIENT_SECRET_EXPIRES_AT: 'amazon.lwaNextClientSecretExpiresAt',
  CLOUD_REDIRECT_URI: 'amazon.redirectUri',
  CLOUD_KEYS_FILE: 'keysFile',
  CLOUD_SIGNING_KEY: 'signingKey',
  CLOUD_ENCRYPTION_KEY: 'encryptionKey',
  CLOUD_AUTHORIZATION_TTL_SECONDS: 'authorizationTtlSeconds',
  CLOUD_ACCESS_TOKEN_TTL_SECONDS: 'accessTokenTtlSeconds',
  CLOUD_RATE_LIMIT_PER_MINUTE: 'rateLimitPerMinute',
  CLOUD_TOKEN_FAILURES_PER_CLIENT_PER_MINUTE: 'tokenFailuresPerClientPerMinute',
  CLOUD_TOKEN_FAILURES_PER_ADDRESS_PER_MINUTE: 'tokenFailuresPerAddressPerMinute',
  CLOUD_TRUST_PROXY: 'trustProxy',
  CLOUD_LWA_MAX_ATTEMPTS: 'lwaMaxAttempts',
  CLOUD_LWA_RETRY_BASE_MS: 'lwaRetryBaseMs',
  CLOUD_HTTP_TIMEOUT_MS: 'httpTimeoutMs',
  CLOUD_DATABASE_URL: 'databaseUrl',
  CLOUD_ADMIN_TOKEN: 'adminToken',
  CLOUD_OPS_ALLOW_REMOTE: 'opsAllowRemote',
  CLOUD_METRICS_WITHOUT_TOKEN: 'metricsWithoutToken',
  CLOUD_READYZ_LWA_SECRET_MIN_DAYS: 'readyzLwaSecretMinDays',
  CLOUD_LOG_LEVEL: 'logLevel',
  CLOUD_RETENTION_AUTHORIZATIONS_DAYS: 'retentionAuthorizationsDays',
  CLOUD_RETENTION_IDEMPOTENCY_KEYS_DAYS: 'retentionIdempotencyKeysDays',
  CLOUD_RETENTION_DELETED_PLATFORMS_DAYS: 'retentionDeletedPlatformsDays',
  CLOUD_RETENTION_INTERVAL_MINUTES: 'retentionIntervalMinutes',
  CLOUD_DB_POOL_SIZE: 'dbPoolSize',
  CLOUD_DB_APPLICATION_NAME: 'dbApplicationName',
};

function coerce(value: string): unknown {
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}

/** Reads the optional JSON file, then the environment on top; throws a readable error when invalid. */
export function loadConfig(
  opts: { file?: string; env?: NodeJS.ProcessEnv; base?: Partial<CloudConfigInput> } = {},
): CloudConfig {
  const raw: Record<string, unknown> = structuredClone((opts.base ?? {}) as Record<string, unknown>);
  if (opts.file) {
    const fromFile = readJsonFile(opts.file);
    for (const [key, value] of Object.entries(fromFile)) {
      if (key === 'amazon' && typeof value === 'object') raw.amazon = { ...(raw.amazon as object), ...value };
      else raw[key] = value;
    }
  }
  const env = opts.env ?? process.env;
  for (const [name, path] of Object.entries(ENV_KEYS)) {
    const value = env[name];
    if (value !== undefined && value !== '') setPath(raw, path, coerce(value));
  }
  if (typeof raw.keysFile === 'string' && (raw.signingKey === undefined || raw.encryptionKey === undefined)) {
    const keys = readKeysFile(raw.keysFile);
    raw.signingKey ??= keys.signingKey;
    raw.encryptionKey ??= keys.encryptionKey;
  }
  return parseConfig(raw);
}

/** Node's JSON.parse errors quote the text around the fault, which may be a secret: name the file only. */
function readJsonFile(file: string): Record<string, unknown> {
  const text = readFileSync(file, 'utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`Invalid cloud configuration: ${file} is not valid JSON`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error(`Invalid cloud configuration: ${file} must hold a JSON object`);
  return parsed as Record<string, unknown>;
}

/** Every leaf as `path → JSON text`, to compare two configurations by key (values are not shown). */
export function configLeaves(config: CloudConfig): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (node: unknown, prefix: string) => {
    if (typeof node === 'object' && node !== null && !Array.isArray(node)) {
      for (const [k, v] of Object.entries(node)) walk(v, prefix ? `${prefix}.${k}` : k);
    } else if (node !== undefined) out[prefix] = JSON.stringify(node);
  };
  walk(config, '');
  return out;
}

/** The keys file's content; a readable error (path only) when it is missing or not JSON. */
export function readKeysFile(file: string): { signingKey?: unknown; encryptionKey?: unknown } {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as { signingKey?: unknown; encryptionKey?: unknown };
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code ?? 'not JSON';
    throw new Error(`Invalid cloud configuration:\n  keysFile: cannot read ${file} (${why})`);
  }
}

export function parseConfig(raw: unknown): CloudConfig {
  const parsed = cloudConfigSchema.safeParse(raw);
  if (!parsed.success) {
    // Only paths and messages: the issue text never echoes a secret value.
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid cloud configuration:\n${lines.join('\n')}`);
  }
  if (parsed.data.amazon.mode === 'sandbox' && !parsed.data.amazon.sandboxOrigin) {
    throw new Error('Invalid cloud configuration:\n  amazon.sandboxOrigin: required in sandbox mode');
  }
  if (parsed.data.amazon.mode === 'production') assertProductionUrls(parsed.data);
  return parsed.data;
}

/**
 * Amazon accepts only https redirect and Login URIs, registered with the app (docs/amazon.md §1.1, §1.6).
 * Without a public https URL every merchant would see MD5101, so production mode refuses to start.
 */
function assertProductionUrls(config: CloudConfig): void {
  const problems: string[] = [];
  const publicUrl = config.publicUrl ? new URL(config.publicUrl) : undefined;
  if (!publicUrl) {
    problems.push(
      'publicUrl (env CLOUD_PUBLIC_URL): required in production mode: the https address where Amazon reaches this cloud, e.g. https://cloud.example.com',
    );
  } else if (publicUrl.protocol !== 'https:') {
    problems.push(
      'publicUrl (env CLOUD_PUBLIC_URL): must be an https:// URL in production mode (Amazon accepts only https redirect and Login URIs)',
    );
  } else if (publicUrl.username || publicUrl.password || publicUrl.search || publicUrl.hash) {
    problems.push('publicUrl (env CLOUD_PUBLIC_URL): must not contain credentials, a query or a fragment');
  }
  const redirect = config.amazon.redirectUri ? new URL(config.amazon.redirectUri) : undefined;
  if (redirect && (redirect.protocol !== 'https:' || redirect.hash)) {
    problems.push(
      'amazon.redirectUri (env CLOUD_REDIRECT_URI): must be an https:// URL without a fragment in production mode',
    );
  }
  if (problems.length > 0) throw new Error(`Invalid cloud configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
}

/** The public base URL without a trailing slash (the listening address when none is configured). */
export function publicBase(config: CloudConfig, listening: string): string {
  return (config.publicUrl ?? listening).replace(/\/+$/, '');
}

export function endpointsFor(config: CloudConfig): AmazonEndpoints {
  return config.amazon.mode === 'production' ? productionEndpoints() : sandboxEndpoints(config.amazon.sandboxOrigin!);
}

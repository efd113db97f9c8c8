// The cloud's configuration: defaults < JSON file < environment. Secrets (LWA client secret, signing and
// encryption keys) come only from here and are never logged. The keys and their rules: config-schema.ts.
import { readFileSync } from 'node:fs';
import { cloudConfigSchema, type CloudConfig, type CloudConfigInput } from './config-schema';

export { cloudConfigSchema, type CloudConfig, type CloudConfigInput } from './config-schema';
import { productionEndpoints, sandboxEndpoints, type AmazonEndpoints } from '../shared/amazon-endpoints';

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

// startCloud: opens the database, builds the context and the server, listens, and (embedded default)
// registers the callback URL with the sandbox and creates the development tenant once.
import type { CloudConfig } from './config';
import { endpointsFor } from './config';
import { openDatabase } from './db/database';
import { isInside } from './db/data-dir';
import { createLocalNotifier, type AuthorizationNotifier } from './authorizations/notifier';
import { createPgNotifier } from './authorizations/pg-notifier';
import { openPostgres } from './db/postgres';
import { createStatusCache } from './authorizations/status-cache';
import { createSecretBox } from './crypto/secret-box';
import { createAccessTokenCache } from './amazon/access-token-cache';
import { buildServer, type CloudLogger, type RouteEntry } from './http/server';
import { createTenant, type NewTenantCredentials } from './tenants';
import { ensureDevTenant } from './dev-tenant';
import { registerRedirectUriWithSandbox } from './sandbox-registration';
import type { CloudContext } from './context';
import { AMAZON_CALLBACK_PATH } from '../shared/cloud-api';

export interface StartCloudOptions {
  /** 0 = a free port. Default 4200. */
  port?: number;
  host?: string;
  /** PGlite data directory; omitted = in memory. */
  dataDir?: string;
  config: CloudConfig;
  now?: () => number;
  logger?: CloudLogger;
}

export interface RunningCloud {
  url: string;
  close(): Promise<void>;
  createTenant(name: string): Promise<NewTenantCredentials>;
  /** Every route the server registered (method and URL pattern). */
  routes: readonly RouteEntry[];
}

export async function startCloud(opts: StartCloudOptions): Promise<RunningCloud> {
  const { config } = opts;
  const now = opts.now ?? Date.now;
  // PGlite in the data directory, or a PostgreSQL server shared with other instances.
  const db = config.databaseUrl ? await openPostgres(config.databaseUrl) : await openDatabase(opts.dataDir);
  const endpoints = endpointsFor(config);
  const closing = new AbortController();
  let notifier: AuthorizationNotifier & { close?(): Promise<void> };
  try {
    notifier = config.databaseUrl ? await createPgNotifier(config.databaseUrl) : createLocalNotifier();
  } catch (err) {
    await db.close();
    throw err;
  }
  const ctx: CloudContext = {
    db,
    config,
    endpoints,
    now,
    notifier,
    statusCache: createStatusCache(db, notifier),
    secretBox: createSecretBox(config.encryptionKey),
    signingKey: new Uint8Array(Buffer.from(config.signingKey, 'base64')),
    amazonTokens: createAccessTokenCache(),
    lwa: {
      tokenUrl: endpoints.lwaTokenUrl,
      clientId: config.amazon.lwaClientId,
      clientSecret: config.amazon.lwaClientSecret,
      maxAttempts: config.lwaMaxAttempts,
      retryBaseMs: config.lwaRetryBaseMs,
      timeoutMs: config.httpTimeoutMs,
    },
    redirectUri: config.amazon.redirectUri ?? '',
    closing: closing.signal,
  };
  let app;
  const routes: RouteEntry[] = [];
  try {
    app = await buildServer(ctx, opts.logger ?? false, routes);
    if (opts.dataDir && !config.databaseUrl && config.keysFile && isInside(config.keysFile, opts.dataDir)) {
      // The path only, never a key.
      app.log.warn(
        { keysFile: config.keysFile },
        'the key file lies in the data directory: whoever copies the directory can decrypt every refresh token; keep the keys elsewhere (CLOUD_KEYS_FILE) or in the environment (CLOUD_SIGNING_KEY, CLOUD_ENCRYPTION_KEY)',
      );
    }
    const host = opts.host ?? '127.0.0.1';
    await app.listen({ port: opts.port ?? 4200, host });
  } catch (err) {
    await notifier.close?.();
    await db.close();
    throw err;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  const listenHost = opts.host && opts.host !== '0.0.0.0' && opts.host !== '::' ? opts.host : '127.0.0.1';
  const url = (config.publicUrl ?? `http://${listenHost.includes(':') ? `[${listenHost}]` : listenHost}:${port}`).replace(/\/+$/, '');
  ctx.redirectUri ||= `${url}${AMAZON_CALLBACK_PATH}`;

  if (config.registerRedirectUriWithSandbox && endpoints.sandboxOrigin) {
    await registerRedirectUriWithSandbox(endpoints.sandboxOrigin, config.amazon.applicationId, ctx.redirectUri);
  }
  if (config.devTenantFile) await ensureDevTenant(db, config.devTenantFile, url, new Date(now()));

  return {
    url,
    routes,
    createTenant: (name) => createTenant(db, name, new Date(now())),
    async close() {
      closing.abort();
      await app.close();
      await notifier.close?.();
      await db.close();
    },
  };
}

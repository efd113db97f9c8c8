// startCloud: opens the database, builds the context and the server, listens, and (embedded default)
// registers the callback URL with the sandbox and creates the development tenant once.
import { setMaxListeners } from 'node:events';
import type { CloudConfig } from './config';
import { endpointsFor, publicBase } from './config';
import { openDatabase, type Queryable } from './db/database';
import { isInside } from './db/data-dir';
import { createLocalNotifier, type AuthorizationNotifier } from './authorizations/notifier';
import { createPgNotifier, type Backoff, type PgNotifierOptions } from './authorizations/pg-notifier';
import { openPostgres } from './db/postgres';
import { createLongPolls } from './authorizations/long-poll';
import { startExchangeRecovery } from './authorizations/exchange-recovery';
import { createConfigReloader, type ConfigReloadOutcome } from './config-reload';
import { buildServer, type RouteEntry } from './http/server';
import type { CloudLogger } from './http/logger-options';
import { createTenant, type NewTenantCredentials } from './tenants/tenant-service';
import { ensureDevTenant } from './tenants/dev-tenant';
import { registerLoginUriWithSandbox, registerRedirectUriWithSandbox } from './sandbox-registration';
import { buildContext } from './context';
import { createPublicUrls } from './public-urls';
import { createMetrics, type CloudMetrics } from './ops/metrics';
import { lwaSecretStatus } from './amazon/lwa-secret-status';
import { startRetention } from './ops/retention';
import { logLine } from './ops/log-line';
import { redactConnectionStrings } from './ops/redact';

/**
 * Connections the kernel queues for the cloud before it accepts them (Node's default: 511). nginx opens
 * a new connection to an instance for every request (no upstream keepalive), so thousands of desktops
 * asking again at once arrive as a burst of connects; with a full queue the kernel drops them, their
 * retransmission comes after 1 and 3 s, and nginx's 2 s proxy_connect_timeout answers 504 (20,000
 * desktops through nginx: 547 of them). Capped by net.core.somaxconn (4,096 since Linux 5.4).
 */
export const LISTEN_BACKLOG = 4096;

export interface StartCloudOptions {
  /** 0 = a free port. Default 4200. */
  port?: number;
  host?: string;
  /** PGlite data directory; omitted = in memory. */
  dataDir?: string;
  config: CloudConfig;
  /** Reads the configuration again (file and environment) for reload(); omitted = reload keeps `config`. */
  reloadConfig?: () => CloudConfig;
  now?: () => number;
  logger?: CloudLogger;
  /** Reconnect delays of the PostgreSQL notifier's LISTEN connection (default DEFAULT_BACKOFF). */
  notifierBackoff?: Backoff;
}

export interface RunningCloud {
  /** The public base URL (publicUrl, or the listening address). */
  url: string;
  /** To paste into the app registration: Amazon redirects here after consent. */
  redirectUri: string;
  /** To paste into the app registration: Re-Authorize and the Appstore's Authorize now land here. */
  loginUri: string;
  /** Where this instance listens (differs from url behind a proxy). */
  listenUrl: string;
  /** The credential for /admin and /metrics. */
  adminToken: string;
  /**
   * Graceful stop: no new connections, waiting long-polls answered at once with their current state
   * (the desktop simply asks again, elsewhere), requests in flight (Amazon's callbacks) finished.
   */
  close(): Promise<void>;
  createTenant(name: string): Promise<NewTenantCredentials>;
  /** The open database, for tests that check what is stored (sealed tokens, keys). */
  db: Queryable;
  /**
   * What the CLI runs on SIGHUP: reads the configuration again and applies the LWA client secrets and
   * their expiry dates without dropping a connection. Other changed keys are named in `needsRestart`.
   * An invalid configuration is refused and the running one kept.
   */
  reload(): Promise<ConfigReloadOutcome>;
  /** Every route the server registered (method and URL pattern). */
  routes: readonly RouteEntry[];
}

export async function startCloud(opts: StartCloudOptions): Promise<RunningCloud> {
  const { config } = opts;
  const now = opts.now ?? Date.now;
  // PGlite in the data directory, or a PostgreSQL server shared with other instances.
  // What the migrations report (e.g. a renamed platform) goes to the log once it exists.
  const notices: string[] = [];
  const notice = (line: string) => void notices.push(line);
  const db = config.databaseUrl
    ? await openPostgres(config.databaseUrl, {
        max: config.dbPoolSize,
        applicationName: config.dbApplicationName,
        notice,
      })
    : await openDatabase(opts.dataDir, { notice });
  const metrics = createMetrics();
  if ('pool' in db)
    metrics.setPoolSource(() => ({
      total: db.pool.totalCount,
      idle: db.pool.idleCount,
      waiting: db.pool.waitingCount,
      max: db.pool.options.max ?? 10,
    }));
  else metrics.setPoolSource(() => ({ total: 1, idle: 1, waiting: 0, max: 1 }));
  const endpoints = endpointsFor(config);
  const closing = new AbortController();
  // Every held long-poll (authorization status, the feed of Amazon-started sign-ins) listens for shutdown.
  setMaxListeners(0, closing.signal);
  let notifier: AuthorizationNotifier & { close?(): Promise<void> };
  // Until the server's logger exists (the notifier starts first), problems go out as the same JSON lines.
  let logWarn: (entry: object, message: string) => void = (entry, message) => logLine('warn', message, { ...entry });
  try {
    notifier = config.databaseUrl
      ? await createPgNotifier(config.databaseUrl, {
          ...notifierEvents(metrics, (entry, message) => logWarn(entry, message)),
          backoff: opts.notifierBackoff,
        })
      : createLocalNotifier();
  } catch (err) {
    await db.close();
    throw err;
  }
  const longPolls = createLongPolls(notifier);
  closing.signal.addEventListener('abort', () => longPolls.releaseAll(), { once: true });
  let logInfo: (entry: object, message: string) => void = () => undefined;
  const urls = createPublicUrls(config.amazon.redirectUri);
  const ctx = buildContext({
    db,
    config,
    endpoints,
    now,
    notifier,
    longPolls,
    metrics,
    closing: closing.signal,
    urls,
    dataDir: opts.dataDir,
    log: { info: (entry, message) => logInfo(entry, message), warn: (entry, message) => logWarn(entry, message) },
  });
  // Read at scrape time from the running secrets (SIGHUP may change them).
  metrics.setLwaSecretSource(
    () => lwaSecretStatus(ctx.lwa.secrets.describe(), now(), ctx.lwa.secrets.active()).secrets,
  );
  metrics.setLongPollSource(() => longPolls.waiting);
  metrics.setNotifierSource(() => notifier.listening);
  let app;
  const routes: RouteEntry[] = [];
  try {
    app = await buildServer(ctx, opts.logger ?? false, routes);
    const log = app.log;
    logInfo = (entry, message) => log.info(entry, message);
    for (const line of notices) log.warn({ migration: true }, line);
    logWarn = (entry, message) => log.warn(entry, message);
    if (opts.dataDir && !config.databaseUrl && config.keysFile && isInside(config.keysFile, opts.dataDir)) {
      // The path only, never a key.
      app.log.warn(
        { keysFile: config.keysFile },
        'the key file lies in the data directory: whoever copies the directory can decrypt every refresh token; keep the keys elsewhere (CLOUD_KEYS_FILE) or in the environment (CLOUD_SIGNING_KEY, CLOUD_ENCRYPTION_KEY)',
      );
    }
    const host = opts.host ?? '127.0.0.1';
    await app.listen({ port: opts.port ?? 4200, host, backlog: LISTEN_BACKLOG });
  } catch (err) {
    await notifier.close?.();
    await db.close();
    throw err;
  }
  const reloader = createConfigReloader(ctx, app.log, opts.reloadConfig ?? (() => config));
  const retention = startRetention(db, () => ctx.config, now, app.log);
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  const listenHost = opts.host && opts.host !== '0.0.0.0' && opts.host !== '::' ? opts.host : '127.0.0.1';
  const url = publicBase(config, `http://${listenHost.includes(':') ? `[${listenHost}]` : listenHost}:${port}`);
  urls.resolve(url);
  // Admin commands on this data directory find the running cloud here (the listening address, which
  // is loopback-reachable, not the public URL).
  const listenUrl = `http://${listenHost.includes(':') ? `[${listenHost}]` : listenHost}:${port}`;
  if ('lock' in db && db.lock) db.lock.announce(listenUrl);

  if (config.registerRedirectUriWithSandbox && endpoints.sandboxOrigin) {
    // Best effort, but not silent: without the redirect URI Seller Central answers MD5101.
    if (
      !(await registerRedirectUriWithSandbox(endpoints.sandboxOrigin, config.amazon.applicationId, ctx.redirectUri))
    ) {
      app.log.warn(
        { sandboxOrigin: endpoints.sandboxOrigin },
        'could not register the callback URL with the sandbox app; Seller Central will answer MD5101',
      );
    }
    if (!(await registerLoginUriWithSandbox(endpoints.sandboxOrigin, config.amazon.applicationId, ctx.loginUri))) {
      app.log.warn({ sandboxOrigin: endpoints.sandboxOrigin }, 'could not register the Login URI with the sandbox app');
    }
  }
  if (config.devTenantFile) await ensureDevTenant(db, config.devTenantFile, url, new Date(now()));
  // Exchanges a killed instance left half done end at once (a PGlite cloud is alone on its data directory).
  const log = app.log;
  const recovery = startExchangeRecovery(ctx, !config.databaseUrl, (entry) =>
    log.info({ exchangeRecovered: entry }, 'interrupted code exchange ended'),
  );

  let stopped: Promise<void> | undefined;
  return {
    url,
    listenUrl,
    adminToken: ctx.adminToken,
    db,
    redirectUri: ctx.redirectUri,
    loginUri: ctx.loginUri,
    routes,
    createTenant: (name) => createTenant(db, name, new Date(now())),
    reload: () => reloader.reload(),
    // Once: a second SIGTERM or close() waits for the same stop.
    close: () =>
      (stopped ??= (async () => {
        reloader.stop();
        retention.stop();
        closing.abort();
        await app.close();
        await recovery.stop();
        await notifier.close?.();
        await db.close();
      })()),
  };
}

/** The notifier's losses and reconnects: logged (never the connection string) and counted. */
function notifierEvents(metrics: CloudMetrics, warn: (entry: object, message: string) => void): PgNotifierOptions {
  return {
    onError: (error) =>
      warn({ notifier: { error: redactConnectionStrings(error.message) } }, 'PostgreSQL notifier: connection problem'),
    onListeningChange: (listening) => {
      if (listening)
        warn(
          { notifier: { listening } },
          'PostgreSQL notifier: LISTEN connection back; waiting long-polls and caches read again',
        );
      else {
        metrics.notifierLost();
        warn(
          { notifier: { listening } },
          'PostgreSQL notifier: LISTEN connection lost; changes made on other instances are not seen until it is back (reconnecting)',
        );
      }
    },
  };
}

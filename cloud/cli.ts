// npm run cloud -- [--port N] [--host H] [--data-dir DIR] [--config FILE] [--env-file FILE] [--sandbox URL | --production]
// npm run cloud -- tenant create|list|rotate-secret|disable|enable|rename|delete … [--config FILE] [--env-file FILE] [--data-dir DIR] [--url URL]
//
// --env-file reads the systemd unit's EnvironmentFile (admin/env-file.ts) before anything else, so the
// admin commands reach the deployment the instances serve (its databaseUrl, its admin credential).
//
// Without --production the cloud runs as the embedded default against the sandbox (default origin
// http://127.0.0.1:4100), generating its keys and a development tenant in the data directory.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, type CloudConfig } from './config';
import { embeddedDefaultConfig } from './embedded-config';
import { startCloud } from './start-cloud';
import { runTenantCommand, TENANT_USAGE } from './admin/admin-cli';
import { loadEnvFile } from './admin/env-file';
import { logLine, setLogLevel } from './ops/log-line';
import { exitWithUsage, parsePort, readCommandLine, UsageError } from '../shared/cli-args';
import { environmentSecretWarning } from './ops/secret-source';

const DEFAULT_SANDBOX = 'http://127.0.0.1:4100';
const DEFAULT_DATA_DIR = join(process.cwd(), '.tmp', 'cloud');
/** LWA calls time out after httpTimeoutMs and are retried a few times: 60 s covers a callback in flight. */
const SHUTDOWN_LIMIT_MS = 60_000;

const USAGE = `usage: npm run cloud -- [--port 4200] [--host 127.0.0.1] [--data-dir DIR] [--config FILE] [--env-file FILE] [--sandbox URL | --production]\n${TENANT_USAGE}`;

// A wrong word (an unknown option, a bad --port or CLOUD_PORT) ends here with the usage and exit code 2.
const { values, positionals, port, dataDir, dataDirGiven } = readCommandLine(
  {
    usage: USAGE,
    positionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      config: { type: 'string' },
      'env-file': { type: 'string' },
      url: { type: 'string' },
      sandbox: { type: 'string' },
      production: { type: 'boolean', default: false },
    },
  },
  (line) => {
    // First: the environment file may set every CLOUD_* variable read below.
    if (line.values['env-file']) {
      try {
        loadEnvFile(line.values['env-file']);
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
    }
    line.values.host ??= process.env.CLOUD_HOST ?? '127.0.0.1';
    line.values.config ??= process.env.CLOUD_CONFIG;
    return {
      ...line,
      /** Given by the operator (flag or CLOUD_DATA_DIR), not the development default. */
      dataDirGiven: line.values['data-dir'] !== undefined || process.env.CLOUD_DATA_DIR !== undefined,
      dataDir: line.values['data-dir'] ?? process.env.CLOUD_DATA_DIR ?? DEFAULT_DATA_DIR,
      // Only serving listens; a tenant command does not care about CLOUD_PORT.
      port:
        line.positionals.length > 0
          ? 0
          : line.values.port !== undefined
            ? parsePort(line.values.port)
            : parsePort(process.env.CLOUD_PORT ?? '4200', 'CLOUD_PORT'),
    };
  },
);

/** amazon.mode=production from the file or the environment counts like --production (no embedded extras). */
function wantsProduction(): boolean {
  if (values.production || process.env.CLOUD_AMAZON_MODE === 'production') return true;
  if (!values.config) return false;
  try {
    return (
      (JSON.parse(readFileSync(values.config, 'utf8')) as { amazon?: { mode?: unknown } }).amazon?.mode === 'production'
    );
  } catch {
    return false; // loadConfig reports the unreadable file
  }
}

/** The embedded default, read once from the running sandbox (its app credentials come over HTTP). */
let embedded: CloudConfig | undefined;

function config(): CloudConfig {
  if (wantsProduction()) {
    return loadConfig({ file: values.config, base: { amazon: { mode: 'production' } as CloudConfig['amazon'] } });
  }
  if (!embedded) throw new Error('internal: the embedded default was not read from the sandbox');
  // File and environment still apply on top of the embedded default.
  return loadConfig({ file: values.config, base: embedded });
}

/**
 * SIGHUP before the cloud listens (a `systemctl reload` racing the start, a config management run) must
 * not kill it with Node's default action (exit 129): it is remembered and the reload runs once started.
 */
let reloadDuringStart = false;
const rememberReload = () => void (reloadDuringStart = true);
process.on('SIGHUP', rememberReload);

async function main(): Promise<void> {
  // Whatever this process creates (data, key and tenant files) is its user's alone.
  process.umask(0o077);
  if (positionals[0] === 'tenant') {
    // A new Client-Secret is printed once: only its hash is stored.
    const output = await runTenantCommand({
      args: positionals.slice(1),
      dataDir,
      dataDirGiven,
      ...(values.config ? { configFile: values.config } : {}),
      ...(values.url ? { url: values.url } : {}),
      audit: (line) => console.error(line),
    });
    console.log(output);
    return;
  }
  if (positionals.length > 0) exitWithUsage(USAGE, `unknown command: ${positionals.join(' ')}`);
  if (!wantsProduction())
    embedded = await embeddedDefaultConfig(
      dataDir,
      values.sandbox ?? process.env.CLOUD_SANDBOX_ORIGIN ?? DEFAULT_SANDBOX,
      { env: process.env },
    );
  const cfg = config();
  setLogLevel(cfg.logLevel);
  // Before the URIs: a start stopped on the Login URI line (a test, a script) still sees it.
  const fromEnvironment = wantsProduction() ? environmentSecretWarning(process.env) : undefined;
  if (fromEnvironment) logLine('warn', `warning: ${fromEnvironment}`);
  const cloud = await startCloud({
    port,
    host: values.host,
    dataDir,
    config: cfg,
    reloadConfig: () => config(),
    logger: true,
  });
  // Every line is JSON like the request log (ops/log-line.ts).
  logLine('info', `cloud listening on ${cloud.listenUrl} (public URL ${cloud.url}, data: ${dataDir})`);
  // Ready to paste into the app registration (Developer Central / Solution Provider Portal).
  logLine('info', `Amazon mode: ${cfg.amazon.mode}${cfg.amazon.draftApp ? ' (Draft app: version=beta)' : ''}`);
  logLine('info', `OAuth redirect URI: ${cloud.redirectUri}`, { redirectUri: cloud.redirectUri });
  logLine('info', `OAuth Login URI:    ${cloud.loginUri}`, { loginUri: cloud.loginUri });
  // SIGHUP: read the configuration file and environment again; the LWA client secrets change without
  // a restart (Amazon's 180-day rotation, cloud/README.md). Connections and long-polls stay open.
  const reload = () => {
    void cloud
      .reload()
      .then((r) =>
        r.ok
          ? logLine('info', `configuration reloaded (${r.applied.join(', ') || 'no LWA secret changed'})`)
          : logLine('warn', 'configuration reload refused; see the log'),
      );
  };
  process.off('SIGHUP', rememberReload);
  process.on('SIGHUP', reload);
  if (reloadDuringStart) reload();
  // SIGTERM (systemd, a rolling restart): stop accepting, answer waiting long-polls with their current
  // state, finish requests in flight, then exit 0. A second signal, or a stop taking longer than
  // SHUTDOWN_LIMIT_MS (an Amazon call stuck in retries), exits at once with 1.
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    logLine('info', `${signal}: shutting down gracefully`);
    setTimeout(() => {
      logLine('error', `shutdown took longer than ${SHUTDOWN_LIMIT_MS} ms; exiting`);
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS).unref();
    cloud.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logLine('error', `shutdown failed: ${err instanceof Error ? err.message : String(err)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof UsageError) exitWithUsage(USAGE, err.message);
  const message = err instanceof Error ? err.message : String(err);
  // A tenant command answers a person in plain text; a cloud that failed to start logs JSON.
  if (positionals[0] === 'tenant') console.error(message);
  else logLine('fatal', message);
  process.exit(1);
});

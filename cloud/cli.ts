// npm run cloud -- [--port N] [--host H] [--data-dir DIR] [--config FILE] [--sandbox URL | --production]
// npm run cloud -- tenant create <name> [--data-dir DIR] [--config FILE] ...
//
// Without --production the cloud runs as the embedded default against the sandbox (default origin
// http://127.0.0.1:4100), generating its keys and a development tenant in the data directory.
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, type CloudConfig } from './config';
import { embeddedDefaultConfig } from './embedded-config';
import { openDatabase } from './db/database';
import { createTenant } from './tenants';
import { startCloud } from './start-cloud';

const DEFAULT_SANDBOX = 'http://127.0.0.1:4100';
const DEFAULT_DATA_DIR = join(process.cwd(), '.tmp', 'cloud');

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string', default: process.env.CLOUD_PORT ?? '4200' },
    host: { type: 'string', default: process.env.CLOUD_HOST ?? '127.0.0.1' },
    'data-dir': { type: 'string', default: process.env.CLOUD_DATA_DIR ?? DEFAULT_DATA_DIR },
    config: { type: 'string', default: process.env.CLOUD_CONFIG },
    sandbox: { type: 'string' },
    production: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

/** amazon.mode=production from the file or the environment counts like --production (no embedded extras). */
function wantsProduction(): boolean {
  if (values.production || process.env.CLOUD_AMAZON_MODE === 'production') return true;
  if (!values.config) return false;
  try {
    return (JSON.parse(readFileSync(values.config, 'utf8')) as { amazon?: { mode?: unknown } }).amazon?.mode === 'production';
  } catch {
    return false; // loadConfig reports the unreadable file
  }
}

function config(dataDir: string): CloudConfig {
  if (wantsProduction()) {
    return loadConfig({ file: values.config, base: { amazon: { mode: 'production' } as CloudConfig['amazon'] } });
  }
  const embedded = embeddedDefaultConfig(dataDir, values.sandbox ?? process.env.CLOUD_SANDBOX_ORIGIN ?? DEFAULT_SANDBOX, { env: process.env });
  // File and environment still apply on top of the embedded default.
  return loadConfig({ file: values.config, base: embedded });
}

async function main(): Promise<void> {
  // Whatever this process creates (data, key and tenant files) is its user's alone.
  process.umask(0o077);
  if (values.help) {
    console.log('usage: npm run cloud -- [--port 4200] [--host 127.0.0.1] [--data-dir DIR] [--config FILE] [--sandbox URL | --production]\n       npm run cloud -- tenant create <name>');
    return;
  }
  const dataDir = values['data-dir']!;
  if (positionals[0] === 'tenant' && positionals[1] === 'create') {
    const name = positionals.slice(2).join(' ').trim();
    if (!name) throw new Error('usage: npm run cloud -- tenant create <name>');
    const db = await openDatabase(dataDir);
    try {
      const t = await createTenant(db, name, new Date());
      // Printed once: only the hash of the secret is stored.
      console.log(`tenant_id=${t.tenantId}\nclient_id=${t.clientId}\nclient_secret=${t.clientSecret}`);
    } finally {
      await db.close();
    }
    return;
  }
  if (positionals.length > 0) throw new Error(`unknown command: ${positionals.join(' ')}`);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid --port ${values.port}`);
  const cfg = config(dataDir);
  const cloud = await startCloud({ port, host: values.host, dataDir, config: cfg, reloadConfig: () => config(dataDir), logger: true });
  console.log(`cloud listening on ${cloud.url} (data: ${dataDir})`);
  // Ready to paste into the app registration (Developer Central / Solution Provider Portal).
  console.log(`Amazon mode: ${cfg.amazon.mode}${cfg.amazon.draftApp ? ' (Draft app: version=beta)' : ''}`);
  console.log(`OAuth redirect URI: ${cloud.redirectUri}`);
  console.log(`OAuth Login URI:    ${cloud.loginUri}`);
  // SIGHUP: read the configuration file and environment again; the LWA client secrets change without
  // a restart (Amazon's 180-day rotation, cloud/README.md). Connections and long-polls stay open.
  process.on('SIGHUP', () => {
    void cloud.reload().then((r) => console.log(r.ok ? `configuration reloaded (${r.applied.join(', ') || 'no LWA secret changed'})` : 'configuration reload refused; see the log'));
  });
  const stop = () => void cloud.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

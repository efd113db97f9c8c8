// `npm run cloud -- tenant <command>`: the same commands and the same output whether the cloud runs
// or not. A running cloud on this data directory (its lock names its URL) is asked through its admin
// API with the credential in <dataDir>/admin-token; `--url` names any running cloud. Otherwise the
// database is opened directly: PGlite under the data directory's lock (so the cloud cannot start
// meanwhile), or the PostgreSQL server of `databaseUrl`, which any number of processes may share.
import fs from 'node:fs';
import type { Database } from '../db/database';
import { openDatabase } from '../db/database';
import { openPostgres } from '../db/postgres';
import { lockOwner, DataDirLockedError } from '../db/data-dir-lock';
import { sendNotification } from '../authorizations/pg-notifier';
import { TENANT_CHANGE_PREFIX } from '../http/tenant-gate';
import { readAdminToken, adminTokenPath } from '../ops/admin-credential';
import type { NewTenantCredentials } from '../tenants';
import type { z } from 'zod';
import { OPS_ROUTES, tenantCredentialsSchema, tenantListSchema, tenantSummarySchema } from '../ops/ops-api';
import { createTenantAdmin, type TenantAdmin, type TenantSummary } from './tenant-admin';
import { UsageError } from '../../shared/cli-args';

export const TENANT_USAGE = `usage: npm run cloud -- tenant create <name>
       npm run cloud -- tenant list
       npm run cloud -- tenant rotate-secret <tenant id | client id>
       npm run cloud -- tenant disable <tenant id | client id>
       npm run cloud -- tenant enable <tenant id | client id>
options: --data-dir DIR (the cloud's), --config FILE (for databaseUrl), --url URL (a running cloud; admin credential from CLOUD_ADMIN_TOKEN or <data-dir>/admin-token)`;

interface TenantCommandOptions {
  args: string[];
  dataDir: string;
  configFile?: string;
  url?: string;
  env?: NodeJS.ProcessEnv;
  /** Where a direct (database) action is reported; a running cloud logs its own. */
  audit?: (line: string) => void;
}

const credentials = (c: NewTenantCredentials) => `tenant_id=${c.tenantId}\nclient_id=${c.clientId}\nclient_secret=${c.clientSecret}`;
const status = (t: TenantSummary) => `tenant_id=${t.tenantId}\nclient_id=${t.clientId}\nstatus=${t.status}`;
function table(tenants: TenantSummary[]): string {
  const rows = tenants.map((t) => [t.tenantId, t.clientId, t.status, t.createdAt, t.name].join('\t'));
  return ['tenant_id\tclient_id\tstatus\tcreated_at\tname', ...rows].join('\n');
}

/** Runs one tenant command and returns what to print. */
export async function runTenantCommand(o: TenantCommandOptions): Promise<string> {
  const [command, ...rest] = o.args;
  const arg = rest.join(' ').trim();
  const needsArg = command === 'create' || command === 'rotate-secret' || command === 'disable' || command === 'enable';
  if (!command || !['create', 'list', 'rotate-secret', 'disable', 'enable'].includes(command) || (needsArg && !arg)) {
    throw new UsageError(command && needsArg ? `tenant ${command} needs a name or id` : `tenant: unknown command ${JSON.stringify(command ?? '')}`);
  }
  const run = async (admin: TenantAdmin): Promise<string> => {
    switch (command) {
      case 'create':
        return credentials(await admin.create(arg));
      case 'list':
        return table(await admin.list());
      case 'rotate-secret':
        return credentials(await admin.rotateSecret(arg));
      default:
        return status(await admin.setDisabled(arg, command === 'disable'));
    }
  };
  const env = o.env ?? process.env;
  const owner = o.url ? undefined : lockOwner(o.dataDir);
  if (o.url || owner) {
    if (!o.url && !owner!.url) throw new DataDirLockedError(o.dataDir, owner!);
    const token = env.CLOUD_ADMIN_TOKEN || readAdminToken(o.dataDir);
    if (!token) throw new Error(`No admin credential: set CLOUD_ADMIN_TOKEN or run as the cloud's user (${adminTokenPath(o.dataDir)}).`);
    return run(remoteTenantAdmin(o.url ?? owner!.url!, token));
  }
  const databaseUrl = env.CLOUD_DATABASE_URL || configuredDatabaseUrl(o.configFile);
  const db: Database = databaseUrl ? await openPostgres(databaseUrl, { max: 1 }) : await openDatabase(o.dataDir);
  try {
    const admin = createTenantAdmin({
      db,
      now: Date.now,
      via: 'cli',
      audit: (entry) => o.audit?.(JSON.stringify({ time: new Date().toISOString(), msg: 'admin action', admin: entry })),
      // Running instances on the same PostgreSQL server drop their cached "active" answer at once.
      // (Awaited: the connection closes right after the command.)
      changed: async (tenantId) => {
        if (databaseUrl) await sendNotification(db, 'cli', `${TENANT_CHANGE_PREFIX}${tenantId}`);
      },
    });
    return await run(admin);
  } finally {
    await db.close();
  }
}

function configuredDatabaseUrl(file: string | undefined): string | undefined {
  if (!file) return undefined;
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { databaseUrl?: unknown };
  return typeof parsed.databaseUrl === 'string' ? parsed.databaseUrl : undefined;
}

/** The admin API of a running cloud, with the same interface as the direct one; answers parsed with ops-api.ts. */
function remoteTenantAdmin(baseUrl: string, token: string): TenantAdmin {
  const call = async <S extends z.ZodType>(method: string, path: string, schema: S, body?: unknown): Promise<z.output<S>> => {
    const res = await fetch(new URL(path, baseUrl), {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const parsed = (await res.json().catch(() => undefined)) as { error?: { code: string; message: string } } | undefined;
    if (!res.ok) throw new Error(`${parsed?.error?.code ?? `HTTP ${res.status}`}: ${parsed?.error?.message ?? 'the cloud refused the admin request'}`);
    const answer = schema.safeParse(parsed);
    if (!answer.success) throw new Error(`The cloud at ${baseUrl} answered ${method} ${path} with an unexpected body.`);
    return answer.data;
  };
  const path = (p: string, r: string) => p.replace(':ref', encodeURIComponent(r));
  return {
    create: (name) => call('POST', OPS_ROUTES.createTenant.path, tenantCredentialsSchema, { name }),
    list: async () => (await call('GET', OPS_ROUTES.listTenants.path, tenantListSchema)).tenants,
    rotateSecret: (r) => call('POST', path(OPS_ROUTES.rotateSecret.path, r), tenantCredentialsSchema, {}),
    setDisabled: (r, disabled) => call('POST', path((disabled ? OPS_ROUTES.disableTenant : OPS_ROUTES.enableTenant).path, r), tenantSummarySchema, {}),
  };
}

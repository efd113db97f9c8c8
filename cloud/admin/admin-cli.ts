// `npm run cloud -- tenant <command>`: the same commands and the same output whether the cloud runs
// or not, against the deployment the operator means — in this order:
//   1. `--url`: that running instance's admin API (credential CLOUD_ADMIN_TOKEN or <dataDir>/admin-token);
//   2. `databaseUrl` (CLOUD_DATABASE_URL, e.g. from the unit's --env-file, or the --config file): that
//      PostgreSQL server, which the instances share; never PGlite, whatever --data-dir says. The schema
//      must exist (an instance has started on it) and is never migrated from here;
//   3. a cloud running on --data-dir (its lock names its URL): its admin API;
//   4. the PGlite database in --data-dir, under the directory's lock — only when one exists there.
// Anything else is refused with a message: no command silently creates a database nothing serves.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../db/database';
import { openDatabase } from '../db/database';
import { openPostgres } from '../db/postgres';
import { lockOwner, DataDirLockedError } from '../db/data-dir-lock';
import { sendNotification } from '../authorizations/pg-notifier';
import { TENANT_CHANGE_PREFIX } from '../tenants/tenant-gate';
import { readAdminToken, adminTokenPath } from '../ops/admin-credential';
import type { NewTenantCredentials } from '../tenants/tenant-service';
import type { z } from 'zod';
import {
  OPERATOR_HEADER,
  OPS_ROUTES,
  tenantCredentialsSchema,
  tenantDeletedSchema,
  tenantListSchema,
  tenantSummarySchema,
} from '../ops/ops-api';
import { SchemaMissingError } from '../db/migrations';
import { createTenantAdmin, OPERATOR_PATTERN, type TenantAdmin, type TenantSummary } from './tenant-admin';
import { UsageError } from '../../shared/cli-args';
import { bestEffort } from '../../shared/best-effort';

export const TENANT_USAGE = `usage: npm run cloud -- tenant create <name>
       npm run cloud -- tenant list
       npm run cloud -- tenant rotate-secret <tenant id | client id>
       npm run cloud -- tenant disable <tenant id | client id>
       npm run cloud -- tenant enable <tenant id | client id>
       npm run cloud -- tenant rename <tenant id | client id> <new name>
       npm run cloud -- tenant delete <tenant id | client id>
deployment: --config /etc/amazon-cloud/cloud.json --env-file /etc/amazon-cloud/cloud.env (the unit's files; PostgreSQL),
            --data-dir DIR (a PGlite cloud's), or --url URL (a running instance; CLOUD_ADMIN_TOKEN or <data-dir>/admin-token)`;

interface TenantCommandOptions {
  args: string[];
  dataDir: string;
  /** false: dataDir is the development default (./.tmp/cloud), named in the refusal. */
  dataDirGiven?: boolean;
  configFile?: string;
  url?: string;
  env?: NodeJS.ProcessEnv;
  /** Where a direct (database) action is reported; a running cloud logs its own. */
  audit?: (line: string) => void;
}

const credentials = (c: NewTenantCredentials) =>
  `tenant_id=${c.tenantId}\nclient_id=${c.clientId}\nclient_secret=${c.clientSecret}`;
const status = (t: TenantSummary) => `tenant_id=${t.tenantId}\nclient_id=${t.clientId}\nstatus=${t.status}`;
/** Who runs the command, for admin_actions: CLOUD_OPERATOR, the user behind sudo, or the login name. */
function operatorName(env: NodeJS.ProcessEnv): string | undefined {
  try {
    return env.CLOUD_OPERATOR || env.SUDO_USER || os.userInfo().username;
  } catch {
    return undefined;
  }
}
/** PGlite keeps PostgreSQL's layout: a data directory with a database has its PG_VERSION file. */
const hasPgliteDatabase = (dir: string) => fs.existsSync(path.join(dir, 'PG_VERSION'));
function table(tenants: TenantSummary[]): string {
  const rows = tenants.map((t) => [t.tenantId, t.clientId, t.status, t.createdAt, t.name].join('\t'));
  return ['tenant_id\tclient_id\tstatus\tcreated_at\tname', ...rows].join('\n');
}

/** Runs one tenant command and returns what to print. */
export async function runTenantCommand(options: TenantCommandOptions): Promise<string> {
  const [command, ...rest] = options.args;
  const arg = rest.join(' ').trim();
  if (!command || !['create', 'list', 'rotate-secret', 'disable', 'enable', 'rename', 'delete'].includes(command)) {
    throw new UsageError(`tenant: unknown command ${JSON.stringify(command ?? '')}`);
  }
  if (command !== 'list' && !arg) throw new UsageError(`tenant ${command} needs a name or id`);
  if (command === 'rename' && (rest.length < 2 || !rest.slice(1).join(' ').trim()))
    throw new UsageError('tenant rename needs an id and the new name');
  const run = async (admin: TenantAdmin): Promise<string> => {
    switch (command) {
      case 'create':
        return credentials(await admin.create(arg));
      case 'list':
        return table(await admin.list());
      case 'rotate-secret':
        return credentials(await admin.rotateSecret(arg));
      case 'rename':
        return `${status(await admin.rename(rest[0]!, rest.slice(1).join(' ')))}\nname=${rest.slice(1).join(' ').trim()}`;
      case 'delete': {
        const d = await admin.remove(arg);
        return `tenant_id=${d.tenantId}\nclient_id=${d.clientId}\nstatus=deleted\ndeleted_platforms=${d.deletedPlatforms}`;
      }
      default:
        return status(await admin.setDisabled(arg, command === 'disable'));
    }
  };
  const env = options.env ?? process.env;
  const operator = operatorName(env);
  const remote = (url: string) => {
    const token =
      env.CLOUD_ADMIN_TOKEN || configured(options.configFile, 'adminToken') || readAdminToken(options.dataDir);
    if (!token)
      throw new Error(
        `No admin credential: set CLOUD_ADMIN_TOKEN (--env-file) or run as the cloud's user (${adminTokenPath(options.dataDir)}).`,
      );
    return run(remoteTenantAdmin(url, token, operator));
  };
  if (options.url) return remote(options.url);
  const databaseUrl = env.CLOUD_DATABASE_URL || configured(options.configFile, 'databaseUrl');
  let db: Database;
  if (databaseUrl) {
    db = await openPostgres(databaseUrl, { max: 1, applicationName: 'amazon-cloud-cli', migrate: false });
  } else {
    const owner = lockOwner(options.dataDir);
    if (owner) {
      if (!owner.url) throw new DataDirLockedError(options.dataDir, owner);
      return remote(owner.url);
    }
    if (!hasPgliteDatabase(options.dataDir)) {
      const which =
        options.dataDirGiven === false
          ? `the development default ${options.dataDir} (no --data-dir given)`
          : options.dataDir;
      throw new SchemaMissingError(
        `No databaseUrl is configured (--config, --env-file or CLOUD_DATABASE_URL), and ${which}`,
      );
    }
    db = await openDatabase(options.dataDir);
  }
  try {
    const admin = createTenantAdmin({
      db,
      now: Date.now,
      via: 'cli',
      ...(operator ? { operator } : {}),
      audit: (entry) =>
        options.audit?.(JSON.stringify({ time: new Date().toISOString(), msg: 'admin action', admin: entry })),
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

/** A string key of the configuration file (the file's own errors are loadConfig's to report: none here). */
function configured(file: string | undefined, key: 'databaseUrl' | 'adminToken'): string | undefined {
  if (!file) return undefined;
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    // Never Node's JSON message: it quotes the text around the fault, which may be a secret.
    throw new Error(`--config: cannot read ${file} as JSON (${(err as NodeJS.ErrnoException).code ?? 'invalid JSON'})`);
  }
  return typeof parsed[key] === 'string' ? parsed[key] : undefined;
}

/** The admin API of a running cloud, with the same interface as the direct one; answers parsed with ops-api.ts. */
function remoteTenantAdmin(baseUrl: string, token: string, operator?: string): TenantAdmin {
  const call = async <S extends z.ZodType>(
    method: string,
    path: string,
    schema: S,
    body?: unknown,
  ): Promise<z.output<S>> => {
    const res = await fetch(new URL(path, baseUrl), {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(operator && OPERATOR_PATTERN.test(operator) ? { [OPERATOR_HEADER]: operator } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const parsed = (await bestEffort('reading the error body', res.json())) as
      { error?: { code: string; message: string } } | undefined;
    if (!res.ok)
      throw new Error(
        `${parsed?.error?.code ?? `HTTP ${res.status}`}: ${parsed?.error?.message ?? 'the cloud refused the admin request'}`,
      );
    const answer = schema.safeParse(parsed);
    if (!answer.success) throw new Error(`The cloud at ${baseUrl} answered ${method} ${path} with an unexpected body.`);
    return answer.data;
  };
  const path = (p: string, r: string) => p.replace(':ref', encodeURIComponent(r));
  return {
    create: (name) => call('POST', OPS_ROUTES.createTenant.path, tenantCredentialsSchema, { name }),
    list: async () => (await call('GET', OPS_ROUTES.listTenants.path, tenantListSchema)).tenants,
    rotateSecret: (r) => call('POST', path(OPS_ROUTES.rotateSecret.path, r), tenantCredentialsSchema, {}),
    setDisabled: (r, disabled) =>
      call(
        'POST',
        path((disabled ? OPS_ROUTES.disableTenant : OPS_ROUTES.enableTenant).path, r),
        tenantSummarySchema,
        {},
      ),
    rename: (r, name) => call('POST', path(OPS_ROUTES.renameTenant.path, r), tenantSummarySchema, { name }),
    remove: (r) => call('DELETE', path(OPS_ROUTES.deleteTenant.path, r), tenantDeletedSchema),
    as: () => remoteTenantAdmin(baseUrl, token, operator),
  };
}

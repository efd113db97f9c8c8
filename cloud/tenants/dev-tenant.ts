// The embedded default's development tenant: created on first start, its credentials written to a
// 0600 file the desktop launcher reads. Created again only if the file's tenant is gone (new database).
import { existsSync, readFileSync, writeFileSync, chmodSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Queryable } from '../db/queryable';
import { tenantExists, tenantNameTaken } from '../repositories/tenants';
import { createTenant, type NewTenantCredentials } from './tenant-service';

export const DEV_TENANT_NAME = 'Entwicklung';

export interface DevTenantFile extends NewTenantCredentials {
  /** The cloud's base URL when the file was written (the launcher may still override it). */
  cloudUrl: string;
}

export function readDevTenantFile(file: string): DevTenantFile | undefined {
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as DevTenantFile;
}

export async function ensureDevTenant(
  db: Queryable,
  file: string,
  cloudUrl: string,
  now: Date,
): Promise<DevTenantFile> {
  const existing = readDevTenantFile(file);
  if (existing) {
    if (await tenantExists(db, existing.tenantId, existing.clientId)) {
      if (existing.cloudUrl !== cloudUrl) writeSecretFile(file, JSON.stringify({ ...existing, cloudUrl }, null, 2));
      return { ...existing, cloudUrl };
    }
  }
  const created: DevTenantFile = { ...(await createDevTenant(db, now)), cloudUrl };
  writeSecretFile(file, JSON.stringify(created, null, 2));
  return created;
}

/**
 * Tenant names are unique: several instances on one database (each with its own data directory and
 * file) and a database that outlived its file each get their own, "Entwicklung (2)" and so on. Two
 * instances starting together may both find a name free; the unique index lets one win, the other
 * takes the next name.
 */
async function createDevTenant(db: Queryable, now: Date): Promise<NewTenantCredentials> {
  for (let n = 1; ; n++) {
    const name = n === 1 ? DEV_TENANT_NAME : `${DEV_TENANT_NAME} (${n})`;
    if (await tenantNameTaken(db, name)) continue;
    try {
      return await createTenant(db, name, now);
    } catch (err) {
      if ((err as { code?: string }).code !== '23505' || n >= 100) throw err;
    }
  }
}

/** Writes a file only its owner can read (mode 0600), also when it already existed with wider rights. */
export function writeSecretFile(file: string, content: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, content + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
}

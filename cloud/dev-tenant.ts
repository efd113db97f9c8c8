// The embedded default's development tenant: created on first start, its credentials written to a
// 0600 file the desktop launcher reads. Created again only if the file's tenant is gone (new database).
import { existsSync, readFileSync, writeFileSync, chmodSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Queryable } from './db/queryable';
import { tenantExists } from './repositories/tenants';
import { createTenant, type NewTenantCredentials } from './tenants';

export const DEV_TENANT_NAME = 'Entwicklung';

export interface DevTenantFile extends NewTenantCredentials {
  /** The cloud's base URL when the file was written (the launcher may still override it). */
  cloudUrl: string;
}

export function readDevTenantFile(file: string): DevTenantFile | undefined {
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as DevTenantFile;
}

export async function ensureDevTenant(db: Queryable, file: string, cloudUrl: string, now: Date): Promise<DevTenantFile> {
  const existing = readDevTenantFile(file);
  if (existing) {
    if (await tenantExists(db, existing.tenantId, existing.clientId)) {
      if (existing.cloudUrl !== cloudUrl) writeSecretFile(file, JSON.stringify({ ...existing, cloudUrl }, null, 2));
      return { ...existing, cloudUrl };
    }
  }
  const created: DevTenantFile = { ...(await createTenant(db, DEV_TENANT_NAME, now)), cloudUrl };
  writeSecretFile(file, JSON.stringify(created, null, 2));
  return created;
}

/** Writes a file only its owner can read (mode 0600), also when it already existed with wider rights. */
export function writeSecretFile(file: string, content: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, content + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
}

// Tenants and their cloud credentials (the ERP's "Cloud" credentials record: Client-ID + Client-Secret).
import type { Queryable } from '../db/queryable';
import { findTenantByClientId, findTenantById, insertTenant, type TenantRow } from '../repositories/tenants';
import { hashClientSecret, newClientId, newClientSecret, newId, secretMatches } from '../crypto/client-secret';

interface Tenant {
  id: string;
  name: string;
  clientId: string;
  /** Disabled by an operator: no new bearer tokens, issued ones refused (TENANT_DISABLED). */
  disabled: boolean;
  /** Rotations of the Client-Secret so far; bearer tokens carry it (access-token.ts). */
  secretGeneration: number;
}

export interface NewTenantCredentials {
  tenantId: string;
  clientId: string;
  /** Shown once; only its hash is stored. */
  clientSecret: string;
}

export async function createTenant(db: Queryable, name: string, now: Date): Promise<NewTenantCredentials> {
  const tenantId = newId('ten');
  const clientId = newClientId();
  const clientSecret = newClientSecret();
  await insertTenant(db, {
    id: tenantId,
    name,
    client_id: clientId,
    client_secret_hash: hashClientSecret(clientSecret),
    created_at: now,
  });
  return { tenantId, clientId, clientSecret };
}

/** The tenant whose credentials these are, or undefined (no hint whether the id or the secret was wrong). */
export async function authenticateClient(
  db: Queryable,
  clientId: string,
  clientSecret: string,
): Promise<Tenant | undefined> {
  const row = await findTenantByClientId(db, clientId);
  // Hash even when the id is unknown, so timing does not reveal which client ids exist.
  const ok = secretMatches(clientSecret, row?.client_secret_hash ?? '0'.repeat(64));
  return row && ok ? toTenant(row) : undefined;
}

export async function getTenant(db: Queryable, tenantId: string): Promise<Tenant | undefined> {
  const row = await findTenantById(db, tenantId);
  return row && toTenant(row);
}

const toTenant = (row: TenantRow): Tenant => ({
  id: row.id,
  name: row.name,
  clientId: row.client_id,
  disabled: row.disabled_at !== null,
  secretGeneration: Number(row.secret_generation ?? 0),
});

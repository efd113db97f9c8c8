// Tenants and their cloud credentials (the ERP's "Cloud" credentials record: Client-ID + Client-Secret).
import type { Queryable } from './db/database';
import { hashClientSecret, newClientId, newClientSecret, newId, secretMatches } from './crypto/client-secret';

export interface Tenant {
  id: string;
  name: string;
  clientId: string;
  /** Disabled by an operator: no new bearer tokens, issued ones refused (TENANT_DISABLED). */
  disabled: boolean;
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
  await db.query(
    'INSERT INTO tenants (id, name, client_id, client_secret_hash, created_at) VALUES ($1, $2, $3, $4, $5)',
    [tenantId, name, clientId, hashClientSecret(clientSecret), now],
  );
  return { tenantId, clientId, clientSecret };
}

type TenantRow = { id: string; name: string; client_id: string; client_secret_hash: string; disabled_at: Date | null };

/** The tenant whose credentials these are, or undefined (no hint whether the id or the secret was wrong). */
export async function authenticateClient(db: Queryable, clientId: string, clientSecret: string): Promise<Tenant | undefined> {
  const { rows } = await db.query<TenantRow>('SELECT * FROM tenants WHERE client_id = $1', [clientId]);
  const row = rows[0];
  // Hash even when the id is unknown, so timing does not reveal which client ids exist.
  const ok = secretMatches(clientSecret, row?.client_secret_hash ?? '0'.repeat(64));
  return row && ok ? toTenant(row) : undefined;
}

export async function getTenant(db: Queryable, tenantId: string): Promise<Tenant | undefined> {
  const { rows } = await db.query<TenantRow>('SELECT * FROM tenants WHERE id = $1', [tenantId]);
  const row = rows[0];
  return row && toTenant(row);
}

const toTenant = (row: TenantRow): Tenant => ({ id: row.id, name: row.name, clientId: row.client_id, disabled: row.disabled_at !== null });

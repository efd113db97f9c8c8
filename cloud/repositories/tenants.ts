// Every SQL statement on `tenants` and the operators' record of what they did (`admin_actions`).
import type { Queryable } from '../db/queryable';
import { allRows, firstRow, insertRow } from './rows';

export interface TenantRow {
  id: string;
  name: string;
  client_id: string;
  client_secret_hash: string;
  created_at: Date;
  disabled_at: Date | null;
  /** Counts rotations of the Client-Secret; bearer tokens name the one they were issued under. */
  secret_generation: number;
}

/** What an operator sees of a tenant (never the secret's hash). */
export type TenantSummaryRow = Omit<TenantRow, 'client_secret_hash'>;

export const insertTenant = (
  q: Queryable,
  row: Pick<TenantRow, 'id' | 'name' | 'client_id' | 'client_secret_hash' | 'created_at'>,
) => insertRow(q, 'tenants', row);

export async function findTenantById(q: Queryable, id: string): Promise<TenantRow | undefined> {
  return firstRow<TenantRow>(q, 'SELECT * FROM tenants WHERE id = $1', [id]);
}

export async function findTenantByClientId(q: Queryable, clientId: string): Promise<TenantRow | undefined> {
  return firstRow<TenantRow>(q, 'SELECT * FROM tenants WHERE client_id = $1', [clientId]);
}

/** Whether this tenant still exists with this Client-ID. */
export async function tenantExists(q: Queryable, id: string, clientId: string): Promise<boolean> {
  const { rows } = await q.query('SELECT 1 FROM tenants WHERE id = $1 AND client_id = $2', [id, clientId]);
  return rows.length > 0;
}

/** What the tenant gate checks on every /v1 call; undefined when there is no such tenant. */
export async function tenantAccess(
  q: Queryable,
  id: string,
): Promise<{ disabled_at: Date | null; secret_generation: number } | undefined> {
  const { rows } = await q.query<{ disabled_at: Date | null; secret_generation: number }>(
    'SELECT disabled_at, secret_generation FROM tenants WHERE id = $1',
    [id],
  );
  return rows[0] && { disabled_at: rows[0].disabled_at, secret_generation: Number(rows[0].secret_generation) };
}

/** undefined: no such tenant; null: active; a date: disabled since then. */
export async function tenantDisabledAt(q: Queryable, id: string): Promise<Date | null | undefined> {
  const { rows } = await q.query<{ disabled_at: Date | null }>('SELECT disabled_at FROM tenants WHERE id = $1', [id]);
  return rows[0] ? rows[0].disabled_at : undefined;
}

const SUMMARY = 'id, name, client_id, created_at, disabled_at';

/** The live tenants (deleted ones are tombstones: their platforms and authorizations refer to them). */
export async function listTenantSummaries(q: Queryable): Promise<TenantSummaryRow[]> {
  return allRows<TenantSummaryRow>(
    q,
    `SELECT ${SUMMARY} FROM tenants WHERE deleted_at IS NULL ORDER BY created_at, id`,
  );
}

/** A live tenant by tenant id or Client-ID, as an operator names it. */
export async function findTenantByRef(q: Queryable, ref: string): Promise<TenantSummaryRow | undefined> {
  return firstRow<TenantSummaryRow>(
    q,
    `SELECT ${SUMMARY} FROM tenants WHERE (id = $1 OR client_id = $1) AND deleted_at IS NULL`,
    [ref],
  );
}

/** Whether another live tenant has this name (the key of the unique index tenants_name_unique, migration 6). */
export async function tenantNameTaken(q: Queryable, name: string, exceptId = ''): Promise<boolean> {
  const { rows } = await q.query(
    'SELECT 1 FROM tenants WHERE lower(btrim(name)) = lower(btrim($1)) AND deleted_at IS NULL AND id <> $2',
    [name, exceptId],
  );
  return rows.length > 0;
}

export async function setTenantName(q: Queryable, id: string, name: string): Promise<TenantSummaryRow> {
  const { rows } = await q.query<TenantSummaryRow>(`UPDATE tenants SET name = $2 WHERE id = $1 RETURNING ${SUMMARY}`, [
    id,
    name,
  ]);
  return rows[0]!;
}

/**
 * Deletes a tenant: a disabled tombstone (its credentials and tokens stay refused) whose platforms are
 * deleted too, their tokens and marketplaces dropped. Returns how many platforms were deleted.
 */
export async function tombstoneTenant(q: Queryable, id: string, now: Date): Promise<number> {
  await q.query('UPDATE tenants SET deleted_at = $2, disabled_at = COALESCE(disabled_at, $2) WHERE id = $1', [id, now]);
  const { affectedRows } = await q.query(
    'UPDATE platforms SET deleted_at = $2, refresh_token_enc = NULL, marketplaces = NULL WHERE tenant_id = $1 AND deleted_at IS NULL',
    [id, now],
  );
  return affectedRows ?? 0;
}

export async function setClientSecretHash(q: Queryable, id: string, clientSecretHash: string): Promise<void> {
  await q.query('UPDATE tenants SET client_secret_hash = $2, secret_generation = secret_generation + 1 WHERE id = $1', [
    id,
    clientSecretHash,
  ]);
}

/** Disabling twice keeps the first date; enabling clears it. */
export async function setTenantDisabled(
  q: Queryable,
  id: string,
  disabled: boolean,
  now: Date,
): Promise<TenantSummaryRow> {
  const { rows } = await q.query<TenantSummaryRow>(
    `UPDATE tenants SET disabled_at = CASE WHEN $2::boolean THEN COALESCE(disabled_at, $3) ELSE NULL END WHERE id = $1 RETURNING ${SUMMARY}`,
    [id, disabled, now],
  );
  return rows[0]!;
}

export async function insertAdminAction(
  q: Queryable,
  a: { at: Date; action: string; tenantId: string; via: string; operator?: string; detail?: object },
): Promise<void> {
  await insertRow(q, 'admin_actions', {
    at: a.at,
    action: a.action,
    tenant_id: a.tenantId,
    via: a.via,
    operator: a.operator ?? null,
    detail: a.detail ? JSON.stringify(a.detail) : null,
  });
}

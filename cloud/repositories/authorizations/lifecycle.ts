// An authorization from its start to its end without a seller change: insert, look up, lock, cancel,
// finish, use up the state, mark authenticated; and the retention job's deletes.
import type { Queryable } from '../../db/queryable';
import { firstRow, tenantRowById } from '../rows';
import type { AuthorizationMode, CloudErrorCode } from '../../../shared/cloud-api';
import type { AuthorizationStatus } from '../../../shared/cloud-api';
import { authorizationColumns, CLEAR_EXCHANGE, type AuthorizationRow, type ClosedStatus } from './row';

interface NewAuthorization {
  id: string;
  tenantId: string;
  platformId: string;
  mode: AuthorizationMode;
  expiresAt: Date;
  createdAt: Date;
  origin: 'desktop' | 'amazon';
  expectedSellingPartnerId: string | null;
}

export async function insertAuthorization(q: Queryable, a: NewAuthorization): Promise<AuthorizationRow> {
  const { rows } = await q.query<AuthorizationRow>(
    `INSERT INTO authorizations (id, tenant_id, platform_id, mode, status, expires_at, created_at, origin, expected_selling_partner_id)
     VALUES ($1, $2, $3, $4, 'pending', $5, $6, $7, $8) RETURNING ${authorizationColumns()}`,
    [a.id, a.tenantId, a.platformId, a.mode, a.expiresAt, a.createdAt, a.origin, a.expectedSellingPartnerId],
    'authorization_insert',
  );
  return rows[0]!;
}

/** By id alone: the state token is the capability on Amazon's redirect. */
export async function findAuthorization(q: Queryable, id: string): Promise<AuthorizationRow | undefined> {
  // Prepared (the status cache's read and the callback's lookups): planned once, not per call.
  const sql = `SELECT ${authorizationColumns()} FROM authorizations WHERE id = $1`;
  return (await q.query<AuthorizationRow>(sql, [id], 'authorization_by_id')).rows[0];
}

/** An authorization of this tenant; `forUpdate` locks it in a transaction. */
export const findTenantAuthorization = (q: Queryable, tenantId: string, id: string, forUpdate = false) =>
  tenantRowById<AuthorizationRow>(q, 'authorizations', { tenantId, id }, { forUpdate });

/** The status, with the row locked until the transaction ends. */
export async function lockAuthorizationStatus(q: Queryable, id: string): Promise<AuthorizationStatus | undefined> {
  const { rows } = await q.query<{ status: AuthorizationStatus }>(
    'SELECT status FROM authorizations WHERE id = $1 FOR UPDATE',
    [id],
    'authorization_lock_status',
  );
  return rows[0]?.status;
}

/** Cancels the platform's pending authorizations (superseded by a new one, or the platform deleted); returns their ids. */
export async function cancelPendingOfPlatform(
  q: Queryable,
  platformId: string,
  now: Date,
  error?: { code: CloudErrorCode; message: string },
): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(
    `UPDATE authorizations SET status = 'cancelled', completed_at = $2, error_code = $3, error_message = $4, ${CLEAR_EXCHANGE}
     WHERE platform_id = $1 AND status = 'pending' RETURNING id`,
    [platformId, now, error?.code ?? null, error?.message ?? null],
    'authorizations_cancel_pending',
  );
  return rows.map((r) => r.id);
}

/** Ends a pending authorization; returns the updated row, or undefined when it was no longer pending. */
export async function finishPending(
  q: Queryable,
  id: string,
  status: ClosedStatus,
  now: Date,
  error?: { code: CloudErrorCode; message: string },
): Promise<AuthorizationRow | undefined> {
  return firstRow<AuthorizationRow>(
    q,
    `UPDATE authorizations SET status = $2, completed_at = $3, error_code = $4, error_message = $5, ${CLEAR_EXCHANGE}
     WHERE id = $1 AND status = 'pending' RETURNING *`,
    [id, status, now, error?.code ?? null, error?.message ?? null],
  );
}

/** Uses up the state once: only the first redirect for a pending authorization gets the row back. */
export async function consumeState(
  q: Queryable,
  id: string,
  codeHash: string | null,
  now: Date,
): Promise<AuthorizationRow | undefined> {
  return firstRow<AuthorizationRow>(
    q,
    `UPDATE authorizations SET state_used_at = $2, code_hash = $3
     WHERE id = $1 AND status = 'pending' AND state_used_at IS NULL AND expires_at > $2 RETURNING *`,
    [id, now, codeHash],
  );
}

/**
 * The sign-in succeeded (the caller holds the row's lock and has checked it is pending); returns the
 * row as written, which the status cache keeps (no read-back after the commit).
 */
export async function markAuthenticated(
  q: Queryable,
  id: string,
  now: Date,
  seller: { sellingPartnerId: string; changed: boolean | null; storeName: string | null },
): Promise<AuthorizationRow | undefined> {
  const { rows } = await q.query<AuthorizationRow>(
    `UPDATE authorizations SET status = 'authenticated', completed_at = $2, selling_partner_id = $3, selling_partner_id_changed = $4, store_name = $5,
       ${CLEAR_EXCHANGE}
     WHERE id = $1 AND status = 'pending' RETURNING ${authorizationColumns()}`,
    [id, now, seller.sellingPartnerId, seller.changed, seller.storeName],
    'authorization_authenticated',
  );
  return rows[0];
}

/** Retention: drops authorizations created before `before` (pending ones then are long expired); their Amazon calls stay with the platform. */
export async function deleteAuthorizationsCreatedBefore(q: Queryable, before: Date): Promise<number> {
  await q.query(
    'UPDATE amazon_requests SET authorization_id = NULL WHERE authorization_id IN (SELECT id FROM authorizations WHERE created_at < $1)',
    [before],
  );
  const { affectedRows } = await q.query('DELETE FROM authorizations WHERE created_at < $1', [before]);
  return affectedRows ?? 0;
}

/** Retention: the authorizations of platforms deleted before `before` (see purgePlatformsDeletedBefore). */
export async function deleteAuthorizationsOfPlatformsDeletedBefore(q: Queryable, before: Date): Promise<void> {
  await q.query('DELETE FROM authorizations WHERE platform_id IN (SELECT id FROM platforms WHERE deleted_at < $1)', [
    before,
  ]);
}

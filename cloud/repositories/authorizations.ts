// Every statement that writes `authorizations` (the feed of Amazon-started sign-ins only reads it:
// amazon-started.ts). The status of an authorization is written here and nowhere else: each change is
// one statement whose WHERE clause states the status it starts from, so two racing writers cannot both
// win. Callers pass a Queryable, so a transaction may span several calls.
import type { Queryable } from '../db/queryable';
import { allRows, firstRow } from './rows';
import type { AuthorizationMode, AuthorizationStatus, CloudErrorCode, SellerDecision } from '../../shared/cloud-api';

export interface AuthorizationRow {
  id: string;
  tenant_id: string;
  platform_id: string;
  mode: AuthorizationMode;
  status: AuthorizationStatus;
  expires_at: Date;
  state_used_at: Date | null;
  code_hash: string | null;
  error_code: CloudErrorCode | null;
  error_message: string | null;
  selling_partner_id: string | null;
  selling_partner_id_changed: boolean | null;
  store_name: string | null;
  previous_selling_partner_id: string | null;
  previous_store_name: string | null;
  /** Sealed refresh token of the other seller while status is seller_changed and undecided. */
  held_refresh_token_enc: string | null;
  seller_decision: SellerDecision | null;
  seller_decided_at: Date | null;
  completed_at: Date | null;
  created_at: Date;
  /** 'amazon' when started at the Login URI (Re-Authorize in Seller Central, Authorize now in the Appstore). */
  origin: 'desktop' | 'amazon';
  /** Set when the Login URI identified the platform by Amazon's selling_partner_id: the redirect must bring it back. */
  expected_selling_partner_id: string | null;
  /** While the code exchange runs (migration 8): the sealed code, the seller, the lease, Amazon's sealed token. */
  exchange_code_enc: string | null;
  exchange_selling_partner_id: string | null;
  exchange_lease_until: Date | null;
  exchanged_refresh_token_enc: string | null;
  /** With a held seller change: SP-API confirmed the held token belongs to selling_partner_id (migration 10). */
  seller_id_proven: boolean;
}

/** Every end of an authorization drops what its code exchange kept (the sealed code and token). */
const CLEAR_EXCHANGE = 'exchange_code_enc = NULL, exchanged_refresh_token_enc = NULL, exchange_lease_until = NULL';

/** The end states a pending authorization reaches without tokens. */
type ClosedStatus = Exclude<AuthorizationStatus, 'pending' | 'authenticated' | 'seller_changed'>;

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
     VALUES ($1, $2, $3, $4, 'pending', $5, $6, $7, $8) RETURNING *`,
    [a.id, a.tenantId, a.platformId, a.mode, a.expiresAt, a.createdAt, a.origin, a.expectedSellingPartnerId],
  );
  return rows[0]!;
}

/** By id alone: the state token is the capability on Amazon's redirect. */
export async function findAuthorization(q: Queryable, id: string): Promise<AuthorizationRow | undefined> {
  return firstRow<AuthorizationRow>(q, 'SELECT * FROM authorizations WHERE id = $1', [id]);
}

/** An authorization of this tenant; `forUpdate` locks it in a transaction. */
export async function findTenantAuthorization(
  q: Queryable,
  tenantId: string,
  id: string,
  forUpdate = false,
): Promise<AuthorizationRow | undefined> {
  return firstRow<AuthorizationRow>(
    q,
    `SELECT * FROM authorizations WHERE id = $1 AND tenant_id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [id, tenantId],
  );
}

/** The status, with the row locked until the transaction ends. */
export async function lockAuthorizationStatus(q: Queryable, id: string): Promise<AuthorizationStatus | undefined> {
  const { rows } = await q.query<{ status: AuthorizationStatus }>(
    'SELECT status FROM authorizations WHERE id = $1 FOR UPDATE',
    [id],
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

/** The sign-in succeeded (the caller holds the row's lock and has checked it is pending). */
export async function markAuthenticated(
  q: Queryable,
  id: string,
  now: Date,
  seller: { sellingPartnerId: string; changed: boolean | null; storeName: string | null },
): Promise<void> {
  await q.query(
    `UPDATE authorizations SET status = 'authenticated', completed_at = $2, selling_partner_id = $3, selling_partner_id_changed = $4, store_name = $5,
       ${CLEAR_EXCHANGE}
     WHERE id = $1 AND status = 'pending'`,
    [id, now, seller.sellingPartnerId, seller.changed, seller.storeName],
  );
}

/** A refresh brought another seller: the new token is held aside until the desktop decides. */
export async function markSellerChanged(
  q: Queryable,
  id: string,
  now: Date,
  change: {
    sellingPartnerId: string;
    sealedRefreshToken: string;
    sellerIdProven: boolean;
    storeName: string | null;
    previousSellingPartnerId: string | null;
    previousStoreName: string | null;
  },
): Promise<void> {
  await q.query(
    `UPDATE authorizations SET status = 'seller_changed', completed_at = $2, selling_partner_id = $3, selling_partner_id_changed = true,
       held_refresh_token_enc = $4, store_name = $5, previous_selling_partner_id = $6, previous_store_name = $7, seller_id_proven = $8, ${CLEAR_EXCHANGE}
     WHERE id = $1 AND status = 'pending'`,
    [
      id,
      now,
      change.sellingPartnerId,
      change.sealedRefreshToken,
      change.storeName,
      change.previousSellingPartnerId,
      change.previousStoreName,
      change.sellerIdProven,
    ],
  );
}

/** The desktop's answer to a seller change; the held token is dropped either way (a switch has copied it). */
export async function recordSellerDecision(
  q: Queryable,
  id: string,
  decision: SellerDecision,
  now: Date,
): Promise<AuthorizationRow> {
  const { rows } = await q.query<AuthorizationRow>(
    'UPDATE authorizations SET held_refresh_token_enc = NULL, seller_decision = $2, seller_decided_at = $3 WHERE id = $1 RETURNING *',
    [id, decision, now],
  );
  return rows[0]!;
}

/** An undecided seller change of the platform is answered "keep" (a new sign-in started): its held token goes. Their ids. */
export async function keepUndecidedSellerChanges(q: Queryable, platformId: string, now: Date): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(
    `UPDATE authorizations SET held_refresh_token_enc = NULL, seller_decision = 'keep', seller_decided_at = $2
     WHERE platform_id = $1 AND status = 'seller_changed' AND seller_decision IS NULL RETURNING id`,
    [platformId, now],
  );
  return rows.map((r) => r.id);
}

/** Drops every held-aside token of the platform (it is being deleted). */
export async function dropHeldTokens(q: Queryable, platformId: string): Promise<void> {
  await q.query(
    'UPDATE authorizations SET held_refresh_token_enc = NULL WHERE platform_id = $1 AND held_refresh_token_enc IS NOT NULL',
    [platformId],
  );
  await q.query(
    `UPDATE authorizations SET ${CLEAR_EXCHANGE} WHERE platform_id = $1 AND (exchange_code_enc IS NOT NULL OR exchanged_refresh_token_enc IS NOT NULL)`,
    [platformId],
  );
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

// The code exchange's progress (migration 8; cloud/authorizations/code-exchange.ts): what an instance
// needs to finish or fail an exchange another instance, or this one before a crash, left half done.

/**
 * Uses up the state once and records the exchange it starts: the sealed code, the seller and the lease.
 * Only the first redirect for a pending authorization gets the row back.
 */
export async function startExchange(
  q: Queryable,
  id: string,
  e: { codeHash: string; sealedCode: string; sellingPartnerId: string; now: Date; leaseUntil: Date },
): Promise<AuthorizationRow | undefined> {
  return firstRow<AuthorizationRow>(
    q,
    `UPDATE authorizations SET state_used_at = $2, code_hash = $3, exchange_code_enc = $4, exchange_selling_partner_id = $5, exchange_lease_until = $6
     WHERE id = $1 AND status = 'pending' AND state_used_at IS NULL AND expires_at > $2 RETURNING *`,
    [id, e.now, e.codeHash, e.sealedCode, e.sellingPartnerId, e.leaseUntil],
  );
}

/** The running instance is still at work on this exchange. */
export async function renewExchangeLease(q: Queryable, id: string, leaseUntil: Date): Promise<void> {
  await q.query("UPDATE authorizations SET exchange_lease_until = $2 WHERE id = $1 AND status = 'pending'", [
    id,
    leaseUntil,
  ]);
}

/** Amazon's refresh token, sealed, kept the moment LWA answered; the code is spent and goes. */
export async function storeExchangedToken(q: Queryable, id: string, sealedRefreshToken: string): Promise<boolean> {
  const { rows } = await q.query<{ id: string }>(
    "UPDATE authorizations SET exchanged_refresh_token_enc = $2, exchange_code_enc = NULL WHERE id = $1 AND status = 'pending' RETURNING id",
    [id, sealedRefreshToken],
  );
  return rows.length > 0;
}

/**
 * Claims up to `limit` exchanges whose lease ran out before `leaseBefore` (their instance died): the
 * claimer holds them until `leaseUntil`. Two instances never claim the same one.
 */
export async function claimOrphanedExchanges(
  q: Queryable,
  leaseBefore: Date,
  leaseUntil: Date,
  limit: number,
): Promise<AuthorizationRow[]> {
  return allRows<AuthorizationRow>(
    q,
    `UPDATE authorizations SET exchange_lease_until = $2
     WHERE id IN (
       SELECT id FROM authorizations
       WHERE status = 'pending' AND state_used_at IS NOT NULL AND (exchange_lease_until IS NULL OR exchange_lease_until < $1)
       ORDER BY state_used_at LIMIT $3 FOR UPDATE SKIP LOCKED
     ) RETURNING *`,
    [leaseBefore, leaseUntil, limit],
  );
}

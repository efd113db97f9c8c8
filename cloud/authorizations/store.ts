// Authorization records: one sign-in attempt of a platform, from consent URL to outcome.
// Status changes happen only here, each in one statement or one transaction.
import type { Database, Queryable } from '../db/database';
import type { Authorization, AuthorizationMode, AuthorizationStatus, CloudErrorCode, SellerDecision } from '../../shared/cloud-api';
import { AUTHORIZATION_RENEWAL_DAYS, CLOUD_ERROR_CODES } from '../../shared/cloud-api';

export const AUTHORIZATION_RENEWAL_MS = AUTHORIZATION_RENEWAL_DAYS * 24 * 3600 * 1000;
import { CloudError } from '../http/cloud-error';
import { newId } from '../crypto/client-secret';
import { getPlatform, type PlatformRow } from '../platforms';

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
}

export function authorizationToApi(row: AuthorizationRow): Authorization {
  const a: Authorization = {
    id: row.id,
    platformId: row.platform_id,
    mode: row.mode,
    status: row.status,
    expiresAt: row.expires_at.toISOString(),
  };
  if (row.error_code) a.error = { code: row.error_code, message: row.error_message ?? CLOUD_ERROR_CODES[row.error_code] };
  if (row.selling_partner_id) a.sellingPartnerId = row.selling_partner_id;
  if (row.selling_partner_id_changed !== null) a.sellingPartnerIdChanged = row.selling_partner_id_changed;
  if (row.status === 'seller_changed' && row.selling_partner_id && row.previous_selling_partner_id) {
    const seller = (id: string, store: string | null) => ({ sellingPartnerId: id, ...(store ? { storeName: store } : {}) });
    a.sellerChange = {
      previous: seller(row.previous_selling_partner_id, row.previous_store_name),
      next: seller(row.selling_partner_id, row.store_name),
      ...(row.seller_decision ? { decision: row.seller_decision } : {}),
      ...(row.seller_decided_at ? { decidedAt: row.seller_decided_at.toISOString() } : {}),
    };
  }
  if (row.completed_at) a.completedAt = row.completed_at.toISOString();
  if (row.origin === 'amazon') a.origin = 'amazon';
  // The platform's renewal date of this very authorization (callback-flow.ts sets the same one).
  if (row.status === 'authenticated' && row.completed_at) a.renewalDueAt = new Date(row.completed_at.getTime() + AUTHORIZATION_RENEWAL_MS).toISOString();
  return a;
}

/**
 * Starts an authorization. One pending authorization per platform: older pending ones are cancelled
 * (AUTHORIZATION_SUPERSEDED) in the same transaction. Returns the new row and the cancelled ids.
 */
export async function createAuthorization(
  db: Database,
  tenantId: string,
  platformId: string,
  mode: AuthorizationMode,
  now: Date,
  ttlSeconds: number,
  started: { origin: 'desktop' | 'amazon'; expectedSellingPartnerId?: string } = { origin: 'desktop' },
): Promise<{ row: AuthorizationRow; platform: PlatformRow; cancelled: string[] }> {
  return db.transaction(async (tx) => {
    const platform = await getPlatform(tx, tenantId, platformId, true);
    if (mode === 'refresh' && !platform.refresh_token_enc) throw new CloudError('PLATFORM_NOT_AUTHENTICATED');
    const { rows: cancelled } = await tx.query<{ id: string }>(
      `UPDATE authorizations SET status = 'cancelled', completed_at = $2, error_code = 'AUTHORIZATION_SUPERSEDED', error_message = $3
       WHERE platform_id = $1 AND status = 'pending' RETURNING id`,
      [platformId, now, CLOUD_ERROR_CODES.AUTHORIZATION_SUPERSEDED],
    );
    // An undecided seller change is answered "keep" by a new sign-in: its held token is dropped.
    await tx.query(
      `UPDATE authorizations SET held_refresh_token_enc = NULL, seller_decision = 'keep', seller_decided_at = $2
       WHERE platform_id = $1 AND status = 'seller_changed' AND seller_decision IS NULL`,
      [platformId, now],
    );
    const { rows } = await tx.query<AuthorizationRow>(
      `INSERT INTO authorizations (id, tenant_id, platform_id, mode, status, expires_at, created_at, origin, expected_selling_partner_id)
       VALUES ($1, $2, $3, $4, 'pending', $5, $6, $7, $8) RETURNING *`,
      [newId('auth'), tenantId, platformId, mode, new Date(now.getTime() + ttlSeconds * 1000), now, started.origin, started.expectedSellingPartnerId ?? null],
    );
    return { row: rows[0]!, platform, cancelled: cancelled.map((r) => r.id) };
  });
}

/** By id alone: the state token is the capability on Amazon's redirect. */
export async function findAuthorization(db: Queryable, id: string): Promise<AuthorizationRow | undefined> {
  const { rows } = await db.query<AuthorizationRow>('SELECT * FROM authorizations WHERE id = $1', [id]);
  return rows[0];
}

export async function getAuthorization(db: Queryable, tenantId: string, id: string): Promise<AuthorizationRow> {
  const { rows } = await db.query<AuthorizationRow>('SELECT * FROM authorizations WHERE id = $1 AND tenant_id = $2', [id, tenantId]);
  if (!rows[0]) throw new CloudError('AUTHORIZATION_NOT_FOUND');
  return rows[0];
}

/** Ends a pending authorization; returns the updated row, or undefined when it was no longer pending. */
export async function finishPending(
  db: Queryable,
  id: string,
  status: Exclude<AuthorizationStatus, 'pending' | 'authenticated' | 'seller_changed'>,
  now: Date,
  error?: { code: CloudErrorCode; message: string },
): Promise<AuthorizationRow | undefined> {
  const { rows } = await db.query<AuthorizationRow>(
    `UPDATE authorizations SET status = $2, completed_at = $3, error_code = $4, error_message = $5
     WHERE id = $1 AND status = 'pending' RETURNING *`,
    [id, status, now, error?.code ?? null, error?.message ?? null],
  );
  return rows[0];
}

/** Marks a pending authorization expired once its time is up (lazily, when someone looks). */
export async function expireIfDue(db: Queryable, row: AuthorizationRow, now: Date): Promise<AuthorizationRow> {
  if (row.status !== 'pending' || now.getTime() < row.expires_at.getTime()) return row;
  const updated = await finishPending(db, row.id, 'expired', now, { code: 'AUTHORIZATION_EXPIRED', message: CLOUD_ERROR_CODES.AUTHORIZATION_EXPIRED });
  return updated ?? (await findAuthorization(db, row.id))!;
}

/** Uses up the state once: only the first redirect for a pending authorization gets the row back. */
export async function consumeState(db: Queryable, id: string, codeHash: string | null, now: Date): Promise<AuthorizationRow | undefined> {
  const { rows } = await db.query<AuthorizationRow>(
    `UPDATE authorizations SET state_used_at = $2, code_hash = $3
     WHERE id = $1 AND status = 'pending' AND state_used_at IS NULL AND expires_at > $2 RETURNING *`,
    [id, now, codeHash],
  );
  return rows[0];
}

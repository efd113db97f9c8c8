// Authorization records: one sign-in attempt of a platform, from consent URL to outcome. The rules
// live here; the SQL, and with it every status change, in cloud/repositories/authorizations/.
import type { Database, Queryable } from '../db/queryable';
import type { Authorization, AuthorizationMode } from '../../shared/cloud-api';
import { AUTHORIZATION_RENEWAL_DAYS, CLOUD_ERROR_CODES } from '../../shared/cloud-api';
import { CloudError } from '../cloud-error';
import { newId } from '../crypto/client-secret';
import { getPlatform } from '../platforms/platform-service';
import { findPlatformById, type PlatformRow } from '../repositories/platforms';
import {
  cancelPendingOfPlatform,
  findAuthorization,
  findTenantAuthorization,
  finishPending,
  insertAuthorization,
} from '../repositories/authorizations/lifecycle';
import { keepUndecidedSellerChanges } from '../repositories/authorizations/seller-change';
import type { AuthorizationRow } from '../repositories/authorizations/row';

export const AUTHORIZATION_RENEWAL_MS = AUTHORIZATION_RENEWAL_DAYS * 24 * 3600 * 1000;

export function authorizationToApi(row: AuthorizationRow): Authorization {
  const a: Authorization = {
    id: row.id,
    platformId: row.platform_id,
    mode: row.mode,
    status: row.status,
    expiresAt: row.expires_at.toISOString(),
  };
  if (row.error_code)
    a.error = { code: row.error_code, message: row.error_message ?? CLOUD_ERROR_CODES[row.error_code].meaning };
  if (row.selling_partner_id) a.sellingPartnerId = row.selling_partner_id;
  if (row.selling_partner_id_changed !== null) a.sellingPartnerIdChanged = row.selling_partner_id_changed;
  if (row.status === 'seller_changed' && row.selling_partner_id && row.previous_selling_partner_id) {
    const seller = (id: string, store: string | null) => ({
      sellingPartnerId: id,
      ...(store ? { storeName: store } : {}),
    });
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
  if (row.status === 'authenticated' && row.completed_at) {
    a.renewalDueAt = new Date(row.completed_at.getTime() + AUTHORIZATION_RENEWAL_MS).toISOString();
    // What code-exchange.ts stored as the platform's store name in the same transaction.
    a.storeName = row.store_name;
  }
  return a;
}

/**
 * Starts an authorization. One pending authorization per platform: older pending ones are cancelled
 * (AUTHORIZATION_SUPERSEDED) in the same transaction. Returns the new row and in `cancelled` the ids of
 * every authorization it changed (superseded, or an undecided seller change answered "keep"): the
 * caller publishes each, so status caches and waiting long-polls learn of it.
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
    const cancelled = await cancelPendingOfPlatform(tx, platformId, now, {
      code: 'AUTHORIZATION_SUPERSEDED',
      message: CLOUD_ERROR_CODES.AUTHORIZATION_SUPERSEDED.meaning,
    });
    // An undecided seller change is answered "keep" by a new sign-in: its held token is dropped.
    const kept = await keepUndecidedSellerChanges(tx, platformId, now);
    const row = await insertAuthorization(tx, {
      id: newId('auth'),
      tenantId,
      platformId,
      mode,
      expiresAt: new Date(now.getTime() + ttlSeconds * 1000),
      createdAt: now,
      origin: started.origin,
      expectedSellingPartnerId: started.expectedSellingPartnerId ?? null,
    });
    return { row, platform, cancelled: [...cancelled, ...kept] };
  });
}

async function getAuthorization(db: Queryable, tenantId: string, id: string): Promise<AuthorizationRow> {
  const row = await findTenantAuthorization(db, tenantId, id);
  if (!row) throw new CloudError('AUTHORIZATION_NOT_FOUND');
  return row;
}

/** Marks a pending authorization expired once its time is up (lazily, when someone looks). */
export async function expireIfDue(db: Queryable, row: AuthorizationRow, now: Date): Promise<AuthorizationRow> {
  if (row.status !== 'pending' || now.getTime() < row.expires_at.getTime()) return row;
  const updated = await finishPending(db, row.id, 'expired', now, {
    code: 'AUTHORIZATION_EXPIRED',
    message: CLOUD_ERROR_CODES.AUTHORIZATION_EXPIRED.meaning,
  });
  return updated ?? (await findAuthorization(db, row.id))!;
}

/** Cancels a pending authorization of this tenant (AUTHORIZATION_NOT_PENDING once it has ended). */
export async function cancelAuthorization(
  db: Queryable,
  tenantId: string,
  id: string,
  now: Date,
): Promise<AuthorizationRow> {
  const row = await expireIfDue(db, await getAuthorization(db, tenantId, id), now);
  const cancelled = row.status === 'pending' ? await finishPending(db, id, 'cancelled', now) : undefined;
  if (!cancelled) throw new CloudError('AUTHORIZATION_NOT_PENDING', `The authorization is already ${row.status}.`);
  return cancelled;
}

/**
 * The authorization a start link names, expired if its time is up (`expired`: just now, so waiters are
 * told), with its platform (undefined once deleted); undefined for an unknown id.
 */
export async function authorizationToStart(
  db: Queryable,
  id: string,
  now: Date,
): Promise<{ row: AuthorizationRow; expired: boolean; platform: PlatformRow | undefined } | undefined> {
  const found = await findAuthorization(db, id);
  if (!found) return undefined;
  const row = await expireIfDue(db, found, now);
  const platform = await findPlatformById(db, row.platform_id);
  return { row, expired: row !== found, platform: platform && !platform.deleted_at ? platform : undefined };
}

// Every SQL statement on `platforms` and their `idempotency_keys`. Queries a tenant reaches name the
// tenant, so no call reaches another tenant's rows; the few without one (the callback, the Login URI,
// a replayed create) say why.
import type { Queryable } from '../db/queryable';
import { allRows, firstRow, tenantRowById } from './rows';
import type { CloudMarketplace } from '../../shared/cloud-api';
import type { Region } from '../../shared/amazon-regions';

export interface PlatformRow {
  id: string;
  tenant_id: string;
  type: 'amazon';
  name: string;
  /** platformNameKey(name): unique per tenant among live platforms (shared/platform-name.ts). */
  name_key: string;
  region: Region;
  country_code: string;
  selling_partner_id: string | null;
  /** SP-API named the token's seller and it was this id (migration 10); only such ids route Amazon-started sign-ins. */
  seller_id_proven: boolean;
  /** The seller's store name as SP-API Sellers reports it (from the settings import or a seller change). */
  store_name: string | null;
  refresh_token_enc: string | null;
  authorized_at: Date | null;
  renewal_due_at: Date | null;
  marketplaces: CloudMarketplace[] | null;
  created_at: Date;
  deleted_at: Date | null;
}

/** A live platform of this tenant. `forUpdate` locks the row in a transaction. */
export async function findPlatform(
  q: Queryable,
  tenantId: string,
  id: string,
  forUpdate = false,
): Promise<PlatformRow | undefined> {
  return tenantRowById<PlatformRow>(q, 'platforms', { tenantId, id }, { forUpdate, live: true });
}

/** By id alone, deleted ones included: for an authorization or an idempotent replay that already names it. */
/** Every column of PlatformRow, spelt out for the prepared statements (db/queryable.ts). */
const PLATFORM_COLUMNS = Object.keys({
  id: true,
  tenant_id: true,
  type: true,
  name: true,
  name_key: true,
  region: true,
  country_code: true,
  selling_partner_id: true,
  seller_id_proven: true,
  store_name: true,
  refresh_token_enc: true,
  authorized_at: true,
  renewal_due_at: true,
  marketplaces: true,
  created_at: true,
  deleted_at: true,
} satisfies Record<keyof PlatformRow, true>).join(', ');

/** By id alone (the callback's completion locks it: `forUpdate`, in a transaction). */
export async function findPlatformById(q: Queryable, id: string, forUpdate = false): Promise<PlatformRow | undefined> {
  const sql = `SELECT ${PLATFORM_COLUMNS} FROM platforms WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`;
  return (await q.query<PlatformRow>(sql, [id], forUpdate ? 'platform_by_id_for_update' : 'platform_by_id')).rows[0];
}

export async function listPlatformRows(q: Queryable, tenantId: string): Promise<PlatformRow[]> {
  return allRows<PlatformRow>(
    q,
    'SELECT * FROM platforms WHERE tenant_id = $1 AND deleted_at IS NULL ORDER BY created_at, id',
    [tenantId],
  );
}

/**
 * Live platforms whose *proven* seller id this is, in a region, across the tenants that are not disabled
 * (the Login URI and its callback; up to `limit`). An unproven id may have been typed into a redirect.
 */
export async function findPlatformsBySeller(
  q: Queryable,
  sellingPartnerId: string,
  region: Region | undefined,
  limit: number,
): Promise<PlatformRow[]> {
  return allRows<PlatformRow>(
    q,
    `SELECT p.* FROM platforms p JOIN tenants t ON t.id = p.tenant_id
     WHERE p.selling_partner_id = $1 AND p.seller_id_proven AND ($2::text IS NULL OR p.region = $2) AND p.deleted_at IS NULL AND t.disabled_at IS NULL LIMIT $3`,
    [sellingPartnerId, region ?? null, limit],
  );
}

/**
 * The callback's one read before the code exchange: whether the sign-in's tenant is disabled (undefined:
 * no such tenant), and the platform's region and country, where SP-API is asked whose token it is.
 */
export async function callbackTarget(
  q: Queryable,
  tenantId: string,
  platformId: string,
): Promise<{ tenant_disabled_at: Date | null; region: Region | null; country_code: string | null } | undefined> {
  const { rows } = await q.query<{
    tenant_disabled_at: Date | null;
    region: Region | null;
    country_code: string | null;
  }>(
    `SELECT t.disabled_at AS tenant_disabled_at, p.region, p.country_code
     FROM tenants t LEFT JOIN platforms p ON p.id = $2 AND p.tenant_id = t.id WHERE t.id = $1`,
    [tenantId, platformId],
  );
  return rows[0];
}

/** Whether another live platform of the tenant has this name key. */
export async function nameKeyTaken(q: Queryable, tenantId: string, nameKey: string, exceptId = ''): Promise<boolean> {
  const { rows } = await q.query(
    'SELECT 1 FROM platforms WHERE tenant_id = $1 AND name_key = $2 AND deleted_at IS NULL AND id <> $3',
    [tenantId, nameKey, exceptId],
  );
  return rows.length > 0;
}

export interface NewPlatform {
  id: string;
  tenantId: string;
  type: 'amazon';
  name: string;
  nameKey: string;
  region: Region;
  countryCode: string;
  createdAt: Date;
}

export async function insertPlatform(q: Queryable, p: NewPlatform): Promise<PlatformRow> {
  const { rows } = await q.query<PlatformRow>(
    `INSERT INTO platforms (id, tenant_id, type, name, name_key, region, country_code, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
    [p.id, p.tenantId, p.type, p.name, p.nameKey, p.region, p.countryCode, p.createdAt],
  );
  return rows[0]!;
}

export async function updatePlatformName(
  q: Queryable,
  tenantId: string,
  id: string,
  name: string,
  nameKey: string,
): Promise<PlatformRow> {
  const { rows } = await q.query<PlatformRow>(
    'UPDATE platforms SET name = $3, name_key = $4 WHERE id = $1 AND tenant_id = $2 RETURNING *',
    [id, tenantId, name, nameKey],
  );
  return rows[0]!;
}

/** The platform an Idempotency-Key created, with the hash of the request that created it. */
export async function findIdempotencyKey(
  q: Queryable,
  tenantId: string,
  key: string,
): Promise<{ request_hash: string; platform_id: string } | undefined> {
  return firstRow<{ request_hash: string; platform_id: string }>(
    q,
    'SELECT request_hash, platform_id FROM idempotency_keys WHERE tenant_id = $1 AND key = $2',
    [tenantId, key],
  );
}

export async function insertIdempotencyKey(
  q: Queryable,
  tenantId: string,
  key: string,
  requestHash: string,
  platformId: string,
  now: Date,
): Promise<void> {
  await q.query(
    'INSERT INTO idempotency_keys (tenant_id, key, request_hash, platform_id, created_at) VALUES ($1, $2, $3, $4, $5)',
    [tenantId, key, requestHash, platformId, now],
  );
}

/** Locks a platform of this tenant, deleted or not: undefined when it never existed here. */
export async function lockPlatformForDeletion(
  q: Queryable,
  tenantId: string,
  id: string,
): Promise<{ deleted_at: Date | null } | undefined> {
  return firstRow<{ deleted_at: Date | null }>(
    q,
    'SELECT deleted_at FROM platforms WHERE id = $1 AND tenant_id = $2 FOR UPDATE',
    [id, tenantId],
  );
}

/** Leaves a tombstone: the tokens and marketplaces go, the id stays (deleting again succeeds). */
export async function tombstonePlatform(q: Queryable, tenantId: string, id: string, now: Date): Promise<void> {
  await q.query(
    'UPDATE platforms SET deleted_at = $3, refresh_token_enc = NULL, marketplaces = NULL WHERE id = $1 AND tenant_id = $2',
    [id, tenantId, now],
  );
}

/** Drops a refresh token Amazon revoked, unless a newer one replaced it meanwhile. */
export async function clearRefreshToken(q: Queryable, id: string, sealedRefreshToken: string): Promise<void> {
  await q.query('UPDATE platforms SET refresh_token_enc = NULL WHERE id = $1 AND refresh_token_enc = $2', [
    id,
    sealedRefreshToken,
  ]);
}

/** The settings import's result; the store name only when Amazon named one. */
export async function storeMarketplaces(
  q: Queryable,
  tenantId: string,
  id: string,
  marketplaces: CloudMarketplace[],
  storeName: string | null,
): Promise<void> {
  await q.query(
    'UPDATE platforms SET marketplaces = $3, store_name = COALESCE($4, store_name) WHERE id = $1 AND tenant_id = $2 AND deleted_at IS NULL',
    [id, tenantId, JSON.stringify(marketplaces), storeName],
  );
}

export interface PlatformSignIn {
  sealedRefreshToken: string;
  sellingPartnerId: string;
  /** SP-API confirmed the token belongs to sellingPartnerId (cloud/amazon/seller-identity.ts). */
  sellerIdProven: boolean;
  storeName: string | null;
  authorizedAt: Date;
  renewalDueAt: Date;
}

/** A sign-in's tokens and seller become the platform's; `clearMarketplaces` when they belong to another seller now. */
export async function storePlatformSignIn(
  q: Queryable,
  id: string,
  s: PlatformSignIn,
  clearMarketplaces: boolean,
): Promise<void> {
  await q.query(
    `UPDATE platforms SET refresh_token_enc = $2, selling_partner_id = $3, authorized_at = $4, renewal_due_at = $5, store_name = $6, seller_id_proven = $7${clearMarketplaces ? ', marketplaces = NULL' : ''}
     WHERE id = $1`,
    [id, s.sealedRefreshToken, s.sellingPartnerId, s.authorizedAt, s.renewalDueAt, s.storeName, s.sellerIdProven],
    clearMarketplaces ? 'platform_sign_in_new_seller' : 'platform_sign_in',
  );
}

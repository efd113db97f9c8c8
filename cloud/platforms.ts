// Platform records of a tenant. Every query names the tenant, so no call reaches another tenant's rows.
import { createHash } from 'node:crypto';
import type { Queryable, Database } from './db/database';
import type { CreatePlatformRequest, Marketplace, Platform } from '../shared/cloud-api';
import type { Region } from '../shared/amazon-regions';
import { CloudError } from './http/cloud-error';
import { newId } from './crypto/client-secret';
import { platformNameKey } from '../shared/platform-name';

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
  /** The seller's store name as SP-API Sellers reports it (from the settings import or a seller change). */
  store_name: string | null;
  refresh_token_enc: string | null;
  authorized_at: Date | null;
  renewal_due_at: Date | null;
  marketplaces: Marketplace[] | null;
  created_at: Date;
  deleted_at: Date | null;
}

export function platformToApi(row: PlatformRow): Platform {
  const p: Platform = {
    id: row.id,
    type: row.type,
    name: row.name,
    region: row.region,
    countryCode: row.country_code,
    status: row.refresh_token_enc ? 'authenticated' : 'not_authenticated',
    createdAt: row.created_at.toISOString(),
  };
  if (row.selling_partner_id) p.sellingPartnerId = row.selling_partner_id;
  if (row.store_name) p.storeName = row.store_name;
  if (row.authorized_at) p.authorizedAt = row.authorized_at.toISOString();
  if (row.renewal_due_at) p.renewalDueAt = row.renewal_due_at.toISOString();
  if (row.marketplaces) p.marketplaces = row.marketplaces;
  return p;
}

/** A live platform of this tenant, or PLATFORM_NOT_FOUND. `forUpdate` locks the row in a transaction. */
export async function getPlatform(db: Queryable, tenantId: string, id: string, forUpdate = false): Promise<PlatformRow> {
  const { rows } = await db.query<PlatformRow>(
    `SELECT * FROM platforms WHERE id = $1 AND tenant_id = $2 AND deleted_at IS NULL${forUpdate ? ' FOR UPDATE' : ''}`,
    [id, tenantId],
  );
  if (!rows[0]) throw new CloudError('PLATFORM_NOT_FOUND');
  return rows[0];
}

export async function listPlatforms(db: Queryable, tenantId: string): Promise<PlatformRow[]> {
  const { rows } = await db.query<PlatformRow>(
    'SELECT * FROM platforms WHERE tenant_id = $1 AND deleted_at IS NULL ORDER BY created_at, id',
    [tenantId],
  );
  return rows;
}

function requestHash(body: CreatePlatformRequest): string {
  return createHash('sha256').update(JSON.stringify([body.type, body.name, body.region, body.countryCode])).digest('hex');
}

/**
 * Registers a platform. With an Idempotency-Key, a replay of the same request returns the platform the
 * first call created (`created: false`), even after the name check would now fail.
 */
export async function createPlatform(
  db: Database,
  tenantId: string,
  body: CreatePlatformRequest,
  idempotencyKey: string | undefined,
  now: Date,
): Promise<{ row: PlatformRow; created: boolean }> {
  return insertPlatform(db, tenantId, body, idempotencyKey, now).catch(uniqueNameViolation(body.name));
}

const nameTaken = (name: string) => new CloudError('PLATFORM_NAME_TAKEN', `This tenant already has a platform named "${name}".`);

/** On PostgreSQL two concurrent requests can both pass the name check; the unique index decides. */
const uniqueNameViolation = (name: string) => (err: unknown): never => {
  throw (err as { code?: string }).code === '23505' ? nameTaken(name) : err;
};

/** NAME_TAKEN when another live platform of the tenant has this name under the shared name rule. */
async function assertNameFree(tx: Queryable, tenantId: string, name: string, exceptId = ''): Promise<void> {
  const { rows } = await tx.query('SELECT 1 FROM platforms WHERE tenant_id = $1 AND name_key = $2 AND deleted_at IS NULL AND id <> $3', [tenantId, platformNameKey(name), exceptId]);
  if (rows.length > 0) throw nameTaken(name);
}

/** Renames a platform; the name stays unique within the tenant (PLATFORM_NAME_TAKEN otherwise). */
export async function renamePlatform(db: Database, tenantId: string, id: string, name: string): Promise<PlatformRow> {
  return db
    .transaction(async (tx) => {
      const current = await getPlatform(tx, tenantId, id, true);
      if (current.name === name) return current;
      await assertNameFree(tx, tenantId, name, id);
      const { rows } = await tx.query<PlatformRow>('UPDATE platforms SET name = $3, name_key = $4 WHERE id = $1 AND tenant_id = $2 RETURNING *', [id, tenantId, name, platformNameKey(name)]);
      return rows[0]!;
    })
    .catch(uniqueNameViolation(name));
}

function insertPlatform(
  db: Database,
  tenantId: string,
  body: CreatePlatformRequest,
  idempotencyKey: string | undefined,
  now: Date,
): Promise<{ row: PlatformRow; created: boolean }> {
  return db.transaction(async (tx) => {
    if (idempotencyKey) {
      const { rows } = await tx.query<{ request_hash: string; platform_id: string }>(
        'SELECT request_hash, platform_id FROM idempotency_keys WHERE tenant_id = $1 AND key = $2',
        [tenantId, idempotencyKey],
      );
      const seen = rows[0];
      if (seen) {
        if (seen.request_hash !== requestHash(body)) throw new CloudError('IDEMPOTENCY_KEY_REUSED');
        const { rows: original } = await tx.query<PlatformRow>('SELECT * FROM platforms WHERE id = $1', [seen.platform_id]);
        return { row: original[0]!, created: false };
      }
    }
    await assertNameFree(tx, tenantId, body.name);
    const { rows } = await tx.query<PlatformRow>(
      `INSERT INTO platforms (id, tenant_id, type, name, name_key, region, country_code, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
      [newId('plt'), tenantId, body.type, body.name, platformNameKey(body.name), body.region, body.countryCode, now],
    );
    const row = rows[0]!;
    if (idempotencyKey) {
      await tx.query(
        'INSERT INTO idempotency_keys (tenant_id, key, request_hash, platform_id, created_at) VALUES ($1, $2, $3, $4, $5)',
        [tenantId, idempotencyKey, requestHash(body), row.id, now],
      );
    }
    return { row, created: true };
  });
}

/**
 * Deletes a platform and every token it holds; its pending authorizations are cancelled. Idempotent:
 * deleting a tombstone of this tenant succeeds again. Returns the ids of cancelled authorizations.
 */
export async function deletePlatform(db: Database, tenantId: string, id: string, now: Date): Promise<string[]> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ deleted_at: Date | null }>(
      'SELECT deleted_at FROM platforms WHERE id = $1 AND tenant_id = $2 FOR UPDATE',
      [id, tenantId],
    );
    if (!rows[0]) throw new CloudError('PLATFORM_NOT_FOUND');
    if (rows[0].deleted_at) return [];
    await tx.query(
      `UPDATE platforms SET deleted_at = $3, refresh_token_enc = NULL, marketplaces = NULL
       WHERE id = $1 AND tenant_id = $2`,
      [id, tenantId, now],
    );
    const { rows: cancelled } = await tx.query<{ id: string }>(
      `UPDATE authorizations SET status = 'cancelled', completed_at = $2
       WHERE platform_id = $1 AND status = 'pending' RETURNING id`,
      [id, now],
    );
    // A held-aside token of another seller goes with the platform.
    await tx.query('UPDATE authorizations SET held_refresh_token_enc = NULL WHERE platform_id = $1 AND held_refresh_token_enc IS NOT NULL', [id]);
    return cancelled.map((r) => r.id);
  });
}

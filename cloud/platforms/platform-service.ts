// Platform records of a tenant: the rules (unique names, idempotent creation, deletion that takes the
// tokens along). The SQL is in cloud/repositories/platforms.ts; every call names the tenant.
import { createHash } from 'node:crypto';
import type { Queryable, Database } from '../db/queryable';
import type { CloudPlatform, CreatePlatformRequest } from '../../shared/cloud-api';
import { CloudError } from '../cloud-error';
import { newId } from '../crypto/client-secret';
import { platformNameKey } from '../../shared/platform-name';
import * as repo from '../repositories/platforms';
import type { PlatformRow } from '../repositories/platforms';
import { cancelPendingOfPlatform } from '../repositories/authorizations/lifecycle';
import { dropHeldTokens } from '../repositories/authorizations/seller-change';
import { acknowledgeRenames, unacknowledgedRenames } from '../repositories/platform-renames';
import { platformAmazonRequests } from '../repositories/amazon-requests';

export function platformToApi(row: PlatformRow): CloudPlatform {
  const p: CloudPlatform = {
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

/** The platforms as the API answers them, each with the upgrade's rename its merchant has not acknowledged. */
export async function platformsToApi(
  db: Queryable,
  tenantId: string,
  rows: readonly PlatformRow[],
): Promise<CloudPlatform[]> {
  if (rows.length === 0) return [];
  const renames = await unacknowledgedRenames(db, tenantId, rows.length === 1 ? [rows[0]!.id] : undefined);
  return rows.map((row) => {
    const p = platformToApi(row);
    const r = renames.get(row.id);
    if (r)
      p.renamedByUpgrade = {
        oldName: r.old_name,
        newName: r.new_name,
        reason: r.reason === 'normalised' ? 'normalised' : 'name_clash',
        renamedAt: r.renamed_at.toISOString(),
      };
    return p;
  });
}

/** GET /v1/platforms/:id: the platform with its latest calls to Amazon (when there are any). */
export async function platformWithAmazonRequests(db: Queryable, tenantId: string, id: string): Promise<CloudPlatform> {
  const [platform] = (await platformsToApi(db, tenantId, [await getPlatform(db, tenantId, id)])) as [CloudPlatform];
  const amazonRequests = await platformAmazonRequests(db, id);
  return amazonRequests.length ? { ...platform, amazonRequests } : platform;
}

/** The merchant saw the upgrade's rename of this live platform: it is no longer listed. Idempotent. */
export async function acknowledgeRenameNotice(db: Queryable, tenantId: string, id: string, now: Date): Promise<void> {
  await getPlatform(db, tenantId, id);
  await acknowledgeRenames(db, tenantId, id, now);
}

/** A live platform of this tenant, or PLATFORM_NOT_FOUND. `forUpdate` locks the row in a transaction. */
export async function getPlatform(
  db: Queryable,
  tenantId: string,
  id: string,
  forUpdate = false,
): Promise<PlatformRow> {
  const row = await repo.findPlatform(db, tenantId, id, forUpdate);
  if (!row) throw new CloudError('PLATFORM_NOT_FOUND');
  return row;
}

export async function listPlatforms(db: Queryable, tenantId: string): Promise<PlatformRow[]> {
  return repo.listPlatformRows(db, tenantId);
}

function requestHash(body: CreatePlatformRequest): string {
  return createHash('sha256')
    .update(JSON.stringify([body.type, body.name, body.region, body.countryCode]))
    .digest('hex');
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
  return db
    .transaction(async (tx) => {
      if (idempotencyKey) {
        const seen = await repo.findIdempotencyKey(tx, tenantId, idempotencyKey);
        if (seen) {
          if (seen.request_hash !== requestHash(body)) throw new CloudError('IDEMPOTENCY_KEY_REUSED');
          return { row: (await repo.findPlatformById(tx, seen.platform_id))!, created: false };
        }
      }
      await assertNameFree(tx, tenantId, body.name);
      const row = await repo.insertPlatform(tx, {
        id: newId('plt'),
        tenantId,
        type: body.type,
        name: body.name,
        nameKey: platformNameKey(body.name),
        region: body.region,
        countryCode: body.countryCode,
        createdAt: now,
      });
      if (idempotencyKey) await repo.insertIdempotencyKey(tx, tenantId, idempotencyKey, requestHash(body), row.id, now);
      return { row, created: true };
    })
    .catch(uniqueNameViolation(body.name));
}

const nameTaken = (name: string) =>
  new CloudError('PLATFORM_NAME_TAKEN', `This tenant already has a platform named "${name}".`);

/** On PostgreSQL two concurrent requests can both pass the name check; the unique index decides. */
const uniqueNameViolation =
  (name: string) =>
  (err: unknown): never => {
    throw (err as { code?: string }).code === '23505' ? nameTaken(name) : err;
  };

/** NAME_TAKEN when another live platform of the tenant has this name under the shared name rule. */
async function assertNameFree(tx: Queryable, tenantId: string, name: string, exceptId = ''): Promise<void> {
  if (await repo.nameKeyTaken(tx, tenantId, platformNameKey(name), exceptId)) throw nameTaken(name);
}

/** Renames a platform; the name stays unique within the tenant (PLATFORM_NAME_TAKEN otherwise). */
export async function renamePlatform(db: Database, tenantId: string, id: string, name: string): Promise<PlatformRow> {
  return db
    .transaction(async (tx) => {
      const current = await getPlatform(tx, tenantId, id, true);
      if (current.name === name) return current;
      await assertNameFree(tx, tenantId, name, id);
      return repo.updatePlatformName(tx, tenantId, id, name, platformNameKey(name));
    })
    .catch(uniqueNameViolation(name));
}

/**
 * Deletes a platform and every token it holds; its pending authorizations are cancelled. Idempotent:
 * deleting a tombstone of this tenant succeeds again. Returns the ids of cancelled authorizations.
 */
export async function deletePlatform(db: Database, tenantId: string, id: string, now: Date): Promise<string[]> {
  return db.transaction(async (tx) => {
    const found = await repo.lockPlatformForDeletion(tx, tenantId, id);
    if (!found) throw new CloudError('PLATFORM_NOT_FOUND');
    if (found.deleted_at) return [];
    await repo.tombstonePlatform(tx, tenantId, id, now);
    const cancelled = await cancelPendingOfPlatform(tx, id, now);
    // A held-aside token of another seller goes with the platform.
    await dropHeldTokens(tx, id);
    return cancelled;
  });
}

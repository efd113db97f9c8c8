// Every SQL statement on `pairing_codes` (stored as hashes only; see cloud/platforms/pairing-codes.ts).
import type { Queryable } from '../db/queryable';

/** Drops the platform's earlier codes and every expired one. */
export async function deleteStalePairingCodes(q: Queryable, platformId: string, now: Date): Promise<void> {
  await q.query('DELETE FROM pairing_codes WHERE platform_id = $1 OR expires_at < $2', [platformId, now]);
}

export async function insertPairingCode(
  q: Queryable,
  c: { codeHash: string; tenantId: string; platformId: string; expiresAt: Date; createdAt: Date },
): Promise<void> {
  await q.query(
    'INSERT INTO pairing_codes (code_hash, tenant_id, platform_id, expires_at, created_at) VALUES ($1, $2, $3, $4, $5)',
    [c.codeHash, c.tenantId, c.platformId, c.expiresAt, c.createdAt],
  );
}

/** Marks a live, unused code used in one statement; its platform, or undefined. */
export async function usePairingCode(
  q: Queryable,
  codeHash: string,
  now: Date,
): Promise<{ platform_id: string; tenant_id: string } | undefined> {
  const { rows } = await q.query<{ platform_id: string; tenant_id: string }>(
    `UPDATE pairing_codes SET used_at = $2 WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2
     RETURNING platform_id, tenant_id`,
    [codeHash, now],
  );
  return rows[0];
}

/** A live, unused code's platform, without using it. */
export async function findLivePairingCode(
  q: Queryable,
  codeHash: string,
  now: Date,
): Promise<{ platform_id: string; tenant_id: string } | undefined> {
  const { rows } = await q.query<{ platform_id: string; tenant_id: string }>(
    'SELECT platform_id, tenant_id FROM pairing_codes WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2',
    [codeHash, now],
  );
  return rows[0];
}

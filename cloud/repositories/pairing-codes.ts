// Every SQL statement on `pairing_codes` (stored as hashes only; see cloud/platforms/pairing-codes.ts).
import type { Queryable } from '../db/queryable';
import { firstRow, insertRow } from './rows';

/** Drops the platform's earlier codes and every expired one. */
export async function deleteStalePairingCodes(q: Queryable, platformId: string, now: Date): Promise<void> {
  await q.query('DELETE FROM pairing_codes WHERE platform_id = $1 OR expires_at < $2', [platformId, now]);
}

/** A new code, as its row: only the hash of the code is stored. */
interface NewPairingCodeRow {
  code_hash: string;
  tenant_id: string;
  platform_id: string;
  expires_at: Date;
  created_at: Date;
}

export const insertPairingCode = (q: Queryable, row: NewPairingCodeRow) => insertRow(q, 'pairing_codes', row);

/**
 * A live, unused code's platform, or undefined. `use`: marks the code used in the same statement, so
 * two requests never both get it.
 */
export async function livePairingCode(
  q: Queryable,
  codeHash: string,
  now: Date,
  use: boolean,
): Promise<{ platform_id: string; tenant_id: string } | undefined> {
  return firstRow(
    q,
    use
      ? `UPDATE pairing_codes SET used_at = $2 WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2
         RETURNING platform_id, tenant_id`
      : 'SELECT platform_id, tenant_id FROM pairing_codes WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2',
    [codeHash, now],
  );
}

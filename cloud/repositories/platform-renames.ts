// Every SQL statement on `platform_renames` (written by migration 2, cloud/db/name-key-migration.ts):
// the renames a merchant has not acknowledged yet, and their acknowledgement. Every query names the tenant.
import type { Queryable } from '../db/queryable';

interface PlatformRenameRow {
  platform_id: string;
  old_name: string;
  new_name: string;
  reason: string;
  renamed_at: Date;
}

/** The latest unacknowledged rename of each of the tenant's platforms (all, or those in `platformIds`). */
export async function unacknowledgedRenames(
  q: Queryable,
  tenantId: string,
  platformIds?: readonly string[],
): Promise<Map<string, PlatformRenameRow>> {
  const { rows } = await q.query<PlatformRenameRow>(
    `SELECT platform_id, old_name, new_name, reason, renamed_at FROM platform_renames
     WHERE tenant_id = $1 AND acknowledged_at IS NULL AND ($2::text[] IS NULL OR platform_id = ANY($2::text[]))
     ORDER BY renamed_at, new_name`,
    [tenantId, platformIds ? [...platformIds] : null],
  );
  return new Map(rows.map((r) => [r.platform_id, r]));
}

/** Marks every rename of this platform acknowledged; doing it again changes nothing. */
export async function acknowledgeRenames(q: Queryable, tenantId: string, platformId: string, now: Date): Promise<void> {
  await q.query(
    'UPDATE platform_renames SET acknowledged_at = $3 WHERE tenant_id = $1 AND platform_id = $2 AND acknowledged_at IS NULL',
    [tenantId, platformId, now],
  );
}

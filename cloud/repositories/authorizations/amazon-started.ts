// The reads of the feed of sign-ins started at Amazon (the Login URI; cloud/authorizations/amazon-started-feed.ts).
// They only read `authorizations`: every write, and with it every status change, is in this folder.
import type { Queryable } from '../../db/queryable';
import { allRows } from '../rows';
import type { AuthorizationRow } from './row';

/** The highest sequence number of the tenant's sign-ins started at Amazon (0 when none). */
export async function latestAmazonStartedSeq(q: Queryable, tenantId: string): Promise<bigint> {
  const { rows } = await q.query<{ max: string }>(
    "SELECT COALESCE(MAX(seq), 0)::text AS max FROM authorizations WHERE tenant_id = $1 AND origin = 'amazon'",
    [tenantId],
  );
  return BigInt(rows[0]?.max ?? '0');
}

/** The tenant's sign-ins started at Amazon that are still pending, oldest first. */
export async function pendingAmazonStarted(
  q: Queryable,
  tenantId: string,
  now: Date,
  limit: number,
): Promise<AuthorizationRow[]> {
  return allRows<AuthorizationRow>(
    q,
    `SELECT * FROM authorizations WHERE tenant_id = $1 AND origin = 'amazon' AND status = 'pending' AND expires_at > $2
     ORDER BY seq LIMIT $3`,
    [tenantId, now, limit],
  );
}

/** The tenant's sign-ins started at Amazon after sequence number `since`, each with its own as text. */
export async function amazonStartedAfter(
  q: Queryable,
  tenantId: string,
  since: string,
  limit: number,
): Promise<(AuthorizationRow & { seq_text: string })[]> {
  return allRows<AuthorizationRow & { seq_text: string }>(
    q,
    `SELECT *, seq::text AS seq_text FROM authorizations WHERE tenant_id = $1 AND origin = 'amazon' AND seq > $2::bigint
     ORDER BY seq LIMIT $3`,
    [tenantId, since, limit],
  );
}

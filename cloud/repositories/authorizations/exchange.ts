// The code exchange's progress (migration 8; cloud/authorizations/code-exchange.ts): what an instance
// needs to finish or fail an exchange another instance, or this one before a crash, left half done.
import type { Region } from '../../../shared/amazon-regions';
import type { Queryable } from '../../db/queryable';
import { allRows, firstRow } from '../rows';
import { authorizationColumns, type AuthorizationRow } from './row';

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

/**
 * startExchange for a redirect that passes every check the callback makes on the row, in the same
 * statement: also the seller the Login URI expected (if any) and a tenant that exists and is not
 * disabled. Undefined when any check fails — the caller then reads the row to tell which. Also returns
 * the platform's region and country (where Amazon's calls for it go), so nothing else is read first.
 */
export async function startExchangeIfAllowed(
  q: Queryable,
  id: string,
  e: { codeHash: string; sealedCode: string; sellingPartnerId: string; now: Date; leaseUntil: Date },
): Promise<{ row: AuthorizationRow; platform: { region: Region; countryCode: string } } | undefined> {
  const { rows } = await q.query<AuthorizationRow & { platform_region: Region; platform_country_code: string }>(
    `UPDATE authorizations a SET state_used_at = $2, code_hash = $3, exchange_code_enc = $4, exchange_selling_partner_id = $5, exchange_lease_until = $6
     FROM platforms p
     WHERE a.id = $1 AND p.id = a.platform_id AND a.status = 'pending' AND a.state_used_at IS NULL AND a.expires_at > $2
       AND (a.expected_selling_partner_id IS NULL OR a.expected_selling_partner_id = $5)
       AND EXISTS (SELECT 1 FROM tenants t WHERE t.id = a.tenant_id AND t.disabled_at IS NULL)
     RETURNING ${authorizationColumns('a')}, p.region AS platform_region, p.country_code AS platform_country_code`,
    [id, e.now, e.codeHash, e.sealedCode, e.sellingPartnerId, e.leaseUntil],
    'exchange_start_if_allowed',
  );
  if (!rows[0]) return undefined;
  const { platform_region: region, platform_country_code: countryCode, ...row } = rows[0];
  return { row, platform: { region, countryCode } };
}

/** The running instance is still at work on this exchange. */
export async function renewExchangeLease(q: Queryable, id: string, leaseUntil: Date): Promise<void> {
  await q.query(
    "UPDATE authorizations SET exchange_lease_until = $2 WHERE id = $1 AND status = 'pending'",
    [id, leaseUntil],
    'exchange_renew_lease',
  );
}

/** Amazon's refresh token, sealed, kept the moment LWA answered; the code is spent and goes. */
export async function storeExchangedToken(q: Queryable, id: string, sealedRefreshToken: string): Promise<boolean> {
  const { rows } = await q.query<{ id: string }>(
    "UPDATE authorizations SET exchanged_refresh_token_enc = $2, exchange_code_enc = NULL WHERE id = $1 AND status = 'pending' RETURNING id",
    [id, sealedRefreshToken],
    'exchange_store_token',
  );
  return rows.length > 0;
}

/**
 * Claims up to `limit` exchanges whose lease ran out before `leaseBefore` (their instance died): the
 * claimer holds them until `leaseUntil`. Two instances never claim the same one.
 */
export async function claimOrphanedExchanges(
  q: Queryable,
  claim: { leaseBefore: Date; leaseUntil: Date; limit: number },
): Promise<AuthorizationRow[]> {
  return allRows<AuthorizationRow>(
    q,
    `UPDATE authorizations SET exchange_lease_until = $2
     WHERE id IN (
       SELECT id FROM authorizations
       WHERE status = 'pending' AND state_used_at IS NOT NULL AND (exchange_lease_until IS NULL OR exchange_lease_until < $1)
       ORDER BY state_used_at LIMIT $3 FOR UPDATE SKIP LOCKED
     ) RETURNING *`,
    [claim.leaseBefore, claim.leaseUntil, claim.limit],
  );
}

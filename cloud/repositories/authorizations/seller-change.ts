// A refresh that brought another seller: the new token held aside, the desktop's decision, and the
// held tokens dropped when a platform goes.
import type { Queryable } from '../../db/queryable';
import type { SellerDecision } from '../../../shared/cloud-api';
import { CLEAR_EXCHANGE, type AuthorizationRow } from './row';

/** A refresh brought another seller: the new token is held aside until the desktop decides. */
export async function markSellerChanged(
  q: Queryable,
  id: string,
  now: Date,
  change: {
    sellingPartnerId: string;
    sealedRefreshToken: string;
    sellerIdProven: boolean;
    storeName: string | null;
    previousSellingPartnerId: string | null;
    previousStoreName: string | null;
  },
): Promise<void> {
  await q.query(
    `UPDATE authorizations SET status = 'seller_changed', completed_at = $2, selling_partner_id = $3, selling_partner_id_changed = true,
       held_refresh_token_enc = $4, store_name = $5, previous_selling_partner_id = $6, previous_store_name = $7, seller_id_proven = $8, ${CLEAR_EXCHANGE}
     WHERE id = $1 AND status = 'pending'`,
    [
      id,
      now,
      change.sellingPartnerId,
      change.sealedRefreshToken,
      change.storeName,
      change.previousSellingPartnerId,
      change.previousStoreName,
      change.sellerIdProven,
    ],
  );
}

/** The desktop's answer to a seller change; the held token is dropped either way (a switch has copied it). */
export async function recordSellerDecision(
  q: Queryable,
  id: string,
  decision: SellerDecision,
  now: Date,
): Promise<AuthorizationRow> {
  const { rows } = await q.query<AuthorizationRow>(
    'UPDATE authorizations SET held_refresh_token_enc = NULL, seller_decision = $2, seller_decided_at = $3 WHERE id = $1 RETURNING *',
    [id, decision, now],
  );
  return rows[0]!;
}

/** An undecided seller change of the platform is answered "keep" (a new sign-in started): its held token goes. Their ids. */
export async function keepUndecidedSellerChanges(q: Queryable, platformId: string, now: Date): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(
    `UPDATE authorizations SET held_refresh_token_enc = NULL, seller_decision = 'keep', seller_decided_at = $2
     WHERE platform_id = $1 AND status = 'seller_changed' AND seller_decision IS NULL RETURNING id`,
    [platformId, now],
  );
  return rows.map((r) => r.id);
}

/** Drops every held-aside token of the platform (it is being deleted). */
export async function dropHeldTokens(q: Queryable, platformId: string): Promise<void> {
  await q.query(
    'UPDATE authorizations SET held_refresh_token_enc = NULL WHERE platform_id = $1 AND held_refresh_token_enc IS NOT NULL',
    [platformId],
  );
  await q.query(
    `UPDATE authorizations SET ${CLEAR_EXCHANGE} WHERE platform_id = $1 AND (exchange_code_enc IS NOT NULL OR exchanged_refresh_token_enc IS NOT NULL)`,
    [platformId],
  );
}

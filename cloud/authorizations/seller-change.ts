// AKTUALISIEREN that comes back with another seller account. Amazon answers a refresh with whichever
// seller signed in; silently replacing the platform's seller would import another merchant's orders.
// So the new refresh token is held aside (sealed like every token) on the authorization, whose status
// becomes `seller_changed`; the platform keeps its seller and tokens until the desktop decides:
//   keep   → the held token is dropped;
//   switch → the held token becomes the platform's, with the new seller, store name and dates; the
//            marketplaces imported for the old seller are cleared (they belong to another account).
// Both are idempotent: the same decision again answers the same; the other one is SELLER_CHANGE_DECIDED.
import type { CloudContext } from '../context';
import type { Queryable } from '../db/database';
import type { SellerDecision } from '../../shared/cloud-api';
import { CloudError } from '../http/cloud-error';
import { stripUnsafeText } from '../../shared/safe-text';
import { getMarketplaceParticipations } from '../amazon/sellers-api';
import { freshAccessToken } from '../settings-import';
import type { PlatformRow } from '../platforms';
import { AUTHORIZATION_RENEWAL_MS, type AuthorizationRow } from './store';

/** Amazon authorizations must be renewed every 365 days. */

/**
 * The store name SP-API Sellers reports for a token, or null when it cannot be had (throttled, roles
 * missing, unreachable): the question is then asked with the Händler-ID alone.
 */
async function storeNameFor(ctx: CloudContext, platform: PlatformRow, accessToken: string): Promise<string | null> {
  try {
    const sellers = { spApiBase: ctx.endpoints.spApiBase, timeoutMs: Math.min(ctx.config.httpTimeoutMs, 10_000), now: ctx.now };
    const marketplaces = await getMarketplaceParticipations(sellers, platform.region, accessToken);
    const name = marketplaces.find((m) => m.storeName)?.storeName;
    // Amazon's words, shown on the desktop: no control characters get through.
    return name ? stripUnsafeText(name).slice(0, 200) : null;
  } catch {
    return null;
  }
}

/** Both store names, looked up only when a refresh really brought another seller. */
export async function sellerStoreNames(ctx: CloudContext, platform: PlatformRow, newAccessToken: string): Promise<{ previous: string | null; next: string | null }> {
  const next = await storeNameFor(ctx, platform, newAccessToken);
  let previous = platform.store_name;
  if (!previous && platform.refresh_token_enc) {
    const cached = ctx.amazonTokens.get(platform.id, platform.refresh_token_enc, ctx.now());
    const token = cached ?? (await freshAccessToken(ctx, platform as PlatformRow & { refresh_token_enc: string }).catch(() => undefined));
    previous = token ? await storeNameFor(ctx, platform, token) : null;
  }
  return { previous, next };
}

/** Inside the callback's transaction: the authorization ends as `seller_changed`; the platform is untouched. */
export async function holdSellerChange(
  tx: Queryable,
  auth: AuthorizationRow,
  platform: PlatformRow,
  seller: { sellingPartnerId: string; sealedRefreshToken: string; storeName: string | null; previousStoreName: string | null },
  now: Date,
): Promise<void> {
  await tx.query(
    `UPDATE authorizations SET status = 'seller_changed', completed_at = $2, selling_partner_id = $3, selling_partner_id_changed = true,
       held_refresh_token_enc = $4, store_name = $5, previous_selling_partner_id = $6, previous_store_name = $7
     WHERE id = $1`,
    [auth.id, now, seller.sellingPartnerId, seller.sealedRefreshToken, seller.storeName, platform.selling_partner_id, seller.previousStoreName ?? platform.store_name],
  );
}

export async function decideSellerChange(ctx: CloudContext, tenantId: string, authorizationId: string, decision: SellerDecision): Promise<AuthorizationRow> {
  const now = new Date(ctx.now());
  const result = await ctx.db.transaction(async (tx) => {
    const { rows } = await tx.query<AuthorizationRow>('SELECT * FROM authorizations WHERE id = $1 AND tenant_id = $2 FOR UPDATE', [authorizationId, tenantId]);
    const auth = rows[0];
    if (!auth) throw new CloudError('AUTHORIZATION_NOT_FOUND');
    if (auth.status !== 'seller_changed') throw new CloudError('SELLER_CHANGE_NOT_OPEN', `The authorization is ${auth.status}.`);
    if (auth.seller_decision) {
      if (auth.seller_decision === decision) return { row: auth, switched: false };
      throw new CloudError('SELLER_CHANGE_DECIDED', `The seller change was already answered "${auth.seller_decision}".`);
    }
    if (decision === 'switch') {
      const { rows: platforms } = await tx.query<PlatformRow>('SELECT * FROM platforms WHERE id = $1 AND tenant_id = $2 AND deleted_at IS NULL FOR UPDATE', [auth.platform_id, tenantId]);
      if (!platforms[0] || !auth.held_refresh_token_enc) throw new CloudError('PLATFORM_NOT_FOUND');
      await tx.query(
        `UPDATE platforms SET refresh_token_enc = $2, selling_partner_id = $3, store_name = $4, authorized_at = $5, renewal_due_at = $6, marketplaces = NULL
         WHERE id = $1`,
        [auth.platform_id, auth.held_refresh_token_enc, auth.selling_partner_id, auth.store_name, now, new Date(now.getTime() + AUTHORIZATION_RENEWAL_MS)],
      );
    }
    const { rows: updated } = await tx.query<AuthorizationRow>(
      `UPDATE authorizations SET held_refresh_token_enc = NULL, seller_decision = $2, seller_decided_at = $3 WHERE id = $1 RETURNING *`,
      [auth.id, decision, now],
    );
    return { row: updated[0]!, switched: decision === 'switch' };
  });
  // The old seller's access token must not serve the new seller's imports.
  if (result.switched) ctx.amazonTokens.forget(result.row.platform_id);
  ctx.notifier.publish(result.row.id);
  return result.row;
}


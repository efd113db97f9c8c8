// AKTUALISIEREN that comes back with another seller account. Amazon answers a refresh with whichever
// seller signed in; silently replacing the platform's seller would import another merchant's orders.
// So the new refresh token is held aside (sealed like every token) on the authorization, whose status
// becomes `seller_changed`; the platform keeps its seller and tokens until the desktop decides:
//   keep   → the held token is dropped;
//   switch → the held token becomes the platform's, with the new seller, store name and dates; the
//            marketplaces imported for the old seller are cleared (they belong to another account).
// Both are idempotent: the same decision again answers the same; the other one is SELLER_CHANGE_DECIDED.
import type { CloudContext } from '../context';
import type { Queryable } from '../db/queryable';
import type { SellerDecision } from '../../shared/cloud-api';
import { CloudError } from '../cloud-error';
import { stripUnsafeText } from '../../shared/safe-text';
import { getMarketplaceParticipations } from '../amazon/sellers-api';
import { storeNameOf } from '../../shared/known-marketplaces';
import { freshAccessToken } from '../platforms/settings-import';
import { findPlatform, storePlatformSignIn, type PlatformRow } from '../repositories/platforms';
import { findTenantAuthorization } from '../repositories/authorizations/lifecycle';
import { markSellerChanged, recordSellerDecision } from '../repositories/authorizations/seller-change';
import type { AuthorizationRow } from '../repositories/authorizations/row';
import { AUTHORIZATION_RENEWAL_MS } from './authorization-service';
import { bestEffort } from '../../shared/best-effort';

/** Amazon authorizations must be renewed every 365 days. */

/**
 * The store name SP-API Sellers reports for a token, or null when it cannot be had (throttled, roles
 * missing, unreachable): the question is then asked with the Händler-ID alone.
 */
async function storeNameFor(ctx: CloudContext, platform: PlatformRow, accessToken: string): Promise<string | null> {
  try {
    const sellers = {
      spApiBase: ctx.endpoints.spApiBase,
      timeoutMs: Math.min(ctx.config.httpTimeoutMs, 10_000),
      now: ctx.now,
      observe: ctx.metrics.spApiCall,
    };
    const marketplaces = await getMarketplaceParticipations(sellers, platform.region, accessToken);
    const name = storeNameOf(marketplaces);
    // Amazon's words, shown on the desktop: no control characters get through.
    return name ? stripUnsafeText(name).slice(0, 200) : null;
  } catch {
    return null;
  }
}

/** Both store names, looked up only when a refresh really brought another seller. */
export async function sellerStoreNames(
  ctx: CloudContext,
  platform: PlatformRow,
  newAccessToken: string,
): Promise<{ previous: string | null; next: string | null }> {
  const next = await storeNameFor(ctx, platform, newAccessToken);
  let previous = platform.store_name;
  if (!previous && platform.refresh_token_enc) {
    const cached = ctx.amazonTokens.get(platform.id, platform.refresh_token_enc, ctx.now());
    const token =
      cached ??
      (await bestEffort(
        'refreshing the access token',
        freshAccessToken(ctx, platform as PlatformRow & { refresh_token_enc: string }),
      ));
    previous = token ? await storeNameFor(ctx, platform, token) : null;
  }
  return { previous, next };
}

/** Inside the callback's transaction: the authorization ends as `seller_changed`; the platform is untouched. */
export async function holdSellerChange(
  tx: Queryable,
  auth: AuthorizationRow,
  platform: PlatformRow,
  seller: {
    sellingPartnerId: string;
    sealedRefreshToken: string;
    sellerIdProven: boolean;
    storeName: string | null;
    previousStoreName: string | null;
  },
  now: Date,
): Promise<void> {
  await markSellerChanged(tx, auth.id, now, {
    sellingPartnerId: seller.sellingPartnerId,
    sealedRefreshToken: seller.sealedRefreshToken,
    sellerIdProven: seller.sellerIdProven,
    storeName: seller.storeName,
    previousSellingPartnerId: platform.selling_partner_id,
    previousStoreName: seller.previousStoreName ?? platform.store_name,
  });
}

export async function decideSellerChange(
  ctx: CloudContext,
  tenantId: string,
  authorizationId: string,
  decision: SellerDecision,
): Promise<AuthorizationRow> {
  const now = new Date(ctx.now());
  const result = await ctx.db.transaction(async (tx) => {
    const auth = await findTenantAuthorization(tx, tenantId, authorizationId, true);
    if (!auth) throw new CloudError('AUTHORIZATION_NOT_FOUND');
    if (auth.status !== 'seller_changed')
      throw new CloudError('SELLER_CHANGE_NOT_OPEN', `The authorization is ${auth.status}.`);
    if (auth.seller_decision) {
      if (auth.seller_decision === decision) return { row: auth, switched: false };
      throw new CloudError(
        'SELLER_CHANGE_DECIDED',
        `The seller change was already answered "${auth.seller_decision}".`,
      );
    }
    if (decision === 'switch') {
      const platform = await findPlatform(tx, tenantId, auth.platform_id, true);
      if (!platform || !auth.held_refresh_token_enc) throw new CloudError('PLATFORM_NOT_FOUND');
      // The marketplaces imported for the old seller belong to another account: cleared.
      const signIn = {
        sealedRefreshToken: auth.held_refresh_token_enc,
        sellingPartnerId: auth.selling_partner_id!,
        sellerIdProven: auth.seller_id_proven,
        storeName: auth.store_name,
        authorizedAt: now,
        renewalDueAt: new Date(now.getTime() + AUTHORIZATION_RENEWAL_MS),
      };
      await storePlatformSignIn(tx, auth.platform_id, signIn, true);
    }
    return { row: await recordSellerDecision(tx, auth.id, decision, now), switched: decision === 'switch' };
  });
  // The old seller's access token must not serve the new seller's imports.
  if (result.switched) ctx.amazonTokens.forget(result.row.platform_id);
  ctx.notifier.publish(result.row.id);
  return result.row;
}

// The redirect's selling_partner_id comes through the seller's browser, which can edit it; LWA's token
// answer names no seller. So after the code exchange, before anything is decided by that id, the cloud asks
// SP-API whose token it got (cloud/amazon/seller-identity.ts, docs/amazon.md §1.6):
//   - another seller → SELLER_ID_DISPROVEN: nothing is stored but the failed sign-in, the token dropped;
//   - the same seller → the platform keeps the id as *proven*; only proven ids route sign-ins started at
//     Amazon (findPlatformsBySeller);
//   - no answer (403 without the role, 429, 5xx, timeout) → *unproven*: a desktop-started sign-in completes
//     as before (its state names the platform), one started at Amazon goes to the pairing code.
import type { Region } from '../../shared/amazon-regions';
import type { CloudContext } from '../context';
import { CloudError } from '../cloud-error';
import type { AmazonCallLog } from '../amazon/amazon-calls';
import { sellerIdOfToken, type SellerIdentity } from '../amazon/seller-identity';

/** The proof is one call on the sign-in's path: it gets this long at most, then the id stays unproven. */
const SELLER_PROOF_TIMEOUT_MS = 2500;

export interface ProofTarget {
  region: Region;
  countryCode?: string | undefined;
}

/** SP-API's word on the token's seller; never throws. */
export function checkSellerId(
  ctx: CloudContext,
  target: ProofTarget,
  accessToken: string,
  log?: AmazonCallLog,
): Promise<SellerIdentity> {
  const opts = {
    spApiBase: ctx.endpoints.spApiBase,
    timeoutMs: Math.min(ctx.config.httpTimeoutMs, SELLER_PROOF_TIMEOUT_MS),
    observe: ctx.metrics.spApiCall,
  };
  return sellerIdOfToken(opts, target, accessToken, log);
}

/** Whether the claimed id is proven; throws SELLER_ID_DISPROVEN when SP-API named another seller. */
export function provenOrRefused(identity: SellerIdentity, claimed: string): boolean {
  if (!identity.proven) return false;
  if (identity.sellerId === claimed) return true;
  // Seller ids are public (storefront links carry them), so naming both is no leak; the token is not named.
  throw new CloudError(
    'SELLER_ID_DISPROVEN',
    `Amazon's token belongs to seller ${identity.sellerId}, the redirect named ${claimed}; nothing was stored.`,
  );
}

// Whose token is this? LWA's token answer does not name the seller, and SP-API has no "who am I" call, but
// the Product Fees API's getMyFeesEstimateForASIN answers with FeesEstimateIdentifier.SellerId, "the
// seller identifier" of the token's seller — present even when the estimate itself is a ClientError
// (docs/amazon.md §4.2). One call, never retried: a sign-in must not wait on it. Any failure (403 without
// one of the roles the operation needs, 429, 5xx, timeout, an answer without SellerId) leaves the seller
// id unproven; the caller decides what that means.
import { z } from 'zod';
import { countryByCode, type Region } from '../../shared/amazon-regions';
import type { AmazonCallLog } from './amazon-calls';
import { httpCall, type CallObserver } from './http-call';

/** Any ASIN will do: the answer names the seller whether or not the item exists there (Amazon's model example). */
const PROOF_ASIN = 'B00V5DG6IQ';
/** The marketplace asked when the platform's country is not of the region (a sign-in started at Amazon). */
const REGION_COUNTRY: Record<Region, string> = { NA: 'US', EU: 'DE', FE: 'JP' };
/** Seller ids are short upper-case alphanumerics; anything else from the wire proves nothing. */
const SELLER_ID = /^[A-Z0-9]{1,64}$/;

const answerSchema = z.object({
  payload: z.object({
    FeesEstimateResult: z.object({
      Status: z.string().optional(),
      FeesEstimateIdentifier: z.object({ SellerId: z.string().regex(SELLER_ID) }),
    }),
  }),
});

export type SellerIdentity = { proven: true; sellerId: string } | { proven: false; reason: string };

interface SellerIdentityOptions {
  spApiBase(region: Region): string;
  timeoutMs: number;
  observe?: CallObserver;
}

/** The seller the access token belongs to, as SP-API names it; never throws. */
export async function sellerIdOfToken(
  opts: SellerIdentityOptions,
  target: { region: Region; countryCode?: string | undefined },
  accessToken: string,
  log?: AmazonCallLog,
): Promise<SellerIdentity> {
  const platformCountry = target.countryCode ? countryByCode(target.countryCode) : undefined;
  const country =
    platformCountry?.region === target.region ? platformCountry : countryByCode(REGION_COUNTRY[target.region])!;
  const res = await httpCall(
    `${opts.spApiBase(target.region)}/products/fees/v0/items/${PROOF_ASIN}/feesEstimate`,
    {
      method: 'POST',
      headers: {
        'x-amz-access-token': accessToken,
        accept: 'application/json',
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        FeesEstimateRequest: {
          MarketplaceId: country.marketplaceId,
          IsAmazonFulfilled: false,
          PriceToEstimateFees: { ListingPrice: { CurrencyCode: country.currency, Amount: 10 } },
          Identifier: 'seller-id-proof',
        },
      }),
    },
    opts.timeoutMs,
    opts.observe,
  );
  log?.add('spapi', `getMyFeesEstimateForASIN (${target.region}, seller id)`, res);
  if (res.kind === 'network') return { proven: false, reason: `network:${res.reason}` };
  if (res.status !== 200) return { proven: false, reason: `HTTP ${res.status}` };
  const parsed = answerSchema.safeParse(res.body);
  if (!parsed.success) return { proven: false, reason: 'no SellerId in the answer' };
  return { proven: true, sellerId: parsed.data.payload.FeesEstimateResult.FeesEstimateIdentifier.SellerId };
}

// SP-API Product Fees, getMyFeesEstimateForASIN (POST /products/fees/v0/items/{Asin}/feesEstimate) on the
// regional base URLs: the answer names the token's seller in FeesEstimateIdentifier.SellerId — with
// Status Success and fees, and as Amazon shows it with Status ClientError too (a marketplace the seller
// does not sell in, or scenario fees_client_error). Scenario pricing_role_missing: 403 Unauthorized with
// empty details (an app without one of the roles the operation needs); fees_429: 429 QuotaExceeded.
// The usage plan (1 request/s, burst 2) is documented in docs/amazon.md §4.2; the sandbox throttles only
// with the scenario, so tests never depend on how fast they run.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { COUNTRIES } from '../shared/amazon-regions';
import { newRequestId } from './ids';
import { denied, sellerCall, spApiError } from './spapi-routes';
import type { SandboxState } from './state';

const FEES_RATE = 1;
const ASIN = /^[A-Z0-9]{10}$/;

const money = z.object({ CurrencyCode: z.string().max(8), Amount: z.number().nonnegative().max(1e9) });
const requestSchema = z.object({
  FeesEstimateRequest: z.object({
    MarketplaceId: z.string().max(64),
    IsAmazonFulfilled: z.boolean().optional(),
    PriceToEstimateFees: z.object({ ListingPrice: money, Shipping: money.optional() }),
    Identifier: z.string().min(1).max(256),
  }),
});

export function registerFeesRoutes(app: FastifyInstance, state: SandboxState): void {
  app.post('/spapi/:region/products/fees/v0/items/:asin/feesEstimate', async (req, reply) => {
    const call = sellerCall(req, reply, state, 'pricing_role_missing');
    if ('reply' in call) return call.reply;
    const { token, ctx } = call;
    if (state.scenarios.take('fees_429', ctx))
      return spApiError(reply, 429, 'QuotaExceeded', 'You exceeded your quota for the requested resource.');
    const asin = (req.params as { asin: string }).asin;
    const parsed = requestSchema.safeParse(req.body);
    if (!ASIN.test(asin) || !parsed.success)
      return spApiError(reply, 400, 'InvalidInput', 'This is an invalid input', 'Invalid body parameters.');
    const r = parsed.data.FeesEstimateRequest;
    const country = COUNTRIES.find((c) => c.marketplaceId === r.MarketplaceId && c.region === token.region);
    if (!country) return spApiError(reply, 400, 'InvalidInput', 'Incorrect Marketplace identifier.');
    const seller = state.seller(token.sellingPartnerId);
    if (!seller) return denied(reply);
    const sells = seller.marketplaces.some((m) => m.country === country.code && m.isParticipating);
    const clientError = !sells || Boolean(state.scenarios.take('fees_client_error', ctx));
    const price = r.PriceToEstimateFees;
    const fee = {
      CurrencyCode: price.ListingPrice.CurrencyCode,
      Amount: Math.round(price.ListingPrice.Amount * 15) / 100,
    };
    const result = {
      Status: clientError ? 'ClientError' : 'Success',
      FeesEstimateIdentifier: {
        MarketplaceId: r.MarketplaceId,
        IdType: 'ASIN',
        SellerId: token.sellingPartnerId,
        SellerInputIdentifier: r.Identifier,
        IsAmazonFulfilled: r.IsAmazonFulfilled ?? false,
        IdValue: asin,
        PriceToEstimateFees: price,
      },
      ...(clientError
        ? {
            Error: {
              Type: 'Sender',
              Code: 'InvalidParameterValue',
              Message: 'There is an client-side error. Please verify your inputs.',
              Detail: [],
            },
          }
        : {
            FeesEstimate: {
              TimeOfFeesEstimation: new Date(state.now()).toUTCString(),
              TotalFeesEstimate: fee,
              FeeDetailList: [{ FeeType: 'ReferralFee', FeeAmount: fee, FinalFee: fee }],
            },
          }),
    };
    return reply
      .code(200)
      .header('content-type', 'application/json')
      .header('x-amzn-RequestId', newRequestId())
      .header('x-amzn-RateLimit-Limit', String(FEES_RATE))
      .send(JSON.stringify({ payload: { FeesEstimateResult: result } }));
  });
}

// SP-API Product Fees (getMyFeesEstimateForASIN) over real HTTP: the answer names the token's seller in
// each variant Amazon shows (docs/amazon.md §4.2), validated against Amazon's model.
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { productionApp, seedAccount } from './seed';
import { obtainTokens, sharedTestSandbox } from './testing/test-client';

const model = JSON.parse(readFileSync(new URL('./model/productFeesV0.json', import.meta.url), 'utf8')) as {
  definitions: Record<string, object>;
};
const validate = new Ajv({ strict: false, allErrors: true }).compile({
  ...model.definitions.GetMyFeesEstimateResponse,
  definitions: model.definitions,
});

const PROD = productionApp();
const EU = seedAccount('eu.haendler@example.com')!;
const FEW = seedAccount('gesperrte.angebote@example.com')!;
const sb = sharedTestSandbox();

const request = (marketplaceId: string, currency = 'EUR') => ({
  FeesEstimateRequest: {
    MarketplaceId: marketplaceId,
    IsAmazonFulfilled: false,
    PriceToEstimateFees: { ListingPrice: { CurrencyCode: currency, Amount: 10 } },
    Identifier: 'test-1',
  },
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are asserted field by field
async function fees(token: string | undefined, body: unknown, region = 'eu', asin = 'B00V5DG6IQ'): Promise<any> {
  const res = await fetch(`${sb.url}/spapi/${region}/products/fees/v0/items/${asin}/feesEstimate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { 'x-amz-access-token': token } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json(), requestId: res.headers.get('x-amzn-RequestId') };
}

const arm = (id: string) => sb.state.scenarios.set({ id: id as never });

describe('getMyFeesEstimateForASIN', () => {
  it("Success: fees, and the token's seller in the identifier", async () => {
    const { access } = await obtainTokens(sb, EU, PROD);
    const res = await fees(access, request('A1PA6795UKMFR9'));
    expect(res.status).toBe(200);
    expect(validate(res.body), JSON.stringify(validate.errors)).toBe(true);
    expect(res.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.payload.FeesEstimateResult).toMatchObject({
      Status: 'Success',
      FeesEstimateIdentifier: { SellerId: EU.sellingPartnerId, MarketplaceId: 'A1PA6795UKMFR9', IdValue: 'B00V5DG6IQ' },
      FeesEstimate: { TotalFeesEstimate: { CurrencyCode: 'EUR', Amount: 1.5 } },
    });
  });

  it('ClientError still names the seller: a marketplace the seller does not sell in, and the scenario', async () => {
    const { access } = await obtainTokens(sb, FEW, PROD);
    const elsewhere = await fees(access, request('A1F83G8C2ARO7P', 'GBP'));
    arm('fees_client_error');
    const scenario = await fees(access, request('A1PA6795UKMFR9'));
    for (const res of [elsewhere, scenario]) {
      expect(res.status).toBe(200);
      expect(validate(res.body), JSON.stringify(validate.errors)).toBe(true);
      expect(res.body.payload.FeesEstimateResult).toMatchObject({
        Status: 'ClientError',
        FeesEstimateIdentifier: { SellerId: FEW.sellingPartnerId },
        Error: { Type: 'Sender', Code: 'InvalidParameterValue' },
      });
    }
  });

  it('403 with empty details without the role, 429 when throttled, 403 for a bad token or another region', async () => {
    const { access } = await obtainTokens(sb, EU, PROD);
    arm('pricing_role_missing');
    const role = await fees(access, request('A1PA6795UKMFR9'));
    expect(role.status).toBe(403);
    expect(role.body.errors[0]).toEqual({
      code: 'Unauthorized',
      message: 'Access to requested resource is denied.',
      details: '',
    });
    sb.state.scenarios.clear();
    sb.state.scenarios.set({ id: 'fees_429', remaining: 1 });
    expect((await fees(access, request('A1PA6795UKMFR9'))).body.errors[0].code).toBe('QuotaExceeded');
    expect((await fees(access, request('A1PA6795UKMFR9'))).status).toBe(200);
    expect((await fees('Atza|made-up', request('A1PA6795UKMFR9'))).status).toBe(403);
    expect((await fees(access, request('ATVPDKIKX0DER', 'USD'), 'na')).status).toBe(403);
  });

  it('400 for a malformed request: a marketplace of another region, a missing price, a bad ASIN', async () => {
    const { access } = await obtainTokens(sb, EU, PROD);
    const other = await fees(access, request('ATVPDKIKX0DER', 'USD'));
    expect(other.status).toBe(400);
    expect(other.body.errors[0]).toMatchObject({ code: 'InvalidInput', message: 'Incorrect Marketplace identifier.' });
    const noPrice = await fees(access, { FeesEstimateRequest: { MarketplaceId: 'A1PA6795UKMFR9', Identifier: 'x' } });
    expect(noPrice.status).toBe(400);
    expect((await fees(access, request('A1PA6795UKMFR9'), 'eu', 'not-an-asin')).status).toBe(400);
  });
});

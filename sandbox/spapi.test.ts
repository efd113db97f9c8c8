// SP-API Sellers over real HTTP; every successful response is validated against Amazon's model.
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { productionApp, seedAccount } from './seed';
import { obtainTokens, sellers, sharedTestSandbox, startTestSandbox, tokenRequest } from './testing/test-client';

const model = JSON.parse(readFileSync(new URL('./model/sellers.json', import.meta.url), 'utf8')) as {
  definitions: Record<string, object>;
};
const ajv = new Ajv({ strict: false, allErrors: true });
const validate = ajv.compile({
  ...model.definitions.GetMarketplaceParticipationsResponse,
  definitions: model.definitions,
});
const validateParticipation = ajv.compile({
  $ref: '#/definitions/MarketplaceParticipation',
  definitions: model.definitions,
});

const PROD = productionApp();
const EU = seedAccount('eu.haendler@example.com')!;
const UNAUTHORIZED = {
  errors: [
    {
      code: 'Unauthorized',
      message: 'Access to requested resource is denied.',
      details: 'The access token you provided is revoked, malformed or invalid.',
    },
  ],
};

const sb = sharedTestSandbox();

function expectValid(body: Record<string, unknown>): void {
  expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
  const payload = body.payload as unknown[];
  expect(payload.length).toBeGreaterThan(0);
  for (const p of payload) expect(validateParticipation(p), JSON.stringify(validateParticipation.errors)).toBe(true);
}

/** DE, FR, IT, ES, UK, NL, PL, SE: the marketplace IDs of a seller in all eight EU marketplaces. */
const EU_EIGHT = [
  'A1PA6795UKMFR9',
  'A13V1IB3VIYZZH',
  'APJ6JRA9NG5V4',
  'A1RKKUPIHCS9HS',
  'A1F83G8C2ARO7P',
  'A1805IZSGTT6HS',
  'A1C3SOZRARQ6R3',
  'A2NODRKZP88ZB9',
];

const cases = [
  {
    email: 'eu.haendler@example.com',
    host: 'sellercentral-europe.amazon.com',
    region: 'eu',
    ids: EU_EIGHT,
  },
  {
    email: 'na.seller@example.com',
    host: 'sellercentral.amazon.com',
    region: 'na',
    ids: ['ATVPDKIKX0DER', 'A2EUQ1WTGCTBG2', 'A1AM78C64UM0Y8', 'A2Q3Y263D00KWC'],
  },
  {
    email: 'fe.seller@example.com',
    host: 'sellercentral.amazon.co.jp',
    region: 'fe',
    ids: ['A1VC38T7YXB528', 'A39IBJ37TRP1C6', 'A19VAU5U5O7RUS'],
  },
  {
    email: 'gesperrte.angebote@example.com',
    host: 'sellercentral.amazon.pl',
    region: 'eu',
    ids: ['A1PA6795UKMFR9', 'A13V1IB3VIYZZH', 'APJ6JRA9NG5V4'],
  },
  {
    email: 'partnerverwaltung@example.com',
    host: 'sellercentral.amazon.nl',
    region: 'eu',
    ids: EU_EIGHT,
  },
];

describe('marketplaceParticipations', () => {
  it.each(cases)("$email: the seller's marketplaces in Amazon's model", async ({ email, host, region, ids }) => {
    const account = seedAccount(email)!;
    const { access } = await obtainTokens(sb, account, PROD, host);
    const res = await sellers(sb.url, region, access);
    expect(res.status).toBe(200);
    expectValid(res.body);
    expect(res.headers.get('x-amzn-RequestId')).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get('x-amzn-RateLimit-Limit')).toBe('0.016');
    const payload = res.body.payload as {
      marketplace: { id: string; countryCode: string };
      storeName: string;
      participation: Record<string, boolean>;
    }[];
    // One entry of each kind outside Amazon's table comes first, as real lists carry them (§4).
    expect(payload.map((p) => p.marketplace.id)).toEqual(['AHRY1CZE9ZY4H', 'A1ZFFQZ3HTUKT9', ...ids]);
    expect(payload[0]!.storeName).toBe(`Invoicing_1000_${account.sellingPartnerId}`);
    for (const p of payload.slice(1)) expect(p.storeName).toBe(account.storeName);
  });

  it('reports UK as GB, suspended listings and non-participation', async () => {
    const eu = await sellers(sb.url, 'eu', (await obtainTokens(sb, EU, PROD)).access);
    const uk = (eu.body.payload as { marketplace: Record<string, string> }[]).find(
      (p) => p.marketplace.id === 'A1F83G8C2ARO7P',
    )!;
    expect(uk.marketplace).toEqual({
      id: 'A1F83G8C2ARO7P',
      name: 'Amazon.co.uk',
      countryCode: 'GB',
      defaultCurrencyCode: 'GBP',
      defaultLanguageCode: 'en_GB',
      domainName: 'www.amazon.co.uk',
    });
    const suspended = seedAccount('gesperrte.angebote@example.com')!;
    const res = await sellers(sb.url, 'eu', (await obtainTokens(sb, suspended, PROD)).access);
    const de = (res.body.payload as { marketplace: { id: string }; participation: Record<string, boolean> }[]).find(
      (p) => p.marketplace.id === 'A1PA6795UKMFR9',
    )!;
    expect(de.participation).toEqual({ isParticipating: true, hasSuspendedListings: true });
    const na = seedAccount('na.seller@example.com')!;
    const naRes = await sellers(sb.url, 'na', (await obtainTokens(sb, na, PROD, 'sellercentral.amazon.com')).access);
    const br = (naRes.body.payload as { marketplace: { id: string }; participation: Record<string, boolean> }[]).find(
      (p) => p.marketplace.id === 'A2Q3Y263D00KWC',
    )!;
    expect(br.participation.isParticipating).toBe(false);
  });
});

describe('403 Unauthorized', () => {
  it('missing, malformed, wrong-region and grantless tokens', async () => {
    const missing = await sellers(sb.url, 'eu');
    expect(missing.status).toBe(403);
    expect(missing.body).toEqual(UNAUTHORIZED);
    expect(missing.headers.get('x-amzn-RequestId')).toBeTruthy();
    expect((await sellers(sb.url, 'eu', 'Atza|garbage')).body).toEqual(UNAUTHORIZED);
    const { access } = await obtainTokens(sb, EU, PROD);
    // A token of another region: 403 with empty details, as real reports show (models #4825).
    const wrongRegion = await sellers(sb.url, 'na', access);
    expect(wrongRegion.status).toBe(403);
    expect(wrongRegion.body).toEqual({ errors: [{ ...UNAUTHORIZED.errors[0], details: '' }] });
    const grantless = await tokenRequest(sb.url, {
      grant_type: 'client_credentials',
      scope: 'sellingpartnerapi::notifications',
      client_id: PROD.clientId,
      client_secret: PROD.clientSecret,
    });
    expect((await sellers(sb.url, 'eu', grantless.body.access_token as string)).body).toEqual(UNAUTHORIZED);
  });

  it('a token of another region: the detailed variant names the token', async () => {
    const detailed = await startTestSandbox({ wrongRegion403: 'invalid_token' });
    try {
      const { access } = await obtainTokens(detailed, EU, PROD);
      const res = await sellers(detailed.url, 'fe', access);
      expect(res.status).toBe(403);
      expect(res.body).toEqual(UNAUTHORIZED);
      expect((await sellers(detailed.url, 'eu', access)).status).toBe(200);
    } finally {
      await detailed.close();
    }
  });

  it('expired tokens', async () => {
    const { access } = await obtainTokens(sb, EU, PROD);
    sb.clock.now += 3600_000;
    expect((await sellers(sb.url, 'eu', access)).body).toEqual(UNAUTHORIZED);
  });

  it('unknown region → 404 in the same error shape', async () => {
    const res = await sellers(sb.url, 'xx', 'x');
    expect(res.status).toBe(404);
    expect((res.body.errors as { code: string }[])[0]!.code).toBe('NotFound');
  });
});

describe('rate limit', () => {
  it('429 past the burst of 15, one more request after 1/0.016 s', async () => {
    const { access } = await obtainTokens(sb, EU, PROD);
    for (let i = 0; i < 15; i++) expect((await sellers(sb.url, 'eu', access)).status).toBe(200);
    const limited = await sellers(sb.url, 'eu', access);
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({
      errors: [{ code: 'QuotaExceeded', message: 'You exceeded your quota for the requested resource.', details: '' }],
    });
    expect(limited.headers.get('x-amzn-RequestId')).toBeTruthy();
    sb.clock.now += 62_000;
    expect((await sellers(sb.url, 'eu', access)).status).toBe(429);
    sb.clock.now += 1_000;
    expect((await sellers(sb.url, 'eu', access)).status).toBe(200);
    expect((await sellers(sb.url, 'eu', access)).status).toBe(429);
  });
});

// sellerIdOfToken against a real HTTP server on loopback that answers as told: what proves a seller id
// and what leaves it unproven (a slow answer, a body without a usable SellerId), and which marketplace
// is asked.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sellerIdOfToken } from './seller-identity';
import { AmazonCallLog } from './amazon-calls';

let server: Server;
let base = '';
let answer: (req: IncomingMessage, body: string) => { status: number; body?: unknown } | 'hang';
const seen: { url: string; token: string; body: unknown }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      seen.push({ url: req.url!, token: String(req.headers['x-amz-access-token']), body: JSON.parse(body) });
      const a = answer(req, body);
      if (a === 'hang') return;
      res.writeHead(a.status, { 'content-type': 'application/json', 'x-amzn-RequestId': 'req-1' });
      res.end(a.body === undefined ? '' : JSON.stringify(a.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const opts = (timeoutMs = 2000) => ({ spApiBase: (r: string) => `${base}/${r.toLowerCase()}`, timeoutMs });
const identified = (sellerId: unknown, status = 'Success') => ({
  status: 200,
  body: { payload: { FeesEstimateResult: { Status: status, FeesEstimateIdentifier: { SellerId: sellerId } } } },
});

describe('sellerIdOfToken', () => {
  it("names the seller of a Success or ClientError answer, asking the platform's marketplace", async () => {
    answer = () => identified('A2EUMUSTER7H1K');
    const log = new AmazonCallLog();
    expect(await sellerIdOfToken(opts(), { region: 'EU', countryCode: 'FR' }, 'Atza|t', log)).toEqual({
      proven: true,
      sellerId: 'A2EUMUSTER7H1K',
    });
    expect(seen.at(-1)).toMatchObject({
      url: '/eu/products/fees/v0/items/B00V5DG6IQ/feesEstimate',
      token: 'Atza|t',
      body: { FeesEstimateRequest: { MarketplaceId: 'A13V1IB3VIYZZH' } },
    });
    expect(log.calls).toEqual([expect.objectContaining({ httpStatus: 200, requestId: 'req-1', outcome: 'ok' })]);
    answer = () => identified('A2EUMUSTER7H1K', 'ClientError');
    // A country of another region (or none) asks the region's default marketplace.
    expect((await sellerIdOfToken(opts(), { region: 'FE', countryCode: 'DE' }, 't')).proven).toBe(true);
    expect(seen.at(-1)!.body).toMatchObject({
      FeesEstimateRequest: {
        MarketplaceId: 'A1VC38T7YXB528',
        PriceToEstimateFees: { ListingPrice: { CurrencyCode: 'JPY' } },
      },
    });
  });

  it('leaves it unproven: an error status, a slow answer, a SellerId that is no seller id, no identifier', async () => {
    const cases: [typeof answer, string][] = [
      [
        () => ({ status: 403, body: { errors: [{ code: 'Unauthorized', message: 'denied', details: '' }] } }),
        'HTTP 403',
      ],
      [() => ({ status: 429, body: { errors: [{ code: 'QuotaExceeded' }] } }), 'HTTP 429'],
      [() => 'hang', 'network:timeout'],
      [() => identified('A2EU\u0000X'), 'no SellerId in the answer'],
      [() => identified('x'.repeat(100)), 'no SellerId in the answer'],
      [() => ({ status: 200, body: { payload: {} } }), 'no SellerId in the answer'],
      [() => ({ status: 200, body: '<html>' }), 'no SellerId in the answer'],
    ];
    for (const [a, reason] of cases) {
      answer = a;
      expect(await sellerIdOfToken(opts(50), { region: 'NA' }, 't')).toEqual({ proven: false, reason });
    }
  });
});

import { describe, expect, it } from 'vitest';
import { isKnownMarketplace, splitMarketplaces, storeNameOf } from './known-marketplaces';

const shadow = { id: 'AHRY1CZE9ZY4H', storeName: 'Invoicing_123_A2EXAMPLE' };
const nonAmazon = { id: 'A1ZFFQZ3HTUKT9', storeName: 'Non-Amazon Store' };
const de = { id: 'A1PA6795UKMFR9', storeName: 'Müller Handel' };
const fr = { id: 'A13V1IB3VIYZZH', storeName: 'Müller Handel' };

describe('known marketplaces', () => {
  it('knows the ids of the table only', () => {
    expect(isKnownMarketplace('A1PA6795UKMFR9')).toBe(true);
    expect(isKnownMarketplace('AHRY1CZE9ZY4H')).toBe(false);
    expect(isKnownMarketplace('')).toBe(false);
  });

  it("splits in Amazon's order and never takes the store name from an entry outside the table", () => {
    expect(splitMarketplaces([shadow, de, nonAmazon, fr])).toEqual({ known: [de, fr], other: [shadow, nonAmazon] });
    expect(storeNameOf([shadow, nonAmazon, de])).toBe('Müller Handel');
    expect(storeNameOf([shadow, nonAmazon])).toBeUndefined();
    expect(storeNameOf([{ ...de, storeName: '' }, fr])).toBe('Müller Handel');
  });
});

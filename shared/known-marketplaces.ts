// Real marketplace participation lists contain more than Amazon's marketplace table: "Non-Amazon"
// entries and undocumented ids such as the invoicing shadow marketplace (docs/amazon.md §4;
// selling-partner-api-docs #761, #1260). The import offers only marketplaces of the table
// (shared/amazon-regions.ts); the others are kept aside, and the store name never comes from them (the
// shadow marketplace's storeName is "Invoicing_<digits>_<seller id>", not the seller's store).
import { COUNTRIES } from './amazon-regions';

const TABLE = new Set(COUNTRIES.map((c) => c.marketplaceId));

export function isKnownMarketplace(id: string): boolean {
  return TABLE.has(id);
}

/** The list in Amazon's order, split into marketplaces of the table and everything else. */
export function splitMarketplaces<T extends { id: string }>(list: readonly T[]): { known: T[]; other: T[] } {
  return { known: list.filter((m) => isKnownMarketplace(m.id)), other: list.filter((m) => !isKnownMarketplace(m.id)) };
}

/** The seller's store name: that of the first marketplace of the table that names one. */
export function storeNameOf(list: readonly { id: string; storeName: string }[]): string | undefined {
  return list.find((m) => isKnownMarketplace(m.id) && m.storeName)?.storeName;
}

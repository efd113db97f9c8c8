// Builds the Sellers API payload from a seed account, every field Amazon's model requires. Real lists
// also carry entries outside Amazon's marketplace table (docs/amazon.md §4): the sandbox puts one of each
// kind first — the undocumented invoicing shadow marketplace (selling-partner-api-docs #1260), whose
// storeName is not the seller's store, and a "Non-Amazon" entry (selling-partner-api-docs #761) — so a
// client that offers them or takes the first entry's store name is caught.
import { countryByCode } from '../shared/amazon-regions';
import type { SeedAccount } from './seed';

interface MarketplaceParticipation {
  marketplace: {
    id: string;
    name: string;
    countryCode: string;
    defaultCurrencyCode: string;
    defaultLanguageCode: string;
    domainName: string;
  };
  storeName: string;
  participation: { isParticipating: boolean; hasSuspendedListings: boolean };
}

/** An id reported in selling-partner-api-docs #1260; its fields as public MWS answers show them. */
const SHADOW_MARKETPLACE_ID = 'AHRY1CZE9ZY4H';
/** The "Non-Amazon" id reported in selling-partner-api-docs #761 (its other fields: unverified). */
const NON_AMAZON_MARKETPLACE_ID = 'A1ZFFQZ3HTUKT9';

function outsideTheTable(account: SeedAccount): MarketplaceParticipation[] {
  const home = countryByCode(account.marketplaces[0]?.country ?? 'DE') ?? countryByCode('DE')!;
  const participating = { isParticipating: true, hasSuspendedListings: false };
  return [
    {
      marketplace: {
        id: SHADOW_MARKETPLACE_ID,
        name: 'Amazon.com Invoicing Shadow Marketplace',
        countryCode: 'US',
        defaultCurrencyCode: 'USD',
        defaultLanguageCode: 'en_US',
        domainName: 'invoicing-shadow-marketplace.amazon.com',
      },
      storeName: `Invoicing_1000_${account.sellingPartnerId}`,
      participation: participating,
    },
    {
      marketplace: {
        id: NON_AMAZON_MARKETPLACE_ID,
        name: 'Non-Amazon',
        countryCode: home.code === 'UK' ? 'GB' : home.code,
        defaultCurrencyCode: home.currency,
        defaultLanguageCode: home.language,
        domainName: 'non-amazon',
      },
      storeName: account.storeName,
      participation: participating,
    },
  ];
}

export function marketplaceParticipations(account: SeedAccount): MarketplaceParticipation[] {
  return [
    ...outsideTheTable(account),
    ...account.marketplaces.flatMap((m) => {
      const country = countryByCode(m.country);
      if (!country) return [];
      return [
        {
          marketplace: {
            id: country.marketplaceId,
            // "www.amazon.co.uk" → "Amazon.co.uk", as Amazon names its marketplaces.
            name: `Amazon.${country.domainName.replace(/^www\.amazon\./, '')}`,
            // The API answers in ISO 3166-1: the UK marketplace is "GB".
            countryCode: country.code === 'UK' ? 'GB' : country.code,
            defaultCurrencyCode: country.currency,
            defaultLanguageCode: country.language,
            domainName: country.domainName,
          },
          storeName: account.storeName,
          participation: { isParticipating: m.isParticipating, hasSuspendedListings: m.hasSuspendedListings },
        },
      ];
    }),
  ];
}

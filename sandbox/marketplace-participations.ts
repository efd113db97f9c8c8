// Builds the Sellers API payload from a seed account, every field Amazon's model requires.
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

export function marketplaceParticipations(account: SeedAccount): MarketplaceParticipation[] {
  return account.marketplaces.flatMap((m) => {
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
  });
}

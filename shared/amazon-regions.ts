// Amazon's regions, countries, Seller Central hosts, SP-API hosts and marketplace IDs.
// Source: Amazon's SP-API documentation (see the project's README for the table). Used by the
// sandbox, the cloud and the desktop, so it lives in shared/.

export const REGIONS = ['NA', 'EU', 'FE'] as const;
export type Region = (typeof REGIONS)[number];

interface Country {
  /** ISO-like code Amazon uses (UK, not GB). */
  code: string;
  nameDe: string;
  nameEn: string;
  region: Region;
  /** Seller Central host the consent URL points to for this country. */
  sellerCentralHost: string;
  marketplaceId: string;
  /** Storefront domain (marketplace.domainName in the Sellers API). */
  domainName: string;
  currency: string;
  language: string;
}

export const COUNTRIES: readonly Country[] = [
  // NA
  {
    code: 'US',
    nameDe: 'Vereinigte Staaten',
    nameEn: 'United States',
    region: 'NA',
    sellerCentralHost: 'sellercentral.amazon.com',
    marketplaceId: 'ATVPDKIKX0DER',
    domainName: 'www.amazon.com',
    currency: 'USD',
    language: 'en_US',
  },
  {
    code: 'CA',
    nameDe: 'Kanada',
    nameEn: 'Canada',
    region: 'NA',
    sellerCentralHost: 'sellercentral.amazon.ca',
    marketplaceId: 'A2EUQ1WTGCTBG2',
    domainName: 'www.amazon.ca',
    currency: 'CAD',
    language: 'en_CA',
  },
  {
    code: 'MX',
    nameDe: 'Mexiko',
    nameEn: 'Mexico',
    region: 'NA',
    sellerCentralHost: 'sellercentral.amazon.com.mx',
    marketplaceId: 'A1AM78C64UM0Y8',
    domainName: 'www.amazon.com.mx',
    currency: 'MXN',
    language: 'es_MX',
  },
  {
    code: 'BR',
    nameDe: 'Brasilien',
    nameEn: 'Brazil',
    region: 'NA',
    sellerCentralHost: 'sellercentral.amazon.com.br',
    marketplaceId: 'A2Q3Y263D00KWC',
    domainName: 'www.amazon.com.br',
    currency: 'BRL',
    language: 'pt_BR',
  },
  // EU
  {
    code: 'DE',
    nameDe: 'Deutschland',
    nameEn: 'Germany',
    region: 'EU',
    sellerCentralHost: 'sellercentral-europe.amazon.com',
    marketplaceId: 'A1PA6795UKMFR9',
    domainName: 'www.amazon.de',
    currency: 'EUR',
    language: 'de_DE',
  },
  {
    code: 'UK',
    nameDe: 'Vereinigtes Königreich',
    nameEn: 'United Kingdom',
    region: 'EU',
    sellerCentralHost: 'sellercentral-europe.amazon.com',
    marketplaceId: 'A1F83G8C2ARO7P',
    domainName: 'www.amazon.co.uk',
    currency: 'GBP',
    language: 'en_GB',
  },
  {
    code: 'FR',
    nameDe: 'Frankreich',
    nameEn: 'France',
    region: 'EU',
    sellerCentralHost: 'sellercentral-europe.amazon.com',
    marketplaceId: 'A13V1IB3VIYZZH',
    domainName: 'www.amazon.fr',
    currency: 'EUR',
    language: 'fr_FR',
  },
  {
    code: 'IT',
    nameDe: 'Italien',
    nameEn: 'Italy',
    region: 'EU',
    sellerCentralHost: 'sellercentral-europe.amazon.com',
    marketplaceId: 'APJ6JRA9NG5V4',
    domainName: 'www.amazon.it',
    currency: 'EUR',
    language: 'it_IT',
  },
  {
    code: 'ES',
    nameDe: 'Spanien',
    nameEn: 'Spain',
    region: 'EU',
    sellerCentralHost: 'sellercentral-europe.amazon.com',
    marketplaceId: 'A1RKKUPIHCS9HS',
    domainName: 'www.amazon.es',
    currency: 'EUR',
    language: 'es_ES',
  },
  {
    code: 'NL',
    nameDe: 'Niederlande',
    nameEn: 'Netherlands',
    region: 'EU',
    sellerCentralHost: 'sellercentral.amazon.nl',
    marketplaceId: 'A1805IZSGTT6HS',
    domainName: 'www.amazon.nl',
    currency: 'EUR',
    language: 'nl_NL',
  },
  {
    code: 'SE',
    nameDe: 'Schweden',
    nameEn: 'Sweden',
    region: 'EU',
    sellerCentralHost: 'sellercentral.amazon.se',
    marketplaceId: 'A2NODRKZP88ZB9',
    domainName: 'www.amazon.se',
    currency: 'SEK',
    language: 'sv_SE',
  },
  {
    code: 'PL',
    nameDe: 'Polen',
    nameEn: 'Poland',
    region: 'EU',
    sellerCentralHost: 'sellercentral.amazon.pl',
    marketplaceId: 'A1C3SOZRARQ6R3',
    domainName: 'www.amazon.pl',
    currency: 'PLN',
    language: 'pl_PL',
  },
  {
    code: 'BE',
    nameDe: 'Belgien',
    nameEn: 'Belgium',
    region: 'EU',
    sellerCentralHost: 'sellercentral.amazon.com.be',
    marketplaceId: 'AMEN7PMS3EDWL',
    domainName: 'www.amazon.com.be',
    currency: 'EUR',
    language: 'fr_BE',
  },
  {
    code: 'IE',
    nameDe: 'Irland',
    nameEn: 'Ireland',
    region: 'EU',
    sellerCentralHost: 'sellercentral.amazon.ie',
    marketplaceId: 'A28R8C7NBKEWEA',
    domainName: 'www.amazon.ie',
    currency: 'EUR',
    language: 'en_IE',
  },
  {
    code: 'TR',
    nameDe: 'Türkei',
    nameEn: 'Turkey',
    region: 'EU',
    sellerCentralHost: 'sellercentral.amazon.com.tr',
    marketplaceId: 'A33AVAJ2PDY3EV',
    domainName: 'www.amazon.com.tr',
    currency: 'TRY',
    language: 'tr_TR',
  },
  {
    code: 'AE',
    nameDe: 'Vereinigte Arabische Emirate',
    nameEn: 'United Arab Emirates',
    region: 'EU',
    sellerCentralHost: 'sellercentral.amazon.ae',
    marketplaceId: 'A2VIGQ35RCS4UG',
    domainName: 'www.amazon.ae',
    currency: 'AED',
    language: 'en_AE',
  },
  {
    code: 'SA',
    nameDe: 'Saudi-Arabien',
    nameEn: 'Saudi Arabia',
    region: 'EU',
    sellerCentralHost: 'sellercentral.amazon.sa',
    marketplaceId: 'A17E79C6D8DWNP',
    domainName: 'www.amazon.sa',
    currency: 'SAR',
    language: 'ar_AE',
  },
  {
    code: 'EG',
    nameDe: 'Ägypten',
    nameEn: 'Egypt',
    region: 'EU',
    sellerCentralHost: 'sellercentral.amazon.eg',
    marketplaceId: 'ARBP9OOSHTCHU',
    domainName: 'www.amazon.eg',
    currency: 'EGP',
    language: 'en_AE',
  },
  {
    code: 'IN',
    nameDe: 'Indien',
    nameEn: 'India',
    region: 'EU',
    sellerCentralHost: 'sellercentral.amazon.in',
    marketplaceId: 'A21TJRUUN4KGV',
    domainName: 'www.amazon.in',
    currency: 'INR',
    language: 'en_IN',
  },
  {
    code: 'ZA',
    nameDe: 'Südafrika',
    nameEn: 'South Africa',
    region: 'EU',
    sellerCentralHost: 'sellercentral.amazon.co.za',
    marketplaceId: 'AE08WJ6YKNBMC',
    domainName: 'www.amazon.co.za',
    currency: 'ZAR',
    language: 'en_ZA',
  },
  // FE
  {
    code: 'JP',
    nameDe: 'Japan',
    nameEn: 'Japan',
    region: 'FE',
    sellerCentralHost: 'sellercentral.amazon.co.jp',
    marketplaceId: 'A1VC38T7YXB528',
    domainName: 'www.amazon.co.jp',
    currency: 'JPY',
    language: 'ja_JP',
  },
  {
    code: 'AU',
    nameDe: 'Australien',
    nameEn: 'Australia',
    region: 'FE',
    sellerCentralHost: 'sellercentral.amazon.com.au',
    marketplaceId: 'A39IBJ37TRP1C6',
    domainName: 'www.amazon.com.au',
    currency: 'AUD',
    language: 'en_AU',
  },
  {
    code: 'SG',
    nameDe: 'Singapur',
    nameEn: 'Singapore',
    region: 'FE',
    sellerCentralHost: 'sellercentral.amazon.sg',
    marketplaceId: 'A19VAU5U5O7RUS',
    domainName: 'www.amazon.sg',
    currency: 'SGD',
    language: 'en_SG',
  },
];

export const COUNTRY_CODES = COUNTRIES.map((c) => c.code);

/** SP-API hosts per region (production). Amazon's own sandbox prefixes `sandbox.`. */
export const SP_API_HOSTS: Record<Region, string> = {
  NA: 'sellingpartnerapi-na.amazon.com',
  EU: 'sellingpartnerapi-eu.amazon.com',
  FE: 'sellingpartnerapi-fe.amazon.com',
};

/** LWA token endpoint (production). */
export const LWA_TOKEN_URL = 'https://api.amazon.com/auth/o2/token';

/** SP-API reports the United Kingdom as GB, Seller Central's host table as UK: accept both. */
export function countryByCode(code: string): Country | undefined {
  const wanted = code === 'GB' ? 'UK' : code;
  return COUNTRIES.find((c) => c.code === wanted);
}

/** Every Seller Central host of a region (a consent URL may legitimately point to any of them). */
export function sellerCentralHosts(region: Region): string[] {
  return [...new Set(COUNTRIES.filter((c) => c.region === region).map((c) => c.sellerCentralHost))];
}

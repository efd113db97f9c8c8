// Amazon's regions, countries, Seller Central hosts, SP-API hosts and marketplace IDs.
// Source: Amazon's SP-API documentation (see the project's README for the table). Used by the
// sandbox, the cloud and the desktop, so it lives in shared/. The country table: amazon-countries.ts.
import { COUNTRIES, type Country, type Region } from './amazon-countries';

export { COUNTRIES, REGIONS, type Region } from './amazon-countries';

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

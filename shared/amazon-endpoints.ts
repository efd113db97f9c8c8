// Where the Amazon side lives: the real hosts, or the sandbox. The sandbox serves every Amazon host
// from one origin under a path prefix, keeping the path after the prefix exactly Amazon's:
//   Seller Central  <origin>/sc/<seller-central-host>/apps/authorize/consent
//   LWA             <origin>/auth/o2/token
//   SP-API          <origin>/spapi/<na|eu|fe>/sellers/v1/marketplaceParticipations
import { LWA_TOKEN_URL, SP_API_HOSTS, type Region } from './amazon-regions';

export interface AmazonEndpoints {
  /** 'production' talks to Amazon; 'sandbox' to the project's sandbox at `sandboxOrigin`. */
  kind: 'production' | 'sandbox';
  sandboxOrigin?: string;
  /** Base URL of a Seller Central host, without a trailing slash. */
  sellerCentralBase(host: string): string;
  spApiBase(region: Region): string;
  lwaTokenUrl: string;
}

export function productionEndpoints(): AmazonEndpoints {
  return {
    kind: 'production',
    sellerCentralBase: (host) => `https://${host}`,
    spApiBase: (region) => `https://${SP_API_HOSTS[region]}`,
    lwaTokenUrl: LWA_TOKEN_URL,
  };
}

export function sandboxEndpoints(origin: string): AmazonEndpoints {
  const o = origin.replace(/\/+$/, '');
  return {
    kind: 'sandbox',
    sandboxOrigin: o,
    sellerCentralBase: (host) => `${o}/sc/${host}`,
    spApiBase: (region) => `${o}/spapi/${region.toLowerCase()}`,
    lwaTokenUrl: `${o}/auth/o2/token`,
  };
}

// Seller Central hosts beside the regional table of shared/amazon-regions.ts: the European countries whose
// sellers reach Seller Central on their own country's host as well as on sellercentral-europe.amazon.com
// (docs/amazon.md §2). Amazon sends the Login URI's amazon_callback_uri on these hosts too (§1.6).
import type { Region } from './amazon-regions';

export const COUNTRY_SELLER_CENTRAL_HOSTS: Readonly<Record<string, Region>> = {
  'sellercentral.amazon.de': 'EU',
  'sellercentral.amazon.co.uk': 'EU',
  'sellercentral.amazon.fr': 'EU',
  'sellercentral.amazon.it': 'EU',
  'sellercentral.amazon.es': 'EU',
};

// The Seller Central consent URL (docs/amazon.md §1): the country's Seller Central host, application_id,
// state, version=beta for a Draft app, and the registered redirect_uri. Built with URLSearchParams so
// it can never get a second `?` (MD9999).
import type { AmazonEndpoints } from '../../shared/amazon-endpoints';
import { countryByCode } from '../../shared/amazon-regions';

interface ConsentUrlInput {
  endpoints: AmazonEndpoints;
  countryCode: string;
  applicationId: string;
  draftApp: boolean;
  redirectUri: string;
  state: string;
}

export function buildConsentUrl(input: ConsentUrlInput): string {
  const country = countryByCode(input.countryCode);
  if (!country) throw new Error(`unknown country ${input.countryCode}`);
  const params = new URLSearchParams({ application_id: input.applicationId, state: input.state });
  if (input.draftApp) params.set('version', 'beta');
  params.set('redirect_uri', input.redirectUri);
  return `${input.endpoints.sellerCentralBase(country.sellerCentralHost)}/apps/authorize/consent?${params.toString()}`;
}

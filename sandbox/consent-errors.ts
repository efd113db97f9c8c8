// Error pages Seller Central shows instead of the consent page. The codes and texts come from the one
// catalogue the app also explains (shared/seller-central-errors.ts); `key` is stable for tests and
// support (data-error attribute), `amazonCode` is what Amazon prints on the page.
import { SELLER_CENTRAL_ERRORS, type SellerCentralError, type SellerCentralErrorKey } from '../shared/seller-central-errors';


export type ConsentErrorKey = Extract<
  SellerCentralErrorKey,
  | 'MD1000'
  | 'MD5101'
  | 'MD5110'
  | 'MD9000'
  | 'MD9010'
  | 'MD9100'
  | 'MD9999'
  | 'not_primary'
  | 'individual_account'
  | 'wrong_region'
  | 'draft_limit'
  | 'session_expired'
  | 'amazon_state_invalid'
  | 'login_uri_missing'
>;

export const CONSENT_ERROR_KEYS: readonly ConsentErrorKey[] = [
  'MD1000',
  'MD5101',
  'MD5110',
  'MD9000',
  'MD9010',
  'MD9100',
  'MD9999',
  'not_primary',
  'individual_account',
  'wrong_region',
  'draft_limit',
  'session_expired',
  'amazon_state_invalid',
  'login_uri_missing',
];

export function consentError(key: ConsentErrorKey): SellerCentralError & { amazonText: { de: string; en: string } } {
  const e = SELLER_CENTRAL_ERRORS[key];
  if (!e.amazonText) throw new Error(`catalogue entry ${key} has no page text`);
  return e as SellerCentralError & { amazonText: { de: string; en: string } };
}

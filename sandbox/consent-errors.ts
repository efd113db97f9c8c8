// Error pages Seller Central shows instead of the consent page. The codes and texts come from the one
// catalogue the app also explains (shared/seller-central-errors.ts); `key` is stable for tests and
// support (data-error attribute), `amazonCode` is what Amazon prints on the page.
import {
  SELLER_CENTRAL_ERROR_KEYS,
  SELLER_CENTRAL_ERRORS,
  type SellerCentralError,
  type SellerCentralErrorKey,
} from '../shared/seller-central-errors';

/** Catalogue entries that are not an error page in place of the consent: the one-time code page's
 * message, the cancelled page, and the merchant closing the browser. */
const NOT_CONSENT_PAGES: readonly SellerCentralErrorKey[] = ['otp_rejected', 'consent_cancelled', 'browser_closed'];

export type ConsentErrorKey = Exclude<SellerCentralErrorKey, 'otp_rejected' | 'consent_cancelled' | 'browser_closed'>;

export const CONSENT_ERROR_KEYS: readonly ConsentErrorKey[] = SELLER_CENTRAL_ERROR_KEYS.filter(
  (k): k is ConsentErrorKey => !NOT_CONSENT_PAGES.includes(k),
);

export function consentError(key: ConsentErrorKey): SellerCentralError & { amazonText: { de: string; en: string } } {
  const e = SELLER_CENTRAL_ERRORS[key];
  if (!e.amazonText) throw new Error(`catalogue entry ${key} has no page text`);
  return e as SellerCentralError & { amazonText: { de: string; en: string } };
}

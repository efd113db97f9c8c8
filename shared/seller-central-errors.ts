// One catalogue of what Seller Central shows when it refuses an authorization (docs/amazon.md §1, §5).
// These refusals stay on Amazon's page and never reach the redirect URI, so the desktop only learns of
// them from the merchant ("Seller Central zeigt einen Fehler?"). The sandbox renders its error pages
// from this catalogue and the app explains every entry, so the codes the sandbox shows are the ones
// the app knows (seller-central-errors.test.ts enforces both directions).
// Each entry names its public source in docs/amazon.md §1.10; English page texts are Amazon's own words
// where a source quotes them, the German ones are our translation unless stated. Texts and codes marked
// unverified have no public source; they live only here, so they are easy to change.
import type { Region } from './amazon-regions';
import type { DesktopErrorCode } from './error-codes';

export const SELLER_CENTRAL_ERROR_KEYS = [
  'wrong_region',
  'not_primary',
  'individual_account',
  'draft_limit',
  'otp_rejected',
  'consent_cancelled',
  'browser_closed',
  'session_expired',
  'MD1000',
  'MD5101',
  'MD5110',
  'MD9000',
  'MD9010',
  'MD9100',
  'MD9999',
  'amazon_state_invalid',
  'login_uri_missing',
] as const;
export type SellerCentralErrorKey = (typeof SELLER_CENTRAL_ERROR_KEYS)[number];

export interface SellerCentralError {
  key: SellerCentralErrorKey;
  /** The code Amazon prints on the page ("Fehlercode: …"); absent where it prints none. */
  amazonCode?: string;
  /** What Amazon's page says (the sandbox shows exactly this); absent where there is no page. */
  amazonText?: { de: string; en: string };
  /** The desktop's stable error code; its German and English texts live in the renderer's i18n. */
  errorCode: DesktopErrorCode;
  /**
   * What the desktop does when the merchant reports it: `cancel` ends the sign-in (nothing can come
   * from this attempt), `keep` keeps waiting (the merchant can still finish in the open browser).
   */
  action: 'cancel' | 'keep';
}

const entries: SellerCentralError[] = [
  {
    key: 'wrong_region',
    amazonText: {
      de: 'Ihr Verkäuferkonto ist in dieser Region nicht registriert. Melden Sie sich bei Seller Central in der Region Ihres Kontos an.',
      en: "Your selling account is not registered in this region. Sign in to Seller Central in your account's region.",
    },
    errorCode: 'SELLER_CENTRAL_WRONG_REGION',
    action: 'cancel',
  },
  {
    // A secondary user without "Manage Authorized Partners": Amazon prints no code (selling-partner-api-docs
    // #2191, selling-partner-api-models #4642; docs/amazon.md §1.10).
    key: 'not_primary',
    amazonText: {
      de: 'Ungültiger Zugriff: Sie haben keine Berechtigung, diese Seite anzuzeigen',
      en: 'Invalid Access: You do not have permissions to view this page',
    },
    errorCode: 'SELLER_CENTRAL_NOT_PRIMARY',
    action: 'cancel',
  },
  {
    // An Individual selling plan, or not the primary user (selling-partner-api-docs #901).
    key: 'individual_account',
    amazonText: {
      de: 'Sie sind nicht berechtigt, diese Aktion auszuführen. Sie müssen der Hauptnutzer eines Verkäuferkontos mit dem Tarif „Professionell“ sein, um Apps nutzen zu können. Wenn Sie der Hauptnutzer sind, können Sie Ihren Tarif ändern.',
      en: 'You’re not permitted to take this action. You must be the primary user of a Professional selling account to take advantage of apps. If you are the primary user, you may upgrade your plan.',
    },
    errorCode: 'SELLER_CENTRAL_INDIVIDUAL_ACCOUNT',
    action: 'cancel',
  },
  {
    // The 26th seller of an app not listed in the Appstore (Draft or unlisted), docs/amazon.md §1.7; the
    // text from selling-partner-api-docs #3613 and selling-partner-api-models #519. No code is reported.
    key: 'draft_limit',
    amazonText: {
      de: 'Diese Anwendung hat das Nutzungslimit für OAuth-Autorisierungen erreicht',
      en: 'This application has reached the OAuthorization usage limit',
    },
    errorCode: 'SELLER_CENTRAL_DRAFT_LIMIT',
    action: 'cancel',
  },
  {
    key: 'otp_rejected',
    amazonText: {
      de: 'Das eingegebene Einmalpasswort ist ungültig. Versuchen Sie es erneut.',
      en: 'The One Time Password (OTP) you entered is not valid. Please try again.',
    },
    errorCode: 'SELLER_CENTRAL_OTP_REJECTED',
    action: 'keep',
  },
  {
    key: 'consent_cancelled',
    amazonText: {
      de: 'Sie haben die Autorisierung abgebrochen. Die App hat keinen Zugriff erhalten. Sie können dieses Fenster schließen.',
      en: 'You cancelled the authorization. The app has not been granted access. You can close this window.',
    },
    errorCode: 'SELLER_CENTRAL_CONSENT_CANCELLED',
    action: 'cancel',
  },
  { key: 'browser_closed', errorCode: 'SELLER_CENTRAL_BROWSER_CLOSED', action: 'keep' },
  {
    key: 'session_expired',
    amazonText: {
      de: 'Ihre Sitzung ist abgelaufen. Bitte starten Sie die Autorisierung erneut.',
      en: 'Your session has expired. Please start the authorization again.',
    },
    errorCode: 'SELLER_CENTRAL_SESSION_EXPIRED',
    action: 'keep',
  },
  {
    key: 'MD1000',
    amazonCode: 'MD1000',
    amazonText: {
      de: 'Diese Anwendung befindet sich im Entwurfsstatus und kann nur mit dem Parameter version=beta autorisiert werden.',
      en: 'This application is in Draft state and can only be authorized with the parameter version=beta.',
    },
    errorCode: 'SELLER_CENTRAL_MD1000',
    action: 'cancel',
  },
  {
    key: 'MD5101',
    amazonCode: 'MD5101',
    amazonText: {
      de: 'Die angegebene Redirect-URI ist für diese Anwendung nicht registriert.',
      en: 'The redirect URI provided is not registered for this application.',
    },
    errorCode: 'SELLER_CENTRAL_MD5101',
    action: 'cancel',
  },
  {
    key: 'MD5110',
    amazonCode: 'MD5110',
    amazonText: {
      de: 'Die Redirect-URI darf kein Fragment (#) enthalten.',
      en: 'The redirect URI must not contain a fragment (#).',
    },
    errorCode: 'SELLER_CENTRAL_MD5110',
    action: 'cancel',
  },
  {
    // Amazon's Authorization Errors page: the developer is not eligible for new authorizations (e.g. an
    // unlisted public app, or a suspended developer); text from selling-partner-api-docs #3349.
    key: 'MD9000',
    amazonCode: 'MD9000',
    amazonText: {
      de: 'Etwas ist schiefgelaufen. Dieser Entwickler ist derzeit nicht berechtigt, neue Autorisierungen zu erhalten.',
      en: 'Something went wrong. This developer is currently not eligible to receive new authorizations.',
    },
    errorCode: 'SELLER_CENTRAL_MD9000',
    action: 'cancel',
  },
  {
    // Amazon's Authorization Errors page: a hybrid (MWS) app without an MWS developer id in this region.
    // The page text is Amazon's generic one (as for MD9999); unverified for this code.
    key: 'MD9010',
    amazonCode: 'MD9010',
    amazonText: {
      de: 'Etwas ist schiefgelaufen. Leider ist bei der Bearbeitung Ihrer Anfrage ein Fehler aufgetreten.',
      en: 'Something went wrong. We are sorry but we encountered an error while processing your request.',
    },
    errorCode: 'SELLER_CENTRAL_MD9010',
    action: 'cancel',
  },
  {
    // Amazon's Authorization Errors page: the app has no OAuth Login URI / redirect URI configured. The
    // page shows Amazon's generic text with the code (unverified for this code).
    key: 'MD9100',
    amazonCode: 'MD9100',
    amazonText: {
      de: 'Etwas ist schiefgelaufen. Leider ist bei der Bearbeitung Ihrer Anfrage ein Fehler aufgetreten.',
      en: 'Something went wrong. We are sorry but we encountered an error while processing your request.',
    },
    errorCode: 'SELLER_CENTRAL_MD9100',
    action: 'cancel',
  },
  {
    // Amazon's generic page (selling-partner-api-docs #262, #533): a malformed consent URL, or an error
    // on Amazon's side.
    key: 'MD9999',
    amazonCode: 'MD9999',
    amazonText: {
      de: 'Etwas ist schiefgelaufen. Leider ist bei der Bearbeitung Ihrer Anfrage ein Fehler aufgetreten.',
      en: 'Something went wrong. We are sorry but we encountered an error while processing your request.',
    },
    errorCode: 'SELLER_CENTRAL_MD9999',
    action: 'cancel',
  },
  {
    // The Login URI round trip (docs/amazon.md §1.6): the app must hand amazon_state back unchanged.
    key: 'amazon_state_invalid',
    amazonText: {
      de: 'Die Anwendung hat die Anfrage nicht unverändert zurückgegeben oder sie ist abgelaufen (amazon_state). Starten Sie die Autorisierung erneut; besteht der Fehler, wenden Sie sich an den Entwickler der Anwendung.',
      en: 'The application did not return the request unchanged, or it expired (amazon_state). Start the authorization again; if the error persists, contact the developer of the application.',
    },
    errorCode: 'SELLER_CENTRAL_AMAZON_STATE_INVALID',
    action: 'cancel',
  },
  {
    key: 'login_uri_missing',
    amazonText: {
      de: 'Für diese Anwendung ist keine Login-URI registriert. Wenden Sie sich an den Entwickler der Anwendung.',
      en: 'This application has no registered Login URI. Please contact the developer of the application.',
    },
    errorCode: 'SELLER_CENTRAL_LOGIN_URI_MISSING',
    action: 'cancel',
  },
];

export const SELLER_CENTRAL_ERRORS: Readonly<Record<SellerCentralErrorKey, SellerCentralError>> = Object.fromEntries(
  entries.map((e) => [e.key, e]),
) as Record<SellerCentralErrorKey, SellerCentralError>;

/** The entry for a code the merchant typed from Amazon's page ("md1000", " Error Code: MD9999 "); undefined when unknown. */
export function sellerCentralErrorByAmazonCode(typed: string): SellerCentralError | undefined {
  const code = typed
    .trim()
    .toUpperCase()
    .replace(/^FEHLERCODE:?\s*|^ERROR CODE:?\s*/, '');
  if (!code) return undefined;
  return entries.find((e) => e.amazonCode === code);
}

export function sellerCentralErrorByCode(errorCode: string): SellerCentralError | undefined {
  return entries.find((e) => e.errorCode === errorCode);
}

/** A country to suggest for a region ("Ihr Konto gehört zu Nordamerika → Region US"). */
export const SUGGESTED_COUNTRY: Record<Region, string> = { NA: 'US', EU: 'DE', FE: 'JP' };

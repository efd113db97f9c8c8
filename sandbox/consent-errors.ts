// Error pages Seller Central shows instead of the consent page. `code` is what Amazon prints on the page
// (absent where no primary source names one); `key` is stable for tests and support (data-error attribute).
// Codes marked unverified in docs/amazon.md live only here, so they are easy to change.

export type ConsentErrorKey =
  | 'MD1000'
  | 'MD5101'
  | 'MD5110'
  | 'MD9100'
  | 'MD9999'
  | 'not_primary'
  | 'individual_account'
  | 'wrong_region'
  | 'draft_limit'
  | 'session_expired'
  | 'amazon_state_invalid'
  | 'login_uri_missing';

interface ConsentError {
  code?: string;
  de: string;
  en: string;
}

export const CONSENT_ERRORS: Record<ConsentErrorKey, ConsentError> = {
  MD1000: { code: 'MD1000', de: 'Diese Anwendung befindet sich im Entwurfsstatus und kann nur mit dem Parameter version=beta autorisiert werden.', en: 'This application is in Draft state and can only be authorized with the parameter version=beta.' },
  MD5101: { code: 'MD5101', de: 'Die angegebene Redirect-URI ist für diese Anwendung nicht registriert.', en: 'The redirect URI provided is not registered for this application.' },
  MD5110: { code: 'MD5110', de: 'Die Redirect-URI darf kein Fragment (#) enthalten.', en: 'The redirect URI must not contain a fragment (#).' },
  // Unverified: Amazon's code for an application that is unknown, private or has no redirect URI.
  MD9100: { code: 'MD9100', de: 'Die Anwendung wurde nicht gefunden oder ist nicht für Ihr Konto verfügbar.', en: 'The application was not found or is not available to your account.' },
  MD9999: { code: 'MD9999', de: 'Die Autorisierungsanfrage ist ungültig. Bitte wenden Sie sich an den Entwickler der Anwendung.', en: 'The authorization request is invalid. Please contact the developer of the application.' },
  // Unverified code (docs/amazon.md §1.3).
  not_primary: { code: 'SPDC8143', de: 'Nur der Hauptnutzer des Kontos oder ein Nutzer mit der Berechtigung „Autorisierte Partner verwalten“ kann Anwendungen autorisieren.', en: 'Only the primary user of the account or a user with the "Manage Authorized Partners" permission can authorize applications.' },
  individual_account: { de: 'Anwendungen können nur von Konten mit dem Tarif „Professionell“ autorisiert werden. Ihr Konto verwendet den Tarif „Einzelanbieter“.', en: 'Applications can only be authorized by accounts on the Professional selling plan. Your account uses the Individual plan.' },
  wrong_region: { de: 'Ihr Verkäuferkonto ist in dieser Region nicht registriert. Melden Sie sich bei Seller Central in der Region Ihres Kontos an.', en: 'Your selling account is not registered in this region. Sign in to Seller Central in your account\'s region.' },
  // Key kept for compatibility; it is the limit of every app not listed in the Appstore (Draft or unlisted).
  draft_limit: { de: 'Diese App ist nicht im Selling Partner Appstore gelistet und hat die Höchstzahl von 25 autorisierten Verkaufspartnern erreicht.', en: 'This application is not listed in the Selling Partner Appstore and has reached the limit of 25 authorized selling partners.' },
  // The Login URI round trip (docs/amazon.md §1.6): the app must hand amazon_state back unchanged.
  amazon_state_invalid: { de: 'Die Anwendung hat die Anfrage nicht unverändert zurückgegeben oder sie ist abgelaufen (amazon_state). Starten Sie die Autorisierung erneut; besteht der Fehler, wenden Sie sich an den Entwickler der Anwendung.', en: 'The application did not return the request unchanged, or it expired (amazon_state). Start the authorization again; if the error persists, contact the developer of the application.' },
  login_uri_missing: { de: 'Für diese Anwendung ist keine Login-URI registriert. Wenden Sie sich an den Entwickler der Anwendung.', en: 'This application has no registered Login URI. Please contact the developer of the application.' },
  session_expired: { de: 'Ihre Sitzung ist abgelaufen. Bitte starten Sie die Autorisierung erneut.', en: 'Your session has expired. Please start the authorization again.' },
};

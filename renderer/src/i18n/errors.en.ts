// English error texts: every ErrorCode needs one (ErrorTexts); the variants match errors.de.ts (enforced
// by the type of `en`).
import type { ErrorTexts } from './error-text-keys';

export const errorsEn = {
  INVALID_INPUT: 'The input in the field “{{field}}” is invalid. Please check the field.',
  INVALID_INPUT_generic: 'An input is invalid. Please check the fields.',
  NAME_REQUIRED: 'Please enter a name.',
  NAME_TOO_LONG: 'The name is too long ({{max}} characters at most). Please shorten it.',
  NAME_INVALID: 'The name contains control characters. Please type it again.',
  HOST_DISCONNECTED: 'The connection to the app was lost. Please reload the page.',
  HOST_UNREACHABLE: 'The app cannot be reached. Is “npm start” still running?',
  HOST_TOKEN_INVALID: 'This link is no longer valid (the app was restarted). Open the new link from the console.',
  FORBIDDEN_SENDER: 'This request was refused for security reasons.',
  UNKNOWN_REQUEST: 'The app does not know this request. Please update the app.',
  INTERNAL: 'An unexpected error occurred. Please try again; details are in the log.',
  UNKNOWN: 'Unknown error ({{code}}). Please try again; details are in the log.',
  STORE_CORRUPT: 'The saved settings were damaged and were moved to {{backupPath}}. Started with empty settings.',
  PROFILES_UNREADABLE:
    '{{count}} platform entries in {{file}} could not be read (e.g. written by a newer version or edited by hand) and are not shown. They are kept unchanged in the file. Update the application or send the file to support.',
  PROFILES_UNREADABLE_generic:
    'Some platform entries could not be read and are not shown. They are kept unchanged in the settings file. Update the application or contact support.',
  PROFILES_UNREADABLE_one:
    'One platform entry in {{file}} could not be read (e.g. written by a newer version or edited by hand) and is not shown. It is kept unchanged in the file. Update the application or send the file to support.',
  KEYCHAIN_UNAVAILABLE:
    'No keychain (Secret Service) is available, so secrets cannot be stored. Install and unlock a keychain (e.g. gnome-keyring) and restart the app.',
  CLOUD_NOT_CONFIGURED:
    'The cloud credentials are missing. Please enter cloud URL, client ID and client secret under “Cloud credentials”.',
  CLOUD_SECRET_REQUIRED:
    'The stored client secret is only sent to the cloud URL and client ID it was saved with. To test another cloud URL or client ID, please enter the client secret again.',
  CLOUD_URL_INVALID:
    'The cloud URL is invalid. Use an https address (http only for 127.0.0.1/localhost), without user name and password.',
  CLOUD_UNREACHABLE:
    'The cloud at {{url}} cannot be reached. Check the internet connection and the cloud URL under “Cloud credentials” and try again.',
  CLOUD_UNREACHABLE_generic:
    'The cloud cannot be reached. Check the internet connection and the cloud URL under “Cloud credentials” and try again.',
  CLOUD_UNREACHABLE_dialog:
    'No cloud answers at the cloud URL {{url}}. Please check the address and your internet connection.',
  INVALID_CLIENT_CREDENTIALS_dialog: 'The client ID or client secret is wrong. Please check both fields.',
  NOT_A_CLOUD:
    'This address is not a cloud address: {{url}} answers, but not as this application’s cloud. Under “Cloud credentials”, enter the cloud URL your cloud provider gave you and check it with {{btnTest}}.',
  NOT_A_CLOUD_generic:
    'This address is not a cloud address. Under “Cloud credentials”, enter the cloud URL your cloud provider gave you and check it with {{btnTest}}.',
  NOT_A_CLOUD_dialog:
    'This address is not a cloud address: {{url}} answers, but not as this application’s cloud. Please enter the cloud URL your cloud provider gave you.',
  PLATFORM_INACTIVE:
    'The platform is not active, so it is not used. Tick “Active” on the General tab to sign it in or import settings.',
  NOT_FOUND_dialog: 'No cloud runs at this address. Please check the cloud URL.',
  CLOUD_ERROR: 'The cloud answered with an unexpected error (HTTP {{status}}). Please try again later.',
  CLOUD_ERROR_generic: 'The cloud answered with an unexpected error. Please try again later.',
  BROWSER_OPEN_FAILED: 'The browser could not be opened. Please open {{url}} in your browser yourself.',
  BROWSER_OPEN_FAILED_generic:
    'The browser could not be opened. Please open Seller Central yourself and choose “Manage Your Apps”.',
  CONSENT_URL_REJECTED:
    'The cloud’s sign-in link does not point to the Amazon site of the chosen region and was not opened for security reasons. Check the cloud URL under “Cloud credentials” and contact support.',
  SIGN_IN_IN_PROGRESS: 'A sign-in is already running for this platform. Finish it in the browser or cancel it.',
  NOT_AUTHENTICATED: 'The platform is not signed in to Amazon yet. Please click {{btnSignIn}} first.',
  REGION_CHANGED:
    'The region was changed from {{previousRegion}} to {{region}}; the previous sign-in is valid for its own region only. Please sign in with {{btnSignIn}} to the Amazon account of the new region.',
  REGION_CHANGED_generic:
    'The region was changed; the previous sign-in is valid for its own region only. Please sign in with {{btnSignIn}} to the Amazon account of the new region.',
  REGION_CHANGE_UNCONFIRMED:
    'A change of region ends the sign-in and needs to be confirmed first. Please choose the country again and confirm the question.',
  NOT_IMPORTED: 'No marketplaces have been read for this platform yet. Click “{{btnImport}}” first.',
  SANDBOX_UNREACHABLE:
    'The Amazon sandbox at {{url}} does not answer. Is “npm start” still running? Otherwise restart the application.',
  SANDBOX_UNREACHABLE_generic:
    'The Amazon sandbox does not answer. Is “npm start” still running? Otherwise restart the application.',
  CLOUD_NOT_ENABLED: '“Use cloud” is not ticked for this platform. Please tick it on the “General” tab.',
  AUTH_TIMEOUT:
    'No confirmation arrived from Amazon in time. Did Seller Central show an error? Pick it below for the exact cause. Otherwise click {{btnSignIn}} again.',
  AUTH_CANCELLED: 'The sign-in was cancelled. Click {{btnSignIn}} to start again.',
  ABORTED: 'The operation was cancelled. Please try again.',
  INVALID_MESSAGE: 'The app received a message it does not understand. Please reload the page.',
  NO_SELLER_CHANGE: 'No decision about the seller account is open for this platform. The status was refreshed.',
  CLOUD_URL_REQUIRED: 'Please enter the cloud URL (e.g. https://cloud.example.com).',
  CLOUD_URL_TOO_LONG: 'The cloud URL is too long (300 characters at most). Please check the address.',
  CLIENT_ID_REQUIRED: 'Please enter the client ID you received from the cloud vendor.',
  CLIENT_ID_TOO_LONG: 'The client ID is too long (200 characters at most). Please copy it again from the cloud vendor.',
  CLIENT_ID_INVALID:
    'The client ID contains spaces or characters it cannot contain. Please copy it again from the cloud vendor.',
  CLIENT_SECRET_REQUIRED: 'Please enter the client secret you received from the cloud vendor.',
  CLIENT_SECRET_TOO_LONG:
    'The client secret is too long (500 characters at most). Please copy it again from the cloud vendor.',
  NOT_WAITING: 'No sign-in is running for this platform (any more). The status was refreshed.',
  INVALID_REQUEST: 'The cloud refused the request as invalid. Please update the app or contact support.',
  PAYLOAD_TOO_LARGE: 'The request was too large for the cloud. Please contact support.',
  UNSUPPORTED_MEDIA_TYPE: 'The cloud refused the request’s data format. Please update the app.',
  NOT_FOUND: 'The cloud does not know this address. Check the cloud URL under “Cloud credentials”.',
  UNAUTHORIZED: 'The session with the cloud expired. Please try again.',
  INVALID_CLIENT_CREDENTIALS:
    'The cloud client ID or client secret is wrong. Please check them under “Cloud credentials” (TEST).',
  TENANT_DISABLED:
    'The cloud operator has disabled this account. Please contact the cloud provider to have it enabled again.',
  ADMIN_UNAUTHORIZED: 'The cloud refused the admin access. Please contact support.',
  TENANT_NOT_FOUND: 'The cloud does not know this account. Please check the client ID under “Cloud credentials”.',
  TENANT_NAME_TAKEN: 'Another account of the cloud already has this name. Please contact support.',
  UNSUPPORTED_GRANT_TYPE: 'The cloud refused the kind of sign-in. Please update the app.',
  RATE_LIMITED: 'Too many requests to the cloud. Please wait {{retryAfter}} seconds and try again.',
  RATE_LIMITED_generic: 'Too many requests to the cloud. Please wait a moment and try again.',
  INTERNAL_ERROR: 'The cloud failed unexpectedly. Please try again later.',
  PLATFORM_NOT_FOUND: 'The platform no longer exists. The list was refreshed.',
  PLATFORM_NAME_TAKEN:
    'The name “{{name}}” is already used locally for another platform. Please choose another one, e.g. “{{suggestion}}”.',
  PLATFORM_NAME_TAKEN_cloud:
    'The name “{{name}}” is already used in your cloud account (e.g. on another workstation). Please choose another one, e.g. “{{suggestion}}”.',
  PLATFORM_NAME_TAKEN_generic: 'The name is already used for another platform. Please choose another name.',
  IDEMPOTENCY_KEY_REUSED:
    'The platform could not be created in the cloud (duplicate request). Please click {{btnSignIn}} again.',
  PLATFORM_NOT_AUTHENTICATED: 'The platform is not signed in to Amazon in the cloud yet. Please click {{btnSignIn}}.',
  AUTHORIZATION_NOT_FOUND: 'The cloud does not know this sign-in. Please click {{btnSignIn}} again.',
  AUTHORIZATION_NOT_PENDING: 'This sign-in has already ended. The status was refreshed.',
  AUTHORIZATION_SUPERSEDED: 'This sign-in was replaced by a newer one. Use the link of the newest sign-in.',
  SELLER_CHANGE_NOT_OPEN: 'No decision about the seller account is open for this sign-in. The status was refreshed.',
  SELLER_CHANGE_DECIDED:
    'The seller account was already decided the other way (e.g. on another workstation). The status was refreshed.',
  AUTHORIZATION_EXPIRED:
    'The consent on Amazon was not given in time. Click {{btnSignIn}} again and finish within the time shown.',
  STATE_MISSING: 'Amazon’s answer was incomplete. Please click {{btnSignIn}} again.',
  STATE_INVALID:
    'Amazon’s answer was invalid or tampered with. Please click {{btnSignIn}} again and only use the link from this app.',
  STATE_EXPIRED: 'The sign-in link expired. Please click {{btnSignIn}} again.',
  STATE_REPLAYED: 'This sign-in link was already used; each link works once. Please click {{btnSignIn}} again.',
  CALLBACK_PARAMS_MISSING: 'Amazon returned no authorization code. Please click {{btnSignIn}} again.',
  AMAZON_CONSENT_DENIED:
    'The access was declined or cancelled on Amazon. Click {{btnSignIn}} again and confirm the app’s access.',
  AMAZON_CALLBACK_ERROR:
    'Amazon ended the sign-in with an error. Check that you are signed in as the primary user of an account on the Professional selling plan and click {{btnSignIn}} again.',
  SELLER_MISMATCH:
    'Seller Central was signed in with another seller account than the one the sign-in was started for. Nothing was changed. Sign in to Seller Central with the right account and start Re-Authorize again, or click {{btnRefresh}} here.',
  SELLER_ID_DISPROVEN:
    'Amazon assigned the sign-in to another seller account than the answer in the browser named – the address was changed on the way. For safety nothing was stored. Close the browser window and click {{btnSignIn}} again; do not copy or edit the address meanwhile.',
  EXCHANGE_INTERRUPTED:
    "The cloud was interrupted during the sign-in before Amazon's access was stored. Nothing was changed. Please click {{btnSignIn}} again.",
  LWA_INVALID_GRANT:
    'Amazon did not accept the one-time code when the cloud exchanged it (expired or already used). This is not your fault: start the sign-in again with {{btnSignIn}}.',
  LWA_INVALID_CLIENT:
    'Amazon refused the cloud application’s credentials (wrong or not rotated). Please contact the cloud vendor’s support.',
  LWA_UNAVAILABLE:
    'Amazon cannot be reached right now. Please wait {{retryAfter}} seconds and click {{btnSignIn}} again.',
  LWA_UNAVAILABLE_generic: 'Amazon cannot be reached right now. Please try again in a few minutes.',
  LWA_ERROR: 'Amazon refused the sign-in. Please click {{btnSignIn}} again; if the error persists, contact support.',
  REFRESH_TOKEN_REVOKED:
    'Amazon no longer allows the access, because it was removed in Seller Central or the 365-day authorization lapsed. Please click {{btnSignIn}}.',
  SPAPI_ROLES_MISSING:
    'Amazon denies access: the app lacks roles, or the sign-in predates their approval. Please click {{btnRefresh}}; if that does not help, contact support.',
  SPAPI_WRONG_REGION:
    'The Amazon account belongs to region {{actualRegion}}, but {{region}} is chosen. Choose a country of region {{actualRegion}} under Region and sign in again.',
  SPAPI_WRONG_REGION_generic:
    'The Amazon account belongs to a different region than the one chosen here. Choose a country of your seller account’s region (North America, Europe or Far East) under Region and sign in again.',
  SPAPI_ACCESS_DENIED:
    'Amazon denies access to the seller account. Please click {{btnRefresh}} and confirm the access again.',
  SPAPI_RATE_LIMITED: 'Amazon is throttling requests. Please wait {{retryAfter}} seconds and try again.',
  SPAPI_RATE_LIMITED_generic: 'Amazon is throttling requests. Please wait a moment and try again.',
  SPAPI_SERVER_ERROR: 'Amazon answered with a server error. Please try again later.',
  SPAPI_UNAVAILABLE: 'Amazon (SP-API) cannot be reached. Please try again later.',
  // Seller Central's refusals (shared/seller-central-errors.ts), reported by the merchant while waiting
  SELLER_CENTRAL_WRONG_REGION:
    'Seller Central refuses: your Amazon account belongs to {{actualRegion}}, but {{region}} is chosen. Choose “{{country}}” (or another country of that region) under Region and click {{btnSignIn}} again.',
  SELLER_CENTRAL_WRONG_REGION_generic:
    'Seller Central refuses: your Amazon account belongs to a different region than the one chosen here. Choose a country of your account’s region (North America, Europe or Far East) under Region and click {{btnSignIn}} again.',
  SELLER_CENTRAL_NOT_PRIMARY:
    'Seller Central shows “Invalid Access”: only the primary user of the seller account or a user with the “Manage Authorized Partners” permission may authorize applications. Sign in with such a user in the browser (or get the permission) and click {{btnSignIn}} again.',
  SELLER_CENTRAL_INDIVIDUAL_ACCOUNT:
    'Seller Central refuses: only the primary user of an account on the Professional selling plan can authorize apps – your account is on the Individual plan, or you are not its primary user. Change the plan in Seller Central or sign in with the account owner’s login in the browser, then {{btnSignIn}} again.',
  SELLER_CENTRAL_DRAFT_LIMIT:
    'Seller Central refuses: the cloud provider’s application is not yet listed in the Amazon Appstore and has reached its limit of 25 sellers. You cannot fix this yourself – please contact their support.',
  SELLER_CENTRAL_OTP_REJECTED:
    'Amazon rejects the one-time code. Check that your phone sets date and time automatically (the authenticator app needs the exact time), or request a new SMS code with “Resend OTP”, and enter it in the open browser window. The sign-in goes on.',
  SELLER_CENTRAL_CONSENT_CANCELLED:
    'The consent was cancelled at Amazon; the application was not granted access. Click {{btnSignIn}} again and confirm the access with “Confirm”.',
  SELLER_CENTRAL_BROWSER_CLOSED:
    'The browser window was closed – the sign-in is still running. Open its link again with “Im Browser öffnen” and finish within the time shown.',
  SELLER_CENTRAL_SESSION_EXPIRED:
    'The Seller Central session expired. Open the link again with “Im Browser öffnen”; the sign-in goes on.',
  SELLER_CENTRAL_MD1000:
    'Seller Central refuses (MD1000): the cloud provider’s application is still a draft and was called without the required parameter. You cannot fix this yourself – please report code MD1000 to their support.',
  SELLER_CENTRAL_MD5101:
    'Seller Central refuses (MD5101): the cloud’s return address is not registered at Amazon. Please report code MD5101 to the cloud provider’s support.',
  SELLER_CENTRAL_MD5110:
    'Seller Central refuses (MD5110): the cloud’s return address is invalid (contains a #). Please report code MD5110 to the cloud provider’s support.',
  SELLER_CENTRAL_MD9000:
    'Seller Central refuses (MD9000): the cloud provider may not receive new authorizations at present (for example because its application is not listed in the Appstore). You cannot fix this yourself – please report code MD9000 to their support; existing sign-ins keep working.',
  SELLER_CENTRAL_MD9010:
    'Seller Central refuses (MD9010): the cloud provider’s application has no MWS developer id for your account’s region. You cannot fix this yourself – please report code MD9010 and your region to their support.',
  SELLER_CENTRAL_MD9100:
    'Seller Central refuses (MD9100): the cloud provider’s application has no Login URI or redirect URI registered at Amazon. You cannot fix this yourself – please report code MD9100 to their support.',
  SELLER_CENTRAL_MD9999:
    'Seller Central refuses (MD9999): the sign-in link is malformed. Click {{btnSignIn}} again; if it happens again, report code MD9999 to the cloud provider’s support.',
  SANDBOX_ONLY: 'This only works with the Amazon sandbox (started without “--production”).',
  IMPORT_INVALID:
    'The file is not a valid log of this application (error at “{{field}}”). Please have the log exported again with “{{btnExport}}” and import that file unchanged.',
  IMPORT_INVALID_generic:
    'The file is not a valid log of this application (not JSON, too large or damaged). Please have the log exported again with “{{btnExport}}” and import that file unchanged.',
  IMPORT_TOO_LARGE: 'The file is too large for a log (at most 256 KB). Please choose the exported log file.',
  CLOUD_PLATFORM_IN_USE: 'This cloud platform belongs to a platform in this list. Delete it there with “Löschen”.',
  SELLER_CENTRAL_AMAZON_STATE_INVALID:
    'Seller Central refuses: the sign-in started in Seller Central (Re-Authorize) or in the Appstore expired or does not match this application. Start it there again or click {{btnSignIn}} here.',
  SELLER_CENTRAL_LOGIN_URI_MISSING:
    'Seller Central refuses: the cloud provider’s application has no registered Login URI, so Re-Authorize in Seller Central does not work. Click {{btnSignIn}} here and report the error to their support.',
} satisfies ErrorTexts;

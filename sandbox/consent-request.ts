// Checks a consent URL's query the way Seller Central does before anything else happens
// (docs/amazon.md §1): malformed → MD9999, unknown app → MD1000, no redirect URI → MD9100, Draft without version=beta → MD1000,
// fragment in redirect_uri → MD5110, unregistered redirect_uri → MD5101.
import { isApplicationId } from '../shared/application-id';
import { COUNTRIES, type Region } from '../shared/amazon-regions';
import { COUNTRY_SELLER_CENTRAL_HOSTS } from '../shared/seller-central-hosts';
import type { ConsentErrorKey } from './consent-errors';
import { UNLISTED_APP_SELLER_LIMIT, type SeedAccount, type SeedApp } from './seed';
import type { SandboxState } from './state';

interface ConsentRequest {
  app: SeedApp;
  state: string;
  version?: string;
  /** The redirect URI Amazon will use: the given one, or the app's first registered URI. */
  redirectUri: string;
  /** Only the parameters the seller's browser sent, to re-post them with the confirmation. */
  params: Record<string, string>;
}

type ConsentCheck = { ok: true; request: ConsentRequest } | { ok: false; error: ConsentErrorKey };

const PARAMS = ['application_id', 'state', 'version', 'redirect_uri'] as const;

export function checkConsentQuery(rawQuery: string, state: SandboxState): ConsentCheck {
  // A second '?' is the classic mistake of appending "?version=beta" to a URL that already has a query.
  if (rawQuery.includes('?')) return { ok: false, error: 'MD9999' };
  let query: URLSearchParams;
  try {
    query = new URLSearchParams(rawQuery);
  } catch {
    return { ok: false, error: 'MD9999' };
  }
  const params: Record<string, string> = {};
  for (const name of PARAMS) {
    const values = query.getAll(name);
    if (values.length > 1) return { ok: false, error: 'MD9999' };
    if (values[0] !== undefined) params[name] = values[0];
  }
  const applicationId = params.application_id;
  const stateParam = params.state;
  if (!applicationId || !stateParam) return { ok: false, error: 'MD9999' };

  const app = isApplicationId(applicationId) ? state.appById(applicationId) : undefined;
  // Amazon finds no published app under this id (docs/amazon.md §1.10): MD1000, as for a Draft app.
  if (!app) return { ok: false, error: 'MD1000' };
  if (app.status === 'draft' && params.version !== 'beta') return { ok: false, error: 'MD1000' };

  let redirectUri = params.redirect_uri;
  if (redirectUri !== undefined) {
    if (redirectUri.includes('#')) return { ok: false, error: 'MD5110' };
    if (!app.redirectUris.includes(redirectUri)) return { ok: false, error: 'MD5101' };
  } else {
    redirectUri = app.redirectUris[0];
    if (!redirectUri) return { ok: false, error: 'MD9100' };
  }
  return { ok: true, request: { app, state: stateParam, version: params.version, redirectUri, params } };
}

export function regionOfHost(host: string): Region | undefined {
  return COUNTRIES.find((c) => c.sellerCentralHost === host)?.region ?? COUNTRY_SELLER_CENTRAL_HOSTS[host];
}

/** Who may authorize here (docs/amazon.md §1.3, §1.5, §1.7, §5). The limit of an unlisted app counts distinct sellers. */
export function checkAccountRules(
  account: SeedAccount,
  app: SeedApp,
  host: string,
  state: SandboxState,
): ConsentErrorKey | undefined {
  if (regionOfHost(host) !== account.region) return 'wrong_region';
  if (account.accountType === 'individual') return 'individual_account';
  if (account.role === 'secondary' && !account.manageAuthorizedPartners) return 'not_primary';
  const already = state.authorizations.get(app.applicationId)?.has(account.sellingPartnerId) ?? false;
  // Any app outside the Appstore (Draft, or published but unlisted) is limited, not only Draft apps.
  if (app.appstoreListing !== 'listed' && !already && state.authorizationCount(app) >= UNLISTED_APP_SELLER_LIMIT)
    return 'draft_limit';
  return undefined;
}

// The consent link starts at the cloud (docs/amazon.md §1.6): the desktop opens
// <publicUrl>/oauth/amazon/start/<authorization id>?state=<the authorization's state>. That request binds
// the seller's browser to the pending sign-in with a short-lived cookie and redirects to Seller Central's
// consent URL. When Amazon then loads the Login URI for a seller not yet registered with the app, the
// cookie tells the cloud which sign-in to continue — with its own state, without a second authorization.
import { AMAZON_LOGIN_PATH, AMAZON_START_PATH } from '../../shared/cloud-api';

/** The cookie's name; its value is the authorization's signed state (cloud/authorizations/state.ts). */
const SIGN_IN_COOKIE = 'acc_signin';

/** The path both the start link and the Login URI live under (the cookie is sent to nothing else). */
function oauthPath(loginUri: string): string {
  return new URL(loginUri).pathname.slice(0, -AMAZON_LOGIN_PATH.length) + '/oauth/amazon';
}

/** The start link of an authorization; `loginUri` is the cloud's public Login URI (its base and prefix). */
export function startLink(loginUri: string, authorizationId: string, state: string): string {
  const base = loginUri.slice(0, -AMAZON_LOGIN_PATH.length);
  const url = new URL(`${base}${AMAZON_START_PATH}/${encodeURIComponent(authorizationId)}`);
  url.searchParams.set('state', state);
  return url.href;
}

/**
 * Set-Cookie for the sign-in: HttpOnly, SameSite=Lax (sent on Amazon's top-level redirect to the Login
 * URI, not on cross-site subrequests), Secure where the cloud is reached over https, and living no longer
 * than the authorization.
 */
export function signInCookie(loginUri: string, state: string, maxAgeSeconds: number): string {
  const secure = new URL(loginUri).protocol === 'https:' ? '; Secure' : '';
  return `${SIGN_IN_COOKIE}=${state}; Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}; Path=${oauthPath(loginUri)}; HttpOnly; SameSite=Lax${secure}`;
}

/** The state in the request's sign-in cookie, if any (the value is checked by verifyState, not here). */
export function cookieState(header: string | undefined): string | undefined {
  if (!header || header.length > 8192) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SIGN_IN_COOKIE) {
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9._-]{1,2048}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

// The Login URI (docs/amazon.md §1.6). Amazon loads GET <publicUrl>/oauth/amazon/login?amazon_callback_uri
// &amazon_state&selling_partner_id[&version=beta] after the consent of a seller not yet registered with the
// app (inside the ordinary website workflow), and in Re-Authorize (Seller Central) and Authorize now
// (Appstore). The browser always goes back to amazon_callback_uri (callback-uri.ts) with redirect_uri,
// amazon_state (unchanged) and a state:
//   1. the browser's sign-in cookie, set by the start link the desktop opened (start-link.ts), names a
//      pending sign-in: its own state — that sign-in goes on, no second authorization, nothing superseded;
//   2. else an *unbound* state (state.ts), bound to no platform. selling_partner_id is public (storefront
//      links carry it), so the answer must not tell whether a seller id is connected to this cloud: known,
//      unknown and ambiguous ids get the same redirect, and nothing is written. Amazon's redirect with the
//      code proves the seller; the callback decides then (seller-proof.ts): the one platform with that
//      seller id, else the pairing code the desktop shows.
import { countryByCode } from '../../shared/amazon-regions';
import type { CloudContext } from '../context';
import { findPlatformById, findPlatformsBySeller, type PlatformRow } from '../repositories/platforms';
import { tenantDisabledAt } from '../repositories/tenants';
import { findAuthorization } from '../repositories/authorizations/lifecycle';
import { newId } from '../crypto/client-secret';
import { checkCallbackUri, regionOfCallback, resolveCallbackUri } from './callback-uri';
import { signUnboundState, verifyState } from './state';

export { callbackOrigins } from './callback-uri';

interface LoginUriParams {
  amazon_callback_uri?: string;
  amazon_state?: string;
  selling_partner_id?: string;
  version?: string;
}

/** What the seller's browser gets: a redirect back to Amazon, or a page (with the code form where it helps). */
export type LoginOutcome =
  { kind: 'redirect'; location: string } | { kind: 'page'; status: number; reason: LoginRefusal; askForCode: boolean };

export type LoginRefusal =
  | 'bad_request'
  | 'unknown_seller'
  | 'ambiguous_seller'
  | 'seller_unproven'
  | 'code_invalid'
  | 'region_mismatch'
  | 'tenant_disabled'
  | 'sign_in_over';

/** Where a relative amazon_callback_uri goes when the seller id names no single platform (Amazon's default host). */
const DEFAULT_SELLER_CENTRAL_HOST = 'sellercentral.amazon.com';

export async function handleLogin(ctx: CloudContext, q: LoginUriParams, cookieState?: string): Promise<LoginOutcome> {
  if (!q.amazon_callback_uri || !q.amazon_state)
    return { kind: 'page', status: 400, reason: 'bad_request', askForCode: false };
  const callback = checkCallbackUri(q.amazon_callback_uri, ctx.endpoints, ctx.config.amazon.applicationId);
  if (!callback) return { kind: 'page', status: 400, reason: 'bad_request', askForCode: false };
  const back = (countryHost: string, state: string): LoginOutcome => {
    const target = resolveCallbackUri(callback, ctx.endpoints, countryHost);
    target.searchParams.set('redirect_uri', ctx.redirectUri);
    target.searchParams.set('amazon_state', q.amazon_state!);
    target.searchParams.set('state', state);
    // Amazon says which version of the app it is authorizing (beta for the Draft); echo that, not our setting.
    if (q.version === 'beta') target.searchParams.set('version', 'beta');
    return { kind: 'redirect', location: target.href };
  };
  const hostOf = (platform: PlatformRow | undefined) =>
    (platform && countryByCode(platform.country_code)?.sellerCentralHost) || DEFAULT_SELLER_CENTRAL_HOST;

  if (cookieState) {
    const bound = await cookieBound(ctx, cookieState);
    if (bound) return back(hostOf(bound), cookieState);
  }

  const seller = q.selling_partner_id || undefined;
  const region = regionOfCallback(callback, ctx.endpoints.sandboxOrigin);
  // Only a relative path needs a host, and only the platform knows it: the one read is made for known and
  // unknown ids alike (an absolute callback URI needs none, whoever the seller is).
  let platform: PlatformRow | undefined;
  if (callback.kind === 'relative' && seller) {
    const rows = await findPlatformsBySeller(ctx.db, seller, region, 2);
    platform = rows.length === 1 ? rows[0] : undefined;
  }
  const now = ctx.now();
  const state = await signUnboundState(
    ctx.signingKey,
    { authorizationId: newId('auth'), ...(seller ? { sellingPartnerId: seller } : {}), ...(region ? { region } : {}) },
    now,
    now + ctx.config.authorizationTtlSeconds * 1000,
  );
  return back(hostOf(platform), state);
}

/** The platform of the pending, unused, unexpired sign-in the cookie names (of a live platform of an enabled tenant). */
async function cookieBound(ctx: CloudContext, state: string): Promise<PlatformRow | undefined> {
  const now = ctx.now();
  const check = await verifyState(ctx.signingKey, state, now);
  if (!check.ok) return undefined;
  const row = await findAuthorization(ctx.db, check.authorizationId);
  if (!row || row.status !== 'pending' || row.state_used_at || row.expires_at.getTime() <= now) return undefined;
  const platform = await findPlatformById(ctx.db, row.platform_id);
  if (!platform || platform.deleted_at || (await tenantDisabledAt(ctx.db, platform.tenant_id)) !== null)
    return undefined;
  return platform;
}

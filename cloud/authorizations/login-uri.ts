// The Login URI (docs/amazon.md §1.6). Amazon loads GET <publicUrl>/oauth/amazon/login?amazon_callback_uri
// &amazon_state&selling_partner_id[&version=beta] after the consent of a seller not yet registered with the
// app (inside the ordinary website workflow), and in Re-Authorize (Seller Central) and Authorize now
// (Appstore). The cloud finds the sign-in to continue, in this order:
//   1. the browser's sign-in cookie, set by the start link the desktop opened (start-link.ts): that pending
//      sign-in goes on with its own state — no second authorization, nothing superseded;
//   2. selling_partner_id, when exactly one live platform of one enabled tenant has it;
//   3. the pairing code the desktop shows, typed into the page.
// For 2 and 3 the platform gets a sign-in marked as Amazon's: the pending one of the same kind is reused,
// and nothing else is touched — a request with a stranger's seller id neither cancels the desktop's
// sign-in nor decides an open seller change (issue: Login URI abuse). The browser goes back to
// amazon_callback_uri (callback-uri.ts) with redirect_uri, amazon_state (unchanged) and the state.
import { countryByCode } from '../../shared/amazon-regions';
import type { CloudContext } from '../context';
import { findPlatformById, findPlatformsBySeller, type PlatformRow } from '../repositories/platforms';
import { consumePairingCode, findPairingCodePlatform } from '../pairing-codes';
import { tenantDisabledAt } from '../repositories/tenants';
import { findAuthorization, findPendingAmazonStarted, insertAuthorization, type AuthorizationRow } from '../repositories/authorizations';
import { newId } from '../crypto/client-secret';
import { checkCallbackUri, regionOfCallback, resolveCallbackUri, type CallbackUri } from './callback-uri';
import { signState, verifyState } from './state';

export { callbackOrigins } from './callback-uri';

export interface LoginUriParams {
  amazon_callback_uri?: string;
  amazon_state?: string;
  selling_partner_id?: string;
  version?: string;
}

/** What the seller's browser gets: a redirect back to Amazon, or a page (with the code form where it helps). */
export type LoginOutcome =
  | { kind: 'redirect'; location: string }
  | { kind: 'page'; status: number; reason: LoginRefusal; askForCode: boolean };

export type LoginRefusal = 'bad_request' | 'unknown_seller' | 'ambiguous_seller' | 'code_invalid' | 'region_mismatch' | 'tenant_disabled' | 'sign_in_over';

interface LoginInput {
  /** Typed into the page (POST). */
  pairingCode?: string;
  /** The state in the browser's sign-in cookie (start-link.ts). */
  cookieState?: string;
}

export async function handleLogin(ctx: CloudContext, q: LoginUriParams, input: LoginInput = {}): Promise<LoginOutcome> {
  const page = (status: number, reason: LoginRefusal, askForCode: boolean): LoginOutcome => ({ kind: 'page', status, reason, askForCode });
  if (!q.amazon_callback_uri || !q.amazon_state) return page(400, 'bad_request', false);
  const callback = checkCallbackUri(q.amazon_callback_uri, ctx.endpoints, ctx.config.amazon.applicationId);
  if (!callback) return page(400, 'bad_request', false);
  const hostRegion = regionOfCallback(callback, ctx.endpoints.sandboxOrigin);
  const seller = q.selling_partner_id || undefined;
  const back = (platform: PlatformRow, state: string): LoginOutcome => ({ kind: 'redirect', location: backToAmazon(ctx, callback, platform, q.amazon_state!, state, q.version) });

  if (input.cookieState && input.pairingCode === undefined) {
    const bound = await cookieBound(ctx, input.cookieState);
    if (bound) return back(bound, input.cookieState);
  }

  if (input.pairingCode !== undefined) {
    const found = await findPairingCodePlatform(ctx.db, input.pairingCode, new Date(ctx.now()));
    if (!found) return page(400, 'code_invalid', true);
    // A disabled tenant's platforms start no sign-in: its desktop could not collect the result anyway.
    // Refusals leave the code usable (for the right Seller Central, or once the tenant is enabled).
    if ((await tenantDisabledAt(ctx.db, found.tenant_id)) !== null) return page(403, 'tenant_disabled', false);
    // The region is the platform's; only a host that names one region unambiguously can contradict it.
    if (hostRegion && found.region !== hostRegion) return page(409, 'region_mismatch', true);
    const platform = await consumePairingCode(ctx.db, input.pairingCode, new Date(ctx.now()));
    if (!platform) return page(400, 'code_invalid', true);
    return back(platform, await amazonStarted(ctx, platform, seller));
  }

  if (!seller) return page(404, 'unknown_seller', true);
  // Three are enough to know it is more than one; never say which tenants they belong to.
  const rows = await findPlatformsBySeller(ctx.db, seller, hostRegion, 3);
  if (rows.length === 0) return page(404, 'unknown_seller', true);
  if (rows.length > 1) return page(409, 'ambiguous_seller', true);
  return back(rows[0]!, await amazonStarted(ctx, rows[0]!, seller));
}

/** The platform of the pending, unused, unexpired sign-in the cookie names (of a live platform of an enabled tenant). */
async function cookieBound(ctx: CloudContext, state: string): Promise<PlatformRow | undefined> {
  const now = ctx.now();
  const check = await verifyState(ctx.signingKey, state, now);
  if (!check.ok) return undefined;
  const row = await findAuthorization(ctx.db, check.authorizationId);
  if (!row || row.status !== 'pending' || row.state_used_at || row.expires_at.getTime() <= now) return undefined;
  const platform = await findPlatformById(ctx.db, row.platform_id);
  if (!platform || platform.deleted_at || (await tenantDisabledAt(ctx.db, platform.tenant_id)) !== null) return undefined;
  return platform;
}

/**
 * The state of the platform's sign-in started at Amazon for this seller id: the pending one when there
 * is one, else a new one (refresh when tokens exist, else login). Nothing is cancelled or decided, so
 * repeated requests cost one row per platform and sign-in window, whoever sends them.
 */
async function amazonStarted(ctx: CloudContext, platform: PlatformRow, seller: string | undefined): Promise<string> {
  const now = new Date(ctx.now());
  const { row, created } = await ctx.db.transaction(async (tx): Promise<{ row: AuthorizationRow; created: boolean }> => {
    // The platform's row lock serialises concurrent requests, so two of them cannot both insert.
    await findPlatformById(tx, platform.id, true);
    const pending = await findPendingAmazonStarted(tx, platform.id, seller ?? null, now);
    if (pending) return { row: pending, created: false };
    const inserted = await insertAuthorization(tx, {
      id: newId('auth'),
      tenantId: platform.tenant_id,
      platformId: platform.id,
      mode: platform.refresh_token_enc ? 'refresh' : 'login',
      expiresAt: new Date(now.getTime() + ctx.config.authorizationTtlSeconds * 1000),
      createdAt: now,
      origin: 'amazon',
      expectedSellingPartnerId: seller ?? null,
    });
    return { row: inserted, created: true };
  });
  if (created) {
    ctx.metrics.authorization('started');
    ctx.amazonStarted.publish(platform.tenant_id);
  }
  return signState(ctx.signingKey, row.id, row.created_at.getTime(), row.expires_at.getTime());
}

/** amazon_callback_uri with redirect_uri, amazon_state (as received) and the sign-in's state. */
function backToAmazon(ctx: CloudContext, callback: CallbackUri, platform: PlatformRow, amazonState: string, state: string, version: string | undefined): string {
  const host = countryByCode(platform.country_code)?.sellerCentralHost ?? 'sellercentral.amazon.com';
  const target = resolveCallbackUri(callback, ctx.endpoints, host);
  target.searchParams.set('redirect_uri', ctx.redirectUri);
  target.searchParams.set('amazon_state', amazonState);
  target.searchParams.set('state', state);
  // Amazon says which version of the app it is authorizing (beta for the Draft); echo that, not our setting.
  if (version === 'beta') target.searchParams.set('version', 'beta');
  return target.href;
}

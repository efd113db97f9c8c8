// The Login URI (docs/amazon.md §1.6). Seller Central's Re-Authorize and the Appstore's Authorize now send
// the seller's browser to GET <publicUrl>/oauth/amazon/login?amazon_callback_uri&amazon_state&selling_partner_id
// [&version=beta]. The cloud identifies the platform — by selling_partner_id when exactly one live
// platform of one tenant that is not disabled in that region has it, otherwise by the pairing code the desktop shows — starts
// an authorization for it exactly as the desktop would (so the callback, the token exchange and a changed
// seller are handled by the one refresh path), and sends the browser back to amazon_callback_uri with
// redirect_uri, amazon_state (unchanged) and its own state. Never a guess, never an open redirect.
import { REGIONS, sellerCentralHosts, type Region } from '../../shared/amazon-regions';
import type { CloudContext } from '../context';
import { findPlatformsBySeller, type PlatformRow } from '../repositories/platforms';
import { consumePairingCode, findPairingCodePlatform } from '../pairing-codes';
import { tenantDisabledAt } from '../repositories/tenants';
import { createAuthorization } from './store';
import { signState } from './state';

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

export type LoginRefusal = 'bad_request' | 'unknown_seller' | 'ambiguous_seller' | 'code_invalid' | 'region_mismatch' | 'tenant_disabled';

function regionOfHost(host: string): Region | undefined {
  return REGIONS.find((r) => sellerCentralHosts(r).includes(host));
}

/**
 * amazon_callback_uri must lead back to Amazon: in production an https Seller Central host of a known
 * region (no port, no credentials); in sandbox mode a Seller Central path under the sandbox origin.
 * Anything else would make the Login URI an open redirect. Returns the URL and its region.
 */
export function checkCallbackUri(raw: string, ctx: Pick<CloudContext, 'endpoints'>): { url: URL; region: Region } | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.username || url.password || url.hash) return undefined;
  const sandbox = ctx.endpoints.sandboxOrigin;
  if (sandbox) {
    if (url.origin !== new URL(sandbox).origin || !url.pathname.startsWith('/sc/')) return undefined;
    const region = regionOfHost(url.pathname.split('/')[2] ?? '');
    return region ? { url, region } : undefined;
  }
  if (url.protocol !== 'https:' || url.port) return undefined;
  const region = regionOfHost(url.hostname);
  return region ? { url, region } : undefined;
}

/**
 * Where the pairing-code form may lead: its POST answers with a redirect to amazon_callback_uri, and
 * browsers apply the page's CSP form-action to that redirect too. Exactly the origins checkCallbackUri
 * accepts.
 */
export function callbackOrigins(ctx: Pick<CloudContext, 'endpoints'>): string[] {
  const sandbox = ctx.endpoints.sandboxOrigin;
  if (sandbox) return [new URL(sandbox).origin];
  return [...new Set(REGIONS.flatMap((r) => sellerCentralHosts(r)))].map((host) => `https://${host}`);
}

/** GET: identify by selling_partner_id. POST (code typed): identify by the pairing code. */
export async function handleLogin(ctx: CloudContext, q: LoginUriParams, pairingCode?: string): Promise<LoginOutcome> {
  const page = (status: number, reason: LoginRefusal, askForCode: boolean): LoginOutcome => ({ kind: 'page', status, reason, askForCode });
  if (!q.amazon_callback_uri || !q.amazon_state) return page(400, 'bad_request', false);
  const callback = checkCallbackUri(q.amazon_callback_uri, ctx);
  if (!callback) return page(400, 'bad_request', false);
  const seller = q.selling_partner_id || undefined;

  if (pairingCode !== undefined) {
    const found = await findPairingCodePlatform(ctx.db, pairingCode, new Date(ctx.now()));
    if (!found) return page(400, 'code_invalid', true);
    // A disabled tenant's platforms start no sign-in: its desktop could not collect the result anyway.
    // Refusals leave the code usable (for the right Seller Central, or once the tenant is enabled).
    if ((await tenantDisabledAt(ctx.db, found.tenant_id)) !== null) return page(403, 'tenant_disabled', false);
    if (found.region !== callback.region) return page(409, 'region_mismatch', true);
    const platform = await consumePairingCode(ctx.db, pairingCode, new Date(ctx.now()));
    if (!platform) return page(400, 'code_invalid', true);
    return { kind: 'redirect', location: await start(ctx, platform, q.amazon_state, callback.url, seller, q.version) };
  }

  if (!seller) return page(404, 'unknown_seller', true);
  // Three are enough to know it is more than one; never say which tenants they belong to.
  const rows = await findPlatformsBySeller(ctx.db, seller, callback.region, 3);
  if (rows.length === 0) return page(404, 'unknown_seller', true);
  if (rows.length > 1) return page(409, 'ambiguous_seller', true);
  return { kind: 'redirect', location: await start(ctx, rows[0]!, q.amazon_state, callback.url, seller, q.version) };
}

/** An authorization like the desktop's own (refresh when tokens exist, else login), marked as Amazon's. */
async function start(ctx: CloudContext, platform: PlatformRow, amazonState: string, callback: URL, seller: string | undefined, version: string | undefined): Promise<string> {
  const now = new Date(ctx.now());
  const mode = platform.refresh_token_enc ? 'refresh' : 'login';
  const { row, cancelled } = await createAuthorization(ctx.db, platform.tenant_id, platform.id, mode, now, ctx.config.authorizationTtlSeconds, {
    origin: 'amazon',
    ...(seller ? { expectedSellingPartnerId: seller } : {}),
  });
  for (const old of cancelled) ctx.notifier.publish(old);
  ctx.metrics.authorization('started');
  ctx.amazonStarted.publish(platform.tenant_id);
  const state = await signState(ctx.signingKey, row.id, now.getTime(), row.expires_at.getTime());
  const target = new URL(callback.href);
  target.searchParams.set('redirect_uri', ctx.redirectUri);
  target.searchParams.set('amazon_state', amazonState);
  target.searchParams.set('state', state);
  // Amazon says which version of the app it is authorizing (beta for the Draft); echo that, not our setting.
  if (version === 'beta') target.searchParams.set('version', 'beta');
  return target.href;
}

// POST /v1/platforms/:id/settings/import: an access token from the stored refresh token (cached),
// the Sellers API on the platform's regional host, and the marketplaces stored on the platform.
import type { Marketplace } from '../shared/cloud-api';
import type { CloudContext } from './context';
import { CloudError } from './http/cloud-error';
import { refreshAccessToken } from './amazon/lwa-client';
import { getMarketplaceParticipations } from './amazon/sellers-api';
import { getPlatform, type PlatformRow } from './platforms';

type Authenticated = PlatformRow & { refresh_token_enc: string };

export async function freshAccessToken(ctx: CloudContext, platform: Authenticated): Promise<string> {
  const refreshToken = ctx.secretBox.open(platform.refresh_token_enc, platform.id);
  try {
    const tokens = await refreshAccessToken(ctx.lwa, refreshToken);
    ctx.amazonTokens.set(platform.id, platform.refresh_token_enc, tokens.accessToken, ctx.now() + tokens.expiresIn * 1000);
    return tokens.accessToken;
  } catch (err) {
    if (err instanceof CloudError && err.code === 'REFRESH_TOKEN_REVOKED') await forgetRevokedToken(ctx, platform);
    throw err;
  }
}

/** A revoked refresh token is useless: the platform is shown as not authenticated until a new sign-in. */
async function forgetRevokedToken(ctx: CloudContext, platform: Authenticated): Promise<void> {
  ctx.amazonTokens.forget(platform.id);
  await ctx.db.query('UPDATE platforms SET refresh_token_enc = NULL WHERE id = $1 AND refresh_token_enc = $2', [platform.id, platform.refresh_token_enc]);
}

export async function importSettings(ctx: CloudContext, tenantId: string, platformId: string): Promise<Marketplace[]> {
  const platform = await getPlatform(ctx.db, tenantId, platformId);
  if (!platform.refresh_token_enc) throw new CloudError('PLATFORM_NOT_AUTHENTICATED');
  const authenticated = platform as Authenticated;
  const sellers = { spApiBase: ctx.endpoints.spApiBase, timeoutMs: ctx.config.httpTimeoutMs, now: ctx.now };
  const fetchWith = async (token: string) => getMarketplaceParticipations(sellers, platform.region, token);
  let marketplaces: Marketplace[];
  const cached = ctx.amazonTokens.get(platform.id, authenticated.refresh_token_enc, ctx.now());
  try {
    marketplaces = await fetchWith(cached ?? (await freshAccessToken(ctx, authenticated)));
  } catch (err) {
    // A cached token Amazon now refuses (revoked meanwhile): a refresh tells the real reason.
    const refused = err instanceof CloudError && (err.code === 'SPAPI_ACCESS_DENIED' || err.code === 'SPAPI_WRONG_REGION');
    if (!cached || !refused) throw err;
    ctx.amazonTokens.forget(platform.id);
    marketplaces = await fetchWith(await freshAccessToken(ctx, authenticated));
  }
  await ctx.db.query(
    'UPDATE platforms SET marketplaces = $3, store_name = COALESCE($4, store_name) WHERE id = $1 AND tenant_id = $2 AND deleted_at IS NULL',
    [platform.id, tenantId, JSON.stringify(marketplaces), marketplaces[0]?.storeName ?? null],
  );
  return marketplaces;
}

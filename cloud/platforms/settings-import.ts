// POST /v1/platforms/:id/settings/import: an access token from the stored refresh token (cached),
// the Sellers API on the platform's regional host, and the marketplaces stored on the platform.
import type { CloudContext } from '../context';
import { CloudError } from '../cloud-error';
import { refreshAccessToken } from '../amazon/lwa-client';
import { getMarketplaceParticipations } from '../amazon/sellers-api';
import { getPlatform } from './platform-service';
import { clearRefreshToken, storeMarketplaces, type PlatformRow } from '../repositories/platforms';
import { AmazonCallLog } from '../amazon/amazon-calls';
import { callsToApi, recordAmazonCalls } from '../repositories/amazon-requests';
import type { AmazonRequest, CloudMarketplace } from '../../shared/cloud-api';
import { splitMarketplaces, storeNameOf } from '../../shared/known-marketplaces';
import { bestEffort } from '../../shared/best-effort';

type Authenticated = PlatformRow & { refresh_token_enc: string };

export async function freshAccessToken(
  ctx: CloudContext,
  platform: Authenticated,
  calls?: AmazonCallLog,
): Promise<string> {
  const refreshToken = ctx.secretBox.open(platform.refresh_token_enc, platform.id);
  try {
    const tokens = await refreshAccessToken(ctx.lwa, refreshToken, calls);
    ctx.amazonTokens.set(
      platform.id,
      platform.refresh_token_enc,
      tokens.accessToken,
      ctx.now() + tokens.expiresIn * 1000,
    );
    return tokens.accessToken;
  } catch (err) {
    if (err instanceof CloudError && err.code === 'REFRESH_TOKEN_REVOKED') await forgetRevokedToken(ctx, platform);
    throw err;
  }
}

/** A revoked refresh token is useless: the platform is shown as not authenticated until a new sign-in. */
async function forgetRevokedToken(ctx: CloudContext, platform: Authenticated): Promise<void> {
  ctx.amazonTokens.forget(platform.id);
  await clearRefreshToken(ctx.db, platform.id, platform.refresh_token_enc);
}

export async function importSettings(
  ctx: CloudContext,
  tenantId: string,
  platformId: string,
): Promise<{
  marketplaces: CloudMarketplace[];
  otherMarketplaces: CloudMarketplace[];
  amazonRequests: AmazonRequest[];
}> {
  const platform = await getPlatform(ctx.db, tenantId, platformId);
  if (!platform.refresh_token_enc) throw new CloudError('PLATFORM_NOT_AUTHENTICATED');
  const calls = new AmazonCallLog(ctx.now);
  try {
    // Only marketplaces of Amazon's table are offered and stored; the store name comes from one of them.
    const { known, other } = splitMarketplaces(await fetchMarketplaces(ctx, platform as Authenticated, calls));
    await storeMarketplaces(ctx.db, tenantId, platform.id, known, storeNameOf(known) ?? null);
    return { marketplaces: known, otherMarketplaces: other, amazonRequests: callsToApi(calls.calls) };
  } finally {
    // Also after a failure: then support needs Amazon's request id most. Losing it must not fail the import.
    await bestEffort('recording the Amazon calls', recordAmazonCalls(ctx.db, platform.id, null, calls.calls));
  }
}

async function fetchMarketplaces(
  ctx: CloudContext,
  platform: Authenticated,
  calls: AmazonCallLog,
): Promise<CloudMarketplace[]> {
  const sellers = {
    spApiBase: ctx.endpoints.spApiBase,
    timeoutMs: ctx.config.httpTimeoutMs,
    now: ctx.now,
    observe: ctx.metrics.spApiCall,
  };
  const fetchWith = async (token: string) => getMarketplaceParticipations(sellers, platform.region, token, calls);
  const cached = ctx.amazonTokens.get(platform.id, platform.refresh_token_enc, ctx.now());
  try {
    return await fetchWith(cached ?? (await freshAccessToken(ctx, platform, calls)));
  } catch (err) {
    // A cached token Amazon now refuses (revoked meanwhile): a refresh tells the real reason.
    const refused =
      err instanceof CloudError && (err.code === 'SPAPI_ACCESS_DENIED' || err.code === 'SPAPI_WRONG_REGION');
    if (!cached || !refused) throw err;
    ctx.amazonTokens.forget(platform.id);
    return fetchWith(await freshAccessToken(ctx, platform, calls));
  }
}

// "Einstellungen importieren": the seller's marketplaces from SP-API Sellers, through the cloud.
// The user's choice of marketplaces survives a re-import; new ones start chosen if participating.
import { countryByCode } from '../../shared/amazon-regions';
import type { Marketplace, Platform } from '../../shared/platform';
import { validAuthorization } from '../../shared/valid-authorization';
import { CodedError } from '../../shared/result';
import type { CloudClient } from './cloud-client';
import type { PlatformService } from './platforms';
import type { Timeline } from './timeline';
import { logAmazonRequests } from './amazon-requests';
import { applyAuthEvent, withAuthEvent } from './sign-in/index';
import { splitMarketplaces, storeNameOf } from '../../shared/known-marketplaces';
import { bestEffort } from '../../shared/best-effort';

export async function importSettings(
  platforms: PlatformService,
  cloud: CloudClient,
  timeline: Timeline,
  platformId: string,
  now = () => Date.now(),
): Promise<Platform> {
  const p = platforms.get(platformId);
  if (!p.cloudPlatformId || !validAuthorization(p)) throw new CodedError('NOT_AUTHENTICATED', 'sign in first');
  const region = countryByCode(p.countryCode)!.region;
  // The cloud platform holds the token of the region it was registered for: never import for another one.
  const tokenRegion = p.cloudCountryCode ? countryByCode(p.cloudCountryCode)?.region : region;
  if (tokenRegion !== region) {
    throw new CodedError('REGION_CHANGED', `signed in for region ${tokenRegion}, platform is in ${region}`, {
      region,
      ...(tokenRegion ? { previousRegion: tokenRegion } : {}),
    });
  }
  let imported;
  try {
    imported = await cloud.importSettings(p.cloudPlatformId);
  } catch (error) {
    if (!(error instanceof CodedError)) throw error;
    // The failed call's request id is on the platform: support needs it most now.
    const cloudPlatform = await bestEffort('reading the platform from the cloud', cloud.getPlatform(p.cloudPlatformId));
    logAmazonRequests(timeline, platformId, cloudPlatform?.amazonRequests);
    timeline.add(platformId, { id: 'settingsImportFailed' }, 'error', `${error.code}: ${error.message}`, {
      code: error.code,
    });
    if (error.code === 'REFRESH_TOKEN_REVOKED' || error.code === 'PLATFORM_NOT_AUTHENTICATED') {
      // The authorization is gone on Amazon's side: say so in the status, not only in a message.
      applyAuthEvent(platforms, platformId, {
        type: 'authorizationRevoked',
        at: new Date(now()).toISOString(),
        code: error.code,
      });
    }
    throw new CodedError(error.code, error.message, { ...error.params, region });
  }
  logAmazonRequests(timeline, platformId, imported.amazonRequests);
  // Only marketplaces of Amazon's table are offered; "Non-Amazon" and undocumented entries are kept aside
  // (also when a cloud of an older version still sends them among the marketplaces).
  const { known, other } = splitMarketplaces(imported.marketplaces);
  const otherMarketplaces = [...other, ...(imported.otherMarketplaces ?? [])];
  const before = new Map((p.marketplaces ?? []).map((m) => [m.id, m.selected]));
  const marketplaces: Marketplace[] = known.map((m) => ({ ...m, selected: before.get(m.id) ?? m.isParticipating }));
  timeline.add(
    platformId,
    { id: 'settingsImported' },
    'ok',
    `${marketplaces.length} marketplaces${otherMarketplaces.length ? `, ${otherMarketplaces.length} outside Amazon's marketplace table kept aside` : ''}`,
  );
  // SP-API names the seller's store with every marketplace: shown next to the Händler-ID from now on.
  const storeName = storeNameOf(known);
  // A successful import (by hand or by itself) ends what an earlier automatic one reported.
  return platforms.patch(platformId, (current) => {
    // Disconnected (or registered anew) while the import ran: its answer belongs to a connection that is gone.
    if (current.cloudPlatformId !== p.cloudPlatformId) return current;
    const { autoImport: _reported, ...x } = current;
    const imported = { ...x, marketplaces, otherMarketplaces, marketplacesImportedAt: new Date(now()).toISOString() };
    return storeName ? withAuthEvent(imported, { type: 'storeNameLearned', storeName }) : imported;
  });
}

export function selectMarketplaces(platforms: PlatformService, platformId: string, ids: string[]): Platform {
  const p = platforms.get(platformId);
  if (!p.marketplaces) throw new CodedError('NOT_IMPORTED', 'import the settings first');
  const unknown = ids.filter((id) => !p.marketplaces!.some((m) => m.id === id));
  if (unknown.length)
    throw new CodedError('INVALID_INPUT', `unknown marketplace ${unknown[0]}`, {
      field: 'marketplaceIds',
      reason: 'unknown',
    });
  const chosen = new Set(ids);
  return platforms.patch(platformId, (x) => ({
    ...x,
    marketplaces: x.marketplaces!.map((m) => ({ ...m, selected: chosen.has(m.id) })),
  }));
}

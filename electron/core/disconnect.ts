// "Verbindung trennen" (issue 24, item 8): the platform stays, its connection goes. The desktop keeps no
// Amazon token of its own — the refresh token lives encrypted in the cloud platform — so disconnecting
// deletes the cloud platform (DELETE /v1/platforms/:id, the route Löschen uses; with it the token, its
// pending sign-ins and pairing codes) and sets the status to Nicht authentifiziert. The next ANMELDEN
// registers the platform again. The tenant's Client-Secret in the keychain is the cloud account's, not
// the platform's, and stays. Amazon's side (the app's authorization in Seller Central) is revoked by the
// merchant under "Apps verwalten" (docs/amazon.md §1.12).
import { withAuthEvent } from '../../shared/auth-machine';
import type { Platform } from '../../shared/platform';
import { CodedError } from '../../shared/result';
import type { CloudClient } from './cloud-client';
import type { PlatformService } from './platforms';
import type { Timeline } from './timeline';

export async function disconnectPlatform(
  d: { platforms: PlatformService; cloud: CloudClient; timeline: Timeline },
  id: string,
): Promise<Platform> {
  const p = d.platforms.get(id);
  // A running sign-in or an open seller question is answered or cancelled first (the UI hides the button then).
  if (p.auth.status === 'waiting' || p.auth.status === 'seller_changed')
    throw new CodedError('SIGN_IN_IN_PROGRESS', 'cancel the running sign-in first');
  if (p.cloudPlatformId) {
    try {
      await d.cloud.deletePlatform(p.cloudPlatformId);
    } catch (error) {
      // Already gone in the cloud: nothing left to delete there. Anything else: nothing changed here.
      if (!(error instanceof CodedError && error.code === 'PLATFORM_NOT_FOUND')) throw error;
    }
  }
  d.timeline.add(id, { id: 'disconnected' }, 'ok');
  return d.platforms.patch(id, (x) => {
    const {
      cloudPlatformId: _id,
      cloudCountryCode: _country,
      marketplaces: _m,
      otherMarketplaces: _o,
      marketplacesImportedAt: _at,
      autoImport: _auto,
      ...rest
    } = x;
    return withAuthEvent(rest, { type: 'disconnected' });
  });
}

// The ZUGANGSDATEN tab's requests: ANMELDEN / AKTUALISIEREN, Abbrechen, the link again, the answer to a
// seller change, the pairing code, Seller Central's "Manage Your Apps", and what Seller Central shows.
import type { AppInfo } from '../../../shared/ipc-contract';
import { CodedError } from '../../../shared/result';
import type { CloudClient } from '../cloud-client';
import type { HandlerModule } from '../handlers';
import type { CoreHost } from '../host';
import type { PlatformService } from '../platforms';
import { manageYourAppsUrl } from '../renewal';
import { reportSellerCentralError } from '../seller-central-report';
import { assertActive } from '../inactive';
import type { Timeline } from '../timeline';
import type { SignInManager } from './index';

interface SignInHandlerDeps {
  signIns: SignInManager;
  platforms: PlatformService;
  cloud: CloudClient;
  timeline: Timeline;
  host: CoreHost;
  amazon: AppInfo['amazon'];
  now: () => number;
}

type SignInRequests =
  | 'signIn'
  | 'cancelSignIn'
  | 'reopenConsent'
  | 'resolveSellerChange'
  | 'getPairingCode'
  | 'openManageYourApps'
  | 'reportSellerCentralError';

export function signInHandlers(d: SignInHandlerDeps): HandlerModule<SignInRequests> {
  const sandboxOrigin = d.amazon.kind === 'sandbox' ? d.amazon.sandboxOrigin : undefined;
  return {
    signIn: (p) => {
      assertActive(d.platforms.get(p.id));
      return d.signIns.signIn(p.id, p.mode);
    },
    cancelSignIn: (p) => d.signIns.cancel(p.id),
    reopenConsent: (p) => d.signIns.reopen(p.id),
    resolveSellerChange: (p) => d.signIns.resolveSellerChange(p.id, p.decision),
    getPairingCode: async (p) => {
      const pairing = await d.cloud.createPairingCode(await d.signIns.cloudId(p.id));
      // The code itself is a short-lived capability: not in the timeline, which is exported for support.
      d.timeline.add(p.id, { id: 'pairingCodeShown' }, 'info', `valid until ${pairing.expiresAt}`);
      return pairing;
    },
    openManageYourApps: async (p) => {
      const url = manageYourAppsUrl(d.platforms.get(p.id), sandboxOrigin);
      try {
        await d.host.openExternal(url);
      } catch (error) {
        throw new CodedError('BROWSER_OPEN_FAILED', error instanceof Error ? error.message : String(error), { url });
      }
      d.timeline.add(p.id, { id: 'manageYourAppsOpened' }, 'info', url);
      return { url };
    },
    reportSellerCentralError: (p) =>
      reportSellerCentralError(
        {
          platforms: d.platforms,
          signIns: d.signIns,
          timeline: d.timeline,
          now: d.now,
          ...(sandboxOrigin ? { sandboxOrigin } : {}),
        },
        p.id,
        p.key,
        p.actualRegion,
      ),
  };
}

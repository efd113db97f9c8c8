// "Seller Central zeigt einen Fehler?": Amazon's refusals stay on its page and never reach the cloud,
// so the merchant tells the desktop what the page shows. While waiting, every entry keeps the sign-in
// running with the entry's explanation as a hint (the merchant may still finish in the open browser, and
// a late success counts); ending it is the merchant's choice (cancelSignIn, which then fails with the
// explanation). After a timeout it turns the generic AUTH_TIMEOUT into the specific error. For a wrong region the sandbox knows the account's real region.
import axios from 'axios';
import { countryByCode, type Region } from '../../shared/amazon-regions';
import {
  SELLER_CENTRAL_ERRORS,
  SUGGESTED_COUNTRY,
  type SellerCentralErrorKey,
} from '../../shared/seller-central-errors';
import type { Platform } from '../../shared/platform';
import { CodedError } from '../../shared/result';
import { stateTag } from '../../shared/state-tag';
import type { PlatformService } from './platforms';
import { applyAuthEvent, type SignInManager } from './sign-in/index';
import { allowedActions } from '../../shared/auth-machine';
import type { Timeline } from './timeline';

interface ReportDeps {
  platforms: PlatformService;
  signIns: SignInManager;
  timeline: Timeline;
  /** Set in sandbox mode: the sandbox is asked which account saw the error page. */
  sandboxOrigin?: string;
  now: () => number;
}

export async function reportSellerCentralError(
  d: ReportDeps,
  platformId: string,
  key: SellerCentralErrorKey,
  pickedRegion?: Region,
): Promise<Platform> {
  const p = d.platforms.get(platformId);
  const entry = SELLER_CENTRAL_ERRORS[key];
  if (!allowedActions(p.auth).has('reportSellerCentralError'))
    throw new CodedError('NOT_WAITING', 'no sign-in is running or timed out');
  const region = countryByCode(p.countryCode)!.region;
  const params: Record<string, string> = {};
  if (key === 'wrong_region') {
    const known =
      p.auth.status === 'waiting' && p.auth.origin === 'desktop'
        ? await sandboxAccountRegion(d.sandboxOrigin, p.auth.consentUrl)
        : undefined;
    const actual = known ?? pickedRegion;
    params.region = region;
    if (actual && actual !== region) {
      params.actualRegion = actual;
      params.country = SUGGESTED_COUNTRY[actual];
    }
  }
  d.timeline.add(
    platformId,
    { id: 'sellerCentralErrorReported' },
    'error',
    `${entry.errorCode}: ${entry.amazonCode ?? key}${params.actualRegion ? ` (account region ${params.actualRegion})` : ''}`,
    { code: entry.errorCode },
  );
  const withParams = Object.keys(params).length ? params : undefined;

  if (p.auth.status === 'expired') {
    // The wait is over anyway: the specific explanation replaces the generic timeout.
    return applyAuthEvent(d.platforms, platformId, {
      type: 'expiredReported',
      code: entry.errorCode,
      ...(withParams ? { params: withParams } : {}),
    });
  }
  // Waiting goes on (issue 24): the merchant may still finish in the browser, and a late success counts.
  // The explanation is shown as the hint; CANCEL then ends the sign-in with it (SignInManager.cancel).
  return applyAuthEvent(d.platforms, platformId, {
    type: 'hintReported',
    code: entry.errorCode,
    ...(withParams ? { params: withParams } : {}),
  });
}

/** The region of the account that saw the wrong-region page for this sign-in, as the sandbox recorded it. */
async function sandboxAccountRegion(origin: string | undefined, consentUrl: string): Promise<Region | undefined> {
  if (!origin) return undefined;
  let state: string | null = null;
  try {
    state = new URL(consentUrl).searchParams.get('state');
  } catch {
    return undefined;
  }
  if (!state) return undefined;
  try {
    const res = await axios.get<{ pageErrors?: { key?: string; accountRegion?: string }[] }>(
      `${origin}/sandbox/api/page-errors`,
      {
        params: { stateTag: stateTag(state) },
        timeout: 3000,
        proxy: false,
      },
    );
    const hit = res.data.pageErrors?.find((r) => r.key === 'wrong_region' && r.accountRegion);
    const r = hit?.accountRegion;
    return r === 'NA' || r === 'EU' || r === 'FE' ? r : undefined;
  } catch {
    // Only a help: without the sandbox's answer the merchant's pick stands.
    return undefined;
  }
}

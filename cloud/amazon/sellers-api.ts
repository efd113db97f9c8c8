// SP-API Sellers: GET /sellers/v1/marketplaceParticipations (docs/amazon.md §4), with Amazon's failures
// mapped to stable codes. Any 403 may mean a token of another region — real ones carry empty details
// (docs/amazon.md §4) — so the other regional hosts are asked first (only on this error path); when none
// accepts the token, empty details mean missing roles, anything else is reported as Amazon said it.
import { z } from 'zod';
import { REGIONS, type Region } from '../../shared/amazon-regions';
import type { CloudMarketplace } from '../../shared/cloud-api';
import { stripUnsafeText } from '../../shared/safe-text';
import { CloudError } from '../cloud-error';
import type { AmazonCallLog } from './amazon-calls';
import { httpCall, type CallObserver, type HttpOutcome } from './http-call';
import { retryAfterSeconds } from '../../shared/retry';

/** Amazon's words are stored and shown: control characters are dropped rather than failing the import. */
const amazonText = () => z.string().transform(stripUnsafeText);

const participationsSchema = z.object({
  payload: z.array(
    z.object({
      marketplace: z.object({
        id: amazonText(),
        name: amazonText(),
        countryCode: amazonText(),
        defaultCurrencyCode: amazonText(),
        defaultLanguageCode: amazonText(),
        domainName: amazonText(),
      }),
      storeName: amazonText(),
      participation: z.object({ isParticipating: z.boolean(), hasSuspendedListings: z.boolean() }),
    }),
  ),
});

const errorsSchema = z.object({
  errors: z.array(
    z.object({ code: amazonText().optional(), message: amazonText().optional(), details: amazonText().optional() }),
  ),
});

interface SellersApiOptions {
  spApiBase(region: Region): string;
  timeoutMs: number;
  now(): number;
  /** Metrics: latency and result of every call. */
  observe?: CallObserver;
}

async function call(
  opts: SellersApiOptions,
  region: Region,
  accessToken: string,
  log: AmazonCallLog | undefined,
): Promise<HttpOutcome> {
  const res = await httpCall(
    `${opts.spApiBase(region)}/sellers/v1/marketplaceParticipations`,
    { method: 'GET', headers: { 'x-amz-access-token': accessToken, accept: 'application/json' } },
    opts.timeoutMs,
    opts.observe,
  );
  log?.add('spapi', `getMarketplaceParticipations (${region})`, res);
  return res;
}

export async function getMarketplaceParticipations(
  opts: SellersApiOptions,
  region: Region,
  accessToken: string,
  log?: AmazonCallLog,
): Promise<CloudMarketplace[]> {
  const res = await call(opts, region, accessToken, log);
  if (res.kind === 'network') throw new CloudError('SPAPI_UNAVAILABLE', `SP-API could not be reached (${res.reason}).`);
  if (res.status === 200) {
    const parsed = participationsSchema.safeParse(res.body);
    if (!parsed.success)
      throw new CloudError('SPAPI_SERVER_ERROR', 'SP-API answered with a body that does not match the Sellers model.');
    return parsed.data.payload.map((p) => ({
      ...p.marketplace,
      storeName: p.storeName,
      isParticipating: p.participation.isParticipating,
      hasSuspendedListings: p.participation.hasSuspendedListings,
    }));
  }
  const first = errorsSchema.safeParse(res.body).data?.errors[0];
  const amazonSays = first ? `${first.code ?? ''} ${first.message ?? ''}`.trim() : `HTTP ${res.status}`;
  if (res.status === 429) {
    // Sellers allows 0.016 requests/s: without Retry-After, one token refills in about a minute.
    const retryAfter = retryAfterSeconds(res.headers.get('retry-after'), opts.now()) ?? 60;
    throw new CloudError(
      'SPAPI_RATE_LIMITED',
      `SP-API throttled the call (${amazonSays}); retry in ${retryAfter} s.`,
      retryAfter,
    );
  }
  if (res.status === 403 || res.status === 401) {
    const home = await findAcceptingRegion(opts, region, accessToken, log);
    if (home)
      throw new CloudError(
        'SPAPI_WRONG_REGION',
        `The token belongs to region ${home}, not ${region}: choose ${home} for this platform and sign in again.`,
      );
    if (!first?.details)
      throw new CloudError(
        'SPAPI_ROLES_MISSING',
        `SP-API denied access without details (${amazonSays}): the app lacks the Sellers role, or the authorization predates the role's approval.`,
      );
    throw new CloudError('SPAPI_ACCESS_DENIED', `SP-API denied access: ${amazonSays}. ${first.details}`);
  }
  if (res.status >= 500)
    throw new CloudError('SPAPI_SERVER_ERROR', `SP-API failed with HTTP ${res.status} (${amazonSays}).`);
  throw new CloudError('SPAPI_SERVER_ERROR', `SP-API answered HTTP ${res.status} unexpectedly (${amazonSays}).`);
}

async function findAcceptingRegion(
  opts: SellersApiOptions,
  wrong: Region,
  accessToken: string,
  log: AmazonCallLog | undefined,
): Promise<Region | undefined> {
  for (const region of REGIONS.filter((r) => r !== wrong)) {
    const res = await call(opts, region, accessToken, log);
    if (res.kind === 'response' && res.status === 200) return region;
  }
  return undefined;
}

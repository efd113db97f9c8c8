// Login with Amazon token endpoint (docs/amazon.md §3): code exchange and refresh. Retries 5xx, 429 and
// network failures with backoff; never invalid_grant or invalid_client, which cannot get better.
import { CloudError } from '../http/cloud-error';
import { httpCall, type HttpOutcome } from './http-call';
import { backoffDelay, sleep } from '../../shared/retry';

/** No wait between two LWA attempts is longer than this. */
const LWA_BACKOFF_CAP_MS = 10_000;

export interface LwaOptions {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  maxAttempts: number;
  retryBaseMs: number;
  timeoutMs: number;
}

export interface LwaTokens {
  accessToken: string;
  refreshToken?: string;
  expiresIn: number;
}

type Grant =
  | { grant_type: 'authorization_code'; code: string; redirect_uri: string }
  | { grant_type: 'refresh_token'; refresh_token: string };

export function exchangeCode(opts: LwaOptions, code: string, redirectUri: string): Promise<LwaTokens> {
  return requestToken(opts, { grant_type: 'authorization_code', code, redirect_uri: redirectUri });
}

export function refreshAccessToken(opts: LwaOptions, refreshToken: string): Promise<LwaTokens> {
  return requestToken(opts, { grant_type: 'refresh_token', refresh_token: refreshToken });
}

async function requestToken(opts: LwaOptions, grant: Grant): Promise<LwaTokens> {
  const body = new URLSearchParams({ ...grant, client_id: opts.clientId, client_secret: opts.clientSecret });
  let last: HttpOutcome | undefined;
  for (let attempt = 0; attempt < opts.maxAttempts; attempt++) {
    if (attempt > 0) await sleep(backoffDelay(attempt - 1, { baseMs: opts.retryBaseMs, capMs: LWA_BACKOFF_CAP_MS }));
    last = await httpCall(
      opts.tokenUrl,
      { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8', accept: 'application/json' }, body },
      opts.timeoutMs,
    );
    if (last.kind === 'response' && last.status < 500 && last.status !== 429) return interpret(last, grant);
  }
  const what = last?.kind === 'network' ? last.reason : `HTTP ${last?.status}`;
  throw new CloudError('LWA_UNAVAILABLE', `Amazon's token endpoint failed ${opts.maxAttempts} times (last: ${what}).`, 30);
}

function interpret(res: Extract<HttpOutcome, { kind: 'response' }>, grant: Grant): LwaTokens {
  const body = (typeof res.body === 'object' && res.body !== null ? res.body : {}) as Record<string, unknown>;
  if (res.status === 200 && typeof body.access_token === 'string') {
    return {
      accessToken: body.access_token,
      refreshToken: typeof body.refresh_token === 'string' ? body.refresh_token : undefined,
      expiresIn: typeof body.expires_in === 'number' ? body.expires_in : 3600,
    };
  }
  const error = typeof body.error === 'string' ? body.error : `HTTP ${res.status}`;
  const description = typeof body.error_description === 'string' ? body.error_description : '';
  if (error === 'invalid_grant') {
    if (grant.grant_type === 'refresh_token') throw new CloudError('REFRESH_TOKEN_REVOKED', `Amazon: ${description || error}`);
    throw new CloudError('LWA_INVALID_GRANT', `Amazon rejected the authorization code (expired, used or redirect URI differs): ${description || error}`);
  }
  if (error === 'invalid_client' || res.status === 401) {
    throw new CloudError('LWA_INVALID_CLIENT', `Amazon rejected the cloud's LWA client credentials: ${description || error}`);
  }
  throw new CloudError('LWA_ERROR', `Amazon's token endpoint answered ${error}${description ? `: ${description}` : ''}`);
}

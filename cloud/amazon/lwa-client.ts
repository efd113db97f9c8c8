// Login with Amazon token endpoint (docs/amazon.md §3): code exchange and refresh. Retries 5xx, 429 and
// network failures with backoff; never invalid_grant, which cannot get better. invalid_client is
// answered by trying the other configured client secret once (rotation, docs/amazon.md §5); the one
// LWA accepts is used first from then on. Every call goes to the caller's AmazonCallLog.
import { CloudError } from '../cloud-error';
import type { AmazonCallLog } from './amazon-calls';
import { httpCall, type CallObserver, type HttpOutcome } from './http-call';
import type { LwaSecret, LwaSecretRing, SecretSlot } from './lwa-secrets';
import { backoffDelay, sleep } from '../../shared/retry';

/** No wait between two LWA attempts is longer than this. */
const LWA_BACKOFF_CAP_MS = 10_000;

export interface LwaOptions {
  tokenUrl: string;
  clientId: string;
  secrets: LwaSecretRing;
  maxAttempts: number;
  retryBaseMs: number;
  timeoutMs: number;
  /** Called when LWA refused the first secret tried and accepted another one (for the log). */
  onSecretSwitch?(slot: SecretSlot): void;
  /** Metrics: latency and result of every call. */
  observe?: CallObserver;
}

interface LwaTokens {
  accessToken: string;
  refreshToken?: string;
  expiresIn: number;
}

type Grant =
  | { grant_type: 'authorization_code'; code: string; redirect_uri: string }
  | { grant_type: 'refresh_token'; refresh_token: string };

export function exchangeCode(
  opts: LwaOptions,
  code: string,
  redirectUri: string,
  log?: AmazonCallLog,
): Promise<LwaTokens> {
  return requestToken(opts, { grant_type: 'authorization_code', code, redirect_uri: redirectUri }, log);
}

export function refreshAccessToken(opts: LwaOptions, refreshToken: string, log?: AmazonCallLog): Promise<LwaTokens> {
  return requestToken(opts, { grant_type: 'refresh_token', refresh_token: refreshToken }, log);
}

async function requestToken(opts: LwaOptions, grant: Grant, log: AmazonCallLog | undefined): Promise<LwaTokens> {
  const candidates = opts.secrets.ordered();
  for (const [i, secret] of candidates.entries()) {
    try {
      const tokens = await requestWithSecret(opts, grant, secret, log);
      opts.secrets.accepted(secret);
      if (i > 0) opts.onSecretSwitch?.(secret.slot);
      return tokens;
    } catch (err) {
      // A code is single-use, but LWA refuses the client before it looks at the code: trying the
      // other secret with the same code is safe.
      const another = i < candidates.length - 1;
      if (!(another && err instanceof CloudError && err.code === 'LWA_INVALID_CLIENT')) throw err;
    }
  }
  throw new Error('unreachable: the ring has at least one secret');
}

async function requestWithSecret(
  opts: LwaOptions,
  grant: Grant,
  secret: LwaSecret,
  log: AmazonCallLog | undefined,
): Promise<LwaTokens> {
  const body = new URLSearchParams({ ...grant, client_id: opts.clientId, client_secret: secret.value });
  let last: HttpOutcome | undefined;
  for (let attempt = 0; attempt < opts.maxAttempts; attempt++) {
    if (attempt > 0) await sleep(backoffDelay(attempt - 1, { baseMs: opts.retryBaseMs, capMs: LWA_BACKOFF_CAP_MS }));
    last = await httpCall(
      opts.tokenUrl,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8', accept: 'application/json' },
        body,
      },
      opts.timeoutMs,
      opts.observe,
    );
    log?.add('lwa', `token:${grant.grant_type}`, last);
    if (last.kind === 'response' && last.status < 500 && last.status !== 429) return interpret(last, grant);
  }
  const what = last?.kind === 'network' ? last.reason : `HTTP ${last?.status}`;
  throw new CloudError(
    'LWA_UNAVAILABLE',
    `Amazon's token endpoint failed ${opts.maxAttempts} times (last: ${what}).`,
    30,
  );
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
    if (grant.grant_type === 'refresh_token')
      throw new CloudError('REFRESH_TOKEN_REVOKED', `Amazon: ${description || error}`);
    throw new CloudError(
      'LWA_INVALID_GRANT',
      `Amazon rejected the authorization code (expired, used or redirect URI differs): ${description || error}`,
    );
  }
  if (error === 'invalid_client' || res.status === 401) {
    throw new CloudError(
      'LWA_INVALID_CLIENT',
      `Amazon rejected the cloud's LWA client credentials: ${description || error}`,
    );
  }
  throw new CloudError(
    'LWA_ERROR',
    `Amazon's token endpoint answered ${error}${description ? `: ${description}` : ''}`,
  );
}

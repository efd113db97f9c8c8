// The desktop's long-polls of the cloud (a sign-in's GET /v1/authorizations/:id?wait=…, the feed of
// Amazon-started sign-ins) share one loop: poll, and after a failure wait with capped full-jitter
// backoff (or the cloud's Retry-After) and poll again, until the poll says it is done, the signal
// aborts, or a code comes that more polling cannot fix.
import { CodedError, type ErrorCode } from '../../shared/result';
import { backoffDelay, sleep, type BackoffOptions } from '../../shared/retry';

/** Nothing can be asked of the cloud until the user changes the cloud settings: both polls stop. */
export const SETTINGS_NEEDED_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'CLOUD_NOT_CONFIGURED',
  'KEYCHAIN_UNAVAILABLE',
  'INVALID_CLIENT_CREDENTIALS',
]);

/**
 * A sign-in's wait also ends when what it waits for is gone (the authorization, the platform) or the
 * tenant is refused: it has a deadline, and the merchant must see the reason now. The feed of
 * Amazon-started sign-ins retries those instead (with backoff up to a minute): it has no deadline, and a
 * tenant the operator enables again is followed without a restart.
 */
export const SIGN_IN_STOP_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  ...SETTINGS_NEEDED_CODES,
  'AUTHORIZATION_NOT_FOUND',
  'PLATFORM_NOT_FOUND',
  'TENANT_DISABLED',
  'UNAUTHORIZED',
]);

interface PollOptions {
  signal: AbortSignal;
  backoff: BackoffOptions;
  /** Codes after which polling stops (onStop is told). */
  stopOn: ReadonlySet<ErrorCode>;
  /** One poll; true when polling is done. */
  poll: () => Promise<boolean>;
  onStop?: (error: CodedError) => void;
  /** Any other failure, before the wait; true ends polling (e.g. a deadline passed). */
  onError?: (error: CodedError) => boolean;
}

export async function pollWithBackoff(o: PollOptions): Promise<void> {
  let failures = 0;
  while (!o.signal.aborted) {
    try {
      const done = await o.poll();
      if (done || o.signal.aborted) return;
      failures = 0;
    } catch (error) {
      if (o.signal.aborted) return;
      const coded = error instanceof CodedError ? error : new CodedError('INTERNAL', String(error));
      if (o.stopOn.has(coded.code)) {
        o.onStop?.(coded);
        return;
      }
      if (o.onError?.(coded)) return;
      const retryAfter = typeof coded.params?.retryAfter === 'number' ? coded.params.retryAfter * 1000 : undefined;
      await sleep(retryAfter ?? backoffDelay(failures++, o.backoff), o.signal);
    }
  }
}

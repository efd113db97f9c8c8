// GET /v1/authorizations/:id?wait=N: answer at once unless pending, otherwise hold the request until
// the notifier says the authorization changed, it expires, N seconds pass, or the client goes away.
// One timer and one subscription per waiting request; no polling of the database.
import type { AuthorizationNotifier } from './notifier';

export interface WaitOptions {
  notifier: AuthorizationNotifier;
  authorizationId: string;
  /** Upper bound of the wait in ms (the query's N seconds, or less when the authorization expires first). */
  maxWaitMs: number;
  /** Aborted when the client disconnects. */
  signal?: AbortSignal;
  /**
   * Runs once the subscription is in place; true = already changed. Closes the gap between the
   * caller's read and the subscription, where a notification would otherwise be missed.
   */
  changedSince?: () => Promise<boolean>;
}

/** Resolves 'changed' on a notification, 'timeout' after maxWaitMs, 'aborted' when the signal fires. */
export function waitForChange(opts: WaitOptions): Promise<'changed' | 'timeout' | 'aborted'> {
  return new Promise((resolve) => {
    if (opts.signal?.aborted) return resolve('aborted');
    let done = false;
    const finish = (outcome: 'changed' | 'timeout' | 'aborted') => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      unsubscribe();
      opts.signal?.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    const onAbort = () => finish('aborted');
    const unsubscribe = opts.notifier.subscribe(opts.authorizationId, () => finish('changed'));
    const timer = setTimeout(() => finish('timeout'), Math.max(0, opts.maxWaitMs));
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    opts.changedSince?.().then(
      (changed) => changed && finish('changed'),
      () => finish('changed'),
    );
  });
}

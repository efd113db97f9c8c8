import { describe, expect, it } from 'vitest';
import { createLocalNotifier } from './notifier';
import { waitForChange } from './long-poll';

describe('long-poll wait', () => {
  it('is woken by a notification for its own id only', async () => {
    const notifier = createLocalNotifier();
    const wait = waitForChange({ notifier, authorizationId: 'a1', maxWaitMs: 60_000 });
    notifier.publish('a2');
    notifier.publish('a1');
    expect(await wait).toBe('changed');
  });

  it('times out, aborts, and catches a change that happened before it subscribed', async () => {
    const notifier = createLocalNotifier();
    expect(await waitForChange({ notifier, authorizationId: 'a1', maxWaitMs: 0 })).toBe('timeout');
    const ctrl = new AbortController();
    const aborted = waitForChange({ notifier, authorizationId: 'a1', maxWaitMs: 60_000, signal: ctrl.signal });
    ctrl.abort();
    expect(await aborted).toBe('aborted');
    expect(await waitForChange({ notifier, authorizationId: 'a1', maxWaitMs: 60_000, changedSince: async () => true })).toBe('changed');
  });

  it('leaves no listener behind, whichever way the wait ends', async () => {
    const notifier = createLocalNotifier();
    const changed = waitForChange({ notifier, authorizationId: 'a1', maxWaitMs: 60_000 });
    expect(notifier.listenerCount('a1')).toBe(1);
    notifier.publish('a1');
    expect(await changed).toBe('changed');
    expect(notifier.listenerCount('a1')).toBe(0);

    expect(await waitForChange({ notifier, authorizationId: 'a1', maxWaitMs: 1 })).toBe('timeout');
    expect(notifier.listenerCount('a1')).toBe(0);

    const ctrl = new AbortController();
    const aborted = waitForChange({ notifier, authorizationId: 'a1', maxWaitMs: 60_000, signal: ctrl.signal });
    expect(notifier.listenerCount('a1')).toBe(1);
    ctrl.abort();
    expect(await aborted).toBe('aborted');
    expect(notifier.listenerCount('a1')).toBe(0);

    expect(await waitForChange({ notifier, authorizationId: 'a1', maxWaitMs: 60_000, changedSince: async () => true })).toBe('changed');
    expect(await waitForChange({ notifier, authorizationId: 'a1', maxWaitMs: 60_000, changedSince: () => Promise.reject(new Error('db down')) })).toBe('changed');
    expect(notifier.listenerCount('a1')).toBe(0);
  });
});

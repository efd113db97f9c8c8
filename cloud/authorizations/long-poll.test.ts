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

  it('leaves no listener behind', async () => {
    const notifier = createLocalNotifier();
    const w = waitForChange({ notifier, authorizationId: 'a1', maxWaitMs: 60_000 });
    notifier.publish('a1');
    await w;
    let calls = 0;
    notifier.subscribe('a1', () => calls++)();
    notifier.publish('a1');
    expect(calls).toBe(0);
  });
});

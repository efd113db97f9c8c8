import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createLocalNotifier } from './notifier';
import { createLongPolls, TIMEOUT_SLOT_MS } from './long-poll';

describe('long-poll waits', () => {
  it('is woken by a notification for its own id only', async () => {
    const notifier = createLocalNotifier();
    const polls = createLongPolls(notifier);
    let outcome: string | undefined;
    const wait = polls.wait({ authorizationId: 'a1', maxWaitMs: 60_000 }).then((o) => (outcome = o));
    notifier.publish('a2');
    await Promise.resolve();
    expect(outcome).toBeUndefined();
    notifier.publish('a1');
    expect(await wait).toBe('changed');
    expect(polls.waiting).toBe(0);
  });

  it('a resync (LISTEN connection back after a loss) wakes every waiter, so each reads its row again', async () => {
    const notifier = createLocalNotifier();
    const polls = createLongPolls(notifier);
    const waits = ['a1', 'a2', 'a2'].map((id) => polls.wait({ authorizationId: id, maxWaitMs: 60_000 }));
    notifier.resyncLocal();
    expect(await Promise.all(waits)).toEqual(['resync', 'resync', 'resync']);
    expect(polls.waiting).toBe(0);
  });

  it('wakes every window waiting on one sign-in, and a closed one leaves the others waiting', async () => {
    const notifier = createLocalNotifier();
    const shared = createLongPolls(notifier);
    const res = [new EventEmitter(), new EventEmitter(), new EventEmitter()];
    const waits = res.map((r) => shared.wait({ authorizationId: 'a1', maxWaitMs: 60_000, closedBy: r }));
    expect(shared.waiting).toBe(3);
    res[1]!.emit('close');
    expect(await waits[1]).toBe('aborted');
    expect(shared.waiting).toBe(2);
    notifier.publish('a1');
    expect(await Promise.all([waits[0], waits[2]])).toEqual(['changed', 'changed']);
    expect(shared.waiting).toBe(0);
  });

  it('times out, ends when the response closes, and catches a change that happened before it registered', async () => {
    const polls = createLongPolls(createLocalNotifier());
    expect(await polls.wait({ authorizationId: 'a1', maxWaitMs: 0 })).toBe('timeout');
    const res = new EventEmitter();
    const aborted = polls.wait({ authorizationId: 'a1', maxWaitMs: 60_000, closedBy: res });
    res.emit('close');
    expect(await aborted).toBe('aborted');
    expect(await polls.wait({ authorizationId: 'a1', maxWaitMs: 60_000, changedSince: () => true })).toBe('changed');
    // A failing check answers at once (the route then reads the row again) instead of hanging.
    expect(
      await polls.wait({
        authorizationId: 'a1',
        maxWaitMs: 60_000,
        changedSince: () => {
          throw new Error('boom');
        },
      }),
    ).toBe('changed');
    expect(polls.waiting).toBe(0);
  });

  it('releases every wait on shutdown, and later ones at once', async () => {
    const polls = createLongPolls(createLocalNotifier());
    const waits = [
      polls.wait({ authorizationId: 'a1', maxWaitMs: 60_000 }),
      polls.wait({ authorizationId: 'a1', maxWaitMs: 60_000 }),
      polls.wait({ authorizationId: 'a2', maxWaitMs: 60_000 }),
    ];
    expect(polls.waiting).toBe(3);
    polls.releaseAll();
    expect(await Promise.all(waits)).toEqual(['released', 'released', 'released']);
    expect(await polls.wait({ authorizationId: 'a3', maxWaitMs: 60_000 })).toBe('released');
    expect(polls.waiting).toBe(0);
  });

  it('leaves no listener behind on the response, whatever ended the wait', async () => {
    const notifier = createLocalNotifier();
    const polls = createLongPolls(notifier);
    const res = new EventEmitter();
    const woken = polls.wait({ authorizationId: 'a1', maxWaitMs: 60_000, closedBy: res });
    notifier.publish('a1');
    await woken;
    await polls.wait({ authorizationId: 'a1', maxWaitMs: 0, closedBy: res });
    expect(res.listenerCount('close')).toBe(0);
    // A close after the wait ended changes nothing.
    res.emit('close');
    expect(polls.waiting).toBe(0);
  });

  it('hold: calls the shared callback once with the caller’s record, after the change’s other listeners ran', async () => {
    const notifier = createLocalNotifier();
    const polls = createLongPolls(notifier);
    // Subscribed after the registry, like the status cache: must see the change before the woken request.
    const seen: string[] = [];
    notifier.subscribeAll((id) => seen.push(`cache dropped ${id}`));
    const ended: Array<[string, { n: number }]> = [];
    const onEnd = (outcome: string, data: { n: number }) => {
      seen.push(`woken ${data.n}`);
      ended.push([outcome, data]);
    };
    const res = new EventEmitter();
    polls.hold({ authorizationId: 'a1', maxWaitMs: 60_000 }, onEnd, { n: 1 });
    polls.hold({ authorizationId: 'a1', maxWaitMs: 60_000, closedBy: res }, onEnd, { n: 2 });
    polls.hold({ authorizationId: 'a2', maxWaitMs: 60_000, changedSince: () => true }, onEnd, { n: 3 });
    expect(ended).toEqual([['changed', { n: 3 }]]);
    res.emit('close');
    expect(ended.at(-1)).toEqual(['aborted', { n: 2 }]);
    notifier.publish('a1');
    await Promise.resolve();
    expect(seen).toEqual(['woken 3', 'woken 2', 'cache dropped a1', 'woken 1']);
    notifier.publish('a1');
    await Promise.resolve();
    expect(ended).toHaveLength(3);
    expect(polls.waiting).toBe(0);
  });

  it('keeps one timer for every wait (not one each), and none once nobody waits', () => {
    const polls = createLongPolls(createLocalNotifier());
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    const waits = Array.from({ length: 100 }, (_, i) =>
      polls.wait({ authorizationId: `a${i % 7}`, maxWaitMs: 60_000 + i * TIMEOUT_SLOT_MS }),
    );
    expect(timers()).toBe(before + 1);
    expect(polls.waiting).toBe(100);
    // A shutdown must not be held up by the finished waits' slots.
    polls.releaseAll();
    expect(timers()).toBe(before);
    return expect(Promise.all(waits)).resolves.toHaveLength(100);
  });

  it('times out waits of different lengths in their order, an earlier one after a later one was held', async () => {
    const polls = createLongPolls(createLocalNotifier());
    const order: string[] = [];
    const late = polls
      .wait({ authorizationId: 'late', maxWaitMs: 3 * TIMEOUT_SLOT_MS })
      .then((o) => order.push(`late ${o}`));
    const early = polls.wait({ authorizationId: 'early', maxWaitMs: 0 }).then((o) => order.push(`early ${o}`));
    const woken = polls.wait({ authorizationId: 'woken', maxWaitMs: TIMEOUT_SLOT_MS });
    await early;
    expect(order).toEqual(['early timeout']);
    expect(polls.waiting).toBe(2);
    await Promise.all([late, woken]);
    expect(order).toEqual(['early timeout', 'late timeout']);
    expect(polls.waiting).toBe(0);
  });
});

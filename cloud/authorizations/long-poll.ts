// GET /v1/authorizations/:id?wait=N: answer at once unless pending, otherwise hold the request until
// the notifier says the authorization changed, it expires, N seconds pass, the client goes away, or
// the cloud shuts down. No polling of the database.
//
// Thousands of desktops wait here at once, so a waiting request keeps as little as possible: one small
// Waiter record, one entry in an id → waiters map and one in a timeout slot (one timer for all). `hold`
// takes a shared callback and the caller's record instead of a Promise, so a route need not stay
// suspended in an async function while it waits (a suspended handler keeps its promise chain, closures
// and contexts, ~1 KB a request). The registry subscribes to the notifier once (not one listener per
// request), and a response's 'close' is routed to its waiter through one
// shared listener and a WeakMap instead of a closure and an AbortController per request (measured with
// heap snapshots: the per-request AbortController, EventTarget listeners, once-wrappers and closures
// were ~1 KB of every waiting request).
import type { EventEmitter } from 'node:events';
import type { AuthorizationNotifier } from './notifier';

/**
 * Why a wait ended; the route answers with the current status (after `resync`, when changes may have
 * been missed, the status route waits again if nothing changed).
 */
export type WaitOutcome = 'changed' | 'timeout' | 'aborted' | 'released' | 'resync';

interface WaitOptions {
  authorizationId: string;
  /** Upper bound of the wait in ms (the query's N seconds, or less when the authorization expires first). */
  maxWaitMs: number;
  /** The response: its 'close' (the client went away, or the answer was sent) ends the wait. */
  closedBy?: Pick<EventEmitter, 'on' | 'off'>;
  /**
   * Runs once the wait is registered; true = already changed. Closes the gap between the caller's
   * read and the registration, where a notification would otherwise be missed.
   */
  changedSince?: () => boolean;
}

export interface LongPolls {
  /** Holds until the authorization changes, maxWaitMs pass, `closedBy` closes, or releaseAll(). */
  wait(opts: WaitOptions): Promise<WaitOutcome>;
  /**
   * The same wait without a Promise: calls `onEnd(outcome, data)` once (possibly at once). `onEnd` must
   * not throw (it runs inside the notifier's loop that wakes the other waiters).
   */
  hold<T>(opts: WaitOptions, onEnd: (outcome: WaitOutcome, data: T) => void, data: T): void;
  /** Requests waiting right now (for a metrics gauge). */
  readonly waiting: number;
  /** Shutdown: ends every wait at once ('released'), and every later one at once too. */
  releaseAll(): void;
}

/**
 * Waits end by timeout in slots of this many ms, with one timer for the earliest slot instead of one
 * per waiter (a Node `Timeout`, its argument list and numbers: ~0.2 KB of every waiting request). A
 * wait that times out ends up to this much later than asked; never earlier.
 */
export const TIMEOUT_SLOT_MS = 250;

class Waiter {
  ended = false;
  constructor(
    readonly authorizationId: string,
    readonly onEnd: (outcome: WaitOutcome, data: unknown) => void,
    // Both dropped when the wait ends: its slot may keep the finished Waiter until the slot's time comes.
    public data: unknown,
    public closedBy: Pick<EventEmitter, 'on' | 'off'> | undefined,
  ) {}
}

const resolveWith = (outcome: WaitOutcome, resolve: unknown) => (resolve as (outcome: WaitOutcome) => void)(outcome);

export function createLongPolls(notifier: AuthorizationNotifier): LongPolls {
  // One waiter per id is the common case; a Set only when several windows wait on one sign-in.
  const byId = new Map<string, Waiter | Set<Waiter>>();
  const byResponse = new WeakMap<object, Waiter>();
  let waiting = 0;
  let released = false;
  // Timeouts: waiters by slot (monotonic time / TIMEOUT_SLOT_MS, rounded up), one timer for the earliest.
  const slots = new Map<number, Waiter[]>();
  let timer: NodeJS.Timeout | undefined;
  let timerSlot = Infinity;
  const arm = () => {
    let first = Infinity;
    for (const slot of slots.keys()) if (slot < first) first = slot;
    if (first === timerSlot) return;
    clearTimeout(timer);
    timerSlot = first;
    timer = first === Infinity ? undefined : setTimeout(onTimer, first * TIMEOUT_SLOT_MS - performance.now());
  };
  // The timer was set for `timerSlot`: that slot and every earlier one are due, whatever the clock says.
  function onTimer() {
    const due = timerSlot;
    timer = undefined;
    timerSlot = Infinity;
    const ended: Waiter[][] = [];
    for (const [slot, waiters] of slots) if (slot <= due) ended.push(waiters);
    for (const slot of [...slots.keys()]) if (slot <= due) slots.delete(slot);
    for (const waiters of ended) for (const w of waiters) finish(w, 'timeout');
    arm();
  }
  const addTimeout = (w: Waiter, maxWaitMs: number) => {
    const slot = Math.ceil((performance.now() + Math.max(0, maxWaitMs)) / TIMEOUT_SLOT_MS);
    const waiters = slots.get(slot);
    if (waiters) waiters.push(w);
    else slots.set(slot, [w]);
    if (slot < timerSlot) arm();
  };

  const remove = (w: Waiter) => {
    const entry = byId.get(w.authorizationId);
    if (entry === w) byId.delete(w.authorizationId);
    else if (entry instanceof Set) {
      entry.delete(w);
      if (entry.size === 1) byId.set(w.authorizationId, entry.values().next().value!);
    }
  };
  const finish = (w: Waiter, outcome: WaitOutcome) => {
    if (w.ended) return;
    w.ended = true;
    waiting--;
    remove(w);
    if (w.closedBy) {
      w.closedBy.off('close', onClose);
      byResponse.delete(w.closedBy);
      w.closedBy = undefined;
    }
    const data = w.data;
    w.data = undefined;
    // Nobody waits: no timer may keep the process (a shutdown) alive for the finished ones' slots.
    if (waiting === 0) {
      slots.clear();
      arm();
    }
    w.onEnd(outcome, data);
  };
  // Shared by every waiting response: `this` is the response that closed.
  function onClose(this: object) {
    const w = byResponse.get(this);
    if (w) finish(w, 'aborted');
  }
  const wakeAll = (entry: Waiter | Set<Waiter> | undefined, outcome: WaitOutcome) => {
    if (entry instanceof Set) for (const w of [...entry]) finish(w, outcome);
    else if (entry) finish(entry, outcome);
  };

  // Woken after the notification's other listeners have run (a microtask later, as a resolved Promise
  // would be): the status cache subscribes after this registry and must drop its row before a woken
  // request reads it.
  notifier.subscribeAll((id) => queueMicrotask(() => wakeAll(byId.get(id), 'changed')));
  // Changes may have been missed (the LISTEN connection was lost): every waiter reads its row again.
  const wakeEvery = () => {
    for (const entry of [...byId.values()]) wakeAll(entry, 'resync');
  };
  notifier.subscribeResync(() => queueMicrotask(wakeEvery));

  return {
    get waiting() {
      return waiting;
    },
    releaseAll() {
      released = true;
      for (const entry of [...byId.values()]) wakeAll(entry, 'released');
    },
    wait: (opts) => new Promise<WaitOutcome>((resolve) => hold(opts, resolveWith, resolve)),
    hold,
  };

  function hold<T>(opts: WaitOptions, onEnd: (outcome: WaitOutcome, data: T) => void, data: T): void {
    if (released) return onEnd('released', data);
    const w = new Waiter(
      opts.authorizationId,
      onEnd as (outcome: WaitOutcome, data: unknown) => void,
      data,
      opts.closedBy,
    );
    waiting++;
    addTimeout(w, opts.maxWaitMs);
    const entry = byId.get(w.authorizationId);
    if (!entry) byId.set(w.authorizationId, w);
    else if (entry instanceof Set) entry.add(w);
    else byId.set(w.authorizationId, new Set([entry, w]));
    if (w.closedBy) {
      byResponse.set(w.closedBy, w);
      w.closedBy.on('close', onClose);
    }
    let changed: boolean;
    try {
      changed = opts.changedSince?.() ?? false;
    } catch {
      changed = true; // the caller reads again and answers what it finds
    }
    if (changed) finish(w, 'changed');
  }
}

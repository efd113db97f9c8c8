// Wakes long-polls when an authorization changes. In one process an EventEmitter keyed by
// authorization id is enough. With several instances on one PostgreSQL server, `publish` also runs
// `NOTIFY authorization_changed, '<id>'` and each instance `LISTEN`s and calls `emitLocal(id)` for every
// notification (pg-notifier.ts): the long-poll code does not change. When that LISTEN connection was
// lost and is back, the notifications sent meanwhile are gone: `subscribeResync` listeners then drop
// what they remember and re-read (the status cache, the feed, the tenant gate, every waiting long-poll).
import { EventEmitter } from 'node:events';

export interface AuthorizationNotifier {
  publish(authorizationId: string): void;
  /** Calls `listener` on the next change of this authorization; returns the unsubscribe function. */
  subscribe(authorizationId: string, listener: () => void): () => void;
  /** Calls `listener` on every change of any authorization (the status cache drops its copy). */
  subscribeAll(listener: (authorizationId: string) => void): () => void;
  /**
   * Calls `listener` when changes may have been missed (the LISTEN connection is back after a loss):
   * anything remembered may be stale. Called in subscription order, like subscribeAll.
   */
  subscribeResync(listener: () => void): () => void;
  /** False while changes made by other instances cannot reach this one (LISTEN connection lost). */
  readonly listening: boolean;
}

export function createLocalNotifier(): AuthorizationNotifier & { emitLocal(id: string): void; resyncLocal(): void } {
  const emitter = new EventEmitter();
  // Many desktops may wait on the same id (a user with two windows); not a leak.
  emitter.setMaxListeners(0);
  const everyChange = new Set<(id: string) => void>();
  const resyncs = new Set<() => void>();
  const emitLocal = (id: string) => {
    // The cache first, so a woken long-poll reads the new row, not the cached one.
    for (const listener of everyChange) listener(id);
    emitter.emit(id);
  };
  return {
    emitLocal,
    publish: emitLocal,
    resyncLocal() {
      for (const listener of resyncs) listener();
    },
    listening: true,
    subscribeAll(listener) {
      everyChange.add(listener);
      return () => void everyChange.delete(listener);
    },
    subscribeResync(listener) {
      resyncs.add(listener);
      return () => void resyncs.delete(listener);
    },
    subscribe(id, listener) {
      emitter.on(id, listener);
      return () => emitter.off(id, listener);
    },
  };
}

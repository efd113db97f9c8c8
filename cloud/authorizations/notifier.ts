// Wakes long-polls when an authorization changes. In one process an EventEmitter keyed by
// authorization id is enough. With several instances on one PostgreSQL server, `publish` would also run
// `NOTIFY authorization_changed, '<id>'` and each instance would `LISTEN authorization_changed` and
// call `emitLocal(id)` for every notification: the long-poll code does not change.
import { EventEmitter } from 'node:events';

export interface AuthorizationNotifier {
  publish(authorizationId: string): void;
  /** Calls `listener` on the next change of this authorization; returns the unsubscribe function. */
  subscribe(authorizationId: string, listener: () => void): () => void;
  /** Calls `listener` on every change of any authorization (the status cache drops its copy). */
  subscribeAll(listener: (authorizationId: string) => void): () => void;
}

export function createLocalNotifier(): AuthorizationNotifier & { emitLocal(id: string): void } {
  const emitter = new EventEmitter();
  // Many desktops may wait on the same id (a user with two windows); not a leak.
  emitter.setMaxListeners(0);
  const everyChange = new Set<(id: string) => void>();
  const emitLocal = (id: string) => {
    // The cache first, so a woken long-poll reads the new row, not the cached one.
    for (const listener of everyChange) listener(id);
    emitter.emit(id);
  };
  return {
    emitLocal,
    publish: emitLocal,
    subscribeAll(listener) {
      everyChange.add(listener);
      return () => void everyChange.delete(listener);
    },
    subscribe(id, listener) {
      emitter.on(id, listener);
      return () => emitter.off(id, listener);
    },
  };
}

// Wakes long-polls when an authorization changes. In one process an EventEmitter keyed by
// authorization id is enough. With several instances on one PostgreSQL server, `publish` would also run
// `NOTIFY authorization_changed, '<id>'` and each instance would `LISTEN authorization_changed` and
// call `emitLocal(id)` for every notification: the long-poll code does not change.
import { EventEmitter } from 'node:events';

export interface AuthorizationNotifier {
  publish(authorizationId: string): void;
  /** Calls `listener` on the next change of this authorization; returns the unsubscribe function. */
  subscribe(authorizationId: string, listener: () => void): () => void;
}

export function createLocalNotifier(): AuthorizationNotifier & { emitLocal(id: string): void } {
  const emitter = new EventEmitter();
  // Many desktops may wait on the same id (a user with two windows); not a leak.
  emitter.setMaxListeners(0);
  const emitLocal = (id: string) => void emitter.emit(id);
  return {
    emitLocal,
    publish: emitLocal,
    subscribe(id, listener) {
      emitter.on(id, listener);
      return () => emitter.off(id, listener);
    },
  };
}

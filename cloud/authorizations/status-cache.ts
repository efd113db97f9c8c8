// GET /v1/authorizations/:id is called by every waiting desktop about every 25 s, and each call used to
// read the row up to three times. This cache keeps the rows in memory and drops a row whenever the
// notifier says it changed — with several instances on one PostgreSQL server that notification arrives
// through LISTEN/NOTIFY (see notifier.ts), so every instance's cache stays right. A per-id generation
// keeps a read that raced with a change from caching the old row; concurrent misses share one read.
// A missed notification cannot keep an old row for long: rows expire after `ttlMs`; while the notifier
// is not listening (its LISTEN connection was lost) nothing is cached; when it listens again
// (subscribeResync) every row is dropped and every generation changes, so waiting long-polls read again.
import { CloudError } from '../cloud-error';
import type { Queryable } from '../db/database';
import type { AuthorizationNotifier } from './notifier';
import { findAuthorization } from '../repositories/authorizations/lifecycle';
import type { AuthorizationRow } from '../repositories/authorizations/row';
import { trackGenerations } from './generations';

export interface StatusCache {
  /** The row of this tenant's authorization (AUTHORIZATION_NOT_FOUND otherwise), with its generation. */
  get(tenantId: string, id: string): Promise<{ row: AuthorizationRow; generation: number }>;
  /**
   * The same without waiting: the cached row when there is one (the hot path of a status call answers
   * without a promise), else undefined — then `get` reads it. Also undefined for another tenant's row.
   */
  peek(tenantId: string, id: string): { row: AuthorizationRow; generation: number } | undefined;
  /** Changes whenever the authorization changes; a long-poll compares it to close the read/subscribe gap. */
  generation(id: string): number;
  /**
   * Publishes the change of a row this instance has just committed (the notifier's `publish`) and keeps
   * that row as the cached copy, so the long-polls it wakes answer from it without reading it back
   * (issue 26). `since` is the generation read before the write began: if anything else changed the
   * authorization meanwhile, or the notifier is not listening, nothing is kept and readers read.
   */
  publishRow(row: AuthorizationRow, since: number): void;
  readonly size: number;
}

interface StatusCacheOptions {
  maxEntries?: number;
  /** How long a row may be served from memory (default 60 s). */
  ttlMs?: number;
  now?: () => number;
}

export function createStatusCache(
  db: Queryable,
  notifier: AuthorizationNotifier,
  opts: StatusCacheOptions = {},
): StatusCache {
  const { maxEntries = 20_000, ttlMs = 60_000, now = Date.now } = opts;
  const rows = new Map<string, { row: AuthorizationRow; until: number }>();
  const inflight = new Map<string, Promise<AuthorizationRow | undefined>>();
  /** The row `publishRow` is publishing right now (set only during its synchronous `publish`). */
  let committed: { row: AuthorizationRow; since: number } | undefined;
  const put = (id: string, row: AuthorizationRow) => {
    rows.delete(id);
    if (rows.size >= maxEntries) rows.delete(rows.keys().next().value!);
    rows.set(id, { row, until: now() + ttlMs });
  };
  const generations = trackGenerations(notifier, {
    // Called before the generation moves on: `since` still equals it unless another change came between.
    onChange: (id) => {
      rows.delete(id);
      if (committed?.row.id === id && generation(id) === committed.since && notifier.listening) put(id, committed.row);
    },
    onResync: () => rows.clear(),
    maxKeys: maxEntries * 2,
  });
  const generation = (id: string) => generations.of(id);

  return {
    get size() {
      return rows.size;
    },
    generation,
    publishRow(row, since) {
      committed = { row, since };
      try {
        notifier.publish(row.id);
      } finally {
        committed = undefined;
      }
    },
    peek(tenantId, id) {
      const cached = rows.get(id);
      if (!cached || cached.until <= now() || cached.row.tenant_id !== tenantId) return undefined;
      return { row: cached.row, generation: generation(id) };
    },
    async get(tenantId, id) {
      const gen = generation(id);
      const cached = rows.get(id);
      let row = cached && cached.until > now() ? cached.row : undefined;
      if (!row) {
        const key = `${id}\n${gen}`;
        let pending = inflight.get(key);
        if (!pending) {
          pending = findAuthorization(db, id).finally(() => inflight.delete(key));
          inflight.set(key, pending);
        }
        row = await pending;
        if (!row) throw new CloudError('AUTHORIZATION_NOT_FOUND');
        if (generation(id) === gen && notifier.listening) put(id, row);
      }
      // Another tenant's authorization does not exist for this one (same answer as a wrong id).
      if (row.tenant_id !== tenantId) throw new CloudError('AUTHORIZATION_NOT_FOUND');
      return { row, generation: gen };
    },
  };
}

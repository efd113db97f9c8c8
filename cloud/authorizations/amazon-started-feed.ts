// The per-tenant feed of sign-ins that started on Amazon's side (at the Login URI), which the desktop
// long-polls while it runs (GET /v1/platforms/changes?since=&wait=25) so that a Re-Authorize in Seller
// Central shows up without anyone pressing AKTUALISIEREN. Kept cheap: the latest sequence number per
// tenant is remembered until the notifier reports a new entry (on PostgreSQL that report arrives from
// every instance through LISTEN/NOTIFY), so a waiting desktop's call reads nothing from the database.
import type { Queryable } from '../db/queryable';
import type { AuthorizationNotifier } from './notifier';
import {
  amazonStartedAfter,
  latestAmazonStartedSeq,
  pendingAmazonStarted,
} from '../repositories/authorizations/amazon-started';
import type { AuthorizationRow } from '../repositories/authorizations/row';
import { trackGenerations } from './generations';

const PREFIX = 'amazon-started:';
/** The notifier key of a tenant's feed (authorization ids never start with it). */
export const feedKey = (tenantId: string) => `${PREFIX}${tenantId}`;
const PAGE = 100;

interface FeedPage {
  /** Pass back as `since` to get only what comes after. */
  cursor: string;
  rows: AuthorizationRow[];
}

export interface AmazonStartedFeed {
  /** Wakes this tenant's waiting feed calls on every instance. */
  publish(tenantId: string): void;
  /** Changes with every entry of the tenant; a long-poll compares it to close the read/subscribe gap. */
  generation(tenantId: string): number;
  /**
   * With `since`: entries after it, in order. Without: the tenant's pending entries (a desktop that just
   * started may follow them) and the current cursor.
   */
  read(tenantId: string, since: string | undefined, now: Date): Promise<FeedPage>;
}

export function createAmazonStartedFeed(db: Queryable, notifier: AuthorizationNotifier): AmazonStartedFeed {
  const latest = new Map<string, bigint>();
  const generations = trackGenerations(notifier, {
    keyOf: (key) => (key.startsWith(PREFIX) ? key.slice(PREFIX.length) : undefined),
    onChange: (tenantId) => latest.delete(tenantId),
    onResync: () => latest.clear(),
  });
  const generation = (tenantId: string) => generations.of(tenantId);

  async function latestSeq(tenantId: string): Promise<bigint> {
    const known = latest.get(tenantId);
    if (known !== undefined) return known;
    const gen = generation(tenantId);
    const max = await latestAmazonStartedSeq(db, tenantId);
    // A change that raced with the read must not be hidden behind an old maximum.
    if (generation(tenantId) === gen) latest.set(tenantId, max);
    return max;
  }

  return {
    publish: (tenantId) => notifier.publish(feedKey(tenantId)),
    generation,
    async read(tenantId, since, now) {
      const max = await latestSeq(tenantId);
      if (since === undefined) {
        return { cursor: max.toString(), rows: await pendingAmazonStarted(db, tenantId, now, PAGE) };
      }
      if (max <= BigInt(since)) return { cursor: since, rows: [] };
      const rows = await amazonStartedAfter(db, tenantId, since, PAGE);
      return { cursor: rows.at(-1)?.seq_text ?? since, rows };
    },
  };
}

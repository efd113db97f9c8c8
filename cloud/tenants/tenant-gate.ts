// Whether a tenant may use /v1: a disabled tenant's bearer tokens stop working at once, although they
// are stateless JWTs. Asking the database on every call would cost the long-poll path a query, so the
// answer is remembered per tenant for a few seconds and dropped when an admin action changes the
// tenant — on this instance directly, on the others through the notifier (LISTEN/NOTIFY on
// PostgreSQL), using the reserved id `tenant:<id>`. Rotating the Client-Secret revokes the tokens issued
// before it the same way: each token names the secret generation it was issued under.
import type { Queryable } from '../db/queryable';
import { tenantAccess } from '../repositories/tenants';
import type { AuthorizationNotifier } from '../authorizations/notifier';
import { CloudError } from '../cloud-error';

export const TENANT_CHANGE_PREFIX = 'tenant:';

export interface TenantGate {
  /**
   * Throws TENANT_DISABLED (403) for a disabled tenant, UNAUTHORIZED for one that no longer exists or
   * whose Client-Secret was rotated after the token was issued (`generation` is the token's).
   */
  assertActive(tenantId: string, generation: number): Promise<void>;
  /**
   * The same from memory, without a promise (the hot path of every /v1 call): true when the remembered
   * answer lets the token through, throws as assertActive does when it refuses it, false when nothing
   * is remembered (then call assertActive).
   */
  checkKnown(tenantId: string, generation: number): boolean;
  /** Drops the remembered answer here and tells the other instances. */
  changed(tenantId: string): void;
}

export function createTenantGate(
  db: Queryable,
  notifier: AuthorizationNotifier,
  now: () => number,
  ttlMs = 5_000,
): TenantGate {
  const known = new Map<string, { active: boolean | undefined; generation: number; until: number }>();
  notifier.subscribeAll((id) => {
    if (id.startsWith(TENANT_CHANGE_PREFIX)) known.delete(id.slice(TENANT_CHANGE_PREFIX.length));
  });
  // A `tenant disable` may have been missed while the LISTEN connection was lost.
  notifier.subscribeResync(() => known.clear());
  const refuse = (entry: { active: boolean | undefined; generation: number }, generation: number) => {
    if (entry.active === undefined || generation !== entry.generation) throw new CloudError('UNAUTHORIZED');
    if (!entry.active) throw new CloudError('TENANT_DISABLED');
  };
  return {
    async assertActive(tenantId, generation) {
      let entry = known.get(tenantId);
      if (!entry || entry.until <= now()) {
        const access = await tenantAccess(db, tenantId);
        entry = {
          active: access && access.disabled_at === null,
          generation: access?.secret_generation ?? 0,
          until: now() + ttlMs,
        };
        if (known.size > 10_000) known.delete(known.keys().next().value!);
        known.set(tenantId, entry);
      }
      refuse(entry, generation);
    },
    checkKnown(tenantId, generation) {
      const entry = known.get(tenantId);
      if (!entry || entry.until <= now()) return false;
      refuse(entry, generation);
      return true;
    },
    changed(tenantId) {
      known.delete(tenantId);
      notifier.publish(`${TENANT_CHANGE_PREFIX}${tenantId}`);
    },
  };
}

// Amazon makes a seller renew an app's authorization every 365 days (docs/amazon.md §1.5); when it
// lapses, LWA answers invalid_grant and the merchant would simply see "revoked". The desktop warns from
// 30 days before the date the cloud reports (renewalDueAt). Core and renderer use these same rules.

const RENEWAL_WARN_DAYS = 30;
const DAY_MS = 24 * 3600 * 1000;

interface RenewalState {
  /** soon: within RENEWAL_WARN_DAYS; overdue: the date has passed. */
  kind: 'ok' | 'soon' | 'overdue';
  /** Whole days left (0 on the last day; negative once overdue). */
  daysLeft: number;
}

export function renewalState(renewalDueAt: string | undefined, now: number): RenewalState | undefined {
  const due = renewalDueAt ? Date.parse(renewalDueAt) : Number.NaN;
  if (Number.isNaN(due)) return undefined;
  const daysLeft = Math.floor((due - now) / DAY_MS);
  return { kind: due <= now ? 'overdue' : due - now < RENEWAL_WARN_DAYS * DAY_MS ? 'soon' : 'ok', daysLeft };
}

/**
 * Seller Central's "Manage Your Apps" page, where the seller presses Re-Authorize. Amazon's guides name
 * the page but not its path; `/apps/manage` is what Seller Central serves it under (seen in public
 * seller guides, docs/amazon.md §1.6 — unverified by Amazon's own documentation). The older
 * `/gp/mws/...` permission pages belong to the retired MWS.
 */
export const MANAGE_YOUR_APPS_PATH = '/apps/manage';

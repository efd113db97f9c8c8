// The LWA client secret part of /readyz: reported, never a reason to be unready. Every instance shares
// the secrets, so an expiring secret would make every healthy instance unready at once and block the
// rolling restart that brings the rotated one (issue 22 item 7); it is an alert instead (the log's
// daily warning, `warning: true` here from `readyzLwaSecretMinDays` days before the last configured
// secret expires). The facts come from lwaSecretStatus, the same source as the start-up and SIGHUP log
// line: the active secret, and the next one when configured (the cloud falls back to it on
// invalid_client, so the last expiry is what counts). Without expiry dates it says the date is unknown.
import { lwaSecretStatus } from '../amazon/lwa-secret-status';
import type { LwaSecretDates, SecretSlot } from '../amazon/lwa-secrets';

export interface CheckResult {
  ok: boolean;
  detail: string;
  [key: string]: unknown;
}

/**
 * @param secrets the configured secrets' slots and dates (LwaSecretRing.describe())
 * @param min `readyzLwaSecretMinDays`
 * @param active the slot the running cloud uses first (LwaSecretRing.active())
 */
export function lwaSecretReadiness(
  secrets: readonly LwaSecretDates[],
  min: number,
  nowMs: number,
  active?: SecretSlot,
): CheckResult {
  const status = lwaSecretStatus(secrets, nowMs, active);
  const facts = {
    level: status.level,
    active: status.active,
    nextConfigured: status.nextConfigured,
    ...(status.daysLeft !== undefined ? { daysLeft: status.daysLeft } : {}),
    ...(status.daysUntilAllExpired !== undefined ? { daysUntilAllExpired: status.daysUntilAllExpired } : {}),
  };
  if (status.daysUntilAllExpired === undefined) return { ok: true, warning: false, ...facts, detail: status.message };
  const warning = status.daysUntilAllExpired <= min;
  return {
    ok: true,
    warning,
    ...facts,
    detail: warning ? `${status.message} (rotate now: fewer than ${min + 1} days left)` : status.message,
  };
}

// The LWA client secret part of /readyz: not ready when the secret Amazon gave the app expires within
// `readyzLwaSecretMinDays` (Amazon makes apps rotate it; an expired one fails every sign-in with
// invalid_client). The expiry date is the config key amazon.lwaClientSecretExpiresAt; without it the
// check passes and says the date is unknown.
import type { CloudConfig } from '../config';

export interface CheckResult {
  ok: boolean;
  detail: string;
  [key: string]: unknown;
}

const DAY_MS = 24 * 3600 * 1000;

export function lwaSecretReadiness(config: CloudConfig, nowMs: number): CheckResult {
  const expiresAt = (config.amazon as { lwaClientSecretExpiresAt?: string }).lwaClientSecretExpiresAt;
  if (!expiresAt) return { ok: true, detail: 'expiry unknown: set amazon.lwaClientSecretExpiresAt' };
  const at = Date.parse(expiresAt);
  if (Number.isNaN(at)) return { ok: false, detail: 'amazon.lwaClientSecretExpiresAt is not a date' };
  const daysLeft = Math.floor((at - nowMs) / DAY_MS);
  const min = config.readyzLwaSecretMinDays;
  return {
    ok: daysLeft > min,
    expiresAt: new Date(at).toISOString(),
    daysLeft,
    detail: daysLeft > min ? `valid for ${daysLeft} more days` : daysLeft < 0 ? 'expired: rotate it in Seller Central' : `expires in ${daysLeft} days (limit ${min}): rotate it in Seller Central`,
  };
}

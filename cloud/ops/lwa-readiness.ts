// The LWA client secret part of /readyz: not ready when the cloud can reach LWA for no more than
// `readyzLwaSecretMinDays` days (Amazon makes apps rotate the secret; once every configured one has
// expired, every sign-in fails with invalid_client). The facts come from lwaSecretStatus, the same
// source as the start-up and SIGHUP log line: the active secret, and the next one when configured
// (the cloud falls back to it on invalid_client, so the last expiry is what counts). Without expiry
// dates the check passes and says the date is unknown.
import type { CloudConfig } from '../config';
import { lwaSecretStatus } from '../amazon/lwa-secret-status';
import type { SecretSlot } from '../amazon/lwa-secrets';

export interface CheckResult {
  ok: boolean;
  detail: string;
  [key: string]: unknown;
}

/** @param active the slot the running cloud uses first (LwaSecretRing.active()). */
export function lwaSecretReadiness(config: CloudConfig, nowMs: number, active?: SecretSlot): CheckResult {
  const status = lwaSecretStatus(config, nowMs, active);
  const facts = {
    level: status.level,
    active: status.active,
    nextConfigured: status.nextConfigured,
    ...(status.daysLeft !== undefined ? { daysLeft: status.daysLeft } : {}),
    ...(status.daysUntilAllExpired !== undefined ? { daysUntilAllExpired: status.daysUntilAllExpired } : {}),
  };
  if (status.daysUntilAllExpired === undefined) return { ok: true, ...facts, detail: status.message };
  const min = config.readyzLwaSecretMinDays;
  const ok = status.daysUntilAllExpired > min;
  return { ok, ...facts, detail: ok ? status.message : `${status.message} (readiness needs more than ${min} days)` };
}

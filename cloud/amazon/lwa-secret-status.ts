// How long the cloud's LWA client secrets still work, for the start-up/reload log line and for the
// readiness details. Amazon expires each secret 180 days after it was issued (docs/amazon.md §3); when
// the last configured secret expires, every token call of every tenant fails with invalid_client. The
// warning starts 30 days before that. Never returns or logs a secret value.
import type { LwaSecretDates, SecretSlot } from './lwa-secrets';

const LWA_SECRET_WARN_DAYS = 30;
const DAY_MS = 24 * 3600 * 1000;

interface LwaSecretInfo {
  slot: SecretSlot;
  /** ISO 8601, when configured. */
  expiresAt?: string;
  /** Whole days until expiry (negative once expired); absent without an expiry date. */
  daysLeft?: number;
  expired: boolean;
}

export interface LwaSecretStatus {
  /**
   * ok: a configured secret lasts more than 30 days; warn: the last one expires within 30 days;
   * expired: every configured secret has expired; unknown: no expiry date is configured.
   */
  level: 'ok' | 'warn' | 'expired' | 'unknown';
  /** The secret the cloud uses first: the one LWA accepted last, else the first unexpired one. */
  active: SecretSlot;
  /** Days until the active secret expires. */
  daysLeft?: number;
  /** Days until the last configured secret expires: after that the cloud cannot reach LWA at all. */
  daysUntilAllExpired?: number;
  nextConfigured: boolean;
  secrets: LwaSecretInfo[];
  /** One English sentence for logs and readiness details (no secret in it). */
  message: string;
}

const daysBetween = (from: number, to: number) => Math.floor((to - from) / DAY_MS);

/**
 * @param configured the secrets' slots and expiry dates (LwaSecretRing.describe(), or secretsFromConfig)
 * @param active the slot the running cloud uses (LwaSecretRing.active()); without it, the first
 *   unexpired configured secret is assumed.
 */
export function lwaSecretStatus(
  configured: readonly LwaSecretDates[],
  now: Date | number,
  active?: SecretSlot,
): LwaSecretStatus {
  const t = typeof now === 'number' ? now : now.getTime();
  const secrets: LwaSecretInfo[] = configured.map((s) => {
    const at = s.expiresAt?.getTime();
    return {
      slot: s.slot,
      ...(at !== undefined ? { expiresAt: new Date(at).toISOString(), daysLeft: daysBetween(t, at) } : {}),
      expired: at !== undefined && at <= t,
    };
  });
  const chosen =
    active && secrets.some((s) => s.slot === active) ? active : (secrets.find((s) => !s.expired) ?? secrets[0]!).slot;
  const activeInfo = secrets.find((s) => s.slot === chosen)!;
  const nextConfigured = secrets.some((s) => s.slot === 'next');
  // Without a date on some secret, the cloud cannot know when the last one expires.
  const lastExpiry = secrets.every((s) => s.expiresAt)
    ? Math.max(...secrets.map((s) => Date.parse(s.expiresAt!)))
    : undefined;
  const base = {
    active: chosen,
    ...(activeInfo.daysLeft !== undefined ? { daysLeft: activeInfo.daysLeft } : {}),
    nextConfigured,
    secrets,
  };

  if (lastExpiry === undefined) {
    return {
      ...base,
      level: 'unknown',
      message: `LWA client secret expiry unknown: set amazon.lwaClientSecretExpiresAt${nextConfigured ? ' and amazon.lwaNextClientSecretExpiresAt' : ''} (Amazon expires each secret 180 days after issue).`,
    };
  }
  const daysUntilAllExpired = daysBetween(t, lastExpiry);
  if (lastExpiry <= t) {
    return {
      ...base,
      daysUntilAllExpired,
      level: 'expired',
      message:
        'Every configured LWA client secret has expired: rotate it in the Developer Console, set amazon.lwaNextClientSecret and send SIGHUP.',
    };
  }
  if (daysUntilAllExpired < LWA_SECRET_WARN_DAYS) {
    const what = nextConfigured
      ? 'the next LWA client secret expires'
      : 'the LWA client secret expires and no next secret is configured';
    return {
      ...base,
      daysUntilAllExpired,
      level: 'warn',
      message: `In ${daysUntilAllExpired} days ${what}: rotate it in the Developer Console, set amazon.lwaNextClientSecret(+ExpiresAt) and send SIGHUP.`,
    };
  }
  return {
    ...base,
    daysUntilAllExpired,
    level: 'ok',
    message: `LWA client secret: ${chosen} in use, ${activeInfo.daysLeft ?? '?'} days left; ${nextConfigured ? 'next secret configured' : 'no next secret configured'}.`,
  };
}

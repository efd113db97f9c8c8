// Reloading the configuration while the cloud runs (the CLI calls reload() on SIGHUP). Only the LWA
// client secrets and their expiry dates change at run time: that is what an operator must be able to
// do without a restart when Amazon's 180-day rotation comes (docs/amazon.md §3). Open connections and
// waiting long-polls are untouched. Other changed keys are named (never their values) as needing a
// restart. Also logs the secrets' expiry status at start, after every reload and once a day.
import type { FastifyBaseLogger } from 'fastify';
import { configLeaves, type CloudConfig } from './config';
import type { CloudContext } from './context';
import { secretsFromConfig } from './amazon/lwa-secrets';
import { lwaSecretStatus, type LwaSecretStatus } from './amazon/lwa-secret-status';

/** The keys reload() applies at run time. */
const RELOADABLE_KEYS = [
  'amazon.lwaClientSecret',
  'amazon.lwaClientSecretExpiresAt',
  'amazon.lwaNextClientSecret',
  'amazon.lwaNextClientSecretExpiresAt',
] as const;

export interface ConfigReloadOutcome {
  ok: boolean;
  /** Why the new configuration was refused (key paths only). */
  error?: string;
  /** Reloadable keys whose value changed. */
  applied: string[];
  /** Other keys whose value changed: they take effect at the next start. */
  needsRestart: string[];
  secretStatus: LwaSecretStatus;
}

const DAY_MS = 24 * 3600 * 1000;

export function createConfigReloader(ctx: CloudContext, log: FastifyBaseLogger, read: () => CloudConfig) {
  // The configuration in force: the start one, with the LWA secrets of the last reload.
  let running = ctx.config;
  const status = () => lwaSecretStatus(ctx.lwa.secrets.describe(), ctx.now(), ctx.lwa.secrets.active());
  const report = (s: LwaSecretStatus) => {
    // The sandbox's seeded secret never expires: no advice to set a date there.
    if (s.level === 'unknown' && ctx.config.amazon.mode === 'sandbox') return;
    const fields = {
      lwaSecret: {
        level: s.level,
        active: s.active,
        daysLeft: s.daysLeft,
        daysUntilAllExpired: s.daysUntilAllExpired,
        nextConfigured: s.nextConfigured,
      },
    };
    if (s.level === 'warn' || s.level === 'expired') log.warn(fields, s.message);
    else log.info(fields, s.message);
  };
  report(status());
  const daily = setInterval(() => report(status()), DAY_MS);
  daily.unref();

  return {
    stop: () => clearInterval(daily),
    async reload(): Promise<ConfigReloadOutcome> {
      let next: CloudConfig;
      try {
        next = read();
      } catch (err) {
        const error = err instanceof Error ? err.message : String(err);
        log.error({ reload: 'refused' }, `Configuration reload refused; the running configuration stays. ${error}`);
        return { ok: false, error, applied: [], needsRestart: [], secretStatus: status() };
      }
      const before = configLeaves(running);
      const after = configLeaves(next);
      const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])]
        .filter((k) => before[k] !== after[k])
        .sort();
      const reloadable = new Set<string>(RELOADABLE_KEYS);
      const applied = changed.filter((k) => reloadable.has(k));
      const needsRestart = changed.filter((k) => !reloadable.has(k));
      const a = next.amazon;
      const {
        lwaClientSecretExpiresAt: _e,
        lwaNextClientSecret: _n,
        lwaNextClientSecretExpiresAt: _ne,
        ...kept
      } = running.amazon;
      running = {
        ...running,
        amazon: {
          ...kept,
          lwaClientSecret: a.lwaClientSecret,
          ...(a.lwaClientSecretExpiresAt ? { lwaClientSecretExpiresAt: a.lwaClientSecretExpiresAt } : {}),
          ...(a.lwaNextClientSecret ? { lwaNextClientSecret: a.lwaNextClientSecret } : {}),
          ...(a.lwaNextClientSecretExpiresAt ? { lwaNextClientSecretExpiresAt: a.lwaNextClientSecretExpiresAt } : {}),
        },
      };
      ctx.lwa.secrets.replace(secretsFromConfig(running));
      log.info(
        { reload: { applied, needsRestart } },
        `Configuration reloaded: ${applied.length ? applied.join(', ') : 'no LWA secret changed'}${needsRestart.length ? `; needs a restart: ${needsRestart.join(', ')}` : ''}.`,
      );
      const secretStatus = status();
      report(secretStatus);
      return { ok: true, applied, needsRestart, secretStatus };
    },
  };
}

// Retention (issue 22, item 9): what the cloud no longer needs is deleted by a periodic job on every
// instance (one at a time, repositories/retention.ts): authorizations older than
// retentionAuthorizationsDays (their Amazon calls stay listed with the platform), idempotency keys older
// than retentionIdempotencyKeysDays (a replay after that creates anew or answers PLATFORM_NAME_TAKEN),
// and platforms deleted more than retentionDeletedPlatformsDays ago, with their tombstones (a DELETE of
// such an id then answers 404 instead of 204). Runs once shortly after the start, then every
// retentionIntervalMinutes; a failure is logged and retried at the next run.
import type { Database } from '../db/queryable';
import type { CloudConfig } from '../config';
import { deleteAuthorizationsCreatedBefore } from '../repositories/authorizations/lifecycle';
import {
  deleteIdempotencyKeysCreatedBefore,
  purgePlatformsDeletedBefore,
  takeRetentionLock,
} from '../repositories/retention';

const DAY_MS = 86_400_000;
/** The first run waits this long, so that a start (and a rolling restart) is not slowed by it. */
const FIRST_RUN_DELAY_MS = 60_000;

type RetentionConfig = Pick<
  CloudConfig,
  'retentionAuthorizationsDays' | 'retentionIdempotencyKeysDays' | 'retentionDeletedPlatformsDays'
>;

interface RetentionResult {
  /** false: another instance held the job's lock. */
  ran: boolean;
  authorizations: number;
  idempotencyKeys: number;
  platforms: number;
}

export async function runRetention(db: Database, config: RetentionConfig, now: number): Promise<RetentionResult> {
  const before = (days: number) => new Date(now - days * DAY_MS);
  return db.transaction(async (tx) => {
    if (!(await takeRetentionLock(tx))) return { ran: false, authorizations: 0, idempotencyKeys: 0, platforms: 0 };
    const platforms = await purgePlatformsDeletedBefore(tx, before(config.retentionDeletedPlatformsDays));
    const idempotencyKeys = await deleteIdempotencyKeysCreatedBefore(tx, before(config.retentionIdempotencyKeysDays));
    const authorizations = await deleteAuthorizationsCreatedBefore(tx, before(config.retentionAuthorizationsDays));
    return { ran: true, authorizations, idempotencyKeys, platforms };
  });
}

interface RetentionLog {
  info(entry: object, message: string): void;
  error(entry: object, message: string): void;
}

/** The periodic job; stop() before the database closes. */
export function startRetention(
  db: Database,
  config: () => CloudConfig,
  now: () => number,
  log: RetentionLog,
): { stop(): void } {
  let running: Promise<void> | undefined;
  const run = () => {
    running ??= runRetention(db, config(), now())
      .then((r) => {
        if (r.authorizations + r.idempotencyKeys + r.platforms > 0)
          log.info({ retention: r }, 'retention: old rows deleted');
      })
      .catch((err: unknown) =>
        log.error(
          { err: err instanceof Error ? err.message : String(err) },
          'retention failed; retried at the next run',
        ),
      )
      .finally(() => void (running = undefined));
  };
  const first = setTimeout(run, FIRST_RUN_DELAY_MS).unref();
  const every = setInterval(run, config().retentionIntervalMinutes * 60_000).unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(every);
    },
  };
}

// GET /readyz: may a load balancer send traffic here? The database answers, its schema has every
// migration of this build, and the notifier listens for other instances' changes (while its LISTEN
// connection is lost, long-polls here miss sign-ins finished elsewhere). Each check with its detail in
// the body, so an operator sees which one failed. The LWA client secrets' expiry is reported too but
// never makes an instance unready (every instance shares the secrets: a rolling restart would stop).
import type { CloudContext } from '../context';
import { appliedMigrationVersions, migrationVersions } from '../db/migrations';
import { lwaSecretReadiness, type CheckResult } from './lwa-readiness';
import { redactConnectionStrings } from './redact';

interface Readiness {
  ready: boolean;
  checks: { database: CheckResult; migrations: CheckResult; notifier: CheckResult; lwaClientSecret: CheckResult };
}

async function timed<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export async function readiness(ctx: CloudContext): Promise<Readiness> {
  let database: CheckResult;
  let migrations: CheckResult;
  try {
    const versions = await timed(2_000, appliedMigrationVersions(ctx.db));
    database = { ok: true, detail: ctx.config.databaseUrl ? 'PostgreSQL server reachable' : 'embedded PGlite open' };
    const applied = new Set(versions);
    const wanted = migrationVersions();
    const expected = Math.max(...wanted);
    const version = Math.max(0, ...applied);
    const missing = wanted.filter((v) => !applied.has(v));
    migrations = {
      ok: missing.length === 0,
      version,
      expected,
      detail: missing.length === 0 ? 'schema up to date' : `schema lacks migration ${missing.join(', ')} of this build`,
    };
  } catch (err) {
    // The driver's message names the failure (refused, timeout), never the connection string's password.
    database = {
      ok: false,
      detail: `database unreachable: ${err instanceof Error ? redactConnectionStrings(err.message) : 'error'}`,
    };
    migrations = { ok: false, detail: 'unknown: database unreachable' };
  }
  const notifier: CheckResult = !ctx.config.databaseUrl
    ? { ok: true, detail: 'one instance (embedded PGlite): changes are seen in-process' }
    : ctx.notifier.listening
      ? { ok: true, detail: "listening for other instances' changes (LISTEN authorization_changed)" }
      : {
          ok: false,
          detail:
            'LISTEN connection to PostgreSQL lost, reconnecting: long-polls here would miss sign-ins finished on other instances',
        };
  const lwaClientSecret = lwaSecretReadiness(
    ctx.lwa.secrets.describe(),
    ctx.config.readyzLwaSecretMinDays,
    ctx.now(),
    ctx.lwa.secrets.active(),
  );
  return {
    ready: database.ok && migrations.ok && notifier.ok,
    checks: { database, migrations, notifier, lwaClientSecret },
  };
}

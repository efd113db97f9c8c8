// GET /readyz: may a load balancer send traffic here? The database answers, its schema has every
// migration of this build, and the LWA client secrets (active and next) are not about to expire. Each
// check with its detail in the body, so an operator sees which one failed.
import type { CloudContext } from '../context';
import { appliedMigrationVersions, migrationVersions } from '../db/migrations';
import { lwaSecretReadiness, type CheckResult } from './lwa-readiness';

interface Readiness {
  ready: boolean;
  checks: { database: CheckResult; migrations: CheckResult; lwaClientSecret: CheckResult };
}

async function timed<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([work, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)))]);
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
    migrations = { ok: missing.length === 0, version, expected, detail: missing.length === 0 ? 'schema up to date' : `schema lacks migration ${missing.join(', ')} of this build` };
  } catch (err) {
    // The driver's message names the failure (refused, timeout), never the connection string's password.
    database = { ok: false, detail: `database unreachable: ${err instanceof Error ? err.message.replace(/postgres(ql)?:\/\/\S+/g, 'postgres://…') : 'error'}` };
    migrations = { ok: false, detail: 'unknown: database unreachable' };
  }
  const lwaClientSecret = lwaSecretReadiness(ctx.config, ctx.now(), ctx.lwa.secrets.active());
  return { ready: database.ok && migrations.ok && lwaClientSecret.ok, checks: { database, migrations, lwaClientSecret } };
}

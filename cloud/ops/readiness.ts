// GET /readyz: may a load balancer send traffic here? The database answers, its schema is at this
// build's newest migration, and the LWA client secret is not about to expire. Each check with its
// detail in the body, so an operator sees which one failed.
import type { CloudContext } from '../context';
import { LATEST_MIGRATION } from '../db/migrations';
import { lwaSecretReadiness, type CheckResult } from './lwa-readiness';

export interface Readiness {
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
    const { rows } = await timed(2_000, ctx.db.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations'));
    database = { ok: true, detail: ctx.config.databaseUrl ? 'PostgreSQL server reachable' : 'embedded PGlite open' };
    const version = Number(rows[0]?.version ?? 0);
    migrations = { ok: version >= LATEST_MIGRATION, version, expected: LATEST_MIGRATION, detail: version >= LATEST_MIGRATION ? 'schema up to date' : `schema at ${version}, this build needs ${LATEST_MIGRATION}` };
  } catch (err) {
    // The driver's message names the failure (refused, timeout), never the connection string's password.
    database = { ok: false, detail: `database unreachable: ${err instanceof Error ? err.message.replace(/postgres(ql)?:\/\/\S+/g, 'postgres://…') : 'error'}` };
    migrations = { ok: false, detail: 'unknown: database unreachable' };
  }
  const lwaClientSecret = lwaSecretReadiness(ctx.config, ctx.now());
  return { ready: database.ok && migrations.ok && lwaClientSecret.ok, checks: { database, migrations, lwaClientSecret } };
}

// The same storage on a PostgreSQL server, for more than one cloud instance: several instances share it
// and wake each other's long-polls through LISTEN/NOTIFY (cloud/README.md). Same SQL, same migrations.
import pg from 'pg';
import type { Database, ScriptTransaction } from './queryable';
import { MIGRATIONS, hasSchema, migrate, SchemaMissingError, type Migration } from './migrations';
import { bestEffort } from '../../shared/best-effort';

/** host:port/database of a postgres:// URL — never its password. */
function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return '(unparsable URL)';
  }
}

/** Any fixed number: serialises the migrations of instances starting at the same time. */
const MIGRATION_LOCK = 7_236_115;

/**
 * A named statement is prepared once per pooled connection by `pg` (Parse on its first use there) and
 * its plan reused from then on; PostgreSQL plans it generically after five custom plans.
 */
const statement = (text: string, values: unknown[] | undefined, name: string | undefined): pg.QueryConfig => ({
  text,
  ...(values ? { values } : {}),
  ...(name ? { name } : {}),
});

function onClient(client: pg.PoolClient | pg.Client): ScriptTransaction {
  return {
    query: async <T>(sql: string, params?: unknown[], name?: string) => {
      const r = await client.query(statement(sql, params, name));
      return { rows: r.rows as T[], affectedRows: r.rowCount ?? 0 };
    },
    // Without parameters pg uses the simple query protocol, which runs a whole multi-statement script.
    exec: async (sql: string) => void (await client.query(sql)),
  };
}

async function inTransaction<T>(client: pg.PoolClient, fn: (tx: ScriptTransaction) => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await fn(onClient(client));
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await bestEffort('rolling back', client.query('ROLLBACK'));
    throw error;
  }
}

interface OpenPostgresOptions {
  /** Pool size (config dbPoolSize). */
  max?: number;
  /** Shown in pg_stat_activity (config dbApplicationName). */
  applicationName?: string;
  migrations?: readonly Migration[];
  /** Receives what the migrations report (default: stderr). */
  notice?: (line: string) => void;
  /**
   * false: the admin CLI. It never changes the schema (during a rolling upgrade the new tree's CLI must
   * not migrate before the instances do) and refuses a database without one (SchemaMissingError).
   */
  migrate?: boolean;
}

export async function openPostgres(
  connectionString: string,
  opts: OpenPostgresOptions = {},
): Promise<Database & { pool: pg.Pool }> {
  const pool = new pg.Pool({
    connectionString,
    max: opts.max ?? 10,
    ...(opts.applicationName ? { application_name: opts.applicationName } : {}),
  });
  // An idle client that breaks (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const db: Database & { pool: pg.Pool } = {
    pool,
    query: async <T>(sql: string, params?: unknown[], name?: string) => {
      const r = await pool.query(statement(sql, params, name));
      return { rows: r.rows as T[], affectedRows: r.rowCount ?? 0 };
    },
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        return await inTransaction(client, fn);
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
  if (opts.migrate === false) {
    const present = await hasSchema(db).catch(async (error: unknown) => {
      await bestEffort('closing the pool', pool.end());
      throw error;
    });
    if (!present) {
      await bestEffort('closing the pool', pool.end());
      throw new SchemaMissingError(`PostgreSQL database ${describeUrl(connectionString)}`);
    }
    return db;
  }
  try {
    const client = await pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await migrate(
        { ...onClient(client), scriptTransaction: (fn) => inTransaction(client, fn) },
        { migrations: opts.migrations ?? MIGRATIONS, ...(opts.notice ? { notice: opts.notice } : {}) },
      );
    } finally {
      await bestEffort('releasing the migration lock', client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]));
      client.release();
    }
  } catch (error) {
    // A failed migration stops the start; no pool may stay open behind it.
    await bestEffort('closing the pool', pool.end());
    throw error;
  }
  return db;
}

// The same storage on a PostgreSQL server, for more than one cloud instance: several instances share it
// and wake each other's long-polls through LISTEN/NOTIFY (cloud/README.md). Same SQL, same migrations.
import pg from 'pg';
import type { Database, ScriptTransaction } from './queryable';
import { MIGRATIONS, migrate, type Migration } from './migrations';

/** Any fixed number: serialises the migrations of instances starting at the same time. */
const MIGRATION_LOCK = 7_236_115;

function onClient(client: pg.PoolClient | pg.Client): ScriptTransaction {
  return {
    query: async <T>(sql: string, params?: unknown[]) => {
      const r = await client.query(sql, params as unknown[] | undefined);
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
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

export async function openPostgres(connectionString: string, opts: { max?: number; migrations?: readonly Migration[] } = {}): Promise<Database & { pool: pg.Pool }> {
  const pool = new pg.Pool({ connectionString, max: opts.max ?? 10 });
  // An idle client that breaks (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const db: Database & { pool: pg.Pool } = {
    pool,
    query: async <T>(sql: string, params?: unknown[]) => {
      const r = await pool.query(sql, params as unknown[] | undefined);
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
  try {
    const client = await pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await migrate({ ...onClient(client), scriptTransaction: (fn) => inTransaction(client, fn) }, { migrations: opts.migrations ?? MIGRATIONS });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      client.release();
    }
  } catch (error) {
    // A failed migration stops the start; no pool may stay open behind it.
    await pool.end().catch(() => undefined);
    throw error;
  }
  return db;
}

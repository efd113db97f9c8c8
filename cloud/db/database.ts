// The storage seam: PGlite (PostgreSQL compiled to WASM, file-backed) by default. Everything above
// this file uses plain PostgreSQL SQL through `Queryable`, so a `pg` Pool adapter can replace it when
// several cloud instances share one PostgreSQL server.
import { PGlite } from '@electric-sql/pglite';
import { migrate } from './migrations';
import { createPrivateDir, restrictTree } from './data-dir';

export interface Queryable {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[]; affectedRows?: number }>;
}

export interface Database extends Queryable {
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * PGlite's WebAssembly memory is reserved at 128 MB, but only the pages PostgreSQL touches count in RSS,
 * and PostgreSQL touches all of its shared memory at start: the default shared_buffers (128 MB) cost
 * ~110 MB of RSS. The cloud's rows are few and small, and the hot path (the status long-poll) reads from
 * the status cache, so 4 MB of buffers is plenty (pages beyond it come from the OS's file cache).
 * PGlite serves one connection, so the shared arrays sized by max_connections can be that small too.
 * Measured with /proc/<pid>/smaps on a reopened database: WebAssembly memory resident 29 MB with
 * shared_buffers=16MB → 13 MB with these settings.
 */
const PGLITE_CONF = ['shared_buffers=4MB', 'max_connections=1'];

/** Opens (and migrates) the database; `dataDir` omitted = in memory. */
export async function openDatabase(dataDir?: string): Promise<Database> {
  if (dataDir) createPrivateDir(dataDir);
  const pg = dataDir ? await PGlite.create(dataDir, { postgresqlconf: PGLITE_CONF }) : await PGlite.create({ postgresqlconf: PGLITE_CONF });
  const db: Database = {
    query: (sql, params) => pg.query(sql, params as unknown[] | undefined),
    transaction: (fn) => pg.transaction((tx) => fn({ query: (sql, params) => tx.query(sql, params as unknown[] | undefined) })),
    close: async () => {
      await pg.close();
      if (dataDir) restrictTree(dataDir);
    },
  };
  await migrate(db);
  if (dataDir) restrictTree(dataDir);
  return db;
}

// The storage seam: PGlite (PostgreSQL compiled to WASM, file-backed) by default. Everything above
// this file uses plain PostgreSQL SQL through `Queryable`, so a `pg` Pool adapter can replace it when
// several cloud instances share one PostgreSQL server.
import { PGlite } from '@electric-sql/pglite';
import { MIGRATIONS, migrate, type Migration } from './migrations';
import type { Database, MigrationTarget } from './queryable';
import { createPrivateDir, restrictTree } from './data-dir';

export type { Database, Queryable } from './queryable';

/**
 * PostgreSQL's default shared_buffers (128 MB) sits in PGlite's WebAssembly memory; the cloud's working
 * set is tiny rows, so 16 MB is plenty and saves about 110 MB of RSS (measured: 290 → 180 MB on reopen).
 */
const PGLITE_CONF = ['shared_buffers=16MB'];

/** PGlite as the migration runner needs it: its exec runs a multi-statement script, query one statement. */
export function pgliteMigrationTarget(pg: PGlite): MigrationTarget {
  return {
    query: (sql, params) => pg.query(sql, params as unknown[] | undefined),
    scriptTransaction: (fn) =>
      pg.transaction((tx) => fn({ query: (sql, params) => tx.query(sql, params as unknown[] | undefined), exec: async (sql) => void (await tx.exec(sql)) })),
  };
}

/** Opens (and migrates) the database; `dataDir` omitted = in memory. `migrations` only for tests. */
export async function openDatabase(dataDir?: string, opts: { migrations?: readonly Migration[] } = {}): Promise<Database> {
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
  try {
    await migrate(pgliteMigrationTarget(pg), { migrations: opts.migrations ?? MIGRATIONS });
  } catch (error) {
    // A failed migration stops the start; the file must not stay open (and locked) behind it.
    await db.close().catch(() => undefined);
    throw error;
  }
  if (dataDir) restrictTree(dataDir);
  return db;
}

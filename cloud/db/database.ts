// The storage seam: PGlite (PostgreSQL compiled to WASM, file-backed) by default. Everything above
// this file uses plain PostgreSQL SQL through `Queryable`, so a `pg` Pool adapter can replace it when
// several cloud instances share one PostgreSQL server.
// Type only: PGlite's module (its Emscripten glue, ~1 MB of source) is loaded when a PGlite database is
// opened, so an instance on a PostgreSQL server does not hold it.
import type { PGlite } from '@electric-sql/pglite';
import { MIGRATIONS, migrate, type Migration } from './migrations';
import type { Database, MigrationTarget } from './queryable';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock';
import { createPrivateDir, restrictTree } from './data-dir';
import { bestEffort } from '../../shared/best-effort';
import { pglitePrepared } from './pglite-prepared';

export type { Database, Queryable } from './queryable';

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

/** PGlite as the migration runner needs it: its exec runs a multi-statement script, query one statement. */
export function pgliteMigrationTarget(pg: PGlite): MigrationTarget {
  return {
    query: (sql, params) => pg.query(sql, params as unknown[] | undefined),
    scriptTransaction: (fn) =>
      pg.transaction((tx) =>
        fn({
          query: (sql, params) => tx.query(sql, params as unknown[] | undefined),
          exec: async (sql) => void (await tx.exec(sql)),
        }),
      ),
  };
}

/**
 * Opens (and migrates) the database; `dataDir` omitted = in memory. A data directory is private to the
 * cloud's user (0700/0600) and locked for this process until close (DataDirLockedError names the owner).
 * `migrations` only for tests.
 */
export async function openDatabase(
  dataDir?: string,
  opts: { migrations?: readonly Migration[]; notice?: (line: string) => void } = {},
): Promise<Database & { lock?: DataDirLock }> {
  if (dataDir) createPrivateDir(dataDir);
  const lock = dataDir ? acquireDataDirLock(dataDir) : undefined;
  let pg: PGlite;
  let prepared: ReturnType<typeof pglitePrepared>;
  try {
    const mod = await import('@electric-sql/pglite');
    const { PGlite } = mod;
    pg = dataDir
      ? await PGlite.create(dataDir, { postgresqlconf: PGLITE_CONF })
      : await PGlite.create({ postgresqlconf: PGLITE_CONF });
    prepared = pglitePrepared(pg, mod);
  } catch (err) {
    lock?.release();
    throw err;
  }
  const db: Database & { lock?: DataDirLock } = {
    ...(lock ? { lock } : {}),
    query: (sql, params, name) =>
      name ? prepared.query(name, sql, params) : pg.query(sql, params as unknown[] | undefined),
    transaction: (fn) =>
      pg.transaction((tx) =>
        fn({
          query: (sql, params, name) =>
            name ? prepared.query(name, sql, params, true) : tx.query(sql, params as unknown[] | undefined),
        }),
      ),
    close: async () => {
      try {
        await pg.close();
        if (dataDir) restrictTree(dataDir);
      } finally {
        lock?.release();
      }
    },
  };
  try {
    await migrate(pgliteMigrationTarget(pg), {
      migrations: opts.migrations ?? MIGRATIONS,
      ...(opts.notice ? { notice: opts.notice } : {}),
    });
  } catch (error) {
    // A failed migration stops the start; the file must not stay open (and locked) behind it.
    await bestEffort('closing the database', db.close());
    throw error;
  }
  if (dataDir) restrictTree(dataDir);
  return db;
}

// The migration runner on PGlite and on a real PostgreSQL server: each migration runs whole (a function
// body with ';' inside included), in its own transaction, recorded once in schema_migrations; a failing
// one leaves nothing behind.
import { describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './database';
import { openPostgres } from './postgres';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIGRATIONS, migrate, type Migration } from './migrations';
import type { MigrationTarget } from './queryable';
import { findPostgresBin, postgresForDescribe } from '../testing/postgres-server';

const WITH_FUNCTION: Migration = {
  version: 1001,
  sql: `
    CREATE TABLE labels (id integer PRIMARY KEY, name text NOT NULL);
    -- A function body holds ';' of its own: splitting the script there breaks it.
    CREATE FUNCTION labels_trim() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.name := btrim(NEW.name);
      RETURN NEW;
    END;
    $$;
    CREATE TRIGGER labels_trim BEFORE INSERT ON labels FOR EACH ROW EXECUTE FUNCTION labels_trim();
  `,
};
const FAILING: Migration = { version: 1002, sql: `CREATE TABLE half_done (x integer); SELECT 1 / 0;` };

/** After FAILING: neither its table nor its version is left, and every earlier migration is recorded. */
async function expectNothingOfFailedMigration(db: Pick<Database, 'query' | 'close'>): Promise<void> {
  try {
    expect((await db.query(`SELECT to_regclass('half_done') AS t`)).rows).toEqual([{ t: null }]);
    expect(
      (await db.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version),
    ).toEqual(MIGRATIONS.map((m) => m.version));
  } finally {
    await db.close();
  }
}

type Open = (migrations: readonly Migration[]) => Promise<Database>;

function runnerTests(open: () => Open) {
  it('runs a migration with a function body whole, once', async () => {
    const db = await open()([...MIGRATIONS, WITH_FUNCTION]);
    try {
      await db.query('INSERT INTO labels (id, name) VALUES (1, $1)', ['  Amazon DE  ']);
      expect((await db.query<{ name: string }>('SELECT name FROM labels')).rows).toEqual([{ name: 'Amazon DE' }]);
      const versions = (
        await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')
      ).rows.map((r) => r.version);
      expect(versions).toEqual([...MIGRATIONS.map((m) => m.version), 1001]);
    } finally {
      await db.close();
    }
  });
}

describe('migrations on PGlite', () => {
  runnerTests(() => (migrations) => openDatabase(undefined, { migrations }));

  it('leaves nothing of a failed migration, and applies only what is missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'acc-migrations-'));
    try {
      await expect(openDatabase(dir, { migrations: [...MIGRATIONS, FAILING] })).rejects.toThrow(/division by zero/);
      await expectNothingOfFailedMigration(await openDatabase(dir));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses versions that do not rise (two branches merged with the same number)', async () => {
    const untouched = {} as MigrationTarget; // the check comes before any query
    await expect(migrate(untouched, { migrations: [...MIGRATIONS, { version: 1, sql: 'SELECT 1' }] })).rejects.toThrow(
      /versions must rise/,
    );
  });
});

const bin = findPostgresBin();
describe.skipIf('missing' in bin)('migrations on PostgreSQL', () => {
  const postgres = postgresForDescribe((bin as { bin: string }).bin, 'migrations');

  runnerTests(() => async (migrations) => openPostgres(await postgres.freshDatabase(), { migrations, max: 2 }));

  it('leaves nothing of a failed migration', async () => {
    const url = await postgres.freshDatabase();
    await expect(openPostgres(url, { migrations: [...MIGRATIONS, FAILING] })).rejects.toThrow(/division by zero/);
    await expectNothingOfFailedMigration(await openPostgres(url));
  });
});

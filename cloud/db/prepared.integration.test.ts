// Named statements (db/queryable.ts, issue 26): prepared once per connection, their plan reused, the
// same answers as the unnamed statement, errors that leave the connection usable — on PGlite and on a
// PostgreSQL server. "The plan is reused" is read from pg_prepared_statements, never from a clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './database';
import { openPostgres } from './postgres';
import { findPostgresBin, postgresForDescribe } from '../testing/postgres-server';

const TABLE = 'CREATE TABLE IF NOT EXISTS prepared_probe (id text PRIMARY KEY, n integer NOT NULL, at timestamptz)';
const INSERT = 'INSERT INTO prepared_probe (id, n, at) VALUES ($1, $2, $3) RETURNING id, n, at';
const BUMP = 'UPDATE prepared_probe SET n = n + $2 WHERE id = $1 RETURNING n';

interface PreparedRow {
  name: string;
  generic_plans: string | number;
  custom_plans: string | number;
}

function suite(open: () => Promise<Database>, plans: (db: Database) => Promise<PreparedRow[]>) {
  let db: Database;
  beforeAll(async () => {
    db = await open();
    await db.query(TABLE);
  });
  afterAll(async () => db?.close());

  it('answers as the unnamed statement does, and PostgreSQL switches to the generic plan', async () => {
    const at = new Date('2026-12-08T01:02:03.456Z');
    const named = await db.query<{ id: string; n: number; at: Date }>(INSERT, ['a', 1, at], 'probe_insert');
    const unnamed = await db.query<{ id: string; n: number; at: Date }>(INSERT, ['b', 1, at]);
    expect(named.rows).toEqual([{ id: 'a', n: 1, at }]);
    expect(unnamed.rows).toEqual([{ id: 'b', n: 1, at }]);
    expect(named.affectedRows).toBe(1);
    for (let i = 0; i < 12; i++) await db.query(BUMP, ['a', 1], 'probe_bump');
    const bumped = await db.query<{ n: number }>(BUMP, ['a', 1], 'probe_bump');
    expect(bumped.rows).toEqual([{ n: 14 }]);
    const none = await db.query<{ n: number }>(BUMP, ['missing', 1], 'probe_bump');
    expect(none).toMatchObject({ rows: [], affectedRows: 0 });
    // Fails on PGlite's plain `query`: each call re-parses and re-plans the unnamed statement.
    const bump = (await plans(db)).find((p) => p.name === 'probe_bump');
    expect(Number(bump?.custom_plans)).toBeLessThanOrEqual(5);
    expect(Number(bump?.generic_plans)).toBeGreaterThanOrEqual(9);
  });

  it('runs in a transaction, and a failing execution leaves the connection usable', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query(BUMP, ['a', 100], 'probe_bump');
        await tx.query(INSERT, ['a', 1, null], 'probe_insert'); // duplicate key
      }),
    ).rejects.toMatchObject({ code: '23505' });
    // Rolled back as a whole: the bump inside the transaction is gone.
    expect((await db.query<{ n: number }>('SELECT n FROM prepared_probe WHERE id = $1', ['a'])).rows).toEqual([
      { n: 14 },
    ]);
    await expect(db.query(INSERT, ['b', 1, null], 'probe_insert')).rejects.toMatchObject({ code: '23505' });
    const inTx = await db.transaction((tx) => tx.query<{ n: number }>(BUMP, ['b', 2], 'probe_bump'));
    expect(inTx.rows).toEqual([{ n: 3 }]);
    expect((await db.query<{ n: number }>(BUMP, ['b', 1], 'probe_bump')).rows).toEqual([{ n: 4 }]);
  });
}

describe('named statements on PGlite', () => {
  suite(
    () => openDatabase(),
    async (db) =>
      (await db.query<PreparedRow>('SELECT name, generic_plans, custom_plans FROM pg_prepared_statements')).rows,
  );

  it('refuses one name with another text, and names that are not identifiers', async () => {
    const db = await openDatabase();
    try {
      await db.query('SELECT 1 AS one', [], 'probe_one');
      await expect(db.query('SELECT 2 AS two', [], 'probe_one')).rejects.toThrow(/another text/);
      await expect(db.query('SELECT 1', [], 'bad name; --')).rejects.toThrow(/invalid prepared statement name/);
      expect((await db.query('SELECT 1 AS one', [], 'probe_one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await db.close();
    }
    // A timer's statement after the close (the lease renewal) is refused, as PGlite's query refuses it.
    await expect(db.query('SELECT 1 AS one', [], 'probe_one')).rejects.toThrow(/closed/i);
  });
});

const bin = findPostgresBin();
describe.skipIf('missing' in bin)('named statements on PostgreSQL', () => {
  const pgServer = postgresForDescribe((bin as { bin: string }).bin, 'prepared_probe');
  // One pooled connection, so pg_prepared_statements (per session) shows the statements' plans.
  suite(
    async () => openPostgres(await pgServer.freshDatabase(), { max: 1 }),
    async (db) =>
      (await db.query<PreparedRow>('SELECT name, generic_plans, custom_plans FROM pg_prepared_statements')).rows,
  );
});

// The shapes every repository repeats: a statement's first row or all of them, and one row in.
import type { Queryable } from '../db/queryable';

/** The first row the statement returns (of a lookup, an UPDATE … RETURNING), or undefined. */
export async function firstRow<T>(q: Queryable, sql: string, params: unknown[]): Promise<T | undefined> {
  return (await q.query<T>(sql, params)).rows[0];
}

export async function allRows<T>(q: Queryable, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await q.query<T>(sql, params)).rows;
}

/** A row of this tenant by id (`live`: not deleted); `forUpdate` locks it in a transaction. */
export async function tenantRowById<T>(
  q: Queryable,
  table: 'platforms' | 'authorizations',
  key: { tenantId: string; id: string },
  lock: { forUpdate: boolean; live?: boolean },
): Promise<T | undefined> {
  const live = lock.live ? ' AND deleted_at IS NULL' : '';
  const sql = `SELECT * FROM ${table} WHERE id = $1 AND tenant_id = $2${live}${lock.forUpdate ? ' FOR UPDATE' : ''}`;
  return firstRow<T>(q, sql, [key.id, key.tenantId]);
}

/**
 * One row in: the columns are the keys of `values` (names from the caller's code, never from input).
 * Not for `authorizations`, whose every write stays spelt out in authorizations/.
 */
export async function insertRow(q: Queryable, table: string, values: object): Promise<void> {
  const columns = Object.keys(values);
  const placeholders = columns.map((_, i) => `$${i + 1}`).join(', ');
  await q.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${placeholders})`, Object.values(values));
}

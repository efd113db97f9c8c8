// The storage interfaces everything above cloud/db/ uses: plain PostgreSQL SQL with $n parameters, the
// same on PGlite (database.ts) and on a PostgreSQL server (postgres.ts). Types only, so the opening code
// and the migrations can both depend on them without depending on each other.

export interface Queryable {
  /**
   * `name`: a hot statement, prepared once per connection so PostgreSQL reuses its plan (issue 26); one
   * name always goes with one text. Such a statement lists its columns (no `*`): a column a newer
   * release adds during a rolling upgrade must not change a prepared statement's result.
   */
  query<T>(sql: string, params?: unknown[], name?: string): Promise<{ rows: T[]; affectedRows?: number }>;
}

export interface Database extends Queryable {
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A transaction that can also run a whole SQL script (several statements, no parameters). */
export interface ScriptTransaction extends Queryable {
  exec(sql: string): Promise<void>;
}

/** What the migration runner needs: queries, and transactions that run scripts. */
export interface MigrationTarget extends Queryable {
  scriptTransaction<T>(fn: (tx: ScriptTransaction) => Promise<T>): Promise<T>;
}

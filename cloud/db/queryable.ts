// The storage interfaces everything above cloud/db/ uses: plain PostgreSQL SQL with $n parameters, the
// same on PGlite (database.ts) and on a PostgreSQL server (postgres.ts). Types only, so the opening code
// and the migrations can both depend on them without depending on each other.

export interface Queryable {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[]; affectedRows?: number }>;
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

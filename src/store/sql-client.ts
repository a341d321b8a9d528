// The tiny SQL surface the store needs, so one implementation (sql-store.ts) runs on PGlite and PostgreSQL alike.

export type SqlParam = string | number | boolean | Date | null;

export interface SqlExecutor {
  /** Runs one statement with $1, $2… parameters and returns its rows. */
  query<T extends object = Record<string, unknown>>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
}

export interface SqlClient extends SqlExecutor {
  readonly kind: "pglite" | "postgres";
  /** Runs fn inside BEGIN … COMMIT on one connection; rolls back when fn throws. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /**
   * For writes whose loss in a crash of the database server (not of this process) costs little: replay records,
   * conversation context and the question logs. On PostgreSQL these commit without waiting for the WAL flush
   * (synchronous_commit off: a fsync per commit took 2-16 ms here, a request path's largest cost); they stay
   * atomic and consistent, and a crash of the bot itself loses none of them. Absent: use the client itself.
   */
  readonly relaxed?: SqlExecutor;
  close(): Promise<void>;
}

/** Anything with node-postgres' and PGlite's `query(sql, params)` that resolves to `{ rows }`. */
interface RowsQueryable {
  query(sql: string, params: SqlParam[]): Promise<{ rows: unknown[] }>;
}

/** The SqlExecutor over a driver's pool, connection or transaction: one statement in, its rows out. */
export function rowsExecutor(db: RowsQueryable): SqlExecutor {
  return {
    async query<T extends object>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
      return (await db.query(sql, [...params])).rows as T[];
    },
  };
}

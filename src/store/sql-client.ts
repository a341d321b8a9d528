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

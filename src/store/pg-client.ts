// SqlClient over a real PostgreSQL server (node-postgres Pool), used when DATABASE_URL is set so that several bot
// instances share one database.
import pg from "pg";
import { rowsExecutor, type SqlClient, type SqlExecutor } from "./sql-client.ts";

export interface PgClientOptions {
  connectionString: string;
  /** Pool size per instance. */
  max?: number;
  onError?: (err: Error) => void;
}

export async function createPgClient(opts: PgClientOptions): Promise<SqlClient> {
  const poolOf = (max: number) =>
    new pg.Pool({
      connectionString: opts.connectionString,
      max,
      connectionTimeoutMillis: 10_000,
      idleTimeoutMillis: 30_000,
    });
  const pool = poolOf(opts.max ?? 5);
  // A second, small pool for SqlClient.relaxed: its sessions commit without waiting for the WAL flush.
  const relaxedPool = poolOf(Math.max(1, Math.ceil((opts.max ?? 5) / 2)));
  relaxedPool.on("connect", (conn) => {
    // Queued on the connection before any statement the pool hands it out for.
    conn.query("SET synchronous_commit TO off").catch((err: Error) => opts.onError?.(err));
  });
  // An idle client that loses its connection emits on the pool; without a listener that would crash the process.
  for (const p of [pool, relaxedPool]) p.on("error", (err) => opts.onError?.(err));
  // Fail fast (and clearly) when the server is unreachable or the credentials are wrong.
  try {
    await pool.query("SELECT 1");
  } catch (err) {
    await Promise.all([pool.end(), relaxedPool.end()]).catch(() => undefined);
    throw new Error(`Cannot connect to PostgreSQL (DATABASE_URL): ${(err as Error).message}`, { cause: err });
  }
  let closed = false;
  return {
    kind: "postgres",
    query: rowsExecutor(pool).query,
    relaxed: rowsExecutor(relaxedPool),
    async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
      const conn = await pool.connect();
      try {
        await conn.query("BEGIN");
        const value = await fn(rowsExecutor(conn));
        await conn.query("COMMIT");
        return value;
      } catch (err) {
        await conn.query("ROLLBACK").catch(() => undefined);
        throw err;
      } finally {
        conn.release();
      }
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await Promise.all([pool.end(), relaxedPool.end()]);
    },
  };
}

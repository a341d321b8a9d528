// The embedded database runs in a worker thread (src/store/pglite-thread.ts): a long write must not stall the
// main thread's event loop, which in-process PGlite (WebAssembly on the calling thread) does for its whole duration.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createStore, PGLITE_SUBDIR } from "../../src/store/index.ts";
import { createPgliteClient } from "../../src/store/pglite-client.ts";
import { pgliteWasmModule } from "../../src/store/pglite-thread.ts";
import type { SqlClient } from "../../src/store/sql-client.ts";
import { SqlStore } from "../../src/store/sql-store.ts";
import { seedPgliteDataDir } from "../support/pglite.ts";

/** A large write: one statement that keeps PGlite busy for a few hundred milliseconds. */
const LARGE_WRITE =
  "INSERT INTO big (n, t) SELECT g, md5(g::text) || repeat('x', 200) FROM generate_series(1, $1::int) g";

/** Runs `work` while a 2 ms timer measures how late the event loop gets to it; returns the work's and the worst delay. */
async function loopDelayDuring(work: () => Promise<unknown>): Promise<{ workMs: number; maxDelayMs: number }> {
  let maxDelayMs = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    maxDelayMs = Math.max(maxDelayMs, now - last - 2);
    last = now;
  }, 2);
  const start = performance.now();
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  const end = performance.now();
  // A loop blocked until the work ended never ran the timer: that last gap counts too.
  maxDelayMs = Math.max(maxDelayMs, end - last - 2);
  return { workMs: end - start, maxDelayMs };
}

/** Grows the write until it takes at least 200 ms here, then measures the loop delay during one more of it. */
async function measureLargeWrite(client: SqlClient): Promise<{ workMs: number; maxDelayMs: number }> {
  await client.query("CREATE TABLE big (n int, t text)");
  let rows = 20_000;
  for (;;) {
    const start = performance.now();
    await client.query(LARGE_WRITE, [rows]);
    if (performance.now() - start >= 200 || rows >= 640_000) break;
    rows *= 2;
  }
  return loopDelayDuring(() => client.query(LARGE_WRITE, [rows]));
}

describe("embedded database in a worker thread", { timeout: 120_000 }, () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "raadswijzer-thread-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("compiles PGlite's WebAssembly once per process for every thread it opens", async () => {
    const compiled = await pgliteWasmModule();
    expect(compiled).toBeInstanceOf(WebAssembly.Module);
    expect(await pgliteWasmModule()).toBe(compiled);
    // Opened with it, a thread's database works (the module is PGlite's own, not a stand-in).
    await seedPgliteDataDir(dir);
    const client = await createPgliteClient(join(dir, PGLITE_SUBDIR), { worker: true });
    try {
      expect(await client.query("SELECT 1 + 1 AS two")).toEqual([{ two: 2 }]);
    } finally {
      await client.close();
    }
  });

  it("the store createStore opens keeps the event loop free during a large write", async () => {
    await seedPgliteDataDir(dir);
    const store = await createStore(
      { NODE_ENV: "test", DATA_DIR: dir, DATABASE_URL: undefined, STORE_HASH_KEY: "k".repeat(32), RETENTION_DAYS: 180 },
      pino({ level: "silent" }),
    );
    try {
      expect(store).toBeInstanceOf(SqlStore);
      const { workMs, maxDelayMs } = await measureLargeWrite((store as SqlStore).client);
      expect(workMs).toBeGreaterThanOrEqual(100);
      // In-process, the loop waits for the whole statement (maxDelay ≈ workMs); here only for scheduling noise.
      // A ratio within the same run, not a fixed number of ms: on a loaded machine both grow together.
      expect(maxDelayMs).toBeLessThan(workMs / 2);
    } finally {
      await store.close();
    }
  });

  it("in-process PGlite (worker: false) does block it: the measurement detects a stall", async () => {
    await seedPgliteDataDir(dir);
    const client = await createPgliteClient(join(dir, PGLITE_SUBDIR), { worker: false });
    try {
      const { workMs, maxDelayMs } = await measureLargeWrite(client);
      expect(maxDelayMs).toBeGreaterThan(workMs / 2);
    } finally {
      await client.close();
    }
  });

  it("keeps query results, database errors with their code, transactions and rollbacks as in-process", async () => {
    await seedPgliteDataDir(dir);
    const client = await createPgliteClient(join(dir, PGLITE_SUBDIR), { worker: true });
    try {
      expect(await client.query("SELECT $1::int + 1 AS n, $2::timestamptz AS at", [41, new Date(0)])).toEqual([
        { n: 42, at: new Date(0) },
      ]);
      await client.query("CREATE TABLE t (a int PRIMARY KEY)");
      await client.query("INSERT INTO t VALUES (1)");
      await expect(client.query("INSERT INTO t VALUES (1)")).rejects.toMatchObject({
        code: "23505",
        message: expect.stringMatching(/duplicate key/),
      });
      const n = await client.transaction(async (tx) => {
        await tx.query("INSERT INTO t VALUES (2)");
        return (await tx.query<{ n: number }>("SELECT count(*)::int AS n FROM t"))[0]?.n;
      });
      expect(n).toBe(2);
      await expect(
        client.transaction(async (tx) => {
          await tx.query("INSERT INTO t VALUES (3)");
          throw new Error("changed my mind");
        }),
      ).rejects.toThrow("changed my mind");
      // A statement outside waits for an open transaction, as with in-process PGlite's mutex.
      const rows = await client.query<{ a: number }>("SELECT a FROM t ORDER BY a");
      expect(rows.map((r) => r.a)).toEqual([1, 2]);
    } finally {
      await client.close();
    }
    // Closed: the lock is released, and the data is on disk for the next open.
    const again = await createPgliteClient(join(dir, PGLITE_SUBDIR), { worker: true });
    try {
      expect(await again.query("SELECT count(*)::int AS n FROM t")).toEqual([{ n: 2 }]);
    } finally {
      await again.close();
    }
  });
});

// The log of asked questions (no text): recorded, listed by time, purged with the retention period.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runMigrations } from "../../src/store/migrations.ts";
import type { SqlClient } from "../../src/store/sql-client.ts";
import { ASKED_BATCH_ROWS, SqlStore } from "../../src/store/sql-store.ts";
import { type Backend, pgliteBackend } from "./backends.ts";

describe("SqlStore: questions asked", () => {
  let backend: Backend;
  let client: SqlClient;
  beforeAll(async () => {
    backend = await pgliteBackend();
    client = await backend.open();
    await runMigrations(client);
  }, 60_000);
  afterAll(async () => {
    await backend?.dispose();
  });

  it("records status, entry and platform, lists them since a date, and purges old ones", async () => {
    let now = new Date("2026-06-01T10:00:00Z");
    const store = new SqlStore(client, { hashKey: "test-key-0123456789abcdef", retentionDays: 30, clock: () => now });
    await store.recordAsked({ status: "answer", entryId: "wgr", confidence: 0.9, platform: "slack" });
    now = new Date("2026-06-20T10:00:00Z");
    await store.recordAsked({ status: "unknown", entryId: null, confidence: 2, platform: "teams" });
    await expect(
      store.recordAsked({ status: "weird" as "answer", entryId: null, confidence: 0, platform: "teams" }),
    ).rejects.toThrow(/status/);
    expect(await store.listAsked()).toEqual([
      { status: "answer", entryId: "wgr", confidence: 0.9, platform: "slack", at: new Date("2026-06-01T10:00:00Z") },
      { status: "unknown", entryId: null, confidence: 1, platform: "teams", at: new Date("2026-06-20T10:00:00Z") },
    ]);
    expect(await store.listAsked(new Date("2026-06-10T00:00:00Z"))).toHaveLength(1);
    expect(await store.purgeExpired(new Date("2026-07-10T10:00:00Z"))).toBe(1);
    expect((await store.listAsked()).map((r) => r.status)).toEqual(["unknown"]);
  });
});

describe("SqlStore: the asked-questions log is written in batches, off the request path", () => {
  let backend: Backend;
  let client: SqlClient;
  /** The INSERTs into questions_asked that reached the database. */
  let inserts: string[];
  /** A client that counts the log's INSERTs and whose close leaves the shared in-memory database open. */
  let counting: SqlClient;
  beforeAll(async () => {
    backend = await pgliteBackend();
    client = await backend.open();
    await runMigrations(client);
    counting = {
      ...client,
      query: (sql, params) => {
        if (sql.startsWith("INSERT INTO questions_asked") || sql.startsWith("INSERT INTO unanswered"))
          inserts.push(sql);
        return client.query(sql, params);
      },
      close: async () => undefined,
    };
  }, 60_000);
  afterAll(async () => {
    await backend?.dispose();
  });
  const rowCount = async () =>
    Number((await client.query<{ n: number }>("SELECT count(*)::int AS n FROM questions_asked"))[0]!.n);
  const asked = { status: "answer", entryId: "wgr", confidence: 0.9, platform: "slack" } as const;

  it("answers at once and writes the queued rows in one INSERT after askedFlushMs", async () => {
    inserts = [];
    await client.query("DELETE FROM questions_asked");
    const store = new SqlStore(counting, { hashKey: "test-key-0123456789abcdef", retentionDays: 30, askedFlushMs: 50 });
    for (let i = 0; i < 25; i++) await store.recordAsked(asked);
    expect(inserts).toHaveLength(0);
    expect(await rowCount()).toBe(0);
    await new Promise((r) => setTimeout(r, 300));
    expect(inserts).toHaveLength(1);
    expect(await rowCount()).toBe(25);
    await store.close();
  });

  it("writes what is queued on a clean close (nothing acknowledged is lost)", async () => {
    inserts = [];
    await client.query("DELETE FROM questions_asked");
    const store = new SqlStore(counting, {
      hashKey: "test-key-0123456789abcdef",
      retentionDays: 30,
      askedFlushMs: 60_000,
    });
    for (let i = 0; i < 7; i++) await store.recordAsked({ ...asked, platform: i % 2 ? "teams" : "slack" });
    expect(await rowCount()).toBe(0);
    await store.close();
    expect(inserts).toHaveLength(1);
    expect(await rowCount()).toBe(7);
    await expect(store.recordAsked(asked)).rejects.toThrow(/closed/);
  });

  it("lists queued rows too (listAsked writes the queue first), in the order they were asked", async () => {
    await client.query("DELETE FROM questions_asked");
    let now = new Date("2026-06-01T10:00:00Z");
    const store = new SqlStore(counting, {
      hashKey: "test-key-0123456789abcdef",
      retentionDays: 30,
      askedFlushMs: 60_000,
      clock: () => now,
    });
    await store.recordAsked(asked);
    now = new Date("2026-06-01T10:00:01Z");
    await store.recordAsked({ ...asked, status: "unknown", entryId: null });
    expect((await store.listAsked()).map((r) => [r.status, r.at.toISOString()])).toEqual([
      ["answer", "2026-06-01T10:00:00.000Z"],
      ["unknown", "2026-06-01T10:00:01.000Z"],
    ]);
    await store.close();
  });

  it("keeps the rows when a write fails and writes them with the next batch", async () => {
    await client.query("DELETE FROM questions_asked");
    let failNext = true;
    const flaky: SqlClient = {
      ...counting,
      query: (sql, params) => {
        if (failNext && sql.startsWith("INSERT INTO questions_asked")) {
          failNext = false;
          return Promise.reject(new Error("database briefly unavailable"));
        }
        return client.query(sql, params);
      },
    };
    const store = new SqlStore(flaky, {
      hashKey: "test-key-0123456789abcdef",
      retentionDays: 30,
      askedFlushMs: 60_000,
    });
    await store.recordAsked(asked);
    await expect(store.flushAsked()).rejects.toThrow(/unavailable/);
    await store.recordAsked(asked);
    await store.close();
    expect(await rowCount()).toBe(2);
  });

  it("writes a full batch at once without waiting for the timer", async () => {
    inserts = [];
    await client.query("DELETE FROM questions_asked");
    const store = new SqlStore(counting, {
      hashKey: "test-key-0123456789abcdef",
      retentionDays: 30,
      askedFlushMs: 60_000,
    });
    for (let i = 0; i < ASKED_BATCH_ROWS; i++) await store.recordAsked(asked);
    await vi.waitFor(async () => expect(await rowCount()).toBe(ASKED_BATCH_ROWS), { timeout: 5_000 });
    expect(inserts).toHaveLength(1);
    await store.close();
  });

  it("queues unanswered questions on PGlite too: listUnanswered and close write the queue first", async () => {
    inserts = [];
    await client.query("DELETE FROM unanswered");
    const store = new SqlStore(counting, { hashKey: "test-key-0123456789abcdef", retentionDays: 30 });
    const q = { bestGuess: null, confidence: 0.1, platform: "slack" } as const;
    for (let i = 0; i < 5; i++) await store.recordUnanswered({ ...q, question: ` vraag ${i} ` });
    expect(inserts).toHaveLength(0);
    expect((await store.listUnanswered()).map((u) => u.question)).toEqual([0, 1, 2, 3, 4].map((i) => `vraag ${i}`));
    expect(inserts).toHaveLength(1);
    await store.recordUnanswered({ ...q, question: "nog een" });
    await store.close();
    expect(inserts).toHaveLength(2);
    const stored = await client.query<{ question: string }>("SELECT question FROM unanswered ORDER BY id");
    expect(stored.map((r) => r.question)).toContain("nog een");
    await expect(store.recordUnanswered({ ...q, question: "te laat" })).rejects.toThrow(/closed/);
  });
});

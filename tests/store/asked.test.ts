// The log of asked questions (no text): recorded, listed by time, purged with the retention period.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runMigrations } from "../../src/store/migrations.ts";
import type { SqlClient } from "../../src/store/sql-client.ts";
import { SqlStore } from "../../src/store/sql-store.ts";
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

// The same test body runs against embedded PGlite (always) and a real PostgreSQL (when DATABASE_URL is set).
import { beforeEach, describe, expect, it } from "vitest";
import { hashUserId } from "../../src/store/hash.ts";
import { migrations, runMigrations } from "../../src/store/migrations.ts";
import type { SqlClient } from "../../src/store/sql-client.ts";
import { UnknownRunError } from "../../src/errors.ts";
import { SqlStore } from "../../src/store/sql-store.ts";
import { groupTitle, postgresMissing } from "../support/skip.ts";
import { type Backend, pgliteBackend, postgresBackend, useMigratedClient } from "./backends.ts";

const KEY = "test-key-0123456789abcdef";
const DAY = 86_400_000;

function suite(name: string, makeBackend: () => Promise<Backend>, missing?: string): void {
  describe.skipIf(missing !== undefined)(groupTitle(`SqlStore on ${name}`, missing), { timeout: 30_000 }, () => {
    let backend: Backend;
    let client: SqlClient;
    let now: Date;
    let store: SqlStore;

    const db = useMigratedClient(makeBackend);

    beforeEach(() => {
      ({ backend, client } = db());
      now = new Date("2026-11-23T10:00:00Z");
      store = new SqlStore(client, { hashKey: KEY, retentionDays: 180, clock: () => now });
    });

    it("applies migrations once; running them again changes nothing", async () => {
      expect(await runMigrations(client)).toEqual([]);
      const rows = await client.query<{ version: number }>("SELECT version FROM schema_migrations ORDER BY version");
      expect(rows.map((r) => Number(r.version))).toEqual(migrations.map((m) => m.version));
      // Data survives a second run.
      await store.recordUnanswered({ question: "q", bestGuess: null, confidence: 0.1, platform: "cli" });
      await runMigrations(client);
      expect(await store.listUnanswered()).toHaveLength(1);
    });

    it("applies a later migration on top of the applied ones, once", async () => {
      const next = [
        ...migrations,
        { version: 999, name: "test only", sql: ["CREATE TABLE migration_probe (id INTEGER)"] },
      ];
      try {
        expect(await runMigrations(client, next)).toEqual([999]);
        expect(await runMigrations(client, next)).toEqual([]);
        expect(await client.query("SELECT * FROM migration_probe")).toEqual([]);
      } finally {
        await client.query("DROP TABLE IF EXISTS migration_probe");
        await client.query("DELETE FROM schema_migrations WHERE version = 999");
      }
      await expect(runMigrations(client, [...migrations, ...migrations])).rejects.toThrow(/unique, increasing/);
    });

    it("rolls a failing migration back completely", async () => {
      const broken = [
        ...migrations,
        { version: 998, name: "broken", sql: ["CREATE TABLE half_done (id INTEGER)", "THIS IS NOT SQL"] },
      ];
      await expect(runMigrations(client, broken)).rejects.toThrow();
      expect(await client.query("SELECT version FROM schema_migrations WHERE version = 998")).toEqual([]);
      expect(await client.query("SELECT to_regclass('half_done') AS t")).toEqual([{ t: null }]);
    });

    it("round-trips feedback, trims comments and filters by date", async () => {
      now = new Date("2026-11-01T09:00:00Z");
      await store.recordFeedback({ entryId: "wgr", helpful: true, platform: "slack" });
      now = new Date("2026-11-20T09:00:00Z");
      await store.recordFeedback({
        entryId: "zienswijze-begroting",
        helpful: false,
        comment: "  Te vaag.  ",
        platform: "teams",
      });
      await store.recordFeedback({ entryId: "wgr", helpful: false, comment: "   ", platform: "preview" });

      const all = await store.listFeedback();
      expect(all).toEqual([
        { entryId: "wgr", helpful: true, comment: null, platform: "slack", at: new Date("2026-11-01T09:00:00Z") },
        {
          entryId: "zienswijze-begroting",
          helpful: false,
          comment: "Te vaag.",
          platform: "teams",
          at: new Date("2026-11-20T09:00:00Z"),
        },
        { entryId: "wgr", helpful: false, comment: null, platform: "preview", at: new Date("2026-11-20T09:00:00Z") },
      ]);
      const recent = await store.listFeedback(new Date("2026-11-10T00:00:00Z"));
      expect(recent.map((f) => f.entryId)).toEqual(["zienswijze-begroting", "wgr"]);
    });

    it("rejects an unknown platform", async () => {
      await expect(store.recordFeedback({ entryId: "wgr", helpful: true, platform: "email" as never })).rejects.toThrow(
        /platform/,
      );
    });

    it("round-trips unanswered questions with best guess and confidence", async () => {
      now = new Date("2026-10-01T12:00:00Z");
      await store.recordUnanswered({
        question: " Wat kost een GR? ",
        bestGuess: "wgr",
        confidence: 0.31,
        platform: "teams",
      });
      now = new Date("2026-11-22T12:00:00Z");
      await store.recordUnanswered({ question: "Hoe laat is het?", bestGuess: null, confidence: 0, platform: "slack" });
      await store.recordUnanswered({
        question: "x".repeat(5000),
        bestGuess: null,
        confidence: Number.NaN,
        platform: "cli",
      });

      const rows = await store.listUnanswered();
      expect(rows[0]).toEqual({
        question: "Wat kost een GR?",
        bestGuess: "wgr",
        confidence: 0.31,
        platform: "teams",
        at: new Date("2026-10-01T12:00:00Z"),
      });
      expect(rows[1]).toMatchObject({
        question: "Hoe laat is het?",
        bestGuess: null,
        confidence: 0,
        platform: "slack",
      });
      expect(rows[2]!.question).toHaveLength(1000);
      expect(rows[2]!.confidence).toBe(0);
      expect(await store.listUnanswered(new Date("2026-11-01T00:00:00Z"))).toHaveLength(2);
    });

    it("starts a checklist run once per checklist and context, and resumes it", async () => {
      const a = await store.startChecklistRun("checklist-uittreden", "slack:C1:171.1");
      expect(a.runId).toMatch(/^[0-9a-f-]{36}$/);
      expect(a).toMatchObject({ checklistId: "checklist-uittreden", context: "slack:C1:171.1", ticked: [] });
      expect(a.createdAt).toEqual(now);

      const again = await store.startChecklistRun("checklist-uittreden", "slack:C1:171.1");
      expect(again.runId).toBe(a.runId);
      const otherContext = await store.startChecklistRun("checklist-uittreden", "teams:conv-2");
      const otherList = await store.startChecklistRun("checklist-toetreden", "slack:C1:171.1");
      expect(new Set([a.runId, otherContext.runId, otherList.runId]).size).toBe(3);

      expect(await store.getChecklistRun(a.runId)).toEqual(a);
      expect(await store.getChecklistRun("not-a-uuid")).toBeNull();
      expect(await store.getChecklistRun("00000000-0000-4000-8000-000000000000")).toBeNull();
    });

    it("does not create two runs when started concurrently", async () => {
      const runs = await Promise.all(Array.from({ length: 5 }, () => store.startChecklistRun("checklist-x", "ctx")));
      expect(new Set(runs.map((r) => r.runId)).size).toBe(1);
    });

    it("ticks and unticks items, storing only a keyed hash of the user id", async () => {
      const run = await store.startChecklistRun("checklist-uittreden", "teams:conv");
      now = new Date("2026-11-23T11:00:00Z");
      let r = await store.setChecklistItem(run.runId, "checklist-uittreden#1", "U123ALICE", true);
      r = await store.setChecklistItem(run.runId, "checklist-uittreden#3", "U123ALICE", true);
      expect(r.ticked.map((t) => t.itemId)).toEqual(["checklist-uittreden#1", "checklist-uittreden#3"]);
      expect(r.updatedAt).toEqual(now);
      expect(r.createdAt).toEqual(new Date("2026-11-23T10:00:00Z"));

      const hash = r.ticked[0]!.userHash;
      expect(hash).not.toContain("U123ALICE");
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      expect(r.ticked[1]!.userHash).toBe(hash); // stable
      expect(hash).toBe(hashUserId(KEY, "U123ALICE"));
      expect(hashUserId("another-key-0123456789", "U123ALICE")).not.toBe(hash);
      expect(hashUserId(KEY, "U999BOB")).not.toBe(hash);
      const raw = await client.query<{ user_hash: string }>("SELECT user_hash FROM checklist_ticks");
      expect(raw.every((row) => row.user_hash === hash)).toBe(true);

      // Ticking again is idempotent; unticking removes it; unticking twice is harmless.
      r = await store.setChecklistItem(run.runId, "checklist-uittreden#1", "U999BOB", true);
      expect(r.ticked).toHaveLength(2);
      r = await store.setChecklistItem(run.runId, "checklist-uittreden#1", "U999BOB", false);
      expect(r.ticked.map((t) => t.itemId)).toEqual(["checklist-uittreden#3"]);
      r = await store.setChecklistItem(run.runId, "checklist-uittreden#1", "U999BOB", false);
      expect(r.ticked).toHaveLength(1);

      // Resuming returns the ticks.
      const resumed = await store.startChecklistRun("checklist-uittreden", "teams:conv");
      expect(resumed.ticked.map((t) => t.itemId)).toEqual(["checklist-uittreden#3"]);
    });

    it("refuses to tick in an unknown run", async () => {
      await expect(
        store.setChecklistItem("00000000-0000-4000-8000-000000000000", "a#1", "u", true),
      ).rejects.toBeInstanceOf(UnknownRunError);
      await expect(store.setChecklistItem("nope", "a#1", "u", true)).rejects.toBeInstanceOf(UnknownRunError);
    });

    it("purges questions, feedback comments and idle runs older than the retention period", async () => {
      now = new Date(Date.UTC(2026, 0, 1));
      await store.recordUnanswered({ question: "oud", bestGuess: null, confidence: 0.1, platform: "cli" });
      await store.recordFeedback({ entryId: "wgr", helpful: false, comment: "oude opmerking", platform: "slack" });
      const oldRun = await store.startChecklistRun("checklist-a", "ctx-old");
      await store.setChecklistItem(oldRun.runId, "checklist-a#1", "U1", true);
      now = new Date(now.getTime() + 179 * DAY);
      await store.recordUnanswered({ question: "recent", bestGuess: null, confidence: 0.1, platform: "cli" });
      await store.recordFeedback({ entryId: "wgr", helpful: false, comment: "nieuwe opmerking", platform: "slack" });
      const newRun = await store.startChecklistRun("checklist-a", "ctx-new");

      // 179 days later nothing is old enough yet.
      expect(await store.purgeExpired()).toBe(0);
      const later = new Date(Date.UTC(2026, 0, 1) + 181 * DAY);
      expect(await store.purgeExpired(later)).toBe(3);
      expect((await store.listUnanswered()).map((u) => u.question)).toEqual(["recent"]);
      const feedback = await store.listFeedback();
      expect(feedback.map((f) => [f.helpful, f.comment])).toEqual([
        [false, null],
        [false, "nieuwe opmerking"],
      ]);
      expect(await store.getChecklistRun(oldRun.runId)).toBeNull();
      expect(await store.getChecklistRun(newRun.runId)).not.toBeNull();
      const ticks = await client.query("SELECT * FROM checklist_ticks");
      expect(ticks).toHaveLength(0);
      expect(await store.purgeExpired(later)).toBe(0);
    });

    it("runs the purge on a timer that stops when the store closes", async () => {
      now = new Date(Date.now() - 400 * DAY);
      await store.recordUnanswered({ question: "heel oud", bestGuess: null, confidence: 0, platform: "cli" });
      const ownClient = await backend.open();
      const timed = new SqlStore(ownClient, { hashKey: KEY, retentionDays: 180, purgeIntervalMs: 20 });
      await expect.poll(async () => (await store.listUnanswered()).length, { timeout: 5000 }).toBe(0);
      await timed.close();
      await timed.close(); // idempotent
    });

    it("answers ping", async () => {
      expect(await store.ping()).toBe(true);
    });

    it("keeps one feedback row per user and entry: a second click changes it (defect 2)", async () => {
      await store.recordFeedback({ entryId: "wgr", helpful: true, platform: "slack", userId: "U1" });
      await store.recordFeedback({ entryId: "wgr", helpful: true, platform: "slack", userId: "U1" });
      await store.recordFeedback({ entryId: "wgr", helpful: true, platform: "slack", userId: "U1" });
      expect(await store.listFeedback()).toHaveLength(1);
      now = new Date(now.getTime() + 1000);
      await store.recordFeedback({
        entryId: "wgr",
        helpful: false,
        comment: "Toch niet.",
        platform: "slack",
        userId: "U1",
      });
      await store.recordFeedback({ entryId: "wgr", helpful: true, platform: "teams", userId: "U2" });
      await store.recordFeedback({ entryId: "zienswijze-begroting", helpful: true, platform: "slack", userId: "U1" });
      // Without a user (the CLI, older rows) every call is its own row.
      await store.recordFeedback({ entryId: "wgr", helpful: true, platform: "cli" });
      await store.recordFeedback({ entryId: "wgr", helpful: true, platform: "cli" });
      const rows = await store.listFeedback();
      expect(rows).toHaveLength(5);
      expect(rows.filter((r) => r.entryId === "wgr" && r.platform === "slack")).toEqual([
        { entryId: "wgr", helpful: false, comment: "Toch niet.", platform: "slack", at: now },
      ]);
      const hashes = await client.query<{ user_hash: string | null }>(
        "SELECT user_hash FROM feedback WHERE user_hash IS NOT NULL",
      );
      expect(hashes.map((h) => h.user_hash)).not.toContain("U1");
    });

    it("records a seen key once until it expires (defect 2)", async () => {
      expect(await store.firstSeen("slack:sig:v0=abc", 300_000)).toBe(true);
      expect(await store.firstSeen("slack:sig:v0=abc", 300_000)).toBe(false);
      expect(await store.firstSeen("slack:sig:v0=def", 300_000)).toBe(true);
      const long = `k${"x".repeat(5000)}`;
      expect(await store.firstSeen(long, 300_000)).toBe(true);
      expect(await store.firstSeen(long, 300_000)).toBe(false);
      now = new Date(now.getTime() + 300_001);
      expect(await store.firstSeen("slack:sig:v0=abc", 300_000)).toBe(true);
      // Expired records are swept.
      now = new Date(now.getTime() + 600_000);
      await store.firstSeen("other", 1000);
      const left = await client.query<{ key: string }>("SELECT key FROM seen_requests ORDER BY key");
      expect(left.map((r) => r.key)).toEqual(["other"]);
    });

    it("answers a key once when many callers race for it, also through a second client (defect 2)", async () => {
      const second = await backend.open();
      try {
        const other = new SqlStore(second, { hashKey: KEY, retentionDays: 180, clock: () => now });
        const results = await Promise.all(
          Array.from({ length: 20 }, (_v, i) => (i % 2 ? other : store).firstSeen("slack:event:Ev1", 3_600_000)),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
      } finally {
        if (backend.name === "postgres") await second.close();
      }
    });
  });
}

suite("PGlite (in memory)", pgliteBackend);
suite("PostgreSQL", () => postgresBackend(process.env.DATABASE_URL ?? ""), postgresMissing);

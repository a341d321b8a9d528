// Migration 5: the 👎 reason with the feedback row, hand-offs to the griffie (open → answered) and shared settings.
// Runs on PGlite always and on PostgreSQL when DATABASE_URL is set.
import { beforeEach, describe, expect, it } from "vitest";
import type { SqlClient } from "../../src/store/sql-client.ts";
import { SqlStore } from "../../src/store/sql-store.ts";
import { groupTitle, postgresMissing } from "../support/skip.ts";
import { type Backend, pgliteBackend, postgresBackend, useMigratedClient } from "./backends.ts";

const KEY = "test-key-0123456789abcdef";
const DAY = 86_400_000;

function suite(name: string, makeBackend: () => Promise<Backend>, missing?: string): void {
  describe.skipIf(missing !== undefined)(groupTitle(`feedback reasons and hand-offs on ${name}`, missing), () => {
    let client: SqlClient;
    let now: Date;
    let store: SqlStore;

    const db = useMigratedClient(makeBackend);

    beforeEach(() => {
      ({ client } = db());
      now = new Date("2026-12-02T10:00:00Z");
      store = new SqlStore(client, { hashKey: KEY, retentionDays: 180, clock: () => now });
    });

    it("stores a reason with the user's 👎; a later reason updates the same row, a 👍 clears it", async () => {
      await store.recordFeedback({ entryId: "wgr", helpful: false, platform: "slack", userId: "U1" });
      await store.recordFeedback({
        entryId: "wgr",
        helpful: false,
        reason: "onvolledig",
        comment: "  De termijn ontbreekt. ",
        platform: "slack",
        userId: "U1",
      });
      expect(await store.listFeedback()).toEqual([
        {
          entryId: "wgr",
          helpful: false,
          reason: "onvolledig",
          comment: "De termijn ontbreekt.",
          platform: "slack",
          at: now,
        },
      ]);
      // Clicking 👎 again (no reason in that click) keeps the reason and its text.
      await store.recordFeedback({ entryId: "wgr", helpful: false, platform: "slack", userId: "U1" });
      expect((await store.listFeedback())[0]).toMatchObject({ reason: "onvolledig", comment: "De termijn ontbreekt." });
      await store.recordFeedback({
        entryId: "wgr",
        helpful: false,
        reason: "verouderd",
        platform: "slack",
        userId: "U1",
      });
      expect(await store.listFeedback()).toEqual([
        { entryId: "wgr", helpful: false, reason: "verouderd", comment: null, platform: "slack", at: now },
      ]);
      await store.recordFeedback({ entryId: "wgr", helpful: true, platform: "slack", userId: "U1" });
      expect(await store.listFeedback()).toEqual([
        { entryId: "wgr", helpful: true, comment: null, platform: "slack", at: now },
      ]);
    });

    it("refuses an unknown reason", async () => {
      await expect(
        store.recordFeedback({
          entryId: "wgr",
          helpful: false,
          reason: "weet-niet" as "anders",
          platform: "slack",
        }),
      ).rejects.toThrow(/Unknown feedback reason/);
      expect(await store.listFeedback()).toEqual([]);
    });

    it("keeps a hand-off open until it is marked answered (once); the user id only as a hash", async () => {
      const h = await store.recordHandoff({
        question: "  Wie betaalt de pensioenen van het personeel? ",
        bestGuess: "wgr",
        platform: "slack",
        userId: "U0USER01",
        link: "https://test.slack.com/archives/C1/p1700000300000100",
      });
      expect(h).toMatchObject({
        question: "Wie betaalt de pensioenen van het personeel?",
        bestGuess: "wgr",
        status: "open",
        link: "https://test.slack.com/archives/C1/p1700000300000100",
        answeredAt: null,
      });
      now = new Date(now.getTime() + 1000);
      const other = await store.recordHandoff({
        question: "Tweede",
        bestGuess: null,
        platform: "teams",
        link: "javascript:alert(1)",
      });
      expect(other.link).toBeNull();
      expect((await store.listHandoffs(undefined, "open")).map((r) => r.id)).toEqual([h.id, other.id]);

      now = new Date(now.getTime() + 60_000);
      const answered = await store.markHandoffAnswered(h.id, "UGRIFFIE");
      expect(answered).toMatchObject({ id: h.id, status: "answered", answeredAt: now });
      const later = new Date(now.getTime() + 60_000);
      now = later;
      expect((await store.markHandoffAnswered(h.id, "USOMEONE"))?.answeredAt).toEqual(
        new Date(later.getTime() - 60_000),
      );
      expect((await store.listHandoffs(undefined, "open")).map((r) => r.id)).toEqual([other.id]);
      expect(await store.listHandoffs()).toHaveLength(2);
      expect(await store.markHandoffAnswered("not-a-uuid", "U1")).toBeNull();
      expect(await store.markHandoffAnswered("00000000-0000-4000-8000-000000000000", "U1")).toBeNull();

      const raw = await client.query<{ user_hash: string | null; answered_by: string | null }>(
        "SELECT user_hash, answered_by FROM handoffs",
      );
      expect(JSON.stringify(raw)).not.toMatch(/U0USER01|UGRIFFIE/);
    });

    it("purges hand-offs older than the retention period, answered or not", async () => {
      await store.recordHandoff({ question: "oud", bestGuess: null, platform: "slack" });
      const removed = await store.purgeExpired(new Date(now.getTime() + 181 * DAY));
      expect(removed).toBe(1);
      expect(await store.listHandoffs()).toEqual([]);
    });

    it("keeps shared settings", async () => {
      expect(await store.getSetting("griffie.teams")).toBeNull();
      await store.setSetting("griffie.teams", '{"a":1}');
      await store.setSetting("griffie.teams", '{"a":2}');
      expect(await store.getSetting("griffie.teams")).toBe('{"a":2}');
    });
  });
}

suite("PGlite (in memory)", pgliteBackend);
suite("PostgreSQL", () => postgresBackend(process.env.DATABASE_URL ?? ""), postgresMissing);

// Conversation context (migration 4): the entry last answered per conversation, keyed by a hash, expiring, purged.
// The same tests run on embedded PGlite (always) and on PostgreSQL (when DATABASE_URL is set), the latter also with
// two store instances on one database, as two bot instances behind a load balancer.
import { beforeEach, describe, expect, it } from "vitest";
import { conversationKeyHash } from "../../src/store/conversation-context.ts";
import { hashUserId } from "../../src/store/hash.ts";
import type { SqlClient } from "../../src/store/sql-client.ts";
import { SqlStore } from "../../src/store/sql-store.ts";
import { groupTitle, postgresMissing } from "../support/skip.ts";
import { type Backend, pgliteBackend, postgresBackend, useMigratedClient } from "./backends.ts";

const KEY = "context-test-key-0123456789";
const MINUTE = 60_000;
const THREAD = "slack:C0CHAN001:1700000100.000100";

function suite(name: string, makeBackend: () => Promise<Backend>, missing?: string): void {
  describe.skipIf(missing !== undefined)(groupTitle(`conversation context on ${name}`, missing), () => {
    let backend: Backend;
    let client: SqlClient;
    let now: Date;
    let store: SqlStore;

    const db = useMigratedClient(makeBackend);

    beforeEach(() => {
      ({ backend, client } = db());
      now = new Date("2026-12-02T09:00:00Z");
      store = new SqlStore(client, { hashKey: KEY, retentionDays: 180, clock: () => now });
    });

    it("remembers the last entry per conversation and replaces it on the next answer", async () => {
      expect(await store.getConversationContext(THREAD)).toBeNull();
      await store.setConversationContext(THREAD, "zienswijze-begroting", 30 * MINUTE);
      now = new Date(now.getTime() + 5 * MINUTE);
      await store.setConversationContext(THREAD, "bedrijfsvoeringsorganisatie", 30 * MINUTE);
      expect(await store.getConversationContext(THREAD)).toEqual({
        entryId: "bedrijfsvoeringsorganisatie",
        updatedAt: new Date("2026-12-02T09:05:00Z"),
        expiresAt: new Date("2026-12-02T09:35:00Z"),
      });
      // Another thread in the same channel, another platform: nothing.
      expect(await store.getConversationContext("slack:C0CHAN001:1700000999.000100")).toBeNull();
      expect(await store.getConversationContext("teams:C0CHAN001:1700000100.000100")).toBeNull();
      expect(await client.query("SELECT key_hash FROM conversation_context")).toHaveLength(1);
    });

    it("stores only a keyed hash of the conversation key, and nothing readable", async () => {
      await store.setConversationContext(THREAD, "zienswijze-begroting", 30 * MINUTE);
      const rows = await client.query<Record<string, unknown>>("SELECT * FROM conversation_context");
      expect(rows).toHaveLength(1);
      const row = rows[0]!;
      expect(Object.keys(row).sort()).toEqual(["entry_id", "expires_at", "key_hash", "updated_at"]);
      expect(row.key_hash).toBe(conversationKeyHash(KEY, THREAD));
      expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/);
      // Not the plain SHA of the key, not the user-id hash of the same string, and it depends on the secret.
      expect(row.key_hash).not.toBe(hashUserId(KEY, THREAD));
      expect(row.key_hash).not.toBe(conversationKeyHash("another-key-0123456789", THREAD));
      expect(JSON.stringify(row)).not.toContain("C0CHAN001");
    });

    it("forgets a context once it expires, and a later answer starts a new one", async () => {
      await store.setConversationContext(THREAD, "zienswijze-begroting", 30 * MINUTE);
      now = new Date(now.getTime() + 30 * MINUTE - 1);
      expect((await store.getConversationContext(THREAD))?.entryId).toBe("zienswijze-begroting");
      now = new Date(now.getTime() + 1);
      expect(await store.getConversationContext(THREAD)).toBeNull();
      await store.setConversationContext(THREAD, "uittreden-gr", 30 * MINUTE);
      expect((await store.getConversationContext(THREAD))?.entryId).toBe("uittreden-gr");
    });

    it("deletes expired contexts in the retention purge (not counted as retention), keeps live ones", async () => {
      await store.setConversationContext(THREAD, "zienswijze-begroting", 30 * MINUTE);
      await store.setConversationContext("teams:19:abc@thread.v2", "wgr", 60 * MINUTE);
      expect(await store.purgeExpired(new Date(now.getTime() + 45 * MINUTE))).toBe(0);
      const left = await client.query<{ entry_id: string }>("SELECT entry_id FROM conversation_context");
      expect(left.map((r) => r.entry_id)).toEqual(["wgr"]);
    });

    it("sweeps expired contexts when it writes (at most once a minute)", async () => {
      await store.setConversationContext(THREAD, "zienswijze-begroting", 1 * MINUTE);
      now = new Date(now.getTime() + 2 * MINUTE);
      await store.setConversationContext("preview:p-123456789", "wgr", 30 * MINUTE);
      const left = await client.query<{ entry_id: string }>("SELECT entry_id FROM conversation_context");
      expect(left.map((r) => r.entry_id)).toEqual(["wgr"]);
    });

    it("refuses an empty key, a bad entry id or a lifetime of zero, and reads no context for an empty key", async () => {
      await expect(store.setConversationContext("", "wgr", MINUTE)).rejects.toThrow(/conversation key/);
      await expect(store.setConversationContext(THREAD, "", MINUTE)).rejects.toThrow(/entry id/);
      await expect(store.setConversationContext(THREAD, "x".repeat(201), MINUTE)).rejects.toThrow(/entry id/);
      await expect(store.setConversationContext(THREAD, "wgr", 0)).rejects.toThrow(/lifetime/);
      expect(await store.getConversationContext("")).toBeNull();
    });

    it("a context written through one store instance is read through another on the same database", async () => {
      const second = await backend.open();
      try {
        const other = new SqlStore(second, { hashKey: KEY, retentionDays: 180, clock: () => now });
        await store.setConversationContext(THREAD, "zienswijze-begroting", 30 * MINUTE);
        expect((await other.getConversationContext(THREAD))?.entryId).toBe("zienswijze-begroting");
        await other.setConversationContext(THREAD, "uittreden-gr", 30 * MINUTE);
        expect((await store.getConversationContext(THREAD))?.entryId).toBe("uittreden-gr");
      } finally {
        if (backend.name === "postgres") await second.close();
      }
    });
  });
}

suite("PGlite", pgliteBackend);
suite("PostgreSQL", () => postgresBackend(process.env.DATABASE_URL ?? ""), postgresMissing);

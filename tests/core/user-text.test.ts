// Defect 6: NUL, control characters and lone surrogates are normalised once at the edge, so the store never
// refuses a question or a comment, and no warning carries the user's text.
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createBot } from "../../src/core/create-bot.ts";
import { isNormalizedUserText, normalizeUserText } from "../../src/core/user-text.ts";
import { runMigrations } from "../../src/store/migrations.ts";
import type { SqlClient } from "../../src/store/sql-client.ts";
import { SqlStore } from "../../src/store/sql-store.ts";
import { useTestApp } from "../http/app-fixture.ts";
import { FIXTURE_TOPIC } from "../http/helpers.ts";
import { truncateAll } from "../store/backends.ts";
import { fakeEngine } from "./fixtures.ts";
import { memoryPgliteClient } from "../support/pglite.ts";

const HOSTILE =
  "Hoe zit het met de btw\u0000 bij een \uD800GR \uDC00?\u001b]0;titel\u0007\u001b[2J\u009b31m e\u0301\r\nklaar";

describe("normalizeUserText", () => {
  it("strips NUL and control characters (not tab or newline), replaces lone surrogates, applies NFC", () => {
    const out = normalizeUserText(HOSTILE);
    expect(out).toBe("Hoe zit het met de btw bij een \uFFFDGR \uFFFD?]0;titel[2J31m \u00e9\nklaar");
    expect(normalizeUserText("a\tb\nc")).toBe("a\tb\nc");
    expect(normalizeUserText("emoji 👍 blijft")).toBe("emoji 👍 blijft");
    expect(normalizeUserText(null)).toBe("");
    expect(isNormalizedUserText(out)).toBe(true);
    // The result always encodes to UTF-8 and back unchanged.
    expect(Buffer.from(out, "utf8").toString("utf8")).toBe(out);
  });
});

describe("the Bot facade with hostile text and a real store", () => {
  let client: SqlClient;
  let store: SqlStore;
  const lines: string[] = [];
  const logger = pino(
    { level: "info" },
    new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    }),
  );

  beforeAll(async () => {
    client = await memoryPgliteClient();
    await runMigrations(client);
    store = new SqlStore(client, { hashKey: "bot-test-key-0123456789", retentionDays: 180 });
  }, 60_000);
  afterAll(async () => {
    await store?.close();
  });
  beforeEach(async () => {
    await truncateAll(client);
    lines.length = 0;
  });

  it("records an unanswered question that contained NUL and lone surrogates", async () => {
    const bot = createBot({ engine: fakeEngine(), store, logger });
    const reply = await bot.ask(HOSTILE, { platform: "slack" });
    expect(reply.status).toBe("unknown");
    const rows = await store.listUnanswered();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.question).toBe(normalizeUserText(HOSTILE).trim());
    expect(lines.join("")).not.toContain("btw");
  });

  it("stores feedback with a hostile comment", async () => {
    const bot = createBot({ engine: fakeEngine(), store, logger });
    await bot.recordFeedback("wgr", false, "preview", "fout\u0000 \uDBFF");
    const rows = await store.listFeedback();
    expect(rows.map((r) => r.comment)).toEqual(["fout \uFFFD"]);
  });
});

describe("the preview API with hostile text", () => {
  const app = useTestApp();

  it("a feedback comment with NUL or a lone surrogate is stored (201), not a 500", async () => {
    for (const comment of ["met\u0000nul", "half \uD83D emoji", "\u001b[2Jwis"]) {
      const res = await fetch(`${app().url}/preview/api/feedback`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ entryId: FIXTURE_TOPIC, helpful: false, comment }),
      });
      expect(res.status, JSON.stringify(comment)).toBe(201);
    }
    const stored = (await app().store.listFeedback()).map((r) => r.comment);
    expect(stored).toEqual(["metnul", "half \uFFFD emoji", "[2Jwis"]);
  });

  it("a question with NUL is answered and recorded as unanswered", async () => {
    const res = await fetch(`${app().url}/preview/api/ask`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ q: "pensioen\u0000 van het \uDC00personeel?" }),
    });
    expect(res.status).toBe(200);
    const rows = await app().store.listUnanswered();
    expect(rows.map((r) => r.question)).toContain("pensioen van het \uFFFDpersoneel?");
  });
});

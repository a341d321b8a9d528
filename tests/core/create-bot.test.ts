// The Bot facade over a fake Engine and a real store (in-memory PGlite).
import { pino } from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Bot } from "../../src/core/bot.ts";
import { createBot } from "../../src/core/create-bot.ts";
import { formatDutchDate } from "../../src/core/dutch-date.ts";
import { userMessageOf } from "../../src/core/user-message.ts";
import { ChecklistError } from "../../src/errors.ts";
import { messages } from "../../src/core/messages.ts";
import { createEngine } from "../../src/engine/index.ts";
import type { Store } from "../../src/store/port.ts";
import { runMigrations } from "../../src/store/migrations.ts";
import type { SqlClient } from "../../src/store/sql-client.ts";
import { SqlStore } from "../../src/store/sql-store.ts";
import { truncateAll } from "../store/backends.ts";
import { memoryPgliteClient } from "../support/pglite.ts";
import { answerReply, entries, fakeEngine, knowledgeBase } from "./fixtures.ts";

const logger = pino({ level: "silent" });
const NOW = new Date("2026-11-23T09:30:00Z");

let client: SqlClient;
let store: SqlStore;

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
});

const FEATURED = [
  "rol-van-de-raad",
  "zienswijze-begroting",
  "toestemming-raad",
  "valkuilen-samenwerking",
  "uittreden-gr",
];
const makeBot = (engine = fakeEngine(), featured: readonly string[] = FEATURED): Bot =>
  createBot({ engine, store, logger, featured, clock: () => NOW });

describe("ask", () => {
  it("records an unknown question with the best guess and confidence, and returns the engine's reply", async () => {
    const bot = makeBot();
    const reply = await bot.ask("Hoe zit het met de btw bij een GR?", { platform: "teams" });
    expect(reply.status).toBe("unknown");
    const rows = await store.listUnanswered();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      question: "Hoe zit het met de btw bij een GR?",
      bestGuess: "wgr",
      confidence: 0.22,
      platform: "teams",
    });
  });

  it("does not record an unknown search-as-you-type query when asked not to", async () => {
    const bot = makeBot();
    const reply = await bot.ask("Hoe zit het met de btw bij een GR?", { platform: "teams", recordUnanswered: false });
    expect(reply.status).toBe("unknown");
    expect(await store.listUnanswered()).toEqual([]);
  });

  it("does not record answers, help or empty input", async () => {
    const bot = makeBot(fakeEngine({ "Wat is de Wgr?": answerReply("wgr") }));
    expect((await bot.ask("Wat is de Wgr?", { platform: "slack" })).status).toBe("answer");
    expect((await bot.ask("hallo", { platform: "slack" })).status).toBe("help");
    expect((await bot.ask("   ", { platform: "slack" })).status).toBe("help");
    expect(await store.listUnanswered()).toEqual([]);
  });

  it("records no best guess when the engine only offers default suggestions (score 0)", async () => {
    const unknown = {
      status: "unknown" as const,
      confidence: 0,
      answer: null,
      alternatives: [{ id: "wgr", title: "Wgr", score: 0 }],
    };
    const bot = makeBot(fakeEngine({ "weer morgen?": unknown }));
    await bot.ask("weer morgen?", { platform: "cli" });
    expect((await store.listUnanswered())[0]).toMatchObject({ bestGuess: null, confidence: 0 });
  });

  it("still answers when the store fails, and logs it", async () => {
    const failing = { recordUnanswered: vi.fn().mockRejectedValue(new Error("database is down")) } as unknown as Store;
    const warn = vi.fn();
    const spyLogger = { child: () => ({ warn, error: vi.fn(), info: vi.fn() }) } as unknown as typeof logger;
    const bot = createBot({ engine: fakeEngine(), store: failing, logger: spyLogger });
    const reply = await bot.ask("iets onbekends", { platform: "slack" });
    expect(reply.status).toBe("unknown");
    expect(failing.recordUnanswered).toHaveBeenCalledOnce();
    expect(warn).toHaveBeenCalledOnce();
  });

  it("answers unknown instead of throwing when the engine throws", async () => {
    const engine = fakeEngine();
    engine.ask = () => {
      throw new Error("boom");
    };
    const reply = await makeBot(engine).ask("iets", { platform: "cli" });
    expect(reply).toMatchObject({ status: "unknown", answer: null });
  });
});

describe("answers by id, help, featured topics", () => {
  it("answers by id, and unknown with suggestions for a bad id", () => {
    const bot = makeBot();
    expect(bot.answerById("wgr")).toMatchObject({ status: "answer", answer: { id: "wgr" } });
    const bad = bot.answerById("bestaat-niet");
    expect(bad.status).toBe("unknown");
    expect(bad.answer).toBeNull();
    expect(bad.alternatives.length).toBeGreaterThan(0);
    expect(bot.help().status).toBe("help");
  });

  it("features the preferred topics that exist, in order", () => {
    const topics = makeBot().featuredTopics();
    expect(topics.map((t) => t.id)).toEqual(["rol-van-de-raad", "zienswijze-begroting", "uittreden-gr"]);
    expect(topics.every((t) => FEATURED.includes(t.id))).toBe(true);
  });

  it("follows the order of the featured list it is given", () => {
    const topics = makeBot(fakeEngine(), [
      "uittreden-gr",
      "bestaat-niet",
      "zienswijze-begroting",
      "rol-van-de-raad",
    ]).featuredTopics();
    expect(topics.map((t) => t.id)).toEqual(["uittreden-gr", "zienswijze-begroting", "rol-van-de-raad"]);
  });

  it("features the first topics when the base has no featured list", () => {
    const topics = makeBot(fakeEngine(), []).featuredTopics();
    expect(topics.length).toBeGreaterThanOrEqual(3);
    expect(topics.map((t) => t.id)).toEqual(
      entries
        .filter((e) => e.kind === "topic")
        .slice(0, topics.length)
        .map((e) => e.id),
    );
  });

  it("falls back to the first topics when too few preferred ones exist", () => {
    const others = entries.filter((e) => !["rol-van-de-raad", "zienswijze-begroting", "uittreden-gr"].includes(e.id));
    const topics = makeBot(fakeEngine({}, others)).featuredTopics();
    expect(topics).toEqual([{ id: "nota-verbonden-partijen", title: "Nota verbonden partijen" }]);
  });
});

describe("checklists", () => {
  it("lists checklists with their item counts", () => {
    expect(makeBot().listChecklists()).toEqual([
      {
        id: "checklist-uittreden",
        title: "Checklist uittreden uit een GR",
        summary: "Wat de raad moet weten voordat de gemeente uittreedt.",
        itemCount: 3,
      },
      {
        id: "checklist-zienswijze",
        title: "Checklist zienswijze op de begroting",
        summary: "Checklist zienswijze op de begroting.",
        itemCount: 2,
      },
    ]);
  });

  it("finds a checklist: the engine's checklist answer first, then title/keyword overlap, else null", () => {
    const engine = fakeEngine({ "afvinken zienswijze": answerReply("checklist-zienswijze") });
    const bot = makeBot(engine);
    expect(bot.findChecklist("afvinken zienswijze")?.id).toBe("checklist-zienswijze");
    expect(bot.findChecklist("checklist uittreden")?.id).toBe("checklist-uittreden");
    expect(bot.findChecklist("Uittreding")?.id).toBe("checklist-uittreden");
    expect(bot.findChecklist("ontwerpbegroting")?.id).toBe("checklist-zienswijze");
    expect(bot.findChecklist("checklist")).toBeNull();
    expect(bot.findChecklist("voetbaluitslagen")).toBeNull();
    expect(bot.findChecklist("  ")).toBeNull();
  });

  it("finds the checklist related to a confident topic answer", () => {
    const bot = makeBot(fakeEngine({ "stoppen met de regeling": answerReply("uittreden-gr") }));
    expect(bot.findChecklist("stoppen met de regeling")?.id).toBe("checklist-uittreden");
  });

  it("starts, resumes, ticks and unticks", async () => {
    const bot = makeBot();
    const started = await bot.startChecklist("checklist-uittreden", "slack:C1:1700000000.000100");
    expect(started).toMatchObject({ title: "Checklist uittreden uit een GR", done: 0, total: 3 });
    expect(started.items.map((i) => i.checked)).toEqual([false, false, false]);

    const runId = started.run.runId;
    let p = await bot.toggleChecklistItem(runId, "checklist-uittreden#2", "U1", true);
    expect(p.done).toBe(1);
    expect(p.items.map((i) => i.checked)).toEqual([false, true, false]);
    p = await bot.toggleChecklistItem(runId, "checklist-uittreden#3", "U2", true);
    p = await bot.toggleChecklistItem(runId, "checklist-uittreden#2", "U2", false);
    expect(p.items.map((i) => i.checked)).toEqual([false, false, true]);

    const resumed = await bot.startChecklist("checklist-uittreden", "slack:C1:1700000000.000100");
    expect(resumed.run.runId).toBe(runId);
    expect(resumed.done).toBe(1);
    expect((await bot.checklistProgress(runId))?.done).toBe(1);
    expect(await bot.checklistProgress("00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("rejects bad ids with a ChecklistError carrying Dutch text", async () => {
    const bot = makeBot();
    const unknownChecklist = await bot.startChecklist("checklist-bestaat-niet", "ctx").catch((err: unknown) => err);
    expect(unknownChecklist).toBeInstanceOf(ChecklistError);
    expect(unknownChecklist).toMatchObject({ name: "ChecklistError", code: "unknown-checklist" });
    expect(userMessageOf(unknownChecklist)).toBe(messages.checklistUnknown);
    await expect(bot.startChecklist("wgr", "ctx")).rejects.toBeInstanceOf(ChecklistError); // not a checklist
    const { run } = await bot.startChecklist("checklist-uittreden", "ctx");
    await expect(bot.toggleChecklistItem(run.runId, "checklist-uittreden#9", "U1", true)).rejects.toMatchObject({
      code: "unknown-item",
    });
    await expect(bot.toggleChecklistItem(run.runId, "checklist-zienswijze#1", "U1", true)).rejects.toMatchObject({
      code: "unknown-item",
    });
    const unknownRun = await bot
      .toggleChecklistItem("00000000-0000-4000-8000-000000000000", "checklist-uittreden#1", "U1", true)
      .catch((err: unknown) => err);
    expect(unknownRun).toMatchObject({ code: "unknown-run" });
    expect(userMessageOf(unknownRun)).toBe(messages.checklistRunUnknown);
    await expect(bot.toggleChecklistItem("garbage", "x", "U1", true)).rejects.toMatchObject({ code: "unknown-run" });
  });

  it("exports markdown: title, Dutch date, items ticked or not, sources as links", async () => {
    const bot = makeBot();
    const { run } = await bot.startChecklist("checklist-uittreden", "teams:conv");
    await bot.toggleChecklistItem(run.runId, "checklist-uittreden#1", "U1", true);
    await bot.toggleChecklistItem(run.runId, "checklist-uittreden#3", "U1", true);
    expect(await bot.exportChecklist(run.runId)).toBe(
      [
        "# Checklist uittreden uit een GR",
        "",
        "23 november 2026",
        "",
        "- [x] De uittredingsvoorwaarden in de regeling zijn bekend.",
        "- [ ] De kosten van uittreding zijn geraamd.",
        "- [x] Er is een alternatief voor de taken.",
        "",
        "## Bronnen",
        "",
        "- [Wgr, art. 1 \\[lid 2\\]](https://wetten.overheid.nl/BWBR0003740/#Artikel1)",
        "- [Handreiking uittreden](https://vng.nl/uittreden)",
        "",
      ].join("\n"),
    );
    expect(await bot.exportChecklist("00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("formats dates in Dutch, Amsterdam time", () => {
    expect(formatDutchDate(new Date("2026-03-01T12:00:00Z"))).toBe("1 maart 2026");
    expect(formatDutchDate(new Date("2026-12-31T23:30:00Z"))).toBe("1 januari 2027");
  });

  it("records feedback for known entries only", async () => {
    const bot = makeBot();
    await bot.recordFeedback("wgr", false, "slack", "Te kort");
    await bot.recordFeedback("bestaat-niet", true, "slack");
    expect((await store.listFeedback()).map((f) => [f.entryId, f.helpful, f.comment])).toEqual([
      ["wgr", false, "Te kort"],
    ]);
  });
});

describe("with the real engine", () => {
  it("finds checklists and records unknown questions", async () => {
    const bot = createBot({ engine: createEngine(knowledgeBase()), store, logger });
    expect(bot.findChecklist("checklist uittreden")?.id).toBe("checklist-uittreden");
    expect(bot.listChecklists()).toHaveLength(2);
    const reply = await bot.ask("Wat is het recept voor appeltaart?", { platform: "cli" });
    expect(reply.status).not.toBe("answer");
    if (reply.status === "unknown") expect(await store.listUnanswered()).toHaveLength(1);
  });
});

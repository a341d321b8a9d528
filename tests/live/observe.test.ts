// observeBot: question log (no text), stale answers, observers; everything else passes through unchanged.
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import type { Bot } from "../../src/core/bot.ts";
import { isStale, updatedNote } from "../../src/core/freshness.ts";
import type { Reply } from "../../src/reply.ts";
import { observeBot, type AskObservation } from "../../src/live/observe.ts";
import type { AskedInput } from "../../src/store/port.ts";

const answer = (updated: string): Reply => ({
  status: "answer",
  confidence: 0.9,
  answer: {
    id: "centrumgemeente",
    kind: "term",
    title: "Centrumgemeente",
    summary: "…",
    text: "",
    links: [],
    related: [],
    updated,
  },
  alternatives: [],
});

function fakeBot(reply: Reply): Bot {
  return {
    ask: async () => reply,
    answerById: () => reply,
    openEntry: async () => reply,
    help: () => ({ status: "help", confidence: 0, answer: null, alternatives: [] }),
    listChecklists: () => [],
    findChecklist: () => null,
    featuredTopics: () => [{ id: "x", title: "X" }],
    recordFeedback: async () => undefined,
    startChecklist: async () => Promise.reject(new Error("unused")),
    toggleChecklistItem: async () => Promise.reject(new Error("unused")),
    checklistProgress: async () => null,
    exportChecklist: async () => null,
  };
}

const now = () => new Date("2026-12-02T10:00:00Z");
const logger = pino({ level: "silent" });

describe("stale entries", () => {
  it("are older than STALE_MONTHS months", () => {
    expect(isStale("2025-12-01", now(), 12)).toBe(true);
    expect(isStale("2025-12-03", now(), 12)).toBe(false);
    expect(isStale("2026-05-01", now(), 6)).toBe(true);
    expect(isStale("not a date", now(), 12)).toBe(false);
  });

  it("say when they were last checked, in Dutch", () => {
    expect(updatedNote({ updated: "2025-11-23", stale: true })).toBe("Laatst gecontroleerd: 23 november 2025");
    expect(updatedNote({ updated: "2026-11-23" })).toBe("Inhoud gecontroleerd op 23 november 2026");
    expect(updatedNote({})).toBeNull();
  });
});

describe("observeBot", () => {
  it("marks answers from stale entries, logs each question without its text, tells the observers", async () => {
    const logged: AskedInput[] = [];
    const seen: AskObservation[] = [];
    const feedback: boolean[] = [];
    const bot = observeBot(fakeBot(answer("2024-01-10")), {
      store: { recordAsked: async (i) => void logged.push(i) },
      logger,
      staleMonths: 12,
      clock: now,
      observers: [{ asked: (o) => seen.push(o), feedback: (h) => feedback.push(h) }],
    });
    const reply = await bot.ask("Wat is een centrumgemeente?", { platform: "slack" });
    expect(reply.answer?.stale).toBe(true);
    expect(bot.answerById("centrumgemeente").answer?.stale).toBe(true);
    expect(logged).toEqual([{ status: "answer", entryId: "centrumgemeente", confidence: 0.9, platform: "slack" }]);
    expect(seen).toMatchObject([{ status: "answer", platform: "slack", entryId: "centrumgemeente" }]);
    expect(seen[0]!.seconds).toBeGreaterThanOrEqual(0);

    // Search-as-you-type is observed but not logged as a question.
    await bot.ask("centrum", { platform: "teams", recordUnanswered: false });
    expect(logged).toHaveLength(1);
    expect(seen).toHaveLength(2);

    await bot.recordFeedback("centrumgemeente", false, "teams");
    expect(feedback).toEqual([false]);
    expect(bot.featuredTopics()).toEqual([{ id: "x", title: "X" }]);
  });

  it("leaves fresh answers alone and survives a failing store", async () => {
    const bot = observeBot(fakeBot(answer("2026-11-23")), {
      store: { recordAsked: () => Promise.reject(new Error("db down")) },
      logger,
      staleMonths: 12,
      clock: now,
    });
    const reply = await bot.ask("Wat is een centrumgemeente?", { platform: "preview" });
    expect(reply.answer?.stale).toBeUndefined();
  });
});

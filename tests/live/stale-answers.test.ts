// An answer from an entry not checked for STALE_MONTHS says when it was last checked, however it was reached (a
// question, a button that opens an entry, an answer by id) and wherever it is shown (Slack, Teams).
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { renderReply } from "../../adapters/slack/render.ts";
import { renderReplyCard } from "../../adapters/teams/render.ts";
import type { Bot } from "../../src/core/bot.ts";
import { observeBot } from "../../src/live/observe.ts";
import type { Reply } from "../../src/reply.ts";
import { cardText } from "../adapters/teams/helpers.ts";

const reply = (updated: string): Reply => ({
  status: "answer",
  confidence: 1,
  answer: {
    id: "centrumgemeente",
    kind: "term",
    title: "Centrumgemeente",
    summary: "Een gemeente die taken uitvoert voor andere gemeenten.",
    text: "",
    links: [],
    related: [],
    updated,
  },
  alternatives: [],
});

const botAnswering = (r: Reply): Bot =>
  ({
    ask: async () => r,
    answerById: () => r,
    openEntry: async () => r,
  }) as unknown as Bot;

const observed = (updated: string): Bot =>
  observeBot(botAnswering(reply(updated)), {
    store: {},
    logger: pino({ level: "silent" }),
    staleMonths: 12,
    clock: () => new Date("2026-12-02T10:00:00Z"),
  });

const paths: [string, (bot: Bot) => Promise<Reply>][] = [
  ["a question", (bot) => bot.ask("Wat is een centrumgemeente?", { platform: "slack" })],
  ["a button that opens the entry", (bot) => bot.openEntry("centrumgemeente", { conversation: "slack:C1:1.2" })],
  ["an answer by id", async (bot) => bot.answerById("centrumgemeente")],
];

const slackText = (r: Reply): string => JSON.stringify(renderReply(r).blocks);
const teamsText = (r: Reply): string => cardText(renderReplyCard(r));

describe("answers from stale entries", () => {
  for (const [how, get] of paths) {
    it(`say when they were last checked, reached through ${how}, in Slack and Teams`, async () => {
      const stale = await get(observed("2024-01-10"));
      expect(stale.answer?.stale).toBe(true);
      expect(slackText(stale)).toContain("Laatst gecontroleerd: 10 januari 2024");
      expect(teamsText(stale)).toContain("Laatst gecontroleerd: 10 januari 2024");

      const fresh = await get(observed("2026-10-01"));
      expect(fresh.answer?.stale).toBeUndefined();
      expect(slackText(fresh)).not.toContain("Laatst gecontroleerd");
      expect(teamsText(fresh)).not.toContain("Laatst gecontroleerd");
    });
  }
});

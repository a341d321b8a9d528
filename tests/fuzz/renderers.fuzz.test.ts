// Seeded, bounded fuzzing of the Bot facade (real engine, real knowledge base, real store) and of every
// renderer (Slack blocks, Teams cards, preview HTML): nothing throws, no mention or broadcast goes out
// unescaped, no link has a scheme other than https or mailto, and every unanswered question is stored.
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderReply } from "../../adapters/slack/render.ts";
import { renderReplyCard } from "../../adapters/teams/render.ts";
import type { Bot } from "../../src/core/bot.ts";
import { createBot } from "../../src/core/create-bot.ts";
import type { Reply } from "../../src/reply.ts";
import { normalizeUserText } from "../../src/core/user-text.ts";
import { markdownToHtml } from "../../src/http/preview/markdown.ts";
import { slackBlocksToHtml } from "../../src/http/preview/slack-html.ts";
import { runMigrations } from "../../src/store/migrations.ts";
import { SqlStore } from "../../src/store/sql-store.ts";
import { htmlProblems, mrkdwnTexts, slackProblems, teamsProblems } from "./checks.ts";
import { hostileText, prng } from "./generate.ts";
import { memoryPgliteClient } from "../support/pglite.ts";
import { sharedEngine } from "../support/knowledge.ts";

const SEED = 20261202;
const QUESTIONS = 2000;
const REPLIES = 2000;

function renderAll(reply: Reply, question?: string): string[] {
  const problems: string[] = [];
  const slack = renderReply(reply, { ...(question === undefined ? {} : { question }), share: true });
  for (const text of mrkdwnTexts(slack.blocks)) problems.push(...slackProblems(text));
  problems.push(...slackProblems(slack.text));
  problems.push(...teamsProblems(renderReplyCard(reply)));
  if (reply.answer) problems.push(...htmlProblems(markdownToHtml(reply.answer.text)));
  problems.push(...htmlProblems(slackBlocksToHtml(slack)));
  return problems;
}

describe("fuzz checks", () => {
  it("catch what they look for", () => {
    expect(slackProblems("hoi <!channel>")).toHaveLength(1);
    expect(slackProblems("<javascript:alert(1)|x> <https://example.org|ok> &lt;!here&gt;")).toHaveLength(1);
    expect(teamsProblems({ body: [{ type: "TextBlock", text: "[x]( javascript:alert(1))" }] })).toHaveLength(1);
    expect(teamsProblems({ actions: [{ type: "Action.OpenUrl", url: "http://x" }] })).toHaveLength(1);
    expect(htmlProblems('<a href="javascript:alert(1)">x</a>')).toHaveLength(1);
  });
});

describe("fuzz: Bot facade and renderers", () => {
  let store: SqlStore;
  let bot: Bot;
  let entryIds: string[];

  beforeAll(async () => {
    const engine = await sharedEngine("knowledge");
    entryIds = engine.entries.map((e) => e.id);
    const client = await memoryPgliteClient();
    await runMigrations(client);
    store = new SqlStore(client, { hashKey: "fuzz-key-0123456789abcdef", retentionDays: 180 });
    bot = createBot({ engine, store, logger: pino({ level: "silent" }) });
  }, 60_000);
  afterAll(async () => {
    await store?.close();
  });

  it(`${QUESTIONS} hostile questions: no throw, clean renderings, every unanswered one stored`, async () => {
    const rand = prng(SEED);
    const problems: string[] = [];
    let expectedUnanswered = 0;
    for (let i = 0; i < QUESTIONS; i++) {
      const question = hostileText(rand);
      const reply = await bot.ask(question, { platform: i % 2 ? "slack" : "teams" });
      if (reply.status === "unknown" && normalizeUserText(question).trim()) expectedUnanswered++;
      problems.push(...renderAll(reply, question).map((p) => `#${i}: ${p}`));
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(expectedUnanswered).toBeGreaterThan(100);
    expect(await store.listUnanswered()).toHaveLength(expectedUnanswered);
  }, 120_000);

  it(`${REPLIES} replies with hostile knowledge text: every renderer stays clean`, () => {
    const rand = prng(SEED + 1);
    const problems: string[] = [];
    for (let i = 0; i < REPLIES; i++) {
      const reply: Reply = {
        status: (["answer", "ambiguous", "unknown", "help"] as const)[i % 4]!,
        confidence: rand(),
        answer: {
          id: entryIds[i % entryIds.length]!,
          kind: i % 3 === 0 ? "checklist" : "topic",
          title: hostileText(rand, 4),
          summary: hostileText(rand, 6),
          text: Array.from({ length: 1 + Math.floor(rand() * 6) }, () => hostileText(rand)).join(
            rand() < 0.5 ? "\n\n" : "\n",
          ),
          items: Array.from({ length: Math.floor(rand() * 4) }, (_v, n) => ({
            id: `x#${n + 1}`,
            text: hostileText(rand, 4),
          })),
          links: [{ title: hostileText(rand, 3), url: hostileText(rand, 2) }],
          related: [{ id: "rel", title: hostileText(rand, 3) }],
        },
        alternatives: [{ id: "alt", title: hostileText(rand, 3), score: rand() }],
      };
      try {
        problems.push(...renderAll(reply, hostileText(rand, 4)).map((p) => `#${i}: ${p}`));
      } catch (err) {
        problems.push(`#${i}: threw ${(err as Error).message}`);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
  }, 120_000);
});

// The same question gives the same entry everywhere: the CLI (`ask --jsonl`), the preview API, Teams (a real
// Bot Framework message through /api/messages) and Slack (a signed /samenwerken command through /slack/events,
// Web API on a fake Slack), all served by one startApp.
// All run against one snapshot of the real knowledge base in knowledge/.
import { cp } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../../app/start.ts";
import { run as runAsk } from "../../src/cli/ask-run.ts";
import { loadKnowledgeBase } from "../../src/knowledge/load.ts";
import type { Reply } from "../../src/reply.ts";
import { messages } from "../../src/core/messages.ts";
import { parseCommand } from "../../adapters/teams/conversation.ts";
import { tempDataDir, testEnv } from "../http/helpers.ts";
import {
  cardActions,
  cardOf,
  cardText,
  entryIdOfCard,
  messageActivity,
  postActivity,
  startFakeConnector,
  type FakeConnector,
} from "./teams/helpers.ts";
import {
  BOT_TOKEN,
  SIGNING_SECRET,
  blocksOf,
  elementsOf,
  postCommand,
  startFakeSlack,
  type Block,
  type FakeSlack,
} from "./slack/helpers.ts";
import { runCli } from "../support/cli.ts";

const KNOWLEDGE_SOURCE = "knowledge";
const STARTUP_MS = 90_000;
const MAX_QUESTIONS = 40;

/** Free-form questions on top of one phrasing per entry: informal, typo'd, off-topic. */
const EXTRA_QUESTIONS = [
  "Hoe geeft de raad een zienswijze op de begroting van een GR?",
  "wat is een centrumgemeente",
  "mag onze gemeente zomaar uit de gr stappen?",
  "zienswjze begroting",
  "Wat is het weer morgen in Utrecht?",
  "Wie wint het WK voetbal?",
];

interface Outcome {
  status: Reply["status"];
  /** The answer's entry id (answer), the first suggestion (ambiguous/unknown), or null. */
  entry: string | null;
}

const outcomeOfReply = (r: Reply): Outcome => ({
  status: r.status,
  entry: r.status === "answer" || r.status === "ambiguous" ? (r.answer?.id ?? r.alternatives[0]?.id ?? null) : null,
});

/** Reads the same outcome back from a Teams card. */
function outcomeOfCard(card: unknown): Outcome {
  const text = cardText(card);
  const answerId = entryIdOfCard(card);
  if (answerId) return { status: text.includes(messages.ambiguousIntro) ? "ambiguous" : "answer", entry: answerId };
  const firstChoice = cardActions(card).find(
    (a) => a.type === "Action.Submit" && (a.data as { action?: string }).action === "answer",
  );
  const choiceId = (firstChoice?.data as { id?: string } | undefined)?.id ?? null;
  if (text.includes(messages.ambiguousTitle)) return { status: "ambiguous", entry: choiceId };
  if (text.includes(messages.unknownTitle)) return { status: "unknown", entry: null };
  if (text.includes(messages.helpTitle)) return { status: "help", entry: null };
  throw new Error(`unrecognised card: ${text.slice(0, 200)}`);
}

/** Reads the same outcome back from a Slack message (header text and button values). */
function outcomeOfSlack(blocks: Block[]): Outcome {
  const header = blocks.find((b) => b.type === "header") as { text?: { text?: string } } | undefined;
  const title = header?.text?.text ?? "";
  const buttons = elementsOf(blocks).filter((e) => e.type === "button");
  const feedback = buttons.find((e) => String(e.action_id).startsWith("feedback_yes"));
  if (feedback)
    return {
      status: JSON.stringify(blocks).includes(messages.ambiguousIntro) ? "ambiguous" : "answer",
      entry: String(feedback.value),
    };
  if (title === messages.ambiguousTitle) {
    const first = buttons.find((e) => /^(open_entry|checklist_open)/.test(String(e.action_id)));
    return { status: "ambiguous", entry: first ? String(first.value) : null };
  }
  if (title === messages.unknownTitle) return { status: "unknown", entry: null };
  if (title === messages.helpTitle) return { status: "help", entry: null };
  throw new Error(`unrecognised Slack message: ${JSON.stringify(blocks).slice(0, 200)}`);
}

async function askCli(questions: string[], knowledgeDir: string): Promise<Reply[]> {
  // npm run ask's run() in this worker (tests/engine/ask-cli.test.ts starts the CLI as a process).
  const { code, stdout, stderr } = await runCli(runAsk, ["--jsonl"], {
    env: { KNOWLEDGE_DIR: knowledgeDir },
    stdin: `${questions.join("\n")}\n`,
  });
  if (code !== 0) throw new Error(`ask --jsonl exited ${code}: ${stderr}`);
  return stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Reply);
}

describe("the same question gives the same entry in every channel", () => {
  let app: RunningApp;
  let connector: FakeConnector;
  let slack: FakeSlack;
  let data: Awaited<ReturnType<typeof tempDataDir>>;
  let questions: string[];
  /** A snapshot of knowledge/ in the temp dir, so that every channel reads the very same files. */
  let knowledgeDir: string;

  beforeAll(async () => {
    data = await tempDataDir();
    knowledgeDir = path.join(data.dir, "knowledge-snapshot");
    await cp(KNOWLEDGE_SOURCE, knowledgeDir, { recursive: true });
    const kb = await loadKnowledgeBase(knowledgeDir);
    const perEntry = kb.entries.map((e) => e.questions[0]).filter((q): q is string => Boolean(q));
    questions = [...new Set([...EXTRA_QUESTIONS, ...perEntry])]
      .filter((q) => parseCommand(q).kind === "question") // "checklist …" is a Teams command, not a question
      .slice(0, MAX_QUESTIONS);
    connector = await startFakeConnector();
    slack = await startFakeSlack();
    const slackEnv = { SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: slack.apiUrl };
    app = await startApp({ env: testEnv(data.dir, { KNOWLEDGE_DIR: knowledgeDir, ...slackEnv }), port: 0 });
  }, STARTUP_MS);
  afterAll(async () => {
    await app?.close();
    await connector?.close();
    await slack?.close();
    await data?.remove();
  }, STARTUP_MS);

  it("CLI, preview API, Teams and Slack agree on status and entry", async () => {
    const cli = (await askCli(questions, knowledgeDir)).map(outcomeOfReply);
    expect(cli).toHaveLength(questions.length);
    expect(cli.some((o) => o.status === "answer")).toBe(true);
    expect(new Set(cli.map((o) => o.status)).size, "questions should cover more than one status").toBeGreaterThan(1);

    for (const [i, q] of questions.entries()) {
      const res = await fetch(`${app.url}/preview/api/ask`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ q }),
      });
      expect(res.status, q).toBe(200);
      const preview = (await res.json()) as { reply: Reply; renderings: Record<string, { payload: unknown }> };
      expect(outcomeOfReply(preview.reply), `preview: ${q}`).toEqual(cli[i]);
      // The preview's Teams rendering is the same card the bot sends.
      expect(outcomeOfCard(preview.renderings.teams?.payload), `preview teams card: ${q}`).toEqual(cli[i]);

      const before = connector.captured.length;
      await postActivity(
        `${app.url}/api/messages`,
        messageActivity(q, { serviceUrl: connector.url, conversationId: `a:consistency-${i}` }),
      );
      const captured = await connector.waitFor(before + 1);
      expect(outcomeOfCard(cardOf(captured[before]!.body)), `teams: ${q}`).toEqual(cli[i]);

      const slackRes = await postCommand(`${app.url}/slack/events`, "/samenwerken", q, slack.responseUrl());
      expect(slackRes.status, `slack: ${q}`).toBe(200);
      expect(outcomeOfSlack(blocksOf((await slackRes.json()) as Record<string, unknown>)), `slack: ${q}`).toEqual(
        cli[i],
      );
    }
  }, 120_000);
});

// End to end through the real server (app/start.ts): real knowledge base, engine and store (PGlite in a temp
// folder), signed Slack requests over loopback, Web API calls and response_url posts landing on a fake Slack.
import { beforeAll, describe, expect, it } from "vitest";
import type { RunningApp } from "../../../app/start.ts";
import { ACTION } from "../../../adapters/slack/actions.ts";
import { markdownToMrkdwnParagraphs } from "../../../adapters/slack/mrkdwn.ts";
import { messages } from "../../../src/core/messages.ts";
import {
  BOT_TOKEN,
  USER_ID,
  blockActions,
  blockText,
  blocksOf,
  elementsOf,
  eventEnvelope,
  findButton,
  mentionEvent,
  postAction,
  postCommand,
  postEvent,
  postSigned,
  type FakeSlack,
} from "./helpers.ts";
import { blockKitViolations } from "./limits.ts";
import { openAppHome, useSlackApp } from "./app-fixture.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const suite = useSlackApp();
let slack: FakeSlack;
let app: RunningApp;
let eventsUrl: string;
beforeAll(() => {
  ({ app, slack, eventsUrl } = suite());
});

/** An entry id that a button or feedback action in the blocks points at. */
const entryIdsIn = (blocks: ReturnType<typeof blocksOf>): string[] =>
  elementsOf(blocks).map((e) => String(e.value ?? ""));

describe("Slack through the real server", () => {
  it("answers short first; Lees meer replaces the message in place with the full text (response_url, chat.update)", async () => {
    const topic = app.bot.featuredTopics()[1]!;
    await postEvent(eventsUrl, eventEnvelope(mentionEvent(topic.title)));
    const [post] = await slack.waitFor("chat.postMessage");
    const short = blocksOf(post!.body);
    const entry = app.bot.answerById(topic.id).answer!;
    const firstParagraph = markdownToMrkdwnParagraphs(entry.text)[0]!.slice(0, 60);
    expect(blockText(short)).toContain(entry.title);
    expect(blockText(short)).not.toContain(firstParagraph);
    const more = findButton(short, ACTION.readMore, topic.id)!;
    expect(more).toMatchObject({ text: { text: messages.readMore } });
    const message = { type: "message", ts: "1700000900.000100", blocks: short, text: String(post!.body.text) };

    // With a response_url: respond({ replace_original: true }) with the same message, now in full.
    await postAction(
      eventsUrl,
      blockActions(
        { action_id: String(more.action_id), value: topic.id },
        { responseUrl: slack.responseUrl("more"), message },
      ),
    );
    const [upd] = await slack.waitFor("response_url");
    expect(upd!.body.replace_original).toBe(true);
    const full = blocksOf(upd!.body);
    expect(blockText(full)).toContain(firstParagraph);
    expect(findButton(full, ACTION.readMore)).toBeUndefined();
    expect(findButton(full, "feedback_yes", topic.id)).toBeDefined();
    expect(blockKitViolations(full)).toEqual([]);

    // Without one (a message the bot posted earlier): chat.update of that message.
    slack.reset();
    await postAction(
      eventsUrl,
      blockActions({ action_id: String(more.action_id), value: topic.id }, { channel: "C0CHAN001", message }),
    );
    const [update] = await slack.waitFor("chat.update");
    expect(update!.body).toMatchObject({ channel: "C0CHAN001", ts: "1700000900.000100" });
    expect(blockText(blocksOf(update!.body))).toContain(firstParagraph);
  });

  it("Lees meer on an ephemeral /samenwerken answer (no message blocks in the click) replaces it in full", async () => {
    const topic = app.bot.featuredTopics()[0]!;
    const res = await postCommand(eventsUrl, "/samenwerken", topic.title, slack.responseUrl());
    const short = blocksOf((await res.json()) as Record<string, unknown>);
    const more = findButton(short, ACTION.readMore, topic.id)!;
    const entry = app.bot.answerById(topic.id).answer!;
    const firstParagraph = markdownToMrkdwnParagraphs(entry.text)[0]!.slice(0, 60);
    await postAction(
      eventsUrl,
      blockActions(
        { action_id: String(more.action_id), value: topic.id },
        { responseUrl: slack.responseUrl("more"), ephemeral: true },
      ),
    );
    const [upd] = await slack.waitFor("response_url");
    expect(upd!.body.replace_original).toBe(true);
    const full = blocksOf(upd!.body);
    expect(blockText(full)).toContain(firstParagraph);
    expect(findButton(full, ACTION.readMore)).toBeUndefined();
    expect(findButton(full, "share_answer", topic.id)).toBeDefined();
    expect(blockKitViolations(full)).toEqual([]);
  });

  it("rejects unsigned, wrongly signed and stale requests with 401", async () => {
    for (const opts of [
      { unsigned: true },
      { secret: "wrong-secret" },
      { timestamp: Math.floor(Date.now() / 1000) - 301 - 60 },
    ]) {
      const res = await postCommand(eventsUrl, "/samenwerken", "zienswijze", slack.responseUrl(), opts);
      expect(res.status).toBe(401);
    }
    await sleep(100);
    expect(slack.answers()).toEqual([]);
  });

  it("caps the body size like every route (413)", async () => {
    const res = await postSigned(eventsUrl, `text=${"a".repeat(1_100_000)}`, "application/x-www-form-urlencoded");
    expect(res.status).toBe(413);
  });

  it("/samenwerken answers a real question from the knowledge base inside the response", async () => {
    const topic = app.bot.featuredTopics()[0]!;
    const started = Date.now();
    const res = await postCommand(eventsUrl, "/samenwerken", topic.title, slack.responseUrl());
    expect(Date.now() - started).toBeLessThan(3000);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.response_type).toBe("ephemeral");
    const blocks = blocksOf(body);
    expect(blockKitViolations(blocks)).toEqual([]);
    expect(entryIdsIn(blocks)).toContain(topic.id);
  });

  it("an off-topic question gets the unknown reply, and is not answered confidently", async () => {
    const res = await postCommand(eventsUrl, "/samenwerken", "Wat is het recept voor appeltaart?", slack.responseUrl());
    const blocks = blocksOf((await res.json()) as Record<string, unknown>);
    expect(blockText(blocks)).toMatch(new RegExp(`${messages.unknownTitle}|${messages.ambiguousTitle}`));
  });

  it("a mention is answered in its thread via chat.postMessage", async () => {
    const topic = app.bot.featuredTopics()[1]!;
    expect((await postEvent(eventsUrl, eventEnvelope(mentionEvent(topic.title)))).status).toBe(200);
    const [post] = await slack.waitFor("chat.postMessage");
    expect(post!.token).toBe(BOT_TOKEN);
    expect(post!.body).toMatchObject({ channel: "C0CHAN001", thread_ts: "1700000100.000100" });
    expect(blockKitViolations(blocksOf(post!.body))).toEqual([]);
  });

  it("App Home lists the topics and every checklist", async () => {
    const home = await openAppHome(eventsUrl, slack);
    const view = home.view;
    for (const c of app.bot.listChecklists()) expect(findButton(view.blocks, "checklist_open", c.id)).toBeDefined();
    expect(blockKitViolations(view.blocks, { maxBlocks: 100 })).toEqual([]);
  });

  it("a checklist: open, tick (stored per run), progress, export; feedback is stored", async () => {
    const checklist = app.bot.listChecklists()[0]!;
    const res = await postCommand(eventsUrl, "/checklist", checklist.title, slack.responseUrl());
    const opened = blocksOf((await res.json()) as Record<string, unknown>);
    expect(blockText(opened)).toContain(messages.checklistProgress(0, checklist.itemCount));
    const runId = String(findButton(opened, "checklist_export")!.value);
    const firstGroup = opened.find((b) => b.type === "input")!;

    await postAction(
      eventsUrl,
      blockActions(
        {
          type: "checkboxes",
          action_id: "checklist_tick",
          block_id: String(firstGroup.block_id),
          selected_options: [{ value: "1" }],
        },
        { responseUrl: slack.responseUrl(), ephemeral: true },
      ),
    );
    const [upd] = await slack.waitFor("response_url");
    expect(blockText(blocksOf(upd!.body))).toContain(messages.checklistProgress(1, checklist.itemCount));
    const progress = await app.bot.checklistProgress(runId);
    expect(progress?.done).toBe(1);
    expect(progress?.run.ticked[0]?.userHash).not.toContain(USER_ID);

    await postAction(
      eventsUrl,
      blockActions(
        { action_id: "checklist_export", value: runId },
        { responseUrl: slack.responseUrl(), ephemeral: true },
      ),
    );
    const exp = (await slack.waitFor("response_url", 2))[1]!;
    expect(blockText(blocksOf(exp.body))).toContain("[x]");

    await postAction(
      eventsUrl,
      blockActions(
        { action_id: "feedback_yes", value: checklist.id },
        { responseUrl: slack.responseUrl(), ephemeral: true },
      ),
    );
    await slack.waitFor("response_url", 3);
    const feedback = await app.store.listFeedback();
    expect(feedback.some((f) => f.entryId === checklist.id && f.helpful && f.platform === "slack")).toBe(true);
  });

  it("the preview page shows this adapter's Block Kit for a reply", async () => {
    const res = await fetch(`http://127.0.0.1:${app.port}/preview/api/help`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      renderings: Record<string, { label: string; payload: unknown; html?: string }>;
    };
    const slackRendering = body.renderings.slack!;
    expect(slackRendering.label).toBe("Slack");
    expect(Array.isArray(slackRendering.payload)).toBe(true);
    expect(blockText(slackRendering.payload)).toContain(messages.helpTitle);
    expect(slackRendering.html).toContain(messages.helpTitle);
  });
});

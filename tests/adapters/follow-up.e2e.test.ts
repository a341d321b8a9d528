// Follow-up questions end to end, through one real server (startApp: fixture knowledge base, engine, PGlite store):
// signed Slack events into Bolt with the Web API on a fake Slack, Bot Framework activities into /api/messages with
// a fake connector, and the preview API. A follow-up is answered from the context of its own thread or
// conversation, never from another one, and no longer once the context has expired.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../../app/start.ts";
import { messages } from "../../src/core/messages.ts";
import { SqlStore } from "../../src/store/sql-store.ts";
import { FIXTURE_TOPIC, tempDataDir, testEnv } from "../http/helpers.ts";
import {
  BOT_TOKEN,
  SIGNING_SECRET,
  blockText,
  blocksOf,
  dmEvent,
  elementsOf,
  eventEnvelope,
  mentionEvent,
  postCommand,
  postEvent,
  startFakeSlack,
  type FakeSlack,
} from "./slack/helpers.ts";
import { blockKitViolations } from "./slack/limits.ts";
import {
  cardOf,
  cardText,
  entryIdOfCard,
  messageActivity,
  postActivity,
  startFakeConnector,
  type FakeConnector,
} from "./teams/helpers.ts";

const STARTUP_MS = 90_000;
const FIRST = "Hoe geeft de raad een zienswijze op de begroting van een GR?";
const FOLLOW_UP = "wie beslist dat?";

describe("follow-up questions through the real server", () => {
  let app: RunningApp;
  let slack: FakeSlack;
  let connector: FakeConnector;
  let data: Awaited<ReturnType<typeof tempDataDir>>;
  let eventsUrl: string;
  let note: string;

  beforeAll(async () => {
    data = await tempDataDir();
    slack = await startFakeSlack();
    connector = await startFakeConnector();
    app = await startApp({
      env: testEnv(data.dir, {
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_API_URL: slack.apiUrl,
      }),
      port: 0,
    });
    eventsUrl = `${app.url}/slack/events`;
    await slack.waitFor("auth.test");
    const topic = app.bot.answerById(FIXTURE_TOPIC).answer!;
    note = messages.followUpNote(topic.title);
  }, STARTUP_MS);

  afterAll(async () => {
    await app?.close();
    await slack?.close();
    await connector?.close();
    await data?.remove();
  }, STARTUP_MS);

  beforeEach(() => {
    slack.reset();
    connector.captured.length = 0;
  });

  /** Sends one Slack event and returns the blocks of the message the bot posted for it. */
  async function slackAnswer(event: Record<string, unknown>, n: number) {
    expect((await postEvent(eventsUrl, eventEnvelope(event))).status).toBe(200);
    const posts = await slack.waitFor("chat.postMessage", n);
    const post = posts[n - 1]!;
    const blocks = blocksOf(post.body);
    expect(blockKitViolations(blocks)).toEqual([]);
    return { body: post.body, blocks, text: blockText(blocks), entries: elementsOf(blocks).map((e) => e.value) };
  }

  /** Sends one Teams message and returns the card the bot sent back. */
  async function teamsAnswer(text: string, conversationId: string, n: number) {
    const res = await postActivity(
      `${app.url}/api/messages`,
      messageActivity(text, { serviceUrl: connector.url, conversationId }),
    );
    expect(res.status).toBe(200);
    const sent = (await connector.waitFor(n))[n - 1]!;
    expect(sent.conversationId).toBe(conversationId);
    return cardOf(sent.body);
  }

  it("Slack: a follow-up in the same thread is answered from context; in another thread it is not", async () => {
    const root = "1700000300.000100";
    const first = await slackAnswer(mentionEvent(FIRST, { ts: root, event_ts: root }), 1);
    expect(first.entries).toContain(FIXTURE_TOPIC);
    expect(first.text).not.toContain(note);

    const reply = "1700000301.000100";
    const followUp = await slackAnswer(mentionEvent(FOLLOW_UP, { ts: reply, event_ts: reply, thread_ts: root }), 2);
    expect(followUp.body).toMatchObject({ channel: "C0CHAN001", thread_ts: root });
    expect(followUp.text).toContain(note);
    expect(followUp.entries).toContain(FIXTURE_TOPIC);

    // The same words as a new thread in the same channel: no context there.
    const other = "1700000302.000100";
    const elsewhere = await slackAnswer(mentionEvent(FOLLOW_UP, { ts: other, event_ts: other }), 3);
    expect(elsewhere.body).toMatchObject({ thread_ts: other });
    expect(elsewhere.text).not.toContain(note);
    expect(elsewhere.entries).not.toContain(FIXTURE_TOPIC);

    // A slash command in the channel is no conversation: its answer stands alone.
    const command = await postCommand(eventsUrl, "/samenwerken", FOLLOW_UP, slack.responseUrl());
    expect(blockText(blocksOf((await command.json()) as Record<string, unknown>))).not.toContain(note);
  });

  it("Slack: a direct message conversation keeps its context too, apart from other DMs", async () => {
    await slackAnswer(dmEvent(FIRST, { channel: "D0FOLLOW1", ts: "1700000400.000100" }), 1);
    const followUp = await slackAnswer(dmEvent(FOLLOW_UP, { channel: "D0FOLLOW1", ts: "1700000401.000100" }), 2);
    expect(followUp.text).toContain(note);
    const otherDm = await slackAnswer(dmEvent(FOLLOW_UP, { channel: "D0FOLLOW2", ts: "1700000402.000100" }), 3);
    expect(otherDm.text).not.toContain(note);
  });

  it("Slack: once the thread's context has expired, the follow-up stands alone", async () => {
    const root = "1700000500.000100";
    await slackAnswer(mentionEvent(FIRST, { ts: root, event_ts: root }), 1);
    const inTime = await slackAnswer(
      mentionEvent(FOLLOW_UP, { ts: "1700000501.000100", event_ts: "1700000501.000100", thread_ts: root }),
      2,
    );
    expect(inTime.text).toContain(note);
    // Expire every context now, as FOLLOW_UP_MINUTES passing would.
    expect(app.store).toBeInstanceOf(SqlStore);
    await (app.store as SqlStore).client.query(
      "UPDATE conversation_context SET expires_at = now() - interval '1 second'",
    );
    const late = await slackAnswer(
      mentionEvent(FOLLOW_UP, { ts: "1700000502.000100", event_ts: "1700000502.000100", thread_ts: root }),
      3,
    );
    expect(late.text).not.toContain(note);
  });

  it("Teams: a follow-up in the same conversation is answered from context; in another conversation it is not", async () => {
    const chat = "a:follow-up-chat-1";
    expect(entryIdOfCard(await teamsAnswer(FIRST, chat, 1))).toBe(FIXTURE_TOPIC);
    const followUp = await teamsAnswer(FOLLOW_UP, chat, 2);
    expect(cardText(followUp)).toContain(note);
    expect(entryIdOfCard(followUp)).toBe(FIXTURE_TOPIC);
    // The note is the first thing on the card; the card's plain text still reads as the answer.
    expect(followUp.body[0]).toMatchObject({ type: "TextBlock", text: note, isSubtle: true });
    expect(String((followUp as unknown as { fallbackText: string }).fallbackText)).not.toContain(note);

    const elsewhere = await teamsAnswer(FOLLOW_UP, "a:follow-up-chat-2", 3);
    expect(cardText(elsewhere)).not.toContain(note);
    // A channel thread is its own conversation (Teams puts the thread in the conversation id).
    const thread = await teamsAnswer(FOLLOW_UP, "19:team@thread.tacv2;messageid=1700000000001", 4);
    expect(cardText(thread)).not.toContain(note);
  });

  it("preview: a follow-up in the same page session is answered from context, in another session not", async () => {
    const ask = async (q: string, session?: string) => {
      const res = await fetch(`${app.url}/preview/api/ask`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ q, ...(session ? { session } : {}) }),
      });
      expect(res.status).toBe(200);
      return (await res.json()) as {
        reply: { answer: { id: string } | null; followUp?: { entryId: string } };
        followUpText: string | null;
        renderings: Record<string, { payload: unknown }>;
      };
    };
    await ask(FIRST, "s-follow-up-1");
    const followUp = await ask(FOLLOW_UP, "s-follow-up-1");
    expect(followUp.followUpText).toBe(note);
    expect(followUp.reply.followUp?.entryId).toBe(FIXTURE_TOPIC);
    // The Slack and Teams panes show the note as those platforms would.
    expect(JSON.stringify(followUp.renderings.slack?.payload)).toContain("Opgevat als vervolgvraag op");
    expect(JSON.stringify(followUp.renderings.teams?.payload)).toContain("Opgevat als vervolgvraag op");
    expect((await ask(FOLLOW_UP, "s-follow-up-2")).followUpText).toBeNull();
    expect((await ask(FOLLOW_UP)).followUpText).toBeNull();
    // A malformed session id is a 400, not a context.
    const bad = await fetch(`${app.url}/preview/api/ask`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ q: FOLLOW_UP, session: "../../etc" }),
    });
    expect(bad.status).toBe(400);
  });
});

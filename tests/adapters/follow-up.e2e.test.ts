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
  blockActions,
  blockText,
  blocksOf,
  dmEvent,
  elementsOf,
  eventEnvelope,
  mentionEvent,
  postAction,
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
  submitActivity,
  type FakeConnector,
} from "./teams/helpers.ts";

const STARTUP_MS = 90_000;
const FIRST = "Hoe geeft de raad een zienswijze op de begroting van een GR?";
const FOLLOW_UP = "wie beslist dat?";
/** A related topic of the first answer (tests/http/fixtures/knowledge). */
const RELATED = "uittreden-gr";
/** A follow-up that leans on RELATED ("what does leaving cost?"). */
const RELATED_FOLLOW_UP = "wat kost dat?";

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

  it("Slack: a related topic clicked in the thread becomes its context; on an ephemeral answer it does not", async () => {
    const relatedNote = messages.followUpNote(app.bot.answerById(RELATED).answer!.title);
    const root = "1700000600.000100";
    const first = await slackAnswer(mentionEvent(FIRST, { ts: root, event_ts: root }), 1);
    expect(first.entries).toContain(RELATED);
    const click = blockActions(
      { action_id: "open_entry:2", value: RELATED },
      { channel: "C0CHAN001", message: { ts: "1700000601.000100", thread_ts: root, blocks: first.blocks } },
    );
    expect((await postAction(eventsUrl, click)).status).toBe(200);
    const [, opened] = await slack.waitFor("chat.postMessage", 2);
    expect(opened!.body).toMatchObject({ channel: "C0CHAN001", thread_ts: root });
    expect(blockText(blocksOf(opened!.body))).toContain(app.bot.answerById(RELATED).answer!.title);

    const followUp = await slackAnswer(
      mentionEvent(RELATED_FOLLOW_UP, { ts: "1700000602.000100", event_ts: "1700000602.000100", thread_ts: root }),
      3,
    );
    expect(followUp.text).toContain(relatedNote);
    expect(followUp.entries).toContain(RELATED);

    // A click on an ephemeral (slash-command) answer writes no context: its answer stands alone too.
    await postAction(
      eventsUrl,
      blockActions(
        { action_id: "open_entry:2", value: RELATED },
        { channel: "C0EPHEM01", ephemeral: true, responseUrl: slack.responseUrl() },
      ),
    );
    await slack.waitFor("response_url");
    const dmLike = await slackAnswer(dmEvent(RELATED_FOLLOW_UP, { channel: "C0EPHEM01", ts: "1700000603.000100" }), 4);
    expect(dmLike.text).not.toContain(relatedNote);
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

  it("Teams: a related topic clicked in a chat becomes the chat's context", async () => {
    const relatedNote = messages.followUpNote(app.bot.answerById(RELATED).answer!.title);
    const chat = "a:follow-up-related-1";
    expect(entryIdOfCard(await teamsAnswer(FIRST, chat, 1))).toBe(FIXTURE_TOPIC);
    const res = await postActivity(
      `${app.url}/api/messages`,
      submitActivity({ action: "answer", id: RELATED }, "card-1", { serviceUrl: connector.url, conversationId: chat }),
    );
    expect(res.status).toBe(200);
    const opened = cardOf((await connector.waitFor(2))[1]!.body);
    expect(entryIdOfCard(opened)).toBe(RELATED);
    const followUp = await teamsAnswer(RELATED_FOLLOW_UP, chat, 3);
    expect(cardText(followUp)).toContain(relatedNote);
    expect(entryIdOfCard(followUp)).toBe(RELATED);
  });

  it("preview: a related topic opened in a session becomes its context; reading an entry (GET) does not", async () => {
    const relatedNote = messages.followUpNote(app.bot.answerById(RELATED).answer!.title);
    const post = (path: string, body: unknown) =>
      fetch(`${app.url}/preview/api${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const opened = await post(`/entry/${RELATED}`, { session: "s-related-1" });
    expect(opened.status).toBe(200);
    expect(((await opened.json()) as { reply: { answer: { id: string } } }).reply.answer.id).toBe(RELATED);
    const followUp = (await (await post("/ask", { q: RELATED_FOLLOW_UP, session: "s-related-1" })).json()) as {
      followUpText: string | null;
    };
    expect(followUp.followUpText).toBe(relatedNote);

    expect((await fetch(`${app.url}/preview/api/entry/${RELATED}`)).status).toBe(200);
    const alone = (await (await post("/ask", { q: RELATED_FOLLOW_UP, session: "s-related-2" })).json()) as {
      followUpText: string | null;
    };
    expect(alone.followUpText).toBeNull();
    expect((await post("/entry/bestaat-niet", { session: "s-related-1" })).status).toBe(404);
    expect((await post(`/entry/${RELATED}`, { session: "../x" })).status).toBe(400);
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

// The message shortcut "Vraag Raadswijzer" end to end through the real server (app/start.ts: real knowledge
// base, engine and PGlite store): a signed message_action payload into Bolt, the ephemeral answer caught by the
// fake Slack Web API in the message's thread.
import { beforeAll, describe, expect, it } from "vitest";
import { ASK_SHORTCUT } from "../../../adapters/slack/shortcut.ts";
import { messages } from "../../../src/core/messages.ts";
import { MAX_QUESTION_CHARS } from "../../../src/limits.ts";
import { FIXTURE_TOPIC } from "../../http/helpers.ts";
import {
  BOT_TOKEN,
  NOT_IN_CHANNEL,
  TEAM_ID,
  USER_ID,
  blockText,
  blocksOf,
  elementsOf,
  postAction,
  type FakeSlack,
} from "./helpers.ts";
import { blockKitViolations } from "./limits.ts";
import { useSlackApp } from "./app-fixture.ts";

const suite = useSlackApp();
let slack: FakeSlack;
let eventsUrl: string;
beforeAll(() => {
  ({ slack, eventsUrl } = suite());
});

let seq = 0;

/** A message_action payload as Slack sends it when someone picks the shortcut in a message's menu. */
function messageShortcut(
  message: Record<string, unknown>,
  where: { channel?: string; responseUrl?: string; callbackId?: string } = {},
): Record<string, unknown> {
  const ts = String(message.ts ?? `1700001000.${String(++seq).padStart(6, "0")}`);
  return {
    type: "message_action",
    token: "deprecated",
    action_ts: "1700001001.000000",
    team: { id: TEAM_ID, domain: "test" },
    user: { id: USER_ID, name: "ambtenaar", team_id: TEAM_ID },
    channel: { id: where.channel ?? "C0CHAN001", name: "raad" },
    is_enterprise_install: false,
    callback_id: where.callbackId ?? ASK_SHORTCUT,
    trigger_id: "1.2.3",
    response_url: where.responseUrl ?? slack.responseUrl(),
    message_ts: ts,
    message: { type: "message", user: "U0OTHER01", ...message, ts },
  };
}

describe("message shortcut Vraag Raadswijzer", () => {
  it("answers the message's text ephemerally, to the user who asked, in a thread under the message", async () => {
    const res = await postAction(
      eventsUrl,
      messageShortcut({
        text: "Weet iemand hoe de raad een zienswijze op de begroting van een GR geeft?",
        ts: "1700001100.000100",
      }),
    );
    expect(res.status).toBe(200);
    const [call] = await slack.waitFor("chat.postEphemeral");
    expect(call!.token).toBe(BOT_TOKEN);
    expect(call!.body).toMatchObject({ channel: "C0CHAN001", user: USER_ID, thread_ts: "1700001100.000100" });
    const blocks = blocksOf(call!.body);
    expect(elementsOf(blocks).some((e) => e.value === FIXTURE_TOPIC)).toBe(true);
    expect(blockText(blocks)).toMatch(/^U vroeg: Weet iemand hoe de raad een zienswijze/);
    expect(String(call!.body.text)).toMatch(/zienswijze op de ontwerpbegroting/i);
    expect(blockKitViolations(blocks)).toEqual([]);
    // Nothing is posted for everyone.
    expect(slack.of("chat.postMessage")).toHaveLength(0);
  });

  it("answers in the existing thread when the message is a reply in a thread", async () => {
    await postAction(
      eventsUrl,
      messageShortcut({ text: "zienswijze begroting", ts: "1700001200.000300", thread_ts: "1700001200.000100" }),
    );
    const [call] = await slack.waitFor("chat.postEphemeral");
    expect(call!.body.thread_ts).toBe("1700001200.000100");
  });

  it("normalises the message text at the edge: mentions, links, control characters and entities", async () => {
    await postAction(
      eventsUrl,
      messageShortcut({
        text: "<@U0OTHER02> zie <https://example.org|dit stuk>\u0007: hoe geeft de raad een zienswijze op de begroting &amp; wat is de termijn?",
      }),
    );
    const [call] = await slack.waitFor("chat.postEphemeral");
    // The echo above the answer shows the question as the bot read it, escaped again for Slack.
    const echo = blockText(blocksOf(call!.body)).split("\n")[0];
    expect(echo).toBe(
      "U vroeg: zie dit stuk: hoe geeft de raad een zienswijze op de begroting &amp; wat is de termijn?",
    );
    expect(elementsOf(blocksOf(call!.body)).some((e) => e.value === FIXTURE_TOPIC)).toBe(true);
  });

  it("a checklist request in the message opens the checklist as that thread's run", async () => {
    const runOf = async (message: Record<string, unknown>): Promise<string> => {
      slack.reset();
      await postAction(eventsUrl, messageShortcut({ text: "checklist uittreden", ...message }));
      const [call] = await slack.waitFor("chat.postEphemeral");
      const blocks = blocksOf(call!.body);
      expect(blockText(blocks)).toMatch(/0 van \d+ afgevinkt/);
      const blockId = String(blocks.find((b) => String(b.block_id ?? "").startsWith("cl|"))?.block_id);
      return blockId.split("|")[1]!;
    };
    const first = await runOf({ ts: "1700001300.000100" });
    // Another message in the same thread: the same run; a message elsewhere: a run of its own.
    expect(await runOf({ ts: "1700001300.000200", thread_ts: "1700001300.000100" })).toBe(first);
    expect(await runOf({ ts: "1700001400.000100" })).not.toBe(first);
    expect(first).toMatch(/\S/);
  });

  it("a message without text (only a file or blocks) gets a clear Dutch notice", async () => {
    await postAction(eventsUrl, messageShortcut({ text: "", files: [{ id: "F1" }] }));
    const [call] = await slack.waitFor("chat.postEphemeral");
    expect(blockText(blocksOf(call!.body))).toContain(messages.shortcutEmpty);
    expect(call!.body.text).toBe(messages.shortcutEmpty);

    slack.reset();
    const noText = messageShortcut({});
    delete (noText.message as Record<string, unknown>).text;
    await postAction(eventsUrl, noText);
    const [second] = await slack.waitFor("chat.postEphemeral");
    expect(second!.body.text).toBe(messages.shortcutEmpty);
  });

  it("a message longer than a question may be gets a clear Dutch notice, not an answer", async () => {
    const long = "Hoe geeft de raad een zienswijze op de begroting? ".repeat(40);
    expect(long.length).toBeGreaterThan(MAX_QUESTION_CHARS);
    await postAction(eventsUrl, messageShortcut({ text: long }));
    const [call] = await slack.waitFor("chat.postEphemeral");
    expect(call!.body.text).toBe(messages.shortcutTooLong(MAX_QUESTION_CHARS));
    expect(blockText(blocksOf(call!.body))).toContain(`meer dan ${MAX_QUESTION_CHARS} tekens`);
  });

  it("where the bot may not post (not in the channel), answers through the shortcut's response_url", async () => {
    const responseUrl = slack.responseUrl("shortcut-fallback");
    await postAction(
      eventsUrl,
      messageShortcut({ text: "zienswijze op de begroting" }, { channel: NOT_IN_CHANNEL, responseUrl }),
    );
    const [reply] = await slack.waitFor("response_url");
    expect(reply!.responseId).toBe("shortcut-fallback");
    expect(reply!.body.response_type).toBe("ephemeral");
    expect(elementsOf(blocksOf(reply!.body)).some((e) => e.value === FIXTURE_TOPIC)).toBe(true);
  });

  it("rejects an unsigned shortcut payload with 401 and answers nothing", async () => {
    const res = await postAction(eventsUrl, messageShortcut({ text: "zienswijze" }), { unsigned: true });
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(slack.answers()).toHaveLength(0);
  });
});

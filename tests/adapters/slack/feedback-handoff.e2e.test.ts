// 👎 asks why and "Vraag het de griffie", end to end through the real server (startApp: real knowledge base, engine
// and PGlite store in a temp folder): signed Slack requests into Bolt, Web API calls (views.open, chat.postMessage,
// chat.getPermalink, chat.update, chat.postEphemeral) caught by the fake Slack API.
import { beforeAll, describe, expect, it } from "vitest";
import { feedbackText } from "../../../src/core/feedback-reasons.ts";
import { buildReport } from "../../../src/report/build.ts";
import { formatReportText } from "../../../src/report/format.ts";
import {
  USER_ID,
  blockActions,
  blockText,
  blocksOf,
  elementsOf,
  findButton,
  postAction,
  postCommand,
  viewSubmission,
} from "./helpers.ts";
import { blockKitViolations } from "./limits.ts";
import { useSlackApp, type SlackApp } from "./app-fixture.ts";
import { feedbackNoValue, parseFeedbackValue } from "../../../adapters/slack/actions.ts";

const GRIFFIE = "C0GRIFFIE1";
const OFF_TOPIC = "Wat is het recept voor appeltaart?";

/** The Slack suite fixture with the knowledge base fixed (no watcher) and `extra` on top. */
const useServer = (extra: Record<string, string>, resetBeforeEach: boolean) =>
  useSlackApp({ env: { KNOWLEDGE_WATCH: "0", ...extra }, resetBeforeEach });

type Body = Record<string, unknown>;
const viewOf = (call: { body: Body }) =>
  call.body.view as { callback_id: string; private_metadata: string; blocks: Body[]; title: { text: string } };

describe("👎 reason and hand-off in Slack, with GRIFFIE_SLACK_CHANNEL", () => {
  const suite = useServer({ GRIFFIE_SLACK_CHANNEL: GRIFFIE }, true);
  let s: SlackApp;
  beforeAll(() => {
    s = suite();
  });

  it("👎 opens the reason modal; its submission stores the reason and it shows in the report", async () => {
    const topic = s.app.bot.featuredTopics()[0]!;
    const res = await postCommand(s.eventsUrl, "/samenwerken", topic.title, s.slack.responseUrl());
    const answer = blocksOf((await res.json()) as Body);
    // The 👎 carries the question (for a hand-off after it), within Block Kit's 2,000 characters.
    const no = findButton(answer, "feedback_no");
    expect(parseFeedbackValue(String(no!.value))).toEqual({ entryId: topic.id, question: topic.title });

    const click = blockActions(
      { action_id: "feedback_no", value: String(no!.value) },
      { channel: "C0CHAN001", message: { ts: "1700000300.000100", thread_ts: "1700000100.000100", blocks: answer } },
    );
    expect((await postAction(s.eventsUrl, click)).status).toBe(200);
    const [open] = await s.slack.waitFor("views.open");
    expect(open!.body.trigger_id).toBe("1.2.3");
    const modal = viewOf(open!);
    expect(modal.callback_id).toBe("feedback_reason");
    expect(modal.title.text).toBe(feedbackText.reasonTitle);
    const radios = elementsOf(modal.blocks as never).find((e) => e.type === "radio_buttons") as {
      options: { text: { text: string }; value: string }[];
    };
    expect(radios.options.map((o) => o.text.text)).toEqual([
      "Onjuist",
      "Onvolledig",
      "Verouderd",
      "Niet mijn vraag",
      "Anders",
    ]);
    // Modal limits: title and submit ≤ 24 characters, option texts ≤ 75.
    expect(modal.title.text.length).toBeLessThanOrEqual(24);
    expect(radios.options.every((o) => o.text.text.length <= 75)).toBe(true);
    // The 👎 itself is stored at once (without a reason) and the buttons give way to the thanks.
    const [thanked] = await s.slack.waitFor("chat.update");
    expect(blockText(blocksOf(thanked!.body))).toContain("Dank u voor uw reactie.");
    expect((await s.app.store.listFeedback()).filter((f) => f.entryId === topic.id)).toEqual([
      expect.objectContaining({ helpful: false }),
    ]);

    // Submitting without a reason: the modal shows an error and nothing changes.
    const empty = await postAction(
      s.eventsUrl,
      viewSubmission(modal, { reason: { reason_choice: { type: "radio_buttons", selected_option: null } } }),
    );
    expect(await empty.json()).toEqual({ response_action: "errors", errors: { reason: feedbackText.reasonMissing } });

    const submitted = await postAction(
      s.eventsUrl,
      viewSubmission(modal, {
        reason: { reason_choice: { type: "radio_buttons", selected_option: { value: "onvolledig" } } },
        reason_text: { reason_text_input: { type: "plain_text_input", value: "De termijn\u0000 ontbreekt." } },
      }),
    );
    expect(submitted.status).toBe(200);
    const [thanks] = await s.slack.waitFor("chat.postEphemeral");
    expect(thanks!.body).toMatchObject({ channel: "C0CHAN001", user: USER_ID, thread_ts: "1700000100.000100" });
    expect(blockText(blocksOf(thanks!.body))).toContain(feedbackText.reasonThanks);
    // With a griffie channel configured, the thanks offers the hand-off (best guess: the answer).
    const handoff = findButton(blocksOf(thanks!.body), "handoff_open");
    expect(JSON.parse(String(handoff!.value))).toEqual({ g: topic.id, q: topic.title });

    const rows = (await s.app.store.listFeedback()).filter((f) => f.entryId === topic.id);
    expect(rows).toEqual([
      expect.objectContaining({ helpful: false, reason: "onvolledig", comment: "De termijn ontbreekt." }),
    ]);
    const text = formatReportText(
      buildReport({ unanswered: [], feedback: rows, now: new Date(), titles: new Map([[topic.id, topic.title]]) }),
    );
    expect(text).toContain("Redenen van 👎: Onvolledig 1");
    expect(text).toContain('👎 Onvolledig: "De termijn ontbreekt."');

    // A later reason updates the same row.
    await postAction(
      s.eventsUrl,
      viewSubmission(modal, {
        reason: { reason_choice: { type: "radio_buttons", selected_option: { value: "verouderd" } } },
      }),
    );
    await s.slack.waitFor("chat.postEphemeral", 2);
    expect((await s.app.store.listFeedback()).filter((f) => f.entryId === topic.id)).toEqual([
      expect.objectContaining({ reason: "verouderd", comment: null }),
    ]);
  });

  it("👎 on an ephemeral answer → reason → Vraag het de griffie starts with the user's question → griffie channel", async () => {
    const question = "Hoe geeft de raad een zienswijze op de begroting van een GR?";
    const res = await postCommand(s.eventsUrl, "/samenwerken", question, s.slack.responseUrl());
    const answer = blocksOf((await res.json()) as Body);
    const no = findButton(answer, "feedback_no");
    const { entryId } = parseFeedbackValue(String(no!.value));
    // Slack sends no `message` with a click on an ephemeral message: the question comes from the button alone.
    await postAction(
      s.eventsUrl,
      blockActions(
        { action_id: "feedback_no", value: String(no!.value) },
        { channel: "C0CHAN001", ephemeral: true, responseUrl: s.slack.responseUrl() },
      ),
    );
    const [open] = await s.slack.waitFor("views.open");
    const reasonView = viewOf(open!);
    expect(reasonView.private_metadata.length).toBeLessThanOrEqual(3000);
    await postAction(
      s.eventsUrl,
      viewSubmission(reasonView, {
        reason: { reason_choice: { type: "radio_buttons", selected_option: { value: "niet-mijn-vraag" } } },
      }),
    );
    const [thanks] = await s.slack.waitFor("chat.postEphemeral");
    const handoff = findButton(blocksOf(thanks!.body), "handoff_open");
    expect(JSON.parse(String(handoff!.value))).toEqual({ g: entryId, q: question });

    await postAction(
      s.eventsUrl,
      blockActions(
        { action_id: "handoff_open", value: String(handoff!.value) },
        { channel: "C0CHAN001", ephemeral: true, responseUrl: s.slack.responseUrl() },
      ),
    );
    const [, confirm] = await s.slack.waitFor("views.open", 2);
    const modal = viewOf(confirm!);
    expect(modal.callback_id).toBe("handoff_confirm");
    const input = elementsOf(modal.blocks as never).find((e) => e.type === "plain_text_input");
    // Not empty: the user's original question, ready to confirm or edit.
    expect(input?.initial_value).toBe(question);
    await postAction(
      s.eventsUrl,
      viewSubmission(modal, {
        handoff_question: { handoff_question_input: { type: "plain_text_input", value: String(input!.initial_value) } },
      }),
    );
    const [posted] = await s.slack.waitFor("chat.postMessage");
    expect(posted!.body.channel).toBe(GRIFFIE);
    expect(blockText(blocksOf(posted!.body))).toContain(question);
    const notes = await s.slack.waitFor("chat.postEphemeral", 2);
    expect(blockText(blocksOf(notes[1]!.body))).toContain(feedbackText.handoffSent);
    const open2 = await s.app.store.listHandoffs!(undefined, "open");
    expect(open2).toEqual([expect.objectContaining({ question, bestGuess: entryId, platform: "slack" })]);
    await s.app.store.markHandoffAnswered!(open2[0]!.id, "test");
  });

  it("a 👎 value carries a long question cut to fit, and a plain entry id (older messages) still works", async () => {
    const long = `${"Wat moet de raad weten over de begroting van een gemeenschappelijke regeling ".repeat(12)}?`.slice(
      0,
      1000,
    );
    const value = feedbackNoValue("zienswijze-begroting", long.replace(/ /g, '"\\'));
    expect(value.length).toBeLessThanOrEqual(2000);
    expect(parseFeedbackValue(value).entryId).toBe("zienswijze-begroting");
    expect(parseFeedbackValue("zienswijze-begroting")).toEqual({ entryId: "zienswijze-begroting" });
    expect(parseFeedbackValue("{kapot")).toEqual({ entryId: "" });

    await postAction(
      s.eventsUrl,
      blockActions({ action_id: "feedback_no", value: "zienswijze-begroting" }, { channel: "C0CHAN001" }),
    );
    const [open] = await s.slack.waitFor("views.open");
    await postAction(
      s.eventsUrl,
      viewSubmission(viewOf(open!), {
        reason: { reason_choice: { type: "radio_buttons", selected_option: { value: "anders" } } },
      }),
    );
    // Two notes: the thanks for the 👎 (no message to update) and the thanks for the reason, with the hand-off.
    const notes = await s.slack.waitFor("chat.postEphemeral", 2);
    const thanks = notes.find((n) => findButton(blocksOf(n.body), "handoff_open"));
    expect(JSON.parse(String(findButton(blocksOf(thanks!.body), "handoff_open")!.value))).toEqual({
      g: "zienswijze-begroting",
    });
  });

  it("unknown reply → Vraag het de griffie → confirm → message in the griffie channel, open hand-off, marked answered", async () => {
    const res = await postCommand(s.eventsUrl, "/samenwerken", OFF_TOPIC, s.slack.responseUrl());
    const reply = blocksOf((await res.json()) as Body);
    expect(blockKitViolations(reply)).toEqual([]);
    const button = findButton(reply, "handoff_open");
    expect(button?.text).toMatchObject({ text: feedbackText.handoffButton });
    expect(JSON.parse(String(button!.value)).q).toBe(OFF_TOPIC);
    // Nothing is forwarded by the click alone.
    await postAction(
      s.eventsUrl,
      blockActions(
        { action_id: "handoff_open", value: String(button!.value) },
        { channel: "C0CHAN001", message: { ts: "1700000600.000100", thread_ts: "1700000550.000100" } },
      ),
    );
    const [open] = await s.slack.waitFor("views.open");
    const modal = viewOf(open!);
    expect(modal.callback_id).toBe("handoff_confirm");
    const input = elementsOf(modal.blocks as never).find((e) => e.type === "plain_text_input");
    expect(input?.initial_value).toBe(OFF_TOPIC);
    expect(s.slack.of("chat.postMessage")).toEqual([]);
    expect(await s.app.store.listHandoffs!(undefined, "open")).toEqual([]);

    // The user edits the question (with an attempt at a channel-wide ping) and confirms.
    const question = "Wie betaalt <!channel> de pensioenen van het personeel? <@U0OTHER1>";
    await postAction(
      s.eventsUrl,
      viewSubmission(modal, {
        handoff_question: { handoff_question_input: { type: "plain_text_input", value: question } },
      }),
    );
    const [posted] = await s.slack.waitFor("chat.postMessage");
    expect(posted!.body.channel).toBe(GRIFFIE);
    const griffie = blocksOf(posted!.body);
    // The one mention is deliberate: the asker, so the griffie knows whom to answer.
    expect(blockKitViolations(griffie)).toEqual([
      "blocks[3].elements[0]: mention or broadcast markup (<!…>, <@…>, <#…>)",
    ]);
    const all = JSON.stringify(posted!.body);
    expect(all).not.toContain("<!channel>");
    expect(all).not.toContain("<@U0OTHER1>");
    expect(blockText(griffie)).toContain("&lt;!channel&gt;");
    expect(blockText(griffie)).toContain(`<@${USER_ID}>`);
    expect(s.slack.of("chat.getPermalink")[0]!.body).toMatchObject({
      channel: "C0CHAN001",
      message_ts: "1700000600.000100",
    });
    const link = elementsOf(griffie).find((e) => e.url);
    expect(link?.url).toBe("https://test.slack.com/archives/C0CHAN001/p1700000600000100");
    const [notice] = await s.slack.waitFor("chat.postEphemeral");
    expect(blockText(blocksOf(notice!.body))).toContain(feedbackText.handoffSent);

    const open1 = await s.app.store.listHandoffs!(undefined, "open");
    expect(open1).toEqual([
      expect.objectContaining({
        question: "Wie betaalt <!channel> de pensioenen van het personeel? <@U0OTHER1>",
        platform: "slack",
        status: "open",
        link: "https://test.slack.com/archives/C0CHAN001/p1700000600000100",
      }),
    ]);
    const report = formatReportText(buildReport({ unanswered: [], feedback: [], handoffs: open1, now: new Date() }));
    expect(report).toContain("Open vragen aan de griffie (1)");
    expect(report).toContain("Wie betaalt <!channel> de pensioenen");

    // The griffie marks it answered.
    const answered = findButton(griffie, "handoff_answered", open1[0]!.id);
    expect(answered).toBeDefined();
    await postAction(
      s.eventsUrl,
      blockActions(
        { action_id: "handoff_answered", value: open1[0]!.id, block_id: `handoff|${open1[0]!.id}` },
        {
          channel: GRIFFIE,
          message: { ts: String(posted!.body.ts ?? "1700000700.000100"), text: "x", blocks: griffie },
        },
      ),
    );
    const [update] = await s.slack.waitFor("chat.update");
    expect(update!.body.channel).toBe(GRIFFIE);
    expect(findButton(blocksOf(update!.body), "handoff_answered")).toBeUndefined();
    expect(blockText(blocksOf(update!.body))).toContain(feedbackText.griffieAnswered);
    expect(await s.app.store.listHandoffs!(undefined, "open")).toEqual([]);
    expect((await s.app.store.listHandoffs!(undefined, "answered")).map((h) => h.id)).toContain(open1[0]!.id);
  });

  it("an empty question in the confirmation is refused in the modal", async () => {
    const res = await postAction(
      s.eventsUrl,
      viewSubmission(
        { callback_id: "handoff_confirm", private_metadata: "{}" },
        { handoff_question: { handoff_question_input: { type: "plain_text_input", value: "  \u0007 " } } },
      ),
    );
    expect(await res.json()).toEqual({
      response_action: "errors",
      errors: { handoff_question: feedbackText.handoffQuestionMissing },
    });
  });
});

describe("without a griffie chat configured", () => {
  const suite = useServer({}, false);
  let s: SlackApp;
  beforeAll(() => {
    s = suite();
  });

  it("shows no hand-off button under an unknown reply, nor after a 👎 reason", async () => {
    const res = await postCommand(s.eventsUrl, "/samenwerken", OFF_TOPIC, s.slack.responseUrl());
    const reply = blocksOf((await res.json()) as Body);
    expect(blockText(reply)).toContain("Daar heb ik geen goed antwoord op");
    expect(findButton(reply, "handoff_open")).toBeUndefined();

    const topic = s.app.bot.featuredTopics()[0]!;
    await postAction(
      s.eventsUrl,
      viewSubmission(
        { callback_id: "feedback_reason", private_metadata: JSON.stringify({ e: topic.id, c: "C0CHAN001" }) },
        { reason: { reason_choice: { type: "radio_buttons", selected_option: { value: "onjuist" } } } },
      ),
    );
    const [thanks] = await s.slack.waitFor("chat.postEphemeral");
    expect(findButton(blocksOf(thanks!.body), "handoff_open")).toBeUndefined();
    expect((await s.app.store.listFeedback()).map((f) => f.reason)).toEqual(["onjuist"]);
  });
});

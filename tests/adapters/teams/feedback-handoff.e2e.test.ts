// 👎 asks why and "Vraag het de griffie" in Teams, through the real server (startApp, anonymous local mode):
// Bot Framework activities POSTed to /api/messages, replies and proactive messages caught by the fake connector.
import { beforeEach, describe, expect, it } from "vitest";
import { type RunningApp } from "../../../app/start.ts";
import { feedbackText } from "../../../src/core/feedback-reasons.ts";
import { buildReport } from "../../../src/report/build.ts";
import { formatReportText } from "../../../src/report/format.ts";
import { checkCard } from "./adaptive-cards.ts";
import {
  USER,
  cardActions,
  cardOf,
  cardText,
  executeInvoke,
  messageActivity,
  postActivity,
  submitActivity,
  type CardJson,
  type FakeConnector,
} from "./helpers.ts";
import { useTeamsApp } from "./app-fixture.ts";

const GRIFFIE_CONVERSATION = "19:griffie@thread.tacv2";
const OFF_TOPIC = "Wat is het recept voor appeltaart?";

type InvokeBody = { statusCode: number; type: string; value: CardJson };

/** Every element of a card (nested containers and show-cards included). */
function elements(card: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      out.push(node as Record<string, unknown>);
      for (const v of Object.values(node)) if (typeof v === "object") walk(v);
    }
  };
  walk(card);
  return out;
}

/** The actions of an Action.ShowCard's card. */
const showCardActions = (show: Record<string, unknown>): Record<string, unknown>[] =>
  (show.card as { actions?: Record<string, unknown>[] }).actions ?? [];

describe("👎 reason and hand-off in Teams", () => {
  let app: RunningApp;
  let connector: FakeConnector;
  let endpoint: string;

  const teams = useTeamsApp({ env: { GRIFFIE_TEAMS_ADMINS: USER.aadObjectId.toUpperCase() } });
  beforeEach(() => {
    ({ app, connector, endpoint } = teams());
  });
  const personal = () => ({ serviceUrl: connector.url });
  const griffieChannel = () => ({
    serviceUrl: connector.url,
    conversationType: "channel" as const,
    conversationId: GRIFFIE_CONVERSATION,
  });

  const ask = async (text: string) => {
    expect((await postActivity(endpoint, messageActivity(text, personal()))).status).toBe(200);
    const [sent] = await connector.waitFor(1);
    connector.captured.length = 0;
    return cardOf(sent!.body);
  };

  it("👎 shows the reasons in the card; the submit stores the reason (in the report)", async () => {
    const topic = app.bot.featuredTopics()[0]!;
    const res = await postActivity(
      endpoint,
      executeInvoke("feedback", { action: "feedback", entryId: topic.id, helpful: false }, "card-7", personal()),
    );
    const body = (await res.json()) as InvokeBody;
    expect(body.statusCode).toBe(200);
    expect((await checkCard(body.value)).problems).toEqual([]);
    const choice = elements(body.value).find((e) => e.type === "Input.ChoiceSet") as {
      id: string;
      choices: { title: string; value: string }[];
    };
    expect(choice.id).toBe("reason");
    expect(choice.choices.map((c) => c.title)).toEqual([
      "Onjuist",
      "Onvolledig",
      "Verouderd",
      "Niet mijn vraag",
      "Anders",
    ]);
    expect(elements(body.value).some((e) => e.type === "Input.Text" && e.id === "reasonText")).toBe(true);
    const submit = cardActions(body.value).find((a) => a.title === feedbackText.reasonSubmit)!;

    // Action.Submit merges the inputs into the data.
    const value = { ...(submit.data as Record<string, unknown>), reason: "onjuist", reasonText: "Klopt niet\u0007." };
    expect((await postActivity(endpoint, submitActivity(value, "card-7", personal()))).status).toBe(200);
    const [updated] = await connector.waitFor(1);
    expect(updated!.method).toBe("PUT");
    expect(updated!.activityId).toBe("card-7");
    const card = cardOf(updated!.body);
    expect(cardText(card)).toContain(feedbackText.reasonThanks);
    expect((await checkCard(card)).problems).toEqual([]);
    // No griffie conversation yet: no hand-off offered.
    expect(cardActions(card).some((a) => a.title === feedbackText.handoffButton)).toBe(false);

    const rows = (await app.store.listFeedback()).filter((f) => f.entryId === topic.id);
    expect(rows).toEqual([
      expect.objectContaining({ helpful: false, reason: "onjuist", comment: "Klopt niet.", platform: "teams" }),
    ]);
    expect(formatReportText(buildReport({ unanswered: [], feedback: rows, now: new Date() }))).toContain(
      "Redenen van 👎: Onjuist 1",
    );
  });

  it("without a griffie conversation, an unknown reply has no hand-off button", async () => {
    const card = await ask(OFF_TOPIC);
    expect(cardText(card)).toContain("Daar heb ik geen goed antwoord op");
    expect(cardActions(card).some((a) => a.title === feedbackText.handoffButton)).toBe(false);
  });

  it("'griffie hier' only for an admin, and not in a personal chat", async () => {
    const stranger = {
      ...messageActivity("griffie hier", griffieChannel()),
      from: { id: "29:other", name: "Ander", aadObjectId: "00000000-0000-0000-0000-0000000000b2" },
    };
    await postActivity(endpoint, stranger);
    expect(cardText(cardOf((await connector.waitFor(1))[0]!.body))).toContain(feedbackText.griffieHereDenied);
    connector.captured.length = 0;
    expect(cardText(await ask("griffie hier"))).toContain(feedbackText.griffieHerePersonal);
    expect(await app.store.getSetting!("griffie.teams")).toBeNull();
  });

  it("unknown reply → confirm the question → card in the griffie conversation, open hand-off, marked answered", async () => {
    await postActivity(endpoint, messageActivity("griffie hier", griffieChannel()));
    const [set] = await connector.waitFor(1);
    expect(set!.conversationId).toBe(GRIFFIE_CONVERSATION);
    expect(cardText(cardOf(set!.body))).toContain(feedbackText.griffieHere);
    connector.captured.length = 0;

    const card = await ask(OFF_TOPIC);
    expect((await checkCard(card)).problems).toEqual([]);
    const show = cardActions(card).find((a) => a.type === "Action.ShowCard" && a.title === feedbackText.handoffButton);
    expect(show).toBeDefined();
    const input = elements(show!.card).find((e) => e.type === "Input.Text")!;
    expect(input.value).toBe(OFF_TOPIC);
    const send = showCardActions(show!).find((a) => a.title === feedbackText.handoffSubmit)!;
    // Nothing is sent before the user confirms.
    expect(await app.store.listHandoffs!(undefined, "open")).toEqual([]);

    const question = "Wie betaalt de pensioenen? [klik](https://evil.example) **nu**";
    await postActivity(
      endpoint,
      submitActivity({ ...(send.data as Record<string, unknown>), handoffQuestion: question }, "card-9", personal()),
    );
    const sent = await connector.waitFor(2);
    const toGriffie = sent.find((c) => c.conversationId === GRIFFIE_CONVERSATION)!;
    const toUser = sent.find((c) => c.conversationId !== GRIFFIE_CONVERSATION)!;
    expect(cardText(cardOf(toUser.body))).toContain(feedbackText.handoffSent);
    const griffie = cardOf(toGriffie.body);
    expect((await checkCard(griffie)).problems).toEqual([]);
    // The question is a TextRun: shown as typed, its markdown never rendered as a link.
    const runs = elements(griffie)
      .filter((e) => e.type === "TextRun")
      .map((e) => e.text);
    expect(runs).toContain(question);
    expect(elements(griffie).some((e) => e.type === "TextBlock" && String(e.text).includes("evil"))).toBe(false);
    expect(cardText(griffie)).toContain(`${feedbackText.griffieAskedBy} ${USER.name}`);

    const open = await app.store.listHandoffs!(undefined, "open");
    expect(open).toEqual([expect.objectContaining({ question, platform: "teams", status: "open", link: null })]);
    expect(formatReportText(buildReport({ unanswered: [], feedback: [], handoffs: open, now: new Date() }))).toContain(
      "Open vragen aan de griffie (1)",
    );

    connector.captured.length = 0;
    const mark = cardActions(griffie).find((a) => a.title === feedbackText.griffieMarkAnswered)!;
    await postActivity(endpoint, submitActivity(mark.data as Record<string, unknown>, "griffie-1", griffieChannel()));
    const [answered] = await connector.waitFor(1);
    expect(answered!.method).toBe("PUT");
    const after = cardOf(answered!.body);
    expect(cardText(after)).toContain(feedbackText.griffieAnswered);
    expect(cardActions(after).some((a) => a.title === feedbackText.griffieMarkAnswered)).toBe(false);
    expect(await app.store.listHandoffs!(undefined, "open")).toEqual([]);
  });

  it("👎 → reason → the hand-off starts with the user's question; the griffie's Beantwoord links to the group chat message", async () => {
    await postActivity(endpoint, messageActivity("griffie hier", griffieChannel()));
    await connector.waitFor(1);
    connector.captured.length = 0;

    const chat = "19:raadsleden_abc@thread.v2";
    const group = { serviceUrl: connector.url, conversationType: "groupChat" as const, conversationId: chat };
    const question = "Hoe geeft de raad een zienswijze op de begroting van een GR?";
    await postActivity(endpoint, messageActivity(question, group));
    const answer = cardOf((await connector.waitFor(1))[0]!.body);
    connector.captured.length = 0;
    const no = cardActions(answer).find((a) => (a.data as { helpful?: boolean } | undefined)?.helpful === false)!;
    const entryId = (no.data as { entryId: string }).entryId;
    // The 👎 carries the question the card answers.
    expect(no.data).toEqual({ action: "feedback", entryId, helpful: false, q: question });

    const invoke = await postActivity(endpoint, executeInvoke("feedback", no.data as never, "card-20", group));
    const form = ((await invoke.json()) as InvokeBody).value;
    const submitReason = cardActions(form).find((a) => a.title === feedbackText.reasonSubmit)!;
    expect(submitReason.data).toEqual({ action: "feedbackReason", entryId, q: question });
    connector.captured.length = 0;

    await postActivity(
      endpoint,
      submitActivity({ ...(submitReason.data as Record<string, unknown>), reason: "onvolledig" }, "card-20", group),
    );
    const thanks = cardOf((await connector.waitFor(1))[0]!.body);
    expect((await checkCard(thanks)).problems).toEqual([]);
    const show = cardActions(thanks).find((a) => a.type === "Action.ShowCard")!;
    const input = elements(show.card).find((e) => e.type === "Input.Text")!;
    // Not empty: the question the user asked, ready to confirm or edit.
    expect(input.value).toBe(question);
    connector.captured.length = 0;

    const send = showCardActions(show).find((a) => a.title === feedbackText.handoffSubmit)!;
    await postActivity(
      endpoint,
      submitActivity({ ...(send.data as Record<string, unknown>), handoffQuestion: input.value }, "card-20", group),
    );
    const sent = await connector.waitFor(2);
    const griffie = cardOf(sent.find((c) => c.conversationId === GRIFFIE_CONVERSATION)!.body);
    expect(
      elements(griffie)
        .filter((e) => e.type === "TextRun")
        .map((e) => e.text),
    ).toContain(question);
    const link = cardActions(griffie).find((a) => a.type === "Action.OpenUrl")!;
    expect(link.title).toBe(feedbackText.griffieAnswerLink);
    // Teams' deep link to a chat message: /l/message/<chat id>/<message id>, the ids URL-encoded.
    expect(link.url).toBe(`https://teams.microsoft.com/l/message/${encodeURIComponent(chat)}/card-20`);
    const open = await app.store.listHandoffs!(undefined, "open");
    expect(open).toEqual([
      expect.objectContaining({ question, bestGuess: entryId, platform: "teams", link: link.url }),
    ]);
    await app.store.markHandoffAnswered!(open[0]!.id, "test");
  });

  it("after a 👎 reason the hand-off is offered once a griffie conversation is set", async () => {
    const topic = app.bot.featuredTopics()[1]!;
    await postActivity(
      endpoint,
      submitActivity({ action: "feedbackReason", entryId: topic.id, reason: "verouderd" }, "card-8", personal()),
    );
    const [updated] = await connector.waitFor(1);
    const card = cardOf(updated!.body);
    const show = cardActions(card).find((a) => a.type === "Action.ShowCard")!;
    expect(show.title).toBe(feedbackText.handoffButton);
    const send = showCardActions(show).find((a) => a.title === feedbackText.handoffSubmit)!;
    expect(send.data).toEqual({ action: "handoff", g: topic.id });
  });
});

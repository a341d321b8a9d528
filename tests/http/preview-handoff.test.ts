// "Vraag het de griffie" on the preview page, over HTTP: with GRIFFIE_SLACK_CHANNEL (Slack configured against the
// fake Slack API) an unknown reply and a 👎 reason offer the hand-off, and POST /preview/api/handoff sends the
// confirmed question through the same hand-off service as Slack and Teams: a message in the griffie channel and a
// stored open hand-off. Without a griffie chat nothing is offered and the endpoint refuses. Also the confidence
// text next to the status badge.
import { describe, expect, it } from "vitest";
import type { RunningApp } from "../../app/start.ts";
import { feedbackText } from "../../src/core/feedback-reasons.ts";
import { NOT_IN_CHANNEL, blockText, blocksOf } from "../adapters/slack/helpers.ts";
import { useSlackApp } from "../adapters/slack/app-fixture.ts";
import { useTestApp } from "./app-fixture.ts";
import { FIXTURE_KNOWLEDGE, FIXTURE_TOPIC } from "./helpers.ts";

const GRIFFIE = "C0GRIFFIE1";
const UNKNOWN = "Wat voor weer wordt het morgen in Parijs?";

function poster(app: () => RunningApp) {
  return async (path: string, body: unknown) => {
    const res = await fetch(app().url + "/preview/api" + path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
}

describe("preview hand-off with a griffie chat (GRIFFIE_SLACK_CHANNEL)", () => {
  const suite = useSlackApp({ env: { KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE, GRIFFIE_SLACK_CHANNEL: GRIFFIE } });
  const post = poster(() => suite().app);

  it("offers the hand-off on an unknown reply, not on an answer", async () => {
    const unknown = await post("/ask", { q: UNKNOWN });
    expect(unknown.status).toBe(200);
    expect((unknown.body.reply as { status: string }).status).toBe("unknown");
    expect(unknown.body.handoff).toBe(true);

    const answer = await post("/ask", { q: "Hoe geeft de raad een zienswijze op de begroting van een GR?" });
    expect((answer.body.reply as { status: string }).status).toBe("answer");
    expect(answer.body.handoff).toBe(false);
    expect(answer.body.confidenceText).toMatch(/^Zekerheid \d{1,3}%$/);
  });

  it("offers it after a 👎 reason, not after a plain 👎 or a 👍", async () => {
    const plain = await post("/feedback", { entryId: FIXTURE_TOPIC, helpful: false, userId: "u-handoff" });
    expect(plain.status).toBe(201);
    expect(plain.body.handoff).toBe(false);
    const reason = await post("/feedback", {
      entryId: FIXTURE_TOPIC,
      helpful: false,
      userId: "u-handoff",
      reason: "onvolledig",
    });
    expect(reason.status).toBe(201);
    expect(reason.body).toMatchObject({ message: feedbackText.reasonThanks, handoff: true });
    const up = await post("/feedback", { entryId: FIXTURE_TOPIC, helpful: true, userId: "u-handoff" });
    expect(up.body.handoff).toBe(false);
  });

  it("sends the confirmed question to the griffie channel and stores an open hand-off", async () => {
    suite().slack.reset();
    const question = "Mag <!channel> de begroting van de GR <@U0OTHER1> inzien?";
    const sent = await post("/handoff", { question, bestGuess: FIXTURE_TOPIC, userId: "u-handoff" });
    expect(sent.status).toBe(201);
    expect(sent.body).toEqual({ ok: true, message: feedbackText.handoffSentPreview });

    const [posted] = await suite().slack.waitFor("chat.postMessage");
    expect(posted!.body.channel).toBe(GRIFFIE);
    const text = blockText(blocksOf(posted!.body));
    // The question escaped (no channel ping, no mention from user text), the best guess, the preview's note.
    expect(text).toContain("&lt;!channel&gt;");
    expect(text).toContain("&lt;@U0OTHER1&gt;");
    expect(text).not.toContain("<!channel>");
    expect(text).toContain("Zienswijze op de begroting");
    expect(text).toContain("via de voorbeeldpagina");
    expect(text).toContain(feedbackText.griffieNoLinkPreview);

    const open = await suite().app.store.listHandoffs!(undefined, "open");
    expect(open).toContainEqual(
      expect.objectContaining({ question, bestGuess: FIXTURE_TOPIC, platform: "preview", link: null, status: "open" }),
    );
  });

  it("drops an unknown best guess and refuses bad input with a 400", async () => {
    suite().slack.reset();
    const sent = await post("/handoff", { question: "Wie zit in het algemeen bestuur?", bestGuess: "bestaat-niet" });
    expect(sent.status).toBe(201);
    await suite().slack.waitFor("chat.postMessage");
    const rows = await suite().app.store.listHandoffs!(undefined, "open");
    expect(rows.find((r) => r.question === "Wie zit in het algemeen bestuur?")?.bestGuess).toBeNull();

    for (const body of [{}, { question: "   " }, { question: "x".repeat(1001) }, { question: "ok", userId: "a b" }]) {
      const res = await post("/handoff", body);
      expect(res.status).toBe(400);
      expect(typeof res.body.message).toBe("string");
    }
  });

  it("refuses a body that is not JSON with a 400", async () => {
    const res = await fetch(suite().app.url + "/preview/api/handoff", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{not json",
    });
    expect(res.status).toBe(400);
  });
});

describe("preview hand-off when the griffie channel does not take it", () => {
  const suite = useSlackApp({ env: { KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE, GRIFFIE_SLACK_CHANNEL: NOT_IN_CHANNEL } });
  const post = poster(() => suite().app);

  it("tells the user it failed (502), keeping the hand-off stored for the report", async () => {
    const sent = await post("/handoff", { question: "Wie beslist over de begroting?" });
    expect(sent.status).toBe(502);
    expect(sent.body).toMatchObject({ error: "handoff_failed", message: feedbackText.handoffFailed });
    expect(
      suite()
        .slack.of("chat.postMessage")
        .map((c) => c.body.channel),
    ).toEqual([NOT_IN_CHANNEL]);
  });
});

describe("preview hand-off without a griffie chat", () => {
  const app = useTestApp();
  const post = poster(app);

  it("offers no hand-off and refuses to send one", async () => {
    const unknown = await post("/ask", { q: UNKNOWN });
    expect((unknown.body.reply as { status: string }).status).toBe("unknown");
    expect(unknown.body.handoff).toBe(false);
    const reason = await post("/feedback", { entryId: FIXTURE_TOPIC, helpful: false, reason: "onjuist" });
    expect(reason.body.handoff).toBe(false);

    const sent = await post("/handoff", { question: "Wie beslist over de begroting?" });
    expect(sent.status).toBe(404);
    expect(sent.body).toMatchObject({ error: "handoff_unavailable", message: feedbackText.handoffUnavailable });
    expect(await app().store.listHandoffs!()).toEqual([]);
  });

  it("shows no percentage next to an ambiguous reply", async () => {
    // A reply the engine cannot place on one entry, built from the preview's own helper.
    const { confidenceText } = await import("../../src/http/preview/router.ts");
    const base = { answer: null, alternatives: [] };
    expect(confidenceText({ ...base, status: "ambiguous", confidence: 1 })).toBe("Niet zeker welk onderwerp u bedoelt");
    expect(confidenceText({ ...base, status: "answer", confidence: 0.964 })).toBe("Zekerheid 96%");
    expect(confidenceText({ ...base, status: "help", confidence: 0 })).toBeNull();
  });
});

// The preview page's "Vraag het de griffie" when the griffie chat is a Teams conversation set with "griffie hier":
// not offered before an admin set it, offered after; the confirmed question arrives as the griffie card in that
// conversation through the fake Bot Framework connector (the same hand-off service as Slack and Teams).
import { beforeEach, describe, expect, it } from "vitest";
import { type RunningApp } from "../../../app/start.ts";
import { feedbackText } from "../../../src/core/feedback-reasons.ts";
import { checkCard } from "./adaptive-cards.ts";
import { USER, cardOf, cardText, messageActivity, postActivity, type FakeConnector } from "./helpers.ts";
import { useTeamsApp } from "./app-fixture.ts";

const GRIFFIE_CONVERSATION = "19:griffie@thread.tacv2";
const OFF_TOPIC = "Wat is het recept voor appeltaart?";

describe("preview hand-off to a Teams conversation set with 'griffie hier'", () => {
  let app: RunningApp;
  let connector: FakeConnector;
  let endpoint: string;
  const teams = useTeamsApp({ env: { GRIFFIE_TEAMS_ADMINS: USER.aadObjectId } });
  beforeEach(() => {
    ({ app, connector, endpoint } = teams());
  });

  const preview = async (path: string, body: unknown) => {
    const res = await fetch(`${app.url}/preview/api${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it("is offered once a griffie conversation is set, and delivers there", async () => {
    const before = await preview("/ask", { q: OFF_TOPIC });
    expect((before.body.reply as { status: string }).status).toBe("unknown");
    expect(before.body.handoff).toBe(false);

    await postActivity(
      endpoint,
      messageActivity("griffie hier", {
        serviceUrl: connector.url,
        conversationType: "channel",
        conversationId: GRIFFIE_CONVERSATION,
      }),
    );
    expect(cardText(cardOf((await connector.waitFor(1))[0]!.body))).toContain(feedbackText.griffieHere);
    connector.captured.length = 0;

    const after = await preview("/ask", { q: OFF_TOPIC });
    expect(after.body.handoff).toBe(true);
    const sent = await preview("/handoff", { question: `${OFF_TOPIC} **nu** [klik](https://evil.example)` });
    expect(sent).toEqual({ status: 201, body: { ok: true, message: feedbackText.handoffSentPreview } });

    const [delivered] = await connector.waitFor(1);
    expect(delivered!.conversationId).toBe(GRIFFIE_CONVERSATION);
    const card = cardOf(delivered!.body);
    expect((await checkCard(card)).problems).toEqual([]);
    const text = cardText(card);
    expect(text).toContain(OFF_TOPIC);
    expect(text).toContain("via de voorbeeldpagina");
    expect(text).toContain(feedbackText.griffieNoLinkPreview);
    // The question is a TextRun: its markdown stays text, no link to click.
    expect(JSON.stringify(card)).not.toContain('"url":"https://evil.example"');
    expect(await app.store.listHandoffs!(undefined, "open")).toEqual([
      expect.objectContaining({ platform: "preview", status: "open", link: null }),
    ]);
  });
});

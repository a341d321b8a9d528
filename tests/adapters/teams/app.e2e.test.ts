// End-to-end through the real server (startApp: knowledge base → engine → PGlite store → Bot → Teams mount):
// Bot Framework activities POSTed to /api/messages over loopback, replies captured by a fake connector.
import { beforeEach, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../../../app/start.ts";
import { toTeamsMarkdownBlocks } from "../../../adapters/teams/markdown.ts";
import { FIXTURE_CHECKLIST, FIXTURE_TOPIC, tempDataDir, testEnv } from "../../http/helpers.ts";
import {
  BOT_ID,
  cardActions,
  cardOf,
  cardText,
  entryIdOfCard,
  executeInvoke,
  membersAddedActivity,
  mentionActivity,
  messageActivity,
  postActivity,
  searchInvoke,
  submitActivity,
  type FakeConnector,
} from "./helpers.ts";
import { STARTUP_MS, useTeamsApp } from "./app-fixture.ts";

/** Opening PGlite and loading the knowledge base can take a while on a busy machine. */

interface InvokeBody {
  statusCode: number;
  type: string;
  value: { body: Record<string, unknown>[] };
}

describe("Teams end-to-end through startApp (anonymous local mode)", () => {
  let app: RunningApp;
  let connector: FakeConnector;
  let endpoint: string;

  const teams = useTeamsApp();
  beforeEach(() => {
    ({ app, connector, endpoint } = teams());
  });
  const opts = () => ({ serviceUrl: connector.url });

  it("message → answer card with the entry's title, sources and feedback", async () => {
    const res = await postActivity(
      endpoint,
      messageActivity("Hoe geeft de raad een zienswijze op de begroting van een GR?", opts()),
    );
    expect(res.status).toBe(200);
    const [sent] = await connector.waitFor(1);
    const card = cardOf(sent!.body);
    expect(entryIdOfCard(card)).toBe(FIXTURE_TOPIC);
    expect(cardText(card)).toContain("Zienswijze op de begroting van een gemeenschappelijke regeling");
    // The sources: links that wrap, under "Bronnen".
    expect(cardText(card)).toContain("- [Wet gemeenschappelijke regelingen, art. 35](https://wetten.overheid.nl/");
  });

  it("answer first: the card's Lees meer (Action.ToggleVisibility) shows a hidden Container with the full text", async () => {
    await postActivity(
      endpoint,
      messageActivity("Hoe geeft de raad een zienswijze op de begroting van een GR?", opts()),
    );
    const [sent] = await connector.waitFor(1);
    const card = cardOf(sent!.body);
    const toggle = cardActions(card).find((a) => a.type === "Action.ToggleVisibility")!;
    expect(toggle.title).toBe("Lees meer");
    const targets = toggle.targetElements as string[];
    const details = card.body.find((e) => e.type === "Container" && targets.includes(String(e.id)))!;
    expect(details.isVisible).toBe(false);
    // The hidden Container holds the entry's full body, as Teams markdown.
    const entry = app.bot.answerById(FIXTURE_TOPIC).answer!;
    const full = toTeamsMarkdownBlocks(entry.text);
    expect(full.length).toBeGreaterThan(1);
    const hidden = cardText(details);
    for (const block of full) expect(hidden).toContain(block);
    // What is visible before the click is short: not the full text.
    expect(cardText(card.body.filter((e) => e !== details))).not.toContain(full[0]);
  });

  it("@mention in a channel: the mention is stripped and the question answered in the channel", async () => {
    const conversationId = "19:abc@thread.tacv2;messageid=1700000000000";
    await postActivity(endpoint, mentionActivity("zienswijze op de begroting", { ...opts(), conversationId }));
    const [sent] = await connector.waitFor(1);
    expect(sent!.conversationId).toBe(conversationId);
    expect(entryIdOfCard(cardOf(sent!.body))).toBe(FIXTURE_TOPIC);
  });

  it("commands help, onderwerpen and checklist <onderwerp>", async () => {
    await postActivity(endpoint, messageActivity("help", opts()));
    await connector.waitFor(1);
    await postActivity(endpoint, messageActivity("onderwerpen", opts()));
    await connector.waitFor(2);
    await postActivity(endpoint, messageActivity("checklist uittreden", opts()));
    const sent = await connector.waitFor(3);
    const [help, topics, checklist] = sent.map((s) => cardOf(s.body));
    expect(cardText(help)).toContain("Waarmee kan ik u helpen?");
    expect(cardText(topics)).toContain("Veelgevraagde onderwerpen");
    expect(cardText(checklist)).toContain("Checklist uittreden uit een gemeenschappelijke regeling");
    expect(checklist!.body.filter((e) => e.type === "Input.Toggle")).toHaveLength(4);
  });

  it("Action.Execute on a checklist → updated card with progress in the invoke response, stored per run", async () => {
    const save = {
      action: "checklistSave",
      checklistId: FIXTURE_CHECKLIST,
      "item-1": "true",
      "item-2": "true",
      "item-3": "false",
      "item-4": "false",
    };
    const res = await postActivity(endpoint, executeInvoke("checklistSave", save, "card-1", opts()));
    expect(res.status).toBe(200);
    const body = (await res.json()) as InvokeBody;
    expect(body).toMatchObject({ statusCode: 200, type: "application/vnd.microsoft.card.adaptive" });
    expect(cardText(body.value)).toContain("2 van 4 afgevinkt");

    // The run is stored: a save without toggle inputs on the same card shows the same progress.
    const again = await postActivity(
      endpoint,
      executeInvoke("checklistSave", { action: "checklistSave", checklistId: FIXTURE_CHECKLIST }, "card-1", opts()),
    );
    const againBody = (await again.json()) as InvokeBody;
    expect(cardText(againBody.value)).toContain("2 van 4 afgevinkt");
    expect(againBody.value.body.filter((e) => e.type === "Input.Toggle").map((e) => e.value)).toEqual([
      "true",
      "true",
      "false",
      "false",
    ]);

    // Another card in the same conversation is another run.
    const other = await postActivity(
      endpoint,
      executeInvoke("checklistSave", { action: "checklistSave", checklistId: FIXTURE_CHECKLIST }, "card-2", opts()),
    );
    expect(cardText(((await other.json()) as InvokeBody).value)).toContain("0 van 4 afgevinkt");

    // Export returns the markdown in the card.
    const exp = await postActivity(
      endpoint,
      executeInvoke("checklistExport", { action: "checklistExport", checklistId: FIXTURE_CHECKLIST }, "card-1", opts()),
    );
    const expText = cardText(((await exp.json()) as InvokeBody).value);
    expect(expText).toContain("# Checklist uittreden uit een gemeenschappelijke regeling");
    expect(expText).toContain("- [x] De uittredingsbepaling in de regeling is bekend.");
    expect(expText).toContain("- [ ] Het alternatief voor de taak is uitgewerkt.");
    // Each save edits its card message for everyone (universal-actions.ts), an export does not; nothing is
    // posted as a new message.
    expect(connector.captured.every((c) => c.method === "PUT")).toBe(true);
    expect(connector.captured.map((c) => c.activityId)).toEqual(["card-1", "card-1", "card-2"]);
  });

  it("👍 via Action.Execute → thank-you card; via the Action.Submit fallback → the card message is updated", async () => {
    const res = await postActivity(
      endpoint,
      executeInvoke("feedback", { action: "feedback", entryId: FIXTURE_TOPIC, helpful: true }, "card-3", opts()),
    );
    expect(cardText(((await res.json()) as InvokeBody).value)).toContain("Dank u voor uw reactie.");
    await postActivity(
      endpoint,
      submitActivity({ action: "feedback", entryId: FIXTURE_TOPIC, helpful: false }, "card-4", opts()),
    );
    const [update] = await connector.waitFor(1);
    expect(update).toMatchObject({ method: "PUT", activityId: "card-4" });
    expect(cardText(cardOf(update!.body))).toContain("Dank u voor uw reactie.");
    const feedback = await app.store.listFeedback();
    // One row per user and entry: the same user's second click (👎) replaced the first (👍).
    expect(feedback.filter((f) => f.entryId === FIXTURE_TOPIC && f.platform === "teams").map((f) => f.helpful)).toEqual(
      [false],
    );
  });

  it("composeExtension/query → results with preview and card, fast", async () => {
    const started = performance.now();
    const res = await postActivity(endpoint, searchInvoke("zienswijze begroting", opts()));
    const elapsed = performance.now() - started;
    const body = (await res.json()) as {
      composeExtension: {
        type: string;
        attachments: {
          contentType: string;
          content: unknown;
          preview: { contentType: string; content: { title: string } };
        }[];
      };
    };
    expect(body.composeExtension.type).toBe("result");
    const first = body.composeExtension.attachments[0]!;
    expect(first.preview.contentType).toBe("application/vnd.microsoft.card.thumbnail");
    expect(first.preview.content.title).toBe("Zienswijze op de begroting van een gemeenschappelijke regeling");
    expect(entryIdOfCard(first.content)).toBe(FIXTURE_TOPIC);
    expect(elapsed).toBeLessThan(2000); // Teams gives invokes 5 seconds
  });

  it("conversationUpdate membersAdded (the bot) → welcome card", async () => {
    await postActivity(
      endpoint,
      membersAddedActivity([BOT_ID], { ...opts(), conversationType: "personal", conversationId: "a:new-user" }),
    );
    const [sent] = await connector.waitFor(1);
    expect(sent!.conversationId).toBe("a:new-user");
    expect(cardText(cardOf(sent!.body))).toContain("Welkom bij Raadswijzer Samenwerken");
  });
});

describe("Teams end-to-end through startApp with MicrosoftAppId", () => {
  let app: RunningApp;
  let connector: FakeConnector;

  const teams = useTeamsApp({
    env: {
      MicrosoftAppId: "11111111-2222-3333-4444-555555555555",
      MicrosoftAppPassword: "test-only-not-a-secret",
    },
  });
  beforeEach(() => {
    ({ app, connector } = teams());
  });

  it("a request without a valid token gets 401 and no reply is sent", async () => {
    const res = await postActivity(
      `${app.url}/api/messages`,
      messageActivity("zienswijze", { serviceUrl: connector.url }),
    );
    expect(res.status).toBe(401);
    const bad = await postActivity(
      `${app.url}/api/messages`,
      messageActivity("zienswijze", { serviceUrl: connector.url }),
      { authorization: "Bearer x.y.z" },
    );
    expect(bad.status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(connector.captured).toHaveLength(0);
  });
});

describe("startApp refuses production Teams without MicrosoftAppId", () => {
  it(
    "fails to start with a clear message",
    async () => {
      const data = await tempDataDir();
      try {
        await expect(
          startApp({
            env: testEnv(data.dir, { NODE_ENV: "production", STORE_HASH_KEY: "0123456789abcdef0123" }),
            port: 0,
          }),
        ).rejects.toThrow(/MicrosoftAppId is required in production/);
      } finally {
        await data.remove();
      }
    },
    STARTUP_MS,
  );
});

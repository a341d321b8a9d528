// The Teams mount over real HTTP on loopback with an in-memory Bot: activities are POSTed to /api/messages,
// replies go to a local fake connector (serviceUrl), invoke responses come back in the HTTP response body.
// app.e2e.test.ts runs the same flows through the real server (startApp).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { loadConfig } from "../../../src/config.ts";
import { messages } from "../../../src/core/messages.ts";
import { ChecklistError } from "../../../src/errors.ts";
import { createLogger } from "../../../src/log.ts";
import { createTeamsMount } from "../../../adapters/teams/index.ts";
import {
  BOT_ID,
  USER,
  cardActions,
  cardOf,
  cardText,
  createFakeBot,
  entryIdOfCard,
  executeInvoke,
  membersAddedActivity,
  mentionActivity,
  messageActivity,
  postActivity,
  searchInvoke,
  startFakeConnector,
  submitActivity,
  type FakeConnector,
} from "./helpers.ts";

interface Running {
  url: string;
  close(): Promise<void>;
}

async function startTeamsServer(env: Record<string, string>, bot = createFakeBot()): Promise<Running> {
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", ...env });
  const mount = await createTeamsMount({ bot, config, logger: createLogger({ level: "silent" }) });
  if (!mount) throw new Error("teams not mounted");
  const app = express();
  app.use(mount.path, mount.router);
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${mount.path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe("Teams bot over HTTP (anonymous local mode)", () => {
  let connector: FakeConnector;
  let server: Running;
  let bot: ReturnType<typeof createFakeBot>;

  beforeAll(async () => {
    connector = await startFakeConnector();
    bot = createFakeBot();
    server = await startTeamsServer({}, bot);
  });
  afterAll(async () => {
    await server?.close();
    await connector?.close();
  });
  beforeEach(() => {
    connector.captured.length = 0;
  });

  const opts = () => ({ serviceUrl: connector.url });

  it("answers a personal chat message with an answer card", async () => {
    const res = await postActivity(server.url, messageActivity("Hoe geef ik een zienswijze op de begroting?", opts()));
    expect(res.status).toBe(200);
    const [sent] = await connector.waitFor(1);
    expect(sent!.method).toBe("POST");
    expect(sent!.conversationId).toBe("a:conv-personal");
    const card = cardOf(sent!.body);
    expect(card.version).toBe("1.5");
    expect(entryIdOfCard(card)).toBe("zienswijze-begroting");
    expect(cardText(card)).toContain("Zienswijze op de begroting van een gemeenschappelijke regeling");
    expect(cardText(card)).toContain("(https://wetten.overheid.nl/BWBR0003740)");
  });

  it("strips the @mention in a channel before asking", async () => {
    await postActivity(
      server.url,
      mentionActivity("zienswijze begroting", { ...opts(), conversationId: "19:channel@thread.tacv2;messageid=1" }),
    );
    const [sent] = await connector.waitFor(1);
    expect(bot.calls.asked.at(-1)).toBe("zienswijze begroting");
    expect(sent!.conversationId).toContain("19:channel@thread.tacv2");
    expect(entryIdOfCard(cardOf(sent!.body))).toBe("zienswijze-begroting");
  });

  it("handles the commands help, onderwerpen and checklist <onderwerp>", async () => {
    await postActivity(server.url, messageActivity("help", opts()));
    await postActivity(server.url, mentionActivity("onderwerpen", { ...opts(), conversationType: "groupChat" }));
    await postActivity(server.url, messageActivity("checklist uittreden", opts()));
    await postActivity(server.url, messageActivity("checklist kernenergie", opts()));
    const sent = await connector.waitFor(4);
    const [help, topics, checklist, missing] = sent.map((s) => cardOf(s.body));
    expect(cardText(help)).toContain("Waarmee kan ik u helpen?");
    expect(cardText(topics)).toContain("Veelgevraagde onderwerpen");
    expect(cardText(topics)).toContain("Checklist uittreden");
    expect(checklist!.body.filter((e) => e.type === "Input.Toggle")).toHaveLength(3);
    expect(cardText(missing)).toContain("Ik vond geen checklist over dat onderwerp.");
  });

  it("returns the updated checklist card with progress in the Action.Execute invoke response", async () => {
    const data = {
      action: "checklistSave",
      checklistId: "checklist-uittreden",
      "item-1": "true",
      "item-2": "false",
      "item-3": "true",
    };
    const res = await postActivity(server.url, executeInvoke("checklistSave", data, "card-msg-1", opts()));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { statusCode: number; type: string; value: { body: Record<string, unknown>[] } };
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe("application/vnd.microsoft.card.adaptive");
    expect(cardText(body.value)).toContain("2 van 3 afgevinkt");
    const toggles = body.value.body.filter((e) => e.type === "Input.Toggle").map((e) => e.value);
    expect(toggles).toEqual(["true", "false", "true"]);
    expect(bot.calls.toggles.map((t) => t.userId)).toContain(USER.aadObjectId);

    // A second save on the same card (runId now in the data) unticks item 1; export shows the markdown.
    const save = cardActions(body.value).find((a) => a.type === "Action.Execute" && a.verb === "checklistExport")!;
    const runId = (save.data as { runId?: string }).runId;
    expect(runId).toBeTruthy();
    const res2 = await postActivity(
      server.url,
      executeInvoke(
        "checklistExport",
        { ...(save.data as Record<string, unknown>), "item-1": "false", "item-2": "false", "item-3": "true" },
        "card-msg-1",
        opts(),
      ),
    );
    const body2 = (await res2.json()) as { value: unknown };
    expect(cardText(body2.value)).toContain("1 van 3 afgevinkt");
    expect(cardText(body2.value)).toContain("- [x] De gevolgen voor de dienstverlening zijn in beeld");
    // The clicker's card travels in the invoke response; a save edits the card message for everyone (no new
    // message), an export (the second click) is for the clicker only.
    expect(connector.captured.map((c) => `${c.method} ${c.activityId}`)).toEqual(["PUT card-msg-1"]);
  });

  it("records 👍 feedback and thanks the user in the updated card", async () => {
    const res = await postActivity(
      server.url,
      executeInvoke("feedback", { action: "feedback", entryId: "uittreden", helpful: true }, "card-msg-2", opts()),
    );
    const body = (await res.json()) as { value: unknown };
    expect(cardText(body.value)).toContain("Dank u voor uw reactie.");
    expect(cardText(body.value)).not.toContain("Was dit antwoord nuttig?");
    expect(bot.calls.feedback.at(-1)).toEqual({ entryId: "uittreden", helpful: true, platform: "teams" });
  });

  it("handles the Action.Submit fallback by updating the card message", async () => {
    await postActivity(
      server.url,
      submitActivity({ action: "feedback", entryId: "zienswijze-begroting", helpful: false }, "card-msg-3", opts()),
    );
    const [update] = await connector.waitFor(1);
    expect(update!.method).toBe("PUT");
    expect(update!.activityId).toBe("card-msg-3");
    expect(cardText(cardOf(update!.body))).toContain("Dank u voor uw reactie.");
  });

  it("answers a related-topic button with a new answer card", async () => {
    await postActivity(server.url, submitActivity({ action: "answer", id: "uittreden" }, "card-msg-4", opts()));
    const [sent] = await connector.waitFor(1);
    expect(sent!.method).toBe("POST");
    expect(entryIdOfCard(cardOf(sent!.body))).toBe("uittreden");
  });

  it("answers composeExtension/query with preview + card results", async () => {
    const ask = vi.spyOn(bot, "ask");
    const res = await postActivity(server.url, searchInvoke("zienswijze", opts()));
    // Search-as-you-type is not a question: an unknown search term is not recorded as unanswered.
    expect(ask).toHaveBeenCalledWith("zienswijze", { platform: "teams", recordUnanswered: false });
    ask.mockRestore();
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      composeExtension: {
        type: string;
        attachmentLayout: string;
        attachments: { contentType: string; content: unknown; preview: { content: { title: string } } }[];
      };
    };
    expect(body.composeExtension.type).toBe("result");
    const atts = body.composeExtension.attachments;
    expect(atts[0]!.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(atts[0]!.preview.content.title).toBe("Zienswijze op de begroting van een gemeenschappelijke regeling");
    expect(entryIdOfCard(atts[0]!.content)).toBe("zienswijze-begroting");

    const initial = await postActivity(server.url, searchInvoke(null, opts()));
    const initialBody = (await initial.json()) as { composeExtension: { attachments: unknown[] } };
    expect(initialBody.composeExtension.attachments.length).toBeGreaterThanOrEqual(2);
  });

  it("answers a button on a card inserted with the search extension (composeExtension/onCardButtonClicked)", async () => {
    const activity = {
      ...searchInvoke("x", opts()),
      name: "composeExtension/onCardButtonClicked",
      value: { action: "answer", id: "uittreden" },
    };
    const res = await postActivity(server.url, activity);
    expect(res.status).toBe(200);
    const [sent] = await connector.waitFor(1);
    expect(entryIdOfCard(cardOf(sent!.body))).toBe("uittreden");
  });

  it("answers invokes well inside Teams' 5-second limit", async () => {
    const started = performance.now();
    await postActivity(server.url, searchInvoke("uittreden", opts()));
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("sends a welcome card when the bot is added", async () => {
    const res = await postActivity(
      server.url,
      membersAddedActivity([BOT_ID], {
        ...opts(),
        conversationType: "channel",
        conversationId: "19:team@thread.tacv2",
      }),
    );
    expect(res.status).toBe(200);
    const [sent] = await connector.waitFor(1);
    const card = cardOf(sent!.body);
    expect(cardText(card)).toContain("Welkom bij Raadswijzer Samenwerken");
    expect(cardActions(card).some((a) => (a.data as { id?: string } | undefined)?.id === "checklist-uittreden")).toBe(
      true,
    );
  });

  it("does not greet a channel when another member joins", async () => {
    await postActivity(
      server.url,
      membersAddedActivity(["29:someone-else"], {
        ...opts(),
        conversationType: "channel",
        conversationId: "19:team@thread.tacv2",
      }),
    );
    await new Promise((r) => setTimeout(r, 150));
    expect(connector.captured).toHaveLength(0);
  });

  it("answers 405 to GET and 400 to JSON that is not an activity", async () => {
    const get = await fetch(server.url);
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    const res = await postActivity(server.url, { hello: "world" });
    expect(res.status).toBe(400);
  });

  it("refuses an over-long question politely", async () => {
    await postActivity(server.url, messageActivity("zienswijze ".repeat(200), opts()));
    const [sent] = await connector.waitFor(1);
    expect(cardText(cardOf(sent!.body))).toContain("Uw vraag is te lang.");
  });

  it("rejects a body that is not JSON", async () => {
    const res = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{nope",
    });
    expect(res.status).toBe(400);
  });
});

describe("Teams bot when the core fails", () => {
  let connector: FakeConnector;
  let server: Running;
  beforeAll(async () => {
    connector = await startFakeConnector();
    const bot = createFakeBot();
    bot.toggleChecklistItem = async () => {
      throw new ChecklistError("unknown-run", "Unknown checklist run: run-1");
    };
    bot.recordFeedback = async () => {
      throw new Error("database down");
    };
    bot.ask = async () => {
      throw new Error("engine exploded");
    };
    server = await startTeamsServer({}, bot);
  });
  afterAll(async () => {
    await server?.close();
    await connector?.close();
  });
  const opts = () => ({ serviceUrl: connector.url });

  it("shows the core's Dutch notice on the checklist card for a checklist error", async () => {
    const data = { action: "checklistSave", checklistId: "checklist-uittreden", "item-1": "true" };
    const res = await postActivity(server.url, executeInvoke("checklistSave", data, "card-x", opts()));
    const body = (await res.json()) as { statusCode: number; value: unknown };
    expect(body.statusCode).toBe(200);
    expect(cardText(body.value)).toContain(messages.checklistRunUnknown);
    expect(cardText(body.value)).toContain("Checklist uittreden");
  });

  it("answers an invoke that fails with an error response Teams shows under the card", async () => {
    const res = await postActivity(
      server.url,
      executeInvoke("feedback", { action: "feedback", entryId: "uittreden", helpful: true }, "card-y", opts()),
    );
    const body = (await res.json()) as { statusCode: number; type: string; value: { message: string } };
    expect(body).toMatchObject({ statusCode: 500, type: "application/vnd.microsoft.error" });
    expect(body.value.message).toBe("Er ging iets mis bij het beantwoorden. Probeert u het later nog eens.");
  });

  it("tells the user something went wrong when answering a message fails", async () => {
    connector.captured.length = 0;
    await postActivity(server.url, messageActivity("zienswijze", opts()));
    const [sent] = await connector.waitFor(1);
    expect(cardText(cardOf(sent!.body))).toContain("Er ging iets mis bij het beantwoorden.");
  });
});

describe("Teams bot with MicrosoftAppId configured", () => {
  let server: Running;
  let connector: FakeConnector;
  beforeAll(async () => {
    connector = await startFakeConnector();
    server = await startTeamsServer({
      MicrosoftAppId: "11111111-2222-3333-4444-555555555555",
      MicrosoftAppPassword: "not-a-real-secret",
    });
  });
  afterAll(async () => {
    await server?.close();
    await connector?.close();
  });

  it("answers 401 to a request without a token and sends nothing", async () => {
    const res = await postActivity(server.url, messageActivity("zienswijze", { serviceUrl: connector.url }));
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(connector.captured).toHaveLength(0);
  });

  it("answers 401 to a malformed bearer token", async () => {
    const res = await postActivity(server.url, messageActivity("zienswijze", { serviceUrl: connector.url }), {
      authorization: "Bearer not.a.jwt",
    });
    expect(res.status).toBe(401);
    expect(connector.captured).toHaveLength(0);
  });
});

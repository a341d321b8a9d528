// Every Teams card carries a plain-text fallbackText and speak that read as the answer (title, then the summary),
// and every message activity the bot sends carries them as summary and speak (checked over HTTP).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config.ts";
import { createLogger } from "../../../src/log.ts";
import { messages } from "../../../src/core/messages.ts";
import type { Engine } from "../../../src/engine/types.ts";
import { createTeamsMount } from "../../../adapters/teams/index.ts";
import {
  renderChecklistListCard,
  renderMessageCard,
  renderReplyCard,
  renderTopicsCard,
  renderWelcomeCard,
  type AdaptiveCard,
} from "../../../adapters/teams/render.ts";
import { MAX_SPOKEN, plainText } from "../../../adapters/teams/spoken.ts";
import {
  cardOf,
  createFakeBot,
  messageActivity,
  postActivity,
  startFakeConnector,
  type FakeConnector,
} from "./helpers.ts";
import { sharedEngine } from "../../support/knowledge.ts";

const MARKUP = /\*\*|\]\(|\\[*_[\]]|<|>/;

function expectSpoken(card: AdaptiveCard, ...expected: string[]): string {
  const spoken = card.speak ?? "";
  expect(spoken.length).toBeGreaterThan(0);
  expect(card.fallbackText).toBe(spoken);
  expect(spoken).not.toMatch(MARKUP);
  expect(spoken.length).toBeLessThanOrEqual(MAX_SPOKEN);
  for (const e of expected) expect(spoken).toContain(e);
  return spoken;
}

describe("plainText", () => {
  it("drops Teams markdown: bold, italic, links, escapes", () => {
    expect(
      plainText("De raad **stelt** een _zienswijze_ vast, zie [art. 35](https://wetten.overheid.nl/x) en 3\\*4"),
    ).toBe("De raad stelt een zienswijze vast, zie art. 35 en 3*4");
  });
});

describe("fallbackText and speak on Teams cards", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await sharedEngine("knowledge");
  });

  it("every entry's card reads as its title followed by its summary", () => {
    expect(engine.entries.length).toBeGreaterThan(10);
    for (const entry of engine.entries) {
      const reply = engine.replyFor(entry.id);
      if (!reply?.answer) continue;
      const spoken = expectSpoken(renderReplyCard(reply));
      expect(spoken.startsWith(`${plainText(reply.answer.title)}`), entry.id).toBe(true);
      // The summary's first words follow the title.
      const firstWords = plainText(reply.answer.summary)
        .split(" ")
        .slice(0, 3)
        .join(" ")
        .replace(/[*_[\]]/g, "");
      expect(spoken.replace(/[*_[\]]/g, ""), entry.id).toContain(firstWords);
    }
  });

  it("choice, help and the other cards read their title and their content", () => {
    const alternatives = [
      { id: "a", title: "Centrumgemeente", score: 1 },
      { id: "b", title: "Bedrijfsvoeringsorganisatie", score: 1 },
    ];
    expectSpoken(
      renderReplyCard({ status: "ambiguous", confidence: 0.6, answer: null, alternatives }),
      messages.ambiguousTitle,
      "Centrumgemeente, Bedrijfsvoeringsorganisatie.",
    );
    expectSpoken(
      renderReplyCard({ status: "unknown", confidence: 0.1, answer: null, alternatives }),
      messages.unknownTitle,
      "Bedoelde u: Centrumgemeente",
    );
    expectSpoken(
      renderReplyCard({ status: "help", confidence: 0, answer: null, alternatives }),
      messages.helpTitle,
      messages.intro,
    );
    expectSpoken(renderWelcomeCard([{ id: "a", title: "Centrumgemeente" }], []), messages.welcomeTitle);
    expectSpoken(
      renderTopicsCard([{ id: "a", title: "Centrumgemeente" }], []),
      messages.topicsTitle,
      "Centrumgemeente",
    );
    expectSpoken(renderChecklistListCard([], true), messages.checklistsTitle, messages.checklistNotFound);
    expectSpoken(renderMessageCard(messages.errorGeneric), messages.errorGeneric);
  });
});

describe("Teams activities over HTTP carry summary and speak", () => {
  let connector: FakeConnector;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    connector = await startFakeConnector();
    const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent" });
    const mount = await createTeamsMount({ bot: createFakeBot(), config, logger: createLogger({ level: "silent" }) });
    if (!mount) throw new Error("teams not mounted");
    server = createServer(express().use(mount.path, mount.router));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${mount.path}`;
  });

  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await connector?.close();
  });

  it("an answer's activity has the card's plain text as summary and speak", async () => {
    const res = await postActivity(
      url,
      messageActivity("Hoe geef ik een zienswijze op de begroting?", { serviceUrl: connector.url }),
    );
    expect(res.status).toBe(200);
    const [sent] = await connector.waitFor(1);
    const body = sent!.body as { summary?: string; speak?: string };
    const card = cardOf(sent!.body) as unknown as AdaptiveCard;
    expect(body.speak).toMatch(/^Zienswijze op de begroting van een gemeenschappelijke regeling\. \S/);
    expect(body.summary).toBe(body.speak);
    expect(card.speak).toBe(body.speak);
    expect(card.fallbackText).toBe(body.speak);
  });
});

// Every Slack message has a plain-text `text` (notifications, screen readers, clients without blocks) that reads
// as the answer: for every knowledge entry, for the other message kinds, and after a 👍/👎 click over HTTP.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSlackMount } from "../../../adapters/slack/index.ts";
import { escapeMrkdwn, stripInline, titleLine } from "../../../adapters/slack/mrkdwn.ts";
import { renderChecklistList, renderExport, renderReply } from "../../../adapters/slack/render.ts";
import { loadConfig } from "../../../src/config.ts";
import { messages } from "../../../src/core/messages.ts";
import type { Engine } from "../../../src/engine/types.ts";
import type { Mount } from "../../../src/http/mount.ts";
import { createLogger } from "../../../src/log.ts";
import {
  BOT_TOKEN,
  SIGNING_SECRET,
  blockActions,
  createFakeBot,
  postAction,
  postCommand,
  startFakeSlack,
  type FakeSlack,
} from "./helpers.ts";
import { sharedEngine } from "../../support/knowledge.ts";

const alternatives = [
  { id: "a", title: "Centrumgemeente", score: 1 },
  { id: "b", title: "Bedrijfsvoeringsorganisatie", score: 1 },
];

describe("Slack fallback text", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await sharedEngine("knowledge");
  });

  it("every entry's message text is its title and its summary, without mrkdwn markup", () => {
    expect(engine.entries.length).toBeGreaterThan(10);
    for (const entry of engine.entries) {
      const reply = engine.replyFor(entry.id)!;
      const text = renderReply(reply).text;
      const summaryStart = escapeMrkdwn(stripInline(reply.answer!.summary)).split(" ").slice(0, 3).join(" ");
      expect(text.startsWith(escapeMrkdwn(titleLine(reply.answer!.title, ""))), entry.id).toBe(true);
      expect(text, entry.id).not.toMatch(/[?!:]: /);
      expect(text, entry.id).toContain(summaryStart);
      expect(text, entry.id).not.toMatch(/\*\*|<https?:/);
    }
  });

  it("choices, help, exports and checklist lists read their content, not just a title", () => {
    expect(renderReply({ status: "ambiguous", confidence: 0.6, answer: null, alternatives }).text).toBe(
      `${messages.ambiguousTitle} Centrumgemeente, Bedrijfsvoeringsorganisatie.`,
    );
    const unknown = renderReply({ status: "unknown", confidence: 0.1, answer: null, alternatives }).text;
    expect(unknown).toContain(`${messages.unknownTitle}. ${messages.unknownText}`);
    expect(unknown).toContain("Bedoelde u: Centrumgemeente, Bedrijfsvoeringsorganisatie.");
    expect(renderReply({ status: "help", confidence: 0, answer: null, alternatives }).text).toBe(
      `${messages.helpTitle} ${messages.intro}`,
    );
    expect(renderExport("# Checklist uittreden\n\n- [x] Regeling gelezen\n- [ ] Kosten bekend").text).toBe(
      "Exporteer: Checklist uittreden ☑ Regeling gelezen ☐ Kosten bekend",
    );
    const list = renderChecklistList(
      [{ id: "c", title: "Checklist uittreden", summary: "s", itemCount: 3 }],
      false,
    ).text;
    expect(list).toBe(`${messages.checklistsTitle}: Checklist uittreden`);
  });
});

describe("Slack fallback text over HTTP", () => {
  let slack: FakeSlack;
  let mount: Mount;
  let server: Server;
  let eventsUrl: string;

  beforeAll(async () => {
    slack = await startFakeSlack();
    const config = loadConfig({
      NODE_ENV: "test",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_API_URL: slack.apiUrl,
    });
    const m = await createSlackMount({ bot: createFakeBot(), config, logger: createLogger({ level: "silent" }) });
    if (!m) throw new Error("slack not mounted");
    mount = m;
    server = createServer(express().use(mount.path, mount.router));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    eventsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
    await mount.start?.();
  });

  afterAll(async () => {
    await mount?.stop?.();
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await slack?.close();
  });

  it("the answer keeps its text after 👎 replaces the buttons by a thank-you", async () => {
    const answer = (await (
      await postCommand(eventsUrl, "/samenwerken", "zienswijze", slack.responseUrl())
    ).json()) as Record<string, unknown>;
    expect(answer.text).toMatch(/^Zienswijze op de begroting[^:]*: \S/);
    const message = { type: "message", ts: "1700000700.000100", text: answer.text, blocks: answer.blocks };
    await postAction(
      eventsUrl,
      blockActions(
        { action_id: "feedback_no", value: "zienswijze-begroting" },
        { responseUrl: slack.responseUrl("fb"), message },
      ),
    );
    const [resp] = await slack.waitFor("response_url");
    expect(resp!.body.replace_original).toBe(true);
    expect(resp!.body.text).toBe(answer.text);
  });
});

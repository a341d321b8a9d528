// The Slack mount over real HTTP on loopback, with an in-memory Bot and a fake Slack Web API:
// signed commands, events and interactions in; Web API calls and response_url posts asserted.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSlackApp, createSlackMount } from "../../../adapters/slack/index.ts";
import { loadConfig } from "../../../src/config.ts";
import { messages } from "../../../src/core/messages.ts";
import type { Mount } from "../../../src/http/mount.ts";
import { createLogger } from "../../../src/log.ts";
import {
  BOT_TOKEN,
  BOT_USER_ID,
  SIGNING_SECRET,
  USER_ID,
  blockActions,
  blockText,
  blocksOf,
  createFakeBot,
  dmEvent,
  elementsOf,
  eventEnvelope,
  findButton,
  mentionEvent,
  postAction,
  postCommand,
  postEvent,
  postSigned,
  startFakeSlack,
  type FakeSlack,
} from "./helpers.ts";
import { blockKitViolations } from "./limits.ts";
import { openAppHome } from "./app-fixture.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let slack: FakeSlack;
let bot: ReturnType<typeof createFakeBot>;
let mount: Mount;
let server: Server;
let eventsUrl: string;

beforeAll(async () => {
  slack = await startFakeSlack();
  bot = createFakeBot();
  const config = loadConfig({
    NODE_ENV: "test",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: slack.apiUrl,
  });
  const m = await createSlackMount({ bot, config, logger: createLogger({ level: "silent" }) });
  if (!m) throw new Error("slack not mounted");
  mount = m;
  const app = express();
  app.use(mount.path, mount.router);
  server = createServer(app);
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

beforeEach(() => {
  slack.reset();
  bot.calls.asked.length = 0;
  bot.calls.feedback.length = 0;
  bot.calls.toggles.length = 0;
});

describe("mounting", () => {
  it("is not mounted (null) without Slack configuration", async () => {
    const m = await createSlackMount({
      bot,
      config: loadConfig({ NODE_ENV: "test" }),
      logger: createLogger({ level: "silent" }),
    });
    expect(m).toBeNull();
  });

  it("uses Socket Mode when SLACK_APP_TOKEN is set (no HTTP endpoint)", async () => {
    const config = loadConfig({
      NODE_ENV: "test",
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_APP_TOKEN: "xapp-test",
      SLACK_API_URL: slack.apiUrl,
    });
    const m = await createSlackMount({ bot, config, logger: createLogger({ level: "silent" }) });
    expect(m?.path).toBe("/slack");
    expect(typeof m?.start).toBe("function");
    const app = express();
    app.use(m!.path, m!.router);
    const s = createServer(app);
    await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
    const res = await postCommand(
      `http://127.0.0.1:${(s.address() as AddressInfo).port}/slack/events`,
      "/samenwerken",
      "zienswijze",
      slack.responseUrl(),
    );
    expect(res.status).toBe(404);
    await new Promise<void>((resolve) => s.close(() => resolve()));
  });
});

describe("when Slack's Web API is unreachable", () => {
  it("still answers slash commands at once (auth.test is retried in the background)", async () => {
    const config = loadConfig({
      NODE_ENV: "test",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_API_URL: "http://127.0.0.1:9/api/",
    });
    const m = await createSlackMount({ bot, config, logger: createLogger({ level: "silent" }) });
    const app = express();
    app.use(m!.path, m!.router);
    const s = createServer(app);
    await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
    await m!.start?.();
    const url = `http://127.0.0.1:${(s.address() as AddressInfo).port}/slack/events`;
    for (let i = 0; i < 3; i++) {
      const started = Date.now();
      const res = await postCommand(url, "/samenwerken", "zienswijze", slack.responseUrl());
      expect(res.status).toBe(200);
      expect(blockText(blocksOf((await res.json()) as Record<string, unknown>))).toContain(
        "Zienswijze op de begroting",
      );
      expect(Date.now() - started).toBeLessThan(1000);
    }
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  });
});

describe("a slow answer", () => {
  it("is acknowledged within the budget and sent through response_url", async () => {
    const slowBot = createFakeBot();
    const ask = slowBot.ask.bind(slowBot);
    slowBot.ask = async (q, ctx) => {
      await sleep(400);
      return ask(q, ctx);
    };
    const config = loadConfig({
      NODE_ENV: "test",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_API_URL: slack.apiUrl,
    });
    const slackApp = createSlackApp({
      bot: slowBot,
      config,
      logger: createLogger({ level: "silent" }),
      ackBudgetMs: 100,
    });
    const app = express();
    app.use("/slack", slackApp.router);
    const s = createServer(app);
    await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
    const started = Date.now();
    const res = await postCommand(
      `http://127.0.0.1:${(s.address() as AddressInfo).port}/slack/events`,
      "/samenwerken",
      "zienswijze",
      slack.responseUrl("slow"),
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
    expect(Date.now() - started).toBeLessThan(390);
    const [late] = await slack.waitFor("response_url");
    expect(late!.responseId).toBe("slow");
    expect(late!.body.response_type).toBe("ephemeral");
    expect(blockText(blocksOf(late!.body))).toContain("Zienswijze op de begroting");
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  });
});

describe("request verification", () => {
  const cases: [string, Parameters<typeof postCommand>[4]][] = [
    ["a wrong signature", { secret: "not-the-secret" }],
    ["a missing signature", { unsigned: true }],
    ["a timestamp older than 5 minutes", { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }],
  ];
  it.each(cases)("rejects %s with 401 and does not answer", async (_name, opts) => {
    const res = await postCommand(eventsUrl, "/samenwerken", "zienswijze", slack.responseUrl(), opts);
    expect(res.status).toBe(401);
    const ev = await postEvent(eventsUrl, eventEnvelope(mentionEvent("zienswijze")), opts);
    expect(ev.status).toBe(401);
    await sleep(150);
    expect(bot.calls.asked).toEqual([]);
    expect(slack.answers()).toEqual([]);
  });

  it("answers the Events API URL check", async () => {
    const res = await postEvent(eventsUrl, { type: "url_verification", challenge: "abc123", token: "x" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: "abc123" });
  });

  it("answers Slack's SSL check (a signed form with ssl_check=1) with an empty 200, asking nothing", async () => {
    const res = await postSigned(eventsUrl, "ssl_check=1&token=x", "application/x-www-form-urlencoded");
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
    await sleep(50);
    expect(bot.calls.asked).toEqual([]);
  });
});

describe("slash commands", () => {
  it("/samenwerken <vraag> answers ephemerally in the response, with 'Deel in kanaal'", async () => {
    const res = await postCommand(eventsUrl, "/samenwerken", "Hoe geef ik een zienswijze?", slack.responseUrl());
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.response_type).toBe("ephemeral");
    const blocks = blocksOf(body);
    expect(blockText(blocks)).toContain("Zienswijze op de begroting");
    expect(findButton(blocks, "share_answer", "zienswijze-begroting")).toBeDefined();
    expect(blockKitViolations(blocks)).toEqual([]);
    expect(bot.calls.asked).toEqual(["Hoe geef ik een zienswijze?"]);
  });

  it("/samenwerken alone and 'help' explain", async () => {
    for (const text of ["", "help"]) {
      const res = await postCommand(eventsUrl, "/samenwerken", text, slack.responseUrl());
      const blocks = blocksOf((await res.json()) as Record<string, unknown>);
      expect(blockText(blocks)).toContain(messages.helpTitle);
    }
    expect(bot.calls.asked).toEqual([]);
  });

  it("escapes the echoed question so broadcasts never fire", async () => {
    // Slack sends what the user typed escaped; a real broadcast arrives as <!channel>.
    const res = await postCommand(
      eventsUrl,
      "/samenwerken",
      "&lt;!channel&gt; iets onbekends &amp; <!here> &lt;@U0OTHER&gt;",
      slack.responseUrl(),
    );
    const body = (await res.json()) as Record<string, unknown>;
    const json = JSON.stringify(body);
    expect(json).not.toMatch(/<[!@]/);
    expect(blockText(blocksOf(body))).toContain(
      messages.youAsked("&lt;!channel&gt; iets onbekends &amp; &lt;@U0OTHER&gt;"),
    );
    expect(body.link_names).toBeUndefined();
    expect(blockText(blocksOf(body))).toContain(messages.unknownTitle);
  });

  it("/checklist lists, /checklist <onderwerp> opens a run, an unknown topic says so", async () => {
    const list = blocksOf(
      (await (await postCommand(eventsUrl, "/checklist", "", slack.responseUrl())).json()) as Record<string, unknown>,
    );
    expect(blockText(list)).toContain(messages.checklistsTitle);
    expect(findButton(list, "checklist_open", "checklist-uittreden")).toBeDefined();

    const open = blocksOf(
      (await (await postCommand(eventsUrl, "/checklist", "uittreden", slack.responseUrl())).json()) as Record<
        string,
        unknown
      >,
    );
    expect(blockText(open)).toContain(messages.checklistProgress(0, 12));
    expect(open.filter((b) => b.type === "input")).toHaveLength(2);

    const none = blocksOf(
      (await (await postCommand(eventsUrl, "/checklist", "kernenergie", slack.responseUrl())).json()) as Record<
        string,
        unknown
      >,
    );
    expect(blockText(none)).toContain(messages.checklistNotFound);
  });
});

describe("conversations", () => {
  it("app_mention answers in the thread", async () => {
    const res = await postEvent(eventsUrl, eventEnvelope(mentionEvent("zienswijze &lt;!channel&gt;")));
    expect(res.status).toBe(200);
    const [post] = await slack.waitFor("chat.postMessage");
    expect(post!.token).toBe(BOT_TOKEN);
    expect(post!.body).toMatchObject({ channel: "C0CHAN001", thread_ts: "1700000100.000100" });
    expect(post!.body.link_names).toBeUndefined();
    const blocks = blocksOf(post!.body);
    expect(blockText(blocks)).toContain("Zienswijze op de begroting");
    expect(JSON.stringify(blocks)).not.toMatch(/<[!@]/);
    expect(blockText(blocks)).toContain(messages.youAsked("zienswijze &lt;!channel&gt;"));
    expect(bot.calls.asked).toEqual(["zienswijze <!channel>"]);
  });

  it("a mention inside a thread answers in that thread", async () => {
    await postEvent(
      eventsUrl,
      eventEnvelope(mentionEvent("zienswijze", { ts: "1700000999.000100", thread_ts: "1700000500.000100" })),
    );
    const [post] = await slack.waitFor("chat.postMessage");
    expect(post!.body.thread_ts).toBe("1700000500.000100");
  });

  it("a direct message answers in the DM", async () => {
    await postEvent(eventsUrl, eventEnvelope(dmEvent("zienswijze")));
    const [post] = await slack.waitFor("chat.postMessage");
    expect(post!.body.channel).toBe("D0DM00001");
    expect(post!.body.thread_ts).toBeUndefined();
  });

  it("a retried delivery (same event id, x-slack-retry-num) is answered once", async () => {
    const envelope = eventEnvelope(mentionEvent("zienswijze"), "EvRETRY0001");
    expect((await postEvent(eventsUrl, envelope)).status).toBe(200);
    await slack.waitFor("chat.postMessage");
    const retry = await postEvent(eventsUrl, envelope, {
      headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" },
    });
    expect(retry.status).toBe(200);
    await sleep(300);
    expect(slack.of("chat.postMessage")).toHaveLength(1);
    expect(bot.calls.asked).toHaveLength(1);
  });

  it("ignores the bot's own messages and edits", async () => {
    await postEvent(eventsUrl, eventEnvelope(dmEvent("zienswijze", { bot_id: "B0BOT001", user: BOT_USER_ID })));
    await postEvent(eventsUrl, eventEnvelope(dmEvent("zienswijze", { subtype: "message_changed" })));
    await sleep(300);
    expect(slack.of("chat.postMessage")).toHaveLength(0);
  });

  it("app_home_opened publishes the home view", async () => {
    const home = await openAppHome(eventsUrl, slack);
    expect(home.user_id).toBe(USER_ID);
    const view = home.view;
    expect(view.type).toBe("home");
    const text = blockText(view.blocks);
    expect(text).toContain(messages.welcomeTitle);
    expect(text).toContain(messages.topicsTitle);
    expect(text).toContain(messages.checklistsTitle);
    expect(findButton(view.blocks, "checklist_open", "checklist-uittreden")).toBeDefined();
  });
});

describe("interactions", () => {
  it("a related/'bedoelde u' button on an ephemeral answer replaces it with that answer", async () => {
    const responseUrl = slack.responseUrl("rel1");
    const res = await postAction(
      eventsUrl,
      blockActions({ action_id: "open_entry:1", value: "uittreden" }, { responseUrl, ephemeral: true }),
    );
    expect(res.status).toBe(200);
    const [resp] = await slack.waitFor("response_url");
    expect(resp!.responseId).toBe("rel1");
    expect(resp!.body).toMatchObject({ replace_original: true, response_type: "ephemeral" });
    expect(blockText(blocksOf(resp!.body))).toContain("Uittreden uit een gemeenschappelijke regeling");
  });

  it("a related button in a thread answer posts in the thread", async () => {
    const message = { type: "message", ts: "1700000600.000100", thread_ts: "1700000100.000100", blocks: [] };
    await postAction(
      eventsUrl,
      blockActions({ action_id: "open_entry:2", value: "uittreden" }, { responseUrl: slack.responseUrl(), message }),
    );
    const [post] = await slack.waitFor("chat.postMessage");
    expect(post!.body).toMatchObject({ channel: "C0CHAN001", thread_ts: "1700000100.000100" });
  });

  it("a topic button in App Home answers in the DM", async () => {
    await postAction(
      eventsUrl,
      blockActions({ action_id: "open_entry:1", value: "zienswijze-begroting" }, { home: true }),
    );
    const [post] = await slack.waitFor("chat.postMessage");
    expect(slack.of("conversations.open")[0]!.body.users).toBe(USER_ID);
    expect(post!.body.channel).toBe(`D${USER_ID.slice(1)}`);
    expect(blockText(blocksOf(post!.body))).toContain("Zienswijze op de begroting");
  });

  it("👍/👎 store feedback and thank the user in place", async () => {
    const answer = (await (
      await postCommand(eventsUrl, "/samenwerken", "zienswijze", slack.responseUrl())
    ).json()) as Record<string, unknown>;
    const message = { type: "message", ts: "1700000700.000100", blocks: answer.blocks };
    await postAction(
      eventsUrl,
      blockActions(
        { action_id: "feedback_no", value: "zienswijze-begroting" },
        { responseUrl: slack.responseUrl("fb"), message },
      ),
    );
    const [resp] = await slack.waitFor("response_url");
    expect(bot.calls.feedback).toEqual([{ entryId: "zienswijze-begroting", helpful: false, platform: "slack" }]);
    expect(resp!.body.replace_original).toBe(true);
    const blocks = blocksOf(resp!.body);
    expect(blockText(blocks)).toContain(messages.feedbackThanks);
    expect(elementsOf(blocks).some((e) => String(e.action_id).startsWith("feedback"))).toBe(false);
  });

  it("feedback for an unknown entry is not stored", async () => {
    await postAction(
      eventsUrl,
      blockActions({ action_id: "feedback_yes", value: "bestaat-niet" }, { responseUrl: slack.responseUrl() }),
    );
    await sleep(200);
    expect(bot.calls.feedback).toEqual([]);
  });

  it("'Deel in kanaal' posts the answer in_channel and removes the ephemeral copy", async () => {
    await postAction(
      eventsUrl,
      blockActions(
        { action_id: "share_answer", value: "zienswijze-begroting" },
        { responseUrl: slack.responseUrl("share"), ephemeral: true },
      ),
    );
    const posts = await slack.waitFor("response_url", 2);
    expect(posts[0]!.body.response_type).toBe("in_channel");
    expect(blockText(blocksOf(posts[0]!.body))).toContain("Zienswijze op de begroting");
    expect(findButton(blocksOf(posts[0]!.body), "share_answer")).toBeUndefined();
    expect(posts[1]!.body).toMatchObject({ delete_original: true });
  });

  it("ticking checkboxes stores ticks per run and updates the progress; Exporteer returns the markdown", async () => {
    const opened = blocksOf(
      (await (await postCommand(eventsUrl, "/checklist", "uittreden", slack.responseUrl())).json()) as Record<
        string,
        unknown
      >,
    );
    const inputs = opened.filter((b) => b.type === "input");
    const blockId = String(inputs[1]!.block_id);
    const runId = String(findButton(opened, "checklist_export")!.value);

    await postAction(
      eventsUrl,
      blockActions(
        { type: "checkboxes", action_id: "checklist_tick", block_id: blockId, selected_options: [{ value: "12" }] },
        { responseUrl: slack.responseUrl("tick"), ephemeral: true },
      ),
    );
    const [upd] = await slack.waitFor("response_url");
    expect(bot.calls.toggles).toEqual([{ runId, itemId: "checklist-uittreden#12", userId: USER_ID, checked: true }]);
    expect(upd!.body.replace_original).toBe(true);
    const blocks = blocksOf(upd!.body);
    expect(blockText(blocks)).toContain(messages.checklistProgress(1, 12));
    const second = blocks.filter((b) => b.type === "input")[1]!.element as { initial_options?: { value: string }[] };
    expect(second.initial_options?.map((o) => o.value)).toEqual(["12"]);

    // Unticking the same group; ticks in the other group are untouched.
    await postAction(
      eventsUrl,
      blockActions(
        { type: "checkboxes", action_id: "checklist_tick", block_id: blockId, selected_options: [] },
        { responseUrl: slack.responseUrl(), ephemeral: true },
      ),
    );
    await slack.waitFor("response_url", 2);
    expect(bot.calls.toggles[1]).toMatchObject({ itemId: "checklist-uittreden#12", checked: false });

    await postAction(
      eventsUrl,
      blockActions(
        {
          type: "checkboxes",
          action_id: "checklist_tick",
          block_id: String(inputs[0]!.block_id),
          selected_options: [{ value: "1" }, { value: "3" }],
        },
        { responseUrl: slack.responseUrl(), ephemeral: true },
      ),
    );
    await slack.waitFor("response_url", 3);
    expect(bot.calls.toggles.slice(2).map((t) => t.itemId)).toEqual(["checklist-uittreden#1", "checklist-uittreden#3"]);

    await postAction(
      eventsUrl,
      blockActions(
        { action_id: "checklist_export", value: runId },
        { responseUrl: slack.responseUrl("export"), ephemeral: true },
      ),
    );
    const exp = (await slack.waitFor("response_url", 4))[3]!;
    expect(exp.body).toMatchObject({ response_type: "ephemeral", replace_original: false });
    const text = blockText(blocksOf(exp.body));
    expect(text).toContain("- [x] Punt 1 is nagelopen");
    expect(text).toContain("- [ ] Punt 4 is nagelopen");
  });

  it("without a response_url, a tick updates the message (chat.update) and the export goes out as chat.postEphemeral", async () => {
    await postEvent(eventsUrl, eventEnvelope(dmEvent("checklist uittreden")));
    const [post] = await slack.waitFor("chat.postMessage");
    const blocks = blocksOf(post!.body);
    const input = blocks.find((b) => b.type === "input")!;
    const runId = String(findButton(blocks, "checklist_export")!.value);
    const message = { type: "message", ts: "1700000800.000100", blocks };
    await postAction(
      eventsUrl,
      blockActions(
        {
          type: "checkboxes",
          action_id: "checklist_tick",
          block_id: String(input.block_id),
          selected_options: [{ value: "2" }],
        },
        { channel: "D0DM00001", message },
      ),
    );
    const [upd] = await slack.waitFor("chat.update");
    expect(upd!.body).toMatchObject({ channel: "D0DM00001", ts: "1700000800.000100" });
    expect(blockText(blocksOf(upd!.body))).toContain(messages.checklistProgress(1, 12));

    await postAction(
      eventsUrl,
      blockActions({ action_id: "checklist_export", value: runId }, { channel: "D0DM00001", message }),
    );
    const [eph] = await slack.waitFor("chat.postEphemeral");
    expect(eph!.body).toMatchObject({ channel: "D0DM00001", user: USER_ID });
    expect(blockText(blocksOf(eph!.body))).toContain("- [x] De **kosten** van uittreden");
  });

  it("a tick on a run that no longer exists says so", async () => {
    await postAction(
      eventsUrl,
      blockActions(
        { type: "checkboxes", action_id: "checklist_tick", block_id: "cl|gone-run|1", selected_options: [] },
        { responseUrl: slack.responseUrl(), ephemeral: true },
      ),
    );
    const [resp] = await slack.waitFor("response_url");
    expect(blockText(blocksOf(resp!.body))).toContain(messages.checklistRunUnknown);
    expect(bot.calls.toggles).toEqual([]);
  });
});

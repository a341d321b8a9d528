// Deadlines over signed Slack HTTP through the real server (app/start.ts) with the example register and a fixed
// clock: /termijn, a plain question, the register questions, App Home, and the reminders (posted once to the fake
// Slack API; a second run, a second instance and a restart post nothing).
import { beforeAll, describe, expect, it } from "vitest";
import type { RunningApp } from "../../../app/start.ts";
import { slackReminderSink } from "../../../adapters/slack/termijn.ts";
import { createLogger } from "../../../src/log.ts";
import { SqlStore } from "../../../src/store/index.ts";
import { createReminderJob, createSqlReminderLog } from "../../../src/termijnen/herinneringen.ts";
import { loadRegister } from "../../../src/termijnen/register.ts";
import { createTermijnService } from "../../../src/termijnen/service.ts";
import { blockActions, blockText, blocksOf, findButton, postAction, postCommand, type FakeSlack } from "./helpers.ts";
import { blockKitViolations } from "./limits.ts";
import { openAppHome, useSlackApp } from "./app-fixture.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const CHANNEL = "C0REMIND1";
// 12 April 2027: 21 days before the ODV deadline (3 May 2027) in the example register.
const clock = () => new Date("2027-04-12T06:00:00Z");
const logger = createLogger({ level: "silent" });

// No reset between tests: the first test reads the reminder posted during start-up.
const suite = useSlackApp({
  env: {
    REGISTER_FILE: "knowledge/register/voorbeeld-register.yml",
    REMINDER_SLACK_CHANNEL: CHANNEL,
    REMINDER_DAYS: "21,7",
  },
  clock,
  resetBeforeEach: false,
});
let slack: FakeSlack;
let app: RunningApp;
let eventsUrl: string;
beforeAll(() => {
  ({ app, slack, eventsUrl } = suite());
});

const command = async (name: string, text: string) => {
  const res = await postCommand(eventsUrl, name, text, slack.responseUrl());
  expect(res.status).toBe(200);
  const body = (await res.json()) as Record<string, unknown>;
  expect(body.response_type).toBe("ephemeral");
  const blocks = blocksOf(body);
  expect(blockKitViolations(blocks)).toEqual([]);
  return blockText(blocks);
};

describe("deadlines in Slack", () => {
  it("reminders: posted once on start to the channel; a second run, a second instance and a restart do not", async () => {
    const [post] = await slack.waitFor("chat.postMessage");
    expect(post!.body.channel).toBe(CHANNEL);
    expect(String(post!.body.text)).toContain("nog 21 dagen tot maandag 3 mei 2027");
    expect(String(post!.body.text)).toContain("art. 1 lid 3 Wgr");

    await app.reminders!.runOnce(); // joins the run still in flight from start-up
    expect((await app.reminders!.runOnce()).sent).toEqual([]);
    const store = app.store as SqlStore;
    const second = createReminderJob({
      termijnen: createTermijnService({
        register: await loadRegister("knowledge/register/voorbeeld-register.yml"),
        clock,
      }),
      log: createSqlReminderLog(store.client, clock),
      sinks: [slackReminderSink(app.config, CHANNEL)],
      dagen: [21, 7],
      logger,
    });
    expect((await second.runOnce()).sent).toEqual([]);

    await suite().restart();
    ({ app, eventsUrl } = suite());
    await app.reminders!.runOnce();
    await sleep(200);
    expect(slack.of("chat.postMessage")).toHaveLength(1);
  });

  it("/termijn <soort> <datum> answers with the date, the rule and the article", async () => {
    const text = await command("/termijn", "ontwerpregeling 6 maart 2027");
    expect(text).toContain("Uiterlijk maandag 3 mei 2027");
    expect(text).toContain("art. 1 lid 3 Wgr");
    expect(text).toContain("acht weken");
    expect(await command("/termijn", "begroting 2027-02-26")).toContain("vrijdag 21 mei 2027");
  });

  it("/termijn without arguments explains itself; /termijn with a question answers it", async () => {
    expect(await command("/termijn", "")).toContain("Gebruik: /termijn");
    expect(await command("/termijn", "begroting 2027-02-30")).toContain('"2027-02-30" is geen bestaande datum');
    expect(await command("/termijn", "onzin 2027-03-06")).toContain('Onbekende soort termijn "onzin"');
    expect(await command("/termijn", "welke zienswijzen lopen er?")).toContain("3 mei 2027");
  });

  it("a plain question in /samenwerken gets the computed date", async () => {
    const text = await command(
      "/samenwerken",
      "wanneer moet de zienswijze op de ontwerpregeling binnen zijn als we hem op 6 maart kregen?",
    );
    expect(text).toContain("maandag 3 mei 2027");
    expect(text).toContain("art. 1 lid 3 Wgr");
  });

  it("'Deel in kanaal' on a deadline answer posts the same deadline in the channel", async () => {
    const res = await postCommand(
      eventsUrl,
      "/samenwerken",
      "wanneer moet de zienswijze op de ontwerpregeling binnen zijn als we hem op 6 maart kregen?",
      slack.responseUrl(),
    );
    const share = findButton(blocksOf((await res.json()) as Record<string, unknown>), "share_answer");
    expect(share?.value).toBe("termijn:ontwerpregeling:2027-03-06");
    const before = slack.of("response_url").length;
    await postAction(
      eventsUrl,
      blockActions(
        { action_id: "share_answer", value: String(share!.value) },
        { responseUrl: slack.responseUrl("share"), ephemeral: true },
      ),
    );
    const posts = await slack.waitFor("response_url", before + 1);
    const shared = posts.find((p) => p.body.response_type === "in_channel");
    expect(blockText(blocksOf(shared!.body))).toContain("Uiterlijk maandag 3 mei 2027");
  });

  it("register questions are answered from the register", async () => {
    const text = await command("/samenwerken", "In welke regelingen zit onze gemeente?");
    expect(text).toContain("Voorbeeldstad neemt volgens het register deel in 3 regelingen");
    expect(text).toContain("Omgevingsdienst Voorbeeldland");
  });

  it("App Home shows the next deadlines", async () => {
    const home = await openAppHome(eventsUrl, slack);
    const view = home.view;
    const text = blockText(view.blocks);
    expect(text).toContain("Eerstvolgende termijnen");
    expect(text).toContain("3 mei 2027: zienswijze op een ontwerpregeling");
    expect(text).toContain("voorbeeldregister");
    expect(blockKitViolations(view.blocks, { maxBlocks: 100 })).toEqual([]);
  });
});

// Socket Mode (SLACK_APP_TOKEN): the bot opens a WebSocket to (fake) Slack, answers a slash command in its
// acknowledgement and a mention through the Web API.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSlackMount } from "../../../adapters/slack/index.ts";
import { loadConfig } from "../../../src/config.ts";
import type { Mount } from "../../../src/http/mount.ts";
import { createLogger } from "../../../src/log.ts";
import { startFakeSocketSlack, type FakeSocketSlack } from "./fake-socket.ts";
import {
  APP_TOKEN,
  BOT_TOKEN,
  TEAM_ID,
  USER_ID,
  blockText,
  blocksOf,
  createFakeBot,
  eventEnvelope,
  mentionEvent,
  startFakeSlack,
  type FakeSlack,
} from "./helpers.ts";

let slack: FakeSlack;
let socket: FakeSocketSlack;
let mount: Mount;
const bot = createFakeBot();

beforeAll(async () => {
  slack = await startFakeSlack();
  socket = await startFakeSocketSlack();
  slack.socketUrl = socket.url;
  const config = loadConfig({
    NODE_ENV: "test",
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_APP_TOKEN: APP_TOKEN,
    SLACK_API_URL: slack.apiUrl,
  });
  const m = await createSlackMount({ bot, config, logger: createLogger({ level: "silent" }) });
  if (!m) throw new Error("not mounted");
  mount = m;
  await mount.start?.();
  await socket.connected;
});

afterAll(async () => {
  await mount?.stop?.().catch(() => undefined);
  await socket?.close();
  await slack?.close();
});

describe("Socket Mode", () => {
  it("connects with the app token", () => {
    const open = slack.of("apps.connections.open");
    expect(open).toHaveLength(1);
    expect(open[0]!.token).toBe(APP_TOKEN);
  });

  it("answers a slash command in the envelope's acknowledgement", async () => {
    socket.send({
      envelope_id: "env-cmd-1",
      type: "slash_commands",
      accepts_response_payload: true,
      payload: {
        team_id: TEAM_ID,
        channel_id: "C0CHAN001",
        user_id: USER_ID,
        command: "/samenwerken",
        text: "zienswijze",
        api_app_id: "A0APP0001",
        response_url: slack.responseUrl(),
        trigger_id: "1.2.3",
      },
    });
    const ack = await socket.waitForAck("env-cmd-1");
    const payload = ack.payload as Record<string, unknown>;
    expect(payload.response_type).toBe("ephemeral");
    expect(blockText(blocksOf(payload))).toContain("Zienswijze op de begroting");
  });

  it("answers a mention in its thread through the Web API", async () => {
    socket.send({
      envelope_id: "env-ev-1",
      type: "events_api",
      accepts_response_payload: false,
      payload: eventEnvelope(mentionEvent("zienswijze")),
    });
    await socket.waitForAck("env-ev-1");
    const [post] = await slack.waitFor("chat.postMessage");
    expect(post!.token).toBe(BOT_TOKEN);
    expect(post!.body).toMatchObject({ channel: "C0CHAN001", thread_ts: "1700000100.000100" });
  });
});

describe("Socket Mode when Slack is unreachable", () => {
  it("does not stop the server from starting, and stops cleanly", async () => {
    const config = loadConfig({
      NODE_ENV: "test",
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_APP_TOKEN: APP_TOKEN,
      SLACK_API_URL: "http://127.0.0.1:9/api/",
    });
    const m = await createSlackMount({ bot, config, logger: createLogger({ level: "silent" }) });
    await expect(m!.start!()).resolves.toBeUndefined();
    await expect(m!.stop!()).resolves.toBeUndefined();
  }, 20_000);
});

// Defects 1-3 over real HTTP into Bolt: timestamps from the future are refused, replays act once (also across
// two instances sharing one store), and a signed body that is not an object gets 400 instead of 500.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSlackMount } from "../../../adapters/slack/index.ts";
import { parsedObject } from "../../../adapters/slack/request-guard.ts";
import { loadConfig } from "../../../src/config.ts";
import { createLogger } from "../../../src/log.ts";
import { runMigrations } from "../../../src/store/migrations.ts";
import { SqlStore } from "../../../src/store/sql-store.ts";
import type { Mount } from "../../../src/http/mount.ts";
import {
  BOT_TOKEN,
  SIGNING_SECRET,
  blockActions,
  commandBody,
  createFakeBot,
  eventEnvelope,
  mentionEvent,
  postSigned,
  sign,
  startFakeSlack,
  type FakeSlack,
} from "./helpers.ts";
import { memoryPgliteClient } from "../../support/pglite.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Instance {
  url: string;
  mount: Mount;
  server: Server;
}

let slack: FakeSlack;
let store: SqlStore;
let bot: ReturnType<typeof createFakeBot>;
let a: Instance;
let b: Instance;

async function instance(): Promise<Instance> {
  const config = loadConfig({
    NODE_ENV: "test",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: slack.apiUrl,
  });
  const mount = await createSlackMount({ bot, config, logger: createLogger({ level: "silent" }), seen: store });
  if (!mount) throw new Error("slack not mounted");
  const app = express();
  app.use(mount.path, mount.router);
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  await mount.start?.();
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`, mount, server };
}

beforeAll(async () => {
  slack = await startFakeSlack();
  const client = await memoryPgliteClient();
  await runMigrations(client);
  store = new SqlStore(client, { hashKey: "guard-test-key-0123456789", retentionDays: 180 });
  bot = createFakeBot();
  a = await instance();
  b = await instance();
}, 60_000);

afterAll(async () => {
  for (const i of [a, b]) {
    await i?.mount.stop?.();
    i?.server.closeAllConnections();
    await new Promise<void>((resolve) => (i ? i.server.close(() => resolve()) : resolve()));
  }
  await store?.close();
  await slack?.close();
});

beforeEach(() => {
  slack.reset();
  bot.calls.asked.length = 0;
  bot.calls.feedback.length = 0;
});

const nowSeconds = () => Math.floor(Date.now() / 1000);
const FORM = "application/x-www-form-urlencoded";

/** POSTs exactly these bytes with exactly these headers (a replay sends them again). */
function signedRequest(body: string, contentType: string, timestamp = nowSeconds()) {
  const headers = {
    "content-type": contentType,
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": sign(body, timestamp),
  };
  return (url: string) => fetch(url, { method: "POST", headers, body });
}

describe("request timestamps (defect 1)", () => {
  it("refuses timestamps more than 5 minutes in the future or the past (401), accepts within", async () => {
    // A future timestamp comes closer to the server's clock while the request is on its way: 305 s, not 301, so a
    // second that ticks over (or a slow moment on a busy machine) does not bring it within the window. (The test of
    // 301 s failed that way once in CI.) The past side only moves away: -301 s stays at the boundary.
    for (const offset of [365 * 86_400, 305, -301, -3600]) {
      const res = await signedRequest(
        commandBody("/samenwerken", "zienswijze", slack.responseUrl()),
        FORM,
        nowSeconds() + offset,
      )(a.url);
      expect(res.status, `offset ${offset}`).toBe(401);
    }
    expect(bot.calls.asked).toEqual([]);
    const ok = await signedRequest(
      commandBody("/samenwerken", "zienswijze", slack.responseUrl()),
      FORM,
      nowSeconds() + 120,
    )(a.url);
    expect(ok.status).toBe(200);
    expect(bot.calls.asked).toEqual(["zienswijze"]);
  });
});

describe("replays (defect 2)", () => {
  it("answers the same signed slash command once; the replay gets 200 and no effect", async () => {
    const send = signedRequest(commandBody("/samenwerken", "zienswijze", slack.responseUrl()), FORM);
    const first = await send(a.url);
    expect(first.status).toBe(200);
    expect(await first.text()).toContain("blocks");
    const again = await send(a.url);
    expect(again.status).toBe(200);
    expect(await again.text()).toBe("");
    // A second instance on the same store knows it too.
    const elsewhere = await send(b.url);
    expect(elsewhere.status).toBe(200);
    expect(await elsewhere.text()).toBe("");
    expect(bot.calls.asked).toEqual(["zienswijze"]);
  });

  it("stores a feedback click replayed three times once", async () => {
    const payload = blockActions(
      { action_id: "feedback_no", value: "zienswijze-begroting" },
      { responseUrl: slack.responseUrl() },
    );
    const send = signedRequest(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), FORM);
    for (const target of [a.url, a.url, b.url]) expect((await send(target)).status).toBe(200);
    await sleep(200);
    expect(bot.calls.feedback).toHaveLength(1);
  });

  it("answers an event retried (new signature, same event_id) to two instances once", async () => {
    const envelope = eventEnvelope(mentionEvent("zienswijze"));
    const body = JSON.stringify(envelope);
    expect((await signedRequest(body, "application/json", nowSeconds())(a.url)).status).toBe(200);
    expect((await signedRequest(body, "application/json", nowSeconds() - 1)(b.url)).status).toBe(200);
    await slack.waitFor("chat.postMessage");
    await sleep(300);
    expect(slack.of("chat.postMessage")).toHaveLength(1);
  });
});

describe("signed bodies that are not objects (defect 3)", () => {
  it("answers 400, never 500", async () => {
    for (const [body, type] of [
      ["null", "application/json"],
      ["[]", "application/json"],
      ["42", "application/json"],
      ['"text"', "application/json"],
      ["{", "application/json"],
      ["payload=null", FORM],
      ["payload=%5B1%5D", FORM],
      ["", FORM],
    ] as const) {
      const res = await postSigned(a.url, body, type);
      expect(res.status, body).toBe(400);
    }
  });

  it("parsedObject mirrors what Bolt parses", () => {
    expect(parsedObject('{"type":"event_callback"}', "application/json")).toEqual({ type: "event_callback" });
    expect(parsedObject("payload=%7B%22a%22%3A1%7D", `${FORM}; charset=utf-8`)).toEqual({ a: 1 });
    expect(parsedObject("null", "application/json")).toBeNull();
  });
});
